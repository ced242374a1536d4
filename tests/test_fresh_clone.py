"""The suite passes in a contributor's fresh clone: no test reads anything outside the repository.

Our own workplace keeps other folders beside the repository (for instance the list our seed
database was imported from); a contributor's clone has nothing beside it. A test that reads
`../something` passes here and fails there, so the tests are checked both ways: no test names a
path outside the repository, and the fast part of the suite runs in a copy of the repository's
files placed alone in an empty temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, TESTS_DIR

OUTSIDE = re.compile(
    r"(REPO_ROOT|REPO|TESTS_DIR\.parent)\.parent\b|/ *\"\.\.\"|\.\./shared|/work/|shared/seeds"
)
"""Ways a test has named a file outside the repository (relative links inside pages are fine)."""
SLOW = ["tests/website"]
"""Browser and whole-site tests: the clone runs everything else."""


def tracked_files() -> list[str]:
    """The working tree's files a commit would hold: tracked ones plus new ones not ignored."""
    if not (REPO_ROOT / ".git").exists():
        pytest.fail("not a git checkout: cannot tell which files a clone would hold")
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=60,
    )
    return [name for name in listing.stdout.split("\0") if name and (REPO_ROOT / name).is_file()]


def test_no_test_names_a_path_outside_the_repository():
    this_file = Path(__file__).resolve()
    found = [
        f"{path.relative_to(REPO_ROOT)}:{number}: {line.strip()}"
        for path in sorted(TESTS_DIR.rglob("*.py"))
        if path != this_file
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OUTSIDE.search(line)
    ]

    assert found == []


def test_the_fast_part_of_the_suite_passes_in_a_clone_with_nothing_beside_it(tmp_path: Path):
    clone = tmp_path / "alone" / "repository"
    subprocess.run(
        ["git", "clone", "-q", "--no-hardlinks", str(REPO_ROOT), str(clone)],
        capture_output=True, text=True, check=True, timeout=120,
    )
    for name in tracked_files():  # the working tree's changes, as they will be committed
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO_ROOT / name, clone / name)
    environment = {**os.environ, "PYTHONPATH": str(clone)}
    imported = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=clone, env=environment, capture_output=True, text=True, check=True, timeout=60,
    )
    assert Path(imported.stdout.strip()).is_relative_to(clone)
    ignored = [f"--ignore={path}" for path in [*SLOW, str(Path(__file__).relative_to(REPO_ROOT))]]

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *ignored],
        cwd=clone, env=environment, capture_output=True, text=True, timeout=600, check=False,
    )

    assert sorted(os.listdir(tmp_path / "alone")) == ["repository"]
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout.splitlines()[-1])
