"""Which record files git's HEAD already holds: the older of two records is the committed one."""

from __future__ import annotations

import subprocess
from pathlib import Path


def committed_files(root: Path) -> frozenset[str] | None:
    """Paths (relative to `root`, '/'-separated) that HEAD holds; None when git cannot say
    (not a repository, no commit yet, git missing)."""
    try:
        completed = subprocess.run(
            ["git", "-C", str(root), "ls-tree", "-r", "--name-only", "HEAD", "--", "."],
            capture_output=True, text=True, check=False, timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if completed.returncode:
        return None
    return frozenset(line for line in completed.stdout.splitlines() if line)
