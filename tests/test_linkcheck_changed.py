"""`check-links --changed-since REF` gives REF to git only as a revision, never as an option."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


@pytest.fixture
def repository(minimal_project: Path) -> Path:
    def git(*arguments: str) -> None:
        subprocess.run(["git", "-C", str(minimal_project), *arguments], check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "records")
    return minimal_project


@pytest.mark.parametrize("option", ["--output=written.txt", "-o", "--no-index", "--ext-diff"])
def test_an_option_given_as_ref_is_refused_and_writes_nothing(repository, curate, option):
    before = sorted(path.name for path in repository.iterdir())

    result = curate("-C", repository, "check-links", f"--changed-since={option}")

    assert result.stderr == (
        f"curate check-links: git diff: {option!r} is not a revision; give a branch, tag or "
        "commit such as origin/main or HEAD~3\n"
    )
    assert result.exit_code == 2
    assert sorted(path.name for path in repository.iterdir()) == before


def test_an_unknown_revision_is_named_shortly(repository, curate):
    result = curate("-C", repository, "check-links", "--changed-since", "no-such-branch")

    assert result.stderr == (
        "curate check-links: git diff: unknown revision 'no-such-branch'; give a branch, tag or "
        "commit such as origin/main or HEAD~3\n"
    )
    assert result.exit_code == 2


def test_control_characters_in_a_ref_are_refused_escaped(repository, curate):
    result = curate("-C", repository, "check-links", "--changed-since", "\x1b]0;owned\x07")

    assert "\x1b" not in result.stderr
    assert result.stderr.startswith("curate check-links: git diff: '\\x1b]0;owned\\x07' is not a revision")
    assert result.exit_code == 2
