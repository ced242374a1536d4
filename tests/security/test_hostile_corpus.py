"""Every text field of every record kind and of list.yaml holds one of 78 injection vectors
(tests/security/vectors.py); each vector is refused by `validate` at file:line or built inert,
checked on the built HTML as browsers parse it and in headless Chromium."""

from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from pathlib import Path

import cmarkgfm
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from generator.cli import main
from tests.security.corpus import is_markdown_field, vector_of
from tests.security.vectors import VECTORS
from tests.website.conftest import serve

URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "data", "poster", "background", "cite", "srcset",
    "xlink:href", "ping", "longdesc", "codebase", "manifest", "lowsrc", "dynsrc", "style",
})
"""Attributes a browser reads a URL from (and `style`, which may hold `url(...)`)."""
ACTIVE_SCHEME = re.compile(r"(javascript|vbscript|data|livescript)\s*:", re.IGNORECASE)
ACTIVE_ELEMENTS = (
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "input",
    "button", "textarea", "meta", "link", "style", "svg", "math", "img", "video", "audio",
    "source", "noscript", "template",
)
"""Elements that run script, load content, post data or change how a page is read."""
REFUSED_EVERYWHERE = {77, 78}
"""Vectors holding a bidirectional override or a NUL: refused even in Markdown fields."""


def _url_text(value: str) -> str:
    """A URL attribute as a browser reads it: leading controls and spaces dropped, tabs and
    line breaks removed anywhere."""
    return re.sub(r"[\t\n\r]", "", value).lstrip("".join(map(chr, range(0x21))))


def hazards(page: BeautifulSoup) -> list[str]:
    """Event-handler attributes and script-capable URLs anywhere in the page."""
    found = []
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            handler = name.lower().startswith("on")
            active_url = name.lower() in URL_ATTRIBUTES and bool(
                ACTIVE_SCHEME.match(_url_text(text))
                or (name == "style" and ACTIVE_SCHEME.search(text)))
            if handler or active_url:
                found.append(f"<{element.name} {name}={text[:60]!r}>")
    return found


def active_elements(page: BeautifulSoup) -> Counter[str]:
    return Counter(element.name for element in page.find_all(ACTIVE_ELEMENTS))


def test_validate_refuses_markup_in_plain_text_naming_file_line_and_field(corpus):
    first = corpus.first_validation
    assert first.exit_code == 1
    assert all(int(problem["line"]) > 0 for problem in first.problems)
    refused = {vector_of(problem) for problem in first.problems}
    assert VECTORS.index("<img src=x onerror=alert(2)>") + 1 in refused
    assert {vector_of(p) for p in first.problems if is_markdown_field(p["field"])} == REFUSED_EVERYWHERE
    assert corpus.modes.refused == REFUSED_EVERYWHERE


def test_every_other_vector_is_accepted_and_built(corpus):
    assert corpus.final_validation.exit_code == 0
    for index in range(1, len(VECTORS) + 1):
        page = corpus.site / "papers" / f"v{index:03d}.html"
        assert page.is_file(), page
        marker = f"alert({index})"
        if index not in REFUSED_EVERYWHERE and marker in VECTORS[index - 1]:
            assert marker in page.read_text(encoding="utf-8"), index  # shown as text


def test_no_page_has_an_event_handler_or_a_script_url(corpus):
    found = {page: hazards(corpus.html(page)) for page in corpus.pages()}
    assert {page: items for page, items in found.items() if items} == {}


def test_no_page_has_an_active_element_the_theme_did_not_put_there(corpus):
    extra = {}
    for page in corpus.pages():
        hostile = active_elements(corpus.html(page))
        theme = active_elements(corpus.html(corpus.twin(page), baseline=True))
        if hostile - theme:
            extra[page] = dict(hostile - theme)
    assert extra == {}


LIVE_HAZARDS = """() => {
  const found = [];
  for (const element of document.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) || '';
      if (name.startsWith('on') ||
          (['href', 'src', 'action', 'formaction', 'data'].includes(name) &&
           /^(javascript|vbscript|data):/i.test(value.replace(/[\\s\\x00-\\x20]/g, '')))) {
        found.push(element.tagName + ' ' + name + '=' + value.slice(0, 60));
      }
    }
  }
  return found;
}"""


def test_in_chromium_no_page_opens_a_dialog_or_holds_a_live_handler(corpus, dialogs):
    tab, opened = dialogs
    live = {}
    with serve(corpus.site) as url:
        for page in corpus.pages():
            tab.goto(url + page, wait_until="load")
            found = tab.evaluate(LIVE_HAZARDS)
            if found:
                live[page] = found
        tab.wait_for_timeout(300)  # let late error events of the last page fire
    assert opened == []
    assert live == {}


def github_readme(project: Path) -> BeautifulSoup:
    """The project's README after `curate readme`, as GitHub's cmark-gfm renders it with raw
    HTML let through (GitHub's own sanitizer comes after; ours must not rely on it)."""
    readme = project / "README.md"
    readme.write_text("# The list\n\n<!-- curate:readme:start -->\n<!-- curate:readme:end -->\n")
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["-C", str(project), "readme"]) == 0
    html = cmarkgfm.github_flavored_markdown_to_html(
        readme.read_text(encoding="utf-8"), options=Options.CMARK_OPT_UNSAFE)
    return BeautifulSoup(html, "html5lib")


def test_on_github_the_readme_of_the_corpus_holds_no_live_markup(corpus):
    readme = github_readme(corpus.project)
    harmless = github_readme(corpus.baseline_project)

    assert hazards(readme) == []
    assert active_elements(readme) - active_elements(harmless) == Counter()
    shown = readme.get_text()
    assert "<img src=x onerror=alert(2)>" in shown and "{: onclick=\"alert(60)\" }" in shown


def test_in_chromium_search_results_for_the_vectors_open_no_dialog(corpus, dialogs):
    tab, opened = dialogs
    with serve(corpus.site) as url:
        tab.goto(url + "index.html")
        for query in ("onerror", "javascript", "alert"):
            tab.locator("input.md-search__input").fill("")
            tab.locator("input.md-search__input").click()
            tab.keyboard.type(query)
            tab.locator(".md-search-result__item").first.wait_for(timeout=60_000)
            found = tab.evaluate(LIVE_HAZARDS)
            assert found == [], query
        tab.wait_for_timeout(300)
    assert opened == []
