"""Fixtures for the contributor flow: a copy of the project, the services replayed locally."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import REPO_ROOT
from tests.contrib.replay_server import SERVICE_VARIABLES, register_replay

TEST_SERVICES = """
services:
  cache_dir: {cache_dir}
  timeout_seconds: 1
  max_retry_wait_seconds: 5
  min_interval_seconds: {{arxiv: 0, crossref: 0, semantic_scholar: 0, github: 0, openreview: 0}}
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
def project_without_stc(project: Path) -> Path:
    """The project before STC (DOI 10.1109/TPAMI.2016.2636150) was on the list."""
    (project / "papers" / "papers" / "stc-tpami2017.yaml").unlink()
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
