"""Fixtures for the contributor flow: a copy of the project, the services replayed locally."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from generator.cli import main

sys.path.insert(0, str(Path(__file__).parent))
from replay_server import SERVICE_VARIABLES, register_replay  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]

TEST_SERVICES = """
services:
  cache_dir: {cache_dir}
  timeout_seconds: 1
  max_retry_wait_seconds: 5
  min_interval_seconds: {{arxiv: 0, crossref: 0, semantic_scholar: 0, github: 0}}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this repository's database, with fast look-up settings and its own cache."""
    root = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "papers", root / "papers")
    with (root / "papers" / "list.yaml").open("a", encoding="utf-8") as stream:
        stream.write(TEST_SERVICES.format(cache_dir=tmp_path / "cache"))
    return root


@pytest.fixture
def project_without_ficklenet(project: Path) -> Path:
    """The project before FickleNet (arXiv 1902.10421) was on the list."""
    (project / "papers" / "papers" / "ficklenet-cvpr2019.yaml").unlink()
    return project


@pytest.fixture
def services(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """Every service pointed (by environment variable) at one local server, with no answers yet."""
    base = httpserver.url_for("/").rstrip("/")
    for name in SERVICE_VARIABLES:
        monkeypatch.setenv(name, base)
    return httpserver


@pytest.fixture
def replay(services: HTTPServer) -> Iterator[HTTPServer]:
    """The services answering every recorded request of `data/replay/replay.yaml`."""
    register_replay(services)
    yield services
    services.check_assertions()


@dataclass(frozen=True)
class Run:
    """What one `curate` run did."""

    code: int
    out: str
    err: str


@pytest.fixture
def curate(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `curate -C PROJECT ARGS...` in this process and return its exit code and output."""

    def run(project: Path, *args: str) -> Run:
        capsys.readouterr()
        code = main(["-C", str(project), *args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run
