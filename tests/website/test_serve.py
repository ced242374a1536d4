"""`mkdocs serve` rebuilds the site when a record under papers/ or a project template changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from tests.website.conftest import make_project

SERVE_WAIT = 90
"""Seconds a (re)build may take before the test gives up: generous, CI machines are shared."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, deadline: float, wanted: str) -> str:
    """GET `url` until its body contains `wanted` or the deadline passes; return the last body."""
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if wanted in body:
                return body
        except OSError:  # not serving yet, refused, reset, or slow under load (TimeoutError)
            pass
        time.sleep(0.2)
    return body


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """`mkdocs serve` of `project` on a free port; yield the site's base URL."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        base = urlsplit(yaml.safe_load((project / "mkdocs.yml").read_text())["site_url"]).path
        yield f"http://127.0.0.1:{port}{base}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_rebuilds_when_a_paper_record_changes(tmp_path):
    project = make_project(tmp_path / "project")
    with serving(project) as site:
        page = f"{site}papers/delta-tpami2019.html"
        assert "Delta Journal Extension" in fetch(page, time.monotonic() + SERVE_WAIT, "Delta Journal")

        record = project / "papers" / "papers" / "delta-tpami2019.yaml"
        record.write_text(record.read_text().replace("Delta Journal Extension", "Delta Revised"))

        assert "Delta Revised" in fetch(page, time.monotonic() + SERVE_WAIT, "Delta Revised")


def test_serve_rebuilds_when_a_template_of_the_project_changes(tmp_path):
    project = make_project(tmp_path / "project")
    override = project / "templates" / "site" / "tags.md.j2"
    override.parent.mkdir(parents=True)
    override.write_text("# Labels\n\nFirst words.\n\n<!-- material/tags -->\n")
    with serving(project) as site:
        page = f"{site}tags.html"
        assert "First words." in fetch(page, time.monotonic() + SERVE_WAIT, "First words.")

        override.write_text("# Labels\n\nSecond words.\n\n<!-- material/tags -->\n")

        assert "Second words." in fetch(page, time.monotonic() + SERVE_WAIT, "Second words.")
