"""Record text stays text through Markdown: escaped once, rendered back to exactly itself."""

from __future__ import annotations

import html

import markdown
import pytest

from generator.render.markdown_escape import (
    escape_markdown,
    inline_markdown,
    markdown_url,
    safe_markdown,
)
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


def test_notes_keep_their_markdown_but_raw_html_shows_as_text():
    note = "**bold** and <b>raw</b> & `<code>` [ok](https://example.org) [bad](javascript:alert(1))"

    rendered = render(safe_markdown(note))

    assert rendered == (
        '<p><strong>bold</strong> and &lt;b&gt;raw&lt;/b&gt; &amp; <code>&lt;code&gt;</code> '
        '<a href="https://example.org">ok</a> [bad](javascript:alert(1))</p>'
    )


def test_notes_keep_autolinks_to_http_urls_and_no_other():
    note = "see <https://example.org/a?b=1&c=2> not <javascript:alert(1)> nor <mailto:a@b.c>"

    rendered = render(safe_markdown(note))

    assert rendered == (
        '<p>see <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a> '
        "not &lt;javascript:alert(1)&gt; nor &lt;mailto:a@b.c&gt;</p>"
    )


def test_notes_list_right_under_a_sentence_is_still_a_list():
    rendered = render(safe_markdown("summary line\n- first\n- second"))

    assert rendered == "<p>summary line</p>\n<ul>\n<li>first</li>\n<li>second</li>\n</ul>"


def test_reference_definitions_with_unsafe_targets_are_defused():
    rendered = render(safe_markdown("[x][r]\n\n[r]: javascript:alert(1)"))

    assert "href" not in rendered


def test_inline_notes_fit_a_table_cell():
    assert inline_markdown("a | b\nc <i>") == "a \\| b c \\<i>"


def test_link_targets_must_be_http_and_are_made_safe_for_markdown():
    assert markdown_url("https://example.org/a (b)") == "https://example.org/a%20%28b%29"
    with pytest.raises(ValueError, match="refusing to link to a non-http"):
        markdown_url("javascript:alert(1)")


def test_links_written_by_hand_with_another_scheme_lose_their_target(caplog):
    rendered = render("[x](javascript:alert(1)) [y](data:text/html,hi) [z](https://ok.org)")

    assert rendered == '<p><span>x</span> <span>y</span> <a href="https://ok.org">z</a></p>'
