"""Shared fixtures: copies of small projects, and running `curate` in-process."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.cli import main

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
MINIMAL_PROJECT = TESTS_DIR / "data" / "minimal_project"


@dataclass
class CurateRun:
    """What one `curate` invocation returned and printed."""

    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def curate(capsys: pytest.CaptureFixture[str]) -> Callable[..., CurateRun]:
    """Run `curate ARGS...` in-process and capture its output."""

    def run(*args: str | Path) -> CurateRun:
        capsys.readouterr()
        exit_code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return CurateRun(exit_code, captured.out, captured.err)

    return run


@pytest.fixture
def minimal_project(tmp_path: Path) -> Path:
    """A writable copy of the minimal fixture project."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL_PROJECT, root)
    return root
