"""`curate readme --check` shows what would change; `curate readme` refuses to throw away a hand
edit between the markers (exit 1, naming the lines) unless `--force` is given."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.website.conftest import make_project

EXPECTED = Path(__file__).parent / "data" / "expected"
README = "# My list project\n\n<!-- curate:readme:start -->\n<!-- curate:readme:end -->\n"
EDITED = (
    "the list between the curate:readme markers was edited by hand (its checksum no longer matches);"
)


@pytest.fixture
def project(tmp_path: Path, curate) -> Path:
    """The tiny project with a freshly written README."""
    root = make_project(tmp_path / "project")
    (root / "README.md").write_text(README)
    assert curate("-C", root, "readme").exit_code == 0
    return root


def mark_delta_unread(project: Path) -> None:
    delta = project / "papers" / "papers" / "delta-tpami2019.yaml"
    delta.write_text(delta.read_text().replace("status: read", "status: to-read"))


def edit_by_hand(project: Path) -> str:
    readme = project / "README.md"
    readme.write_text(readme.read_text().replace("2 of 3 read.", "2 of 3 read (both worth it)."))
    return readme.read_text()


def test_check_prints_the_diff_of_a_stale_readme_and_writes_nothing(project: Path, curate):
    mark_delta_unread(project)
    before = (project / "README.md").read_text()

    result = curate("-C", project, "readme", "--check")

    golden = EXPECTED / "readme-check.diff"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(result.stdout)
    assert result.stdout == golden.read_text()
    assert result.stdout.endswith("README.md: out of date; run 'curate readme' and commit the result\n")
    assert (result.exit_code, (project / "README.md").read_text()) == (1, before)


def test_a_hand_edit_between_the_markers_is_refused_with_its_line(project: Path, curate):
    edited = edit_by_hand(project)

    result = curate("-C", project, "readme")

    assert result.exit_code == 1
    assert result.stderr == (
        f"README.md:86: {EDITED} 'curate readme' would overwrite these lines: make the change in "
        "the records under papers/ (or outside the markers), or run 'curate readme --force' to "
        "discard the edit\n"
    )
    assert (project / "README.md").read_text() == edited


def test_check_says_the_list_was_edited_by_hand(project: Path, curate):
    edit_by_hand(project)

    result = curate("-C", project, "readme", "--check")

    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        f"README.md: {EDITED} make the change in the records under papers/ (or outside the "
        "markers), then run 'curate readme'"
    )
    assert "-2 of 3 read (both worth it).\n+2 of 3 read.\n" in result.stdout


def test_force_discards_the_hand_edit(project: Path, curate):
    edit_by_hand(project)

    result = curate("-C", project, "readme", "--force")

    assert (result.exit_code, result.stdout) == (0, "wrote README.md\n")
    assert "2 of 3 read.\n" in (project / "README.md").read_text()
    assert curate("-C", project, "readme", "--check").exit_code == 0


def test_a_stale_list_not_edited_by_hand_is_rewritten(project: Path, curate):
    mark_delta_unread(project)

    result = curate("-C", project, "readme")

    assert (result.exit_code, result.stdout) == (0, "wrote README.md\n")
    assert "1 of 3 read.\n" in (project / "README.md").read_text()


def test_edits_outside_the_markers_are_kept_and_never_refused(project: Path, curate):
    readme = project / "README.md"
    readme.write_text(readme.read_text().replace("# My list project", "# Our list project"))
    mark_delta_unread(project)

    assert curate("-C", project, "readme").exit_code == 0
    assert readme.read_text().startswith("# Our list project\n")
