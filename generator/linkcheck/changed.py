"""Which files a change touched, according to git (for `--changed-since REF`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import EXIT_USAGE, CurateError


class GitError(CurateError):
    """git could not answer: not a repository, unknown ref, git missing."""

    exit_code = EXIT_USAGE


def changed_files(root: Path, ref: str) -> set[str]:
    """Paths (relative to `root`) changed since `ref`, committed or not, plus new files."""
    changed = _git(root, "diff", "--name-only", "--relative", ref, "--")
    untracked = _git(root, "ls-files", "--others", "--exclude-standard")
    return {line for line in (changed + untracked).splitlines() if line}


def _git(root: Path, *arguments: str) -> str:
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), *arguments], capture_output=True, text=True, check=False,
        )
    except OSError as error:
        raise GitError(f"cannot run git: {error}") from None
    if completed.returncode:
        message = completed.stderr.strip().splitlines()
        raise GitError(f"git {' '.join(arguments[:1])}: {message[0] if message else 'failed'}")
    return completed.stdout
