"""`curate import --report FILE.md`: what each line of the list became, in one table."""

from __future__ import annotations

from pathlib import Path

LIST = """# Graph Papers

## Methods

- [x] GraphSAGE: Inductive Representation Learning on Large Graphs, NeurIPS2017
- a line of prose that is no paper at all

```
code
```
"""


def test_the_report_says_what_each_line_became(tmp_path: Path, curate):
    source = tmp_path / "list.md"
    source.write_text(LIST, encoding="utf-8")
    report = tmp_path / "report.md"

    result = curate("-C", tmp_path / "p", "import", source, "--allow-skips", "--report", report)

    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == f"wrote the report to {report}"
    rows = report.read_text(encoding="utf-8").splitlines()
    assert rows[0] == f"# Import report: {source.as_posix()}"
    assert rows[2] == (
        "Written; lines: 3 blank, 3 skipped, 1 list, 1 section, 1 paper, 1 topic."
    )
    assert rows[6:] == [
        "| 1 | list title | # Graph Papers |",
        "| 2 | blank |  |",
        "| 3 | section heading | ## Methods |",
        "| 4 | blank |  |",
        "| 5 | paper graphsage-nips2017 | - [x] GraphSAGE: Inductive Representation Learning on Large "
        "Graphs, NeurIPS2017 |",
        "| 6 | topic content | - a line of prose that is no paper at all |",
        "| 7 | blank |  |",
        "| 8 | skipped: fence line: no entry made | \\`\\`\\` |",
        "| 9 | skipped: fence line: no entry made | code |",
        "| 10 | skipped: fence line: no entry made | \\`\\`\\` |",
    ]


def test_a_refused_import_still_writes_its_report(tmp_path: Path, curate):
    source = tmp_path / "list.md"
    source.write_text(LIST, encoding="utf-8")
    report = tmp_path / "report.md"

    result = curate("-C", tmp_path / "p", "import", source, "--report", report)

    assert result.exit_code == 1
    assert report.read_text(encoding="utf-8").splitlines()[2].startswith("Nothing written; ")
