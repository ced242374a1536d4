"""Link checking: collect URLs with file:line, check them safely and fast, report."""
