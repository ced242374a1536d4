"""Record plain text stays text through Markdown: escaped once, rendered back to exactly itself.
(Record Markdown is rendered, not escaped: see test_record_html.py.)"""

from __future__ import annotations

import html

import markdown
import pytest

from generator.render.markdown_escape import escape_markdown, markdown_url
from generator.render.safe_links import SafeLinksExtension

SITE_EXTENSIONS = ["tables", "attr_list", "md_in_html", "pymdownx.escapeall", "pymdownx.tasklist"]
NASTY_TEXTS = [
    "Alpha & Beta | *Stars* [v2] < 1 `tick` _under_ #hash",
    "<script>alert(1)</script>",
    "&amp; is an entity, &lt; too",
    "- not a list",
    "1. not a numbered list",
    "# not a heading",
    "> not a quote",
    "+ plus",
    "[link](https://example.org) ![image](x.png)",
    "{: .class } and {#id}",
    "~~not struck~~ and ~tilde~",
    "back\\slash \\* and trailing #",
    "**bold** __bold__",
    "a\nnew line",
]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[*SITE_EXTENSIONS, SafeLinksExtension()])


@pytest.mark.parametrize("text", NASTY_TEXTS)
def test_escaped_plain_text_renders_back_to_the_same_text(text):
    rendered = render(escape_markdown(text))

    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert html.unescape(rendered[3:-4]) == " ".join(text.split())


@pytest.mark.parametrize("text", NASTY_TEXTS)
def test_escaped_text_stays_inside_its_table_cell(text):
    table = f"| a | b |\n|---|---|\n| {escape_markdown(text)} | end |"

    rendered = render(table)

    cells = rendered.split("<td>")[1:]
    assert len(cells) == 2
    assert html.unescape(cells[0].split("</td>")[0]) == " ".join(text.split())


def test_link_targets_must_be_http_and_are_made_safe_for_markdown():
    assert markdown_url("https://example.org/a (b)") == "https://example.org/a%20%28b%29"
    with pytest.raises(ValueError, match="refusing to link to a non-http"):
        markdown_url("javascript:alert(1)")


def test_links_written_by_hand_with_another_scheme_lose_their_target(caplog):
    rendered = render("[x](javascript:alert(1)) [y](data:text/html,hi) [z](https://ok.org)")

    assert rendered == '<p><span>x</span> <span>y</span> <a href="https://ok.org">z</a></p>'
