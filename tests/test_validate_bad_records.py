"""Every kind of bad record gets an exact `file:line: field: message` report and exit 1.

Each folder under tests/bad_records/ holds files laid over a copy of the minimal project and
`expected.txt`, the whole output `curate validate` must print. Regenerate the expectations
after a deliberate wording change with `UPDATE_GOLDEN=1 pytest tests/test_validate_bad_records.py`
and review the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CASES_DIR = Path(__file__).resolve().parent / "bad_records"
CASES = sorted(path.name for path in CASES_DIR.iterdir() if path.is_dir())


def lay_over(project: Path, case: str) -> None:
    case_dir = CASES_DIR / case
    for source in case_dir.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = project / source.relative_to(case_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


@pytest.mark.parametrize("case", CASES)
def test_bad_record_is_reported_with_file_line_and_field(case, minimal_project, curate):
    lay_over(minimal_project, case)

    result = curate("-C", minimal_project, "validate")

    expected_file = CASES_DIR / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected_file.read_text(encoding="utf-8")
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr


def test_every_case_has_its_expected_output():
    missing = [case for case in CASES if not (CASES_DIR / case / "expected.txt").is_file()]
    assert missing == []


def test_fifty_megabyte_file_is_refused_unread(minimal_project, curate):
    huge = minimal_project / "papers" / "papers" / "huge.yaml"
    with huge.open("w", encoding="utf-8") as stream:
        stream.write("id: huge\nnotes: |\n")
        line = "  " + "x" * 98 + "\n"
        stream.write(line * (50 * 1024 * 1024 // len(line)))

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == (
        "papers/papers/huge.yaml: file is 52.4 MB; a record may be at most 1 MB "
        "(split it, or move data out of it)\n"
    )
    assert result.exit_code == 1


def test_all_problems_of_a_run_are_reported_together(minimal_project, curate):
    for case in ("malformed-yaml", "unknown-field", "javascript-url", "dangling-references"):
        lay_over(minimal_project, case)

    result = curate("-C", minimal_project, "validate")

    reported_files = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert reported_files == {
        "papers/papers/broken.yaml",
        "papers/papers/typo.yaml",
        "papers/papers/xss.yaml",
        "papers/papers/lost.yaml",
        "papers/implementations/orphan.yaml",
    }
    assert result.stderr == f"curate: {len(result.stdout.splitlines())} problems found\n"
