"""Which files a change touched, according to git (for `--changed-since REF`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import EXIT_USAGE, CurateError
from generator.problems import shown


class GitError(CurateError):
    """git could not answer: not a repository, unknown ref, git missing."""

    exit_code = EXIT_USAGE


def changed_files(root: Path, ref: str) -> set[str]:
    """Paths (relative to `root`) changed since `ref`, committed or not, plus new files."""
    commit = _commit_of(root, ref)
    changed = _git(root, "diff", "--name-only", "--relative", commit, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    return {line for line in (changed + untracked).splitlines() if line}


def _commit_of(root: Path, ref: str) -> str:
    """The commit `ref` names; `ref` is only ever read as a revision, never as an option
    (`--output=FILE` would make `git diff` write a file)."""
    if not ref or ref.startswith("-") or not ref.isprintable() or any(c.isspace() for c in ref):
        raise GitError(f"git diff: {shown(ref)} is not a revision; {_EXAMPLE}")
    revision = f"{ref}^{{commit}}"
    commit = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", revision, as_step="diff")
    if not commit:
        raise GitError(f"git diff: unknown revision {shown(ref)}; {_EXAMPLE}")
    return commit.strip()


_EXAMPLE = "give a branch, tag or commit such as origin/main or HEAD~3"


def _git(root: Path, *arguments: str, as_step: str = "") -> str:
    """The output of `git ARGUMENTS`; errors are named after `as_step` (the git command the
    user would recognise), else after the command run."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False,
        )
    except OSError as error:
        raise GitError(f"cannot run git: {error}") from None
    if completed.returncode:
        if arguments[:1] == ("rev-parse",) and not completed.stderr.strip():
            return ""  # --verify --quiet: no such commit
        message = completed.stderr.strip().splitlines()
        raise GitError(f"git {as_step or arguments[0]}: {message[0][:200] if message else 'failed'}")
    return completed.stdout
