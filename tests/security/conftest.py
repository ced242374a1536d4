"""The hostile corpus, validated and built once for every test here, next to a build of the same
project with harmless text in place of each vector (what the theme itself puts on a page)."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Dialog, Page

from generator.cli import main
from tests.security.corpus import (
    LIST_TITLE,
    Modes,
    is_markdown_field,
    parse_problems,
    vector_of,
    write_corpus,
)
from tests.security.vectors import VECTORS
from tests.website.conftest import chromium, mkdocs_build


@dataclass
class Validation:
    exit_code: int
    problems: list[re.Match[str]]


@dataclass
class Corpus:
    """The hostile project and its site, and the harmless one built the same way."""

    project: Path
    site: Path
    baseline_project: Path
    baseline_site: Path
    modes: Modes
    first_validation: Validation
    """`curate validate` with every vector in every field."""
    final_validation: Validation
    """`curate validate` once refused vectors left the fields that refused them."""

    parsed: dict[tuple[str, bool], BeautifulSoup] = field(default_factory=dict)

    def html(self, page: str, *, baseline: bool = False) -> BeautifulSoup:
        """A built page parsed as a browser parses it (html5lib follows the WHATWG rules);
        parsed once, as the pages are large: do not change it."""
        if (page, baseline) not in self.parsed:
            root = self.baseline_site if baseline else self.site
            self.parsed[page, baseline] = BeautifulSoup(
                (root / page).read_text(encoding="utf-8"), "html5lib")
        return self.parsed[page, baseline]

    def pages(self) -> list[str]:
        return sorted(str(path.relative_to(self.site)) for path in self.site.rglob("*.html"))

    def twin(self, page: str) -> str:
        """The baseline page built from the same template as `page`: the same path, or for a
        page named after record text (an author's page) the first page of its folder."""
        if (self.baseline_site / page).is_file():
            return page
        folder = (self.baseline_site / page).parent
        return str(min(folder.glob("*.html")).relative_to(self.baseline_site))


def validate(project: Path) -> Validation:
    """Run `curate validate` in-process; every line it prints must be `file:line: field: msg`."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(io.StringIO()):
        exit_code = main(["-C", str(project), "validate"])
    return Validation(exit_code, parse_problems(output.getvalue()) if exit_code else [])


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    base = tmp_path_factory.mktemp("corpus")
    project, modes = base / "hostile", Modes()
    write_corpus(project, VECTORS, modes, list_title=LIST_TITLE)
    first = validate(project)
    for problem in first.problems:
        refused = modes.refused if is_markdown_field(problem["field"]) else modes.plain_refused
        refused.add(vector_of(problem))
    modes.vetted = True
    write_corpus(project, VECTORS, modes, list_title=LIST_TITLE)
    final = validate(project)
    # As long as most vectors, so pages fold and wrap them as they fold the vectors.
    harmless = [f"harmless text number {index} in place of a vector" for index in range(1, len(VECTORS) + 1)]
    baseline = write_corpus(base / "baseline", harmless, Modes(vetted=True), list_title="A list")
    corpus = Corpus(project, base / "site", baseline, base / "baseline-site", modes, first, final)
    for root, site in ((project, corpus.site), (baseline, corpus.baseline_site)):
        result = mkdocs_build(root, site)
        assert result.returncode == 0, result.stderr[-3000:]
    return corpus


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium for one module only: tests run after this folder's call asyncio.run()."""
    with chromium() as instance:
        yield instance


@pytest.fixture
def dialogs(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh tab and the message of every dialog (alert, confirm, prompt) it opened."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    opened: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismiss)
    yield tab, opened
    context.close()
