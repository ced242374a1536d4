"""Link checking: collect URLs with file:line, check them safely and fast, report."""

# The list config holds a LinkCheckConfig, and this package's config builds on the record
# models: load the models first so either import order works.
import generator.models  # noqa: F401
