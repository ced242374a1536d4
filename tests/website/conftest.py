"""Built sites for the website tests: the tiny fixture list and the real database, each built once
with a real `mkdocs build --strict`, a local web server and headless Chromium to browse them."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, sync_playwright

from generator.database.assemble import Database, build_database
from generator.project import Project
from tests.conftest import REPO_ROOT, TESTS_DIR

TINY_PAPERS = TESTS_DIR / "fixtures" / "tiny" / "papers"
SITE_FILES = ("mkdocs.yml", "site")
"""What a list project needs besides papers/ to build its site."""


def make_project(root: Path, papers: Path = TINY_PAPERS, list_settings: str = "") -> Path:
    """A list project at `root`: the repository's mkdocs.yml and site/, and `papers`, with
    `list_settings` (YAML) appended to its papers/list.yaml."""
    root.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    shutil.copytree(papers, root / "papers")
    if list_settings:
        list_file = root / "papers" / "list.yaml"
        list_file.write_text(list_file.read_text(encoding="utf-8") + list_settings, encoding="utf-8")
    return root


def mkdocs_build(project_root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` of a project into `site_dir`."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_root, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@dataclass
class BuiltSite:
    """A site built from a project, with helpers to read its pages."""

    project: Path
    root: Path
    database: Database

    def html(self, page: str) -> BeautifulSoup:
        """The parsed HTML of `page`, a path such as 'leaderboards/voc.html'; '' is the home page."""
        path = self.root / (page or "index.html")
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def article(self, page: str) -> BeautifulSoup:
        """The page's main content, without the theme's header, navigation and footer."""
        return self.html(page).select_one("article.md-content__inner")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def build_site(project: Path, site_dir: Path) -> BuiltSite:
    """Build `project` into `site_dir` with `mkdocs build --strict`, which must succeed."""
    result = mkdocs_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return BuiltSite(project, site_dir, build_database(Project(project)))


def build_fixture_site(tmp_path_factory: pytest.TempPathFactory, name: str, papers: Path) -> BuiltSite:
    """A project of `papers` with the repository's site files, built into a new temporary folder."""
    base = tmp_path_factory.mktemp(name)
    return build_site(make_project(base / "project", papers), base / "public")


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The tiny fixture list, built once."""
    base = tmp_path_factory.mktemp("tiny")
    return build_site(make_project(base / "project"), base / "public")


PAGED_SETTINGS = "site:\n  papers_page_rows: 2\n  list_part_entries: 2\n"
"""Bounds small enough that the tiny list's pages split: two rows on the papers page, two
entries a part of every other list."""


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The tiny fixture list with `PAGED_SETTINGS` in its list.yaml, built once."""
    base = tmp_path_factory.mktemp("paged")
    return build_site(make_project(base / "project", list_settings=PAGED_SETTINGS), base / "public")


@pytest.fixture(scope="session")
def paged_url(paged_site: BuiltSite) -> Iterator[str]:
    with serve(paged_site.root) as url:
        yield url


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's own list, built once from its own mkdocs.yml."""
    return build_site(REPO_ROOT, tmp_path_factory.mktemp("real") / "public")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` over HTTP on 127.0.0.1; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def tiny_url(tiny_site: BuiltSite) -> Iterator[str]:
    with serve(tiny_site.root) as url:
        yield url


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
VIEWPORTS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
"""A browser test run on a phone and on a desktop screen."""
SCREENSHOTS = Path(os.environ.get("CURATE_SCREENSHOTS", TESTS_DIR / "website" / "screenshots"))
"""Where browser tests leave their screenshots (`CURATE_SCREENSHOTS` to keep them elsewhere)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright. Playwright's event loop runs while it is
    open, so code under test that calls asyncio.run() cannot run meanwhile."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with chromium() as instance:
        yield instance


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh tab that fails the test on any uncaught script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []
