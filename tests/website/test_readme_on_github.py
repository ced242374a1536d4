"""README.md as GitHub shows it: rendered with cmark-gfm, GitHub's own Markdown library, with
raw HTML let through so that any markup a record smuggled in would show up."""

from __future__ import annotations

import re

import cmarkgfm
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from generator.render.readme import github_anchor
from tests.website.conftest import make_project
from tests.website.test_tiny_site import ALPHA_TITLE

HOSTILE_PAPER = """\
id: hostile-2022
title: 'Tom & Jerry | *bold* _it_ `code` [x] ![img](x) \\ back ~tilde~ #1'
short_name: 'T&J|*_[x]'
topics: [other]
status: read
added: 2022-01-01
notes: |-
  1. [js](javascript:alert(1)) [JS](JAVASCRIPT:alert(1)) [ang](<javascript:alert(1)>) <javascript:alert(1)>
  2. <a href="javascript:alert(1)">a</a> ![i](javascript:alert(1)) [d](data:text/html,hi) &lt;b&gt;
  3. [ref][r], [proto](//evil.example/x), [ok](https://ok.example/) and <https://ok.example/auto>

  [r]: javascript:alert(1)
"""


def github_html(project) -> BeautifulSoup:
    text = (project / "README.md").read_text(encoding="utf-8")
    html = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return BeautifulSoup(html, "html.parser")


def github_ids(page: BeautifulSoup) -> set[str]:
    """The anchor GitHub gives every heading of the page, repeats numbered '-1', '-2'..."""
    seen: dict[str, int] = {}
    ids = set()
    for heading in page.find_all(re.compile("^h[1-6]$")):
        anchor = github_anchor(heading.get_text())
        ids.add(f"{anchor}-{seen[anchor]}" if anchor in seen else anchor)
        seen[anchor] = seen.get(anchor, 0) + 1
    return ids


def test_on_github_the_readme_holds_no_markup_from_records_and_only_safe_links(tmp_path, curate):
    project = make_project(tmp_path / "project")
    (project / "papers" / "papers" / "hostile-2022.yaml").write_text(HOSTILE_PAPER)
    (project / "README.md").write_text("# Tiny\n\n## Resources\n\n")
    assert curate("-C", project, "readme").exit_code == 0

    page = github_html(project)

    assert page.find_all(["script", "img", "b"]) == []
    assert "CAMs" not in [emphasis.get_text() for emphasis in page.find_all("em")]  # <em> as text
    hrefs = [link["href"] for link in page.find_all("a", href=True)]
    assert [href for href in hrefs if not href.startswith(("https://", "#"))] == []
    assert {href[1:] for href in hrefs if href.startswith("#")} <= github_ids(page)
    assert "https://ok.example/auto" in hrefs
    assert "https://ok.example/" in hrefs
    texts = [link.get_text() for link in page.find_all("a")]
    assert ALPHA_TITLE in texts
    assert "Tom & Jerry | *bold* _it_ `code` [x] ![img](x) \\ back ~tilde~ #1" in page.get_text()
    assert "[js](javascript:alert(1))" in page.get_text()
