"""Record Markdown (notes, abstracts, descriptions) is rendered by us and sanitized with an
allowlist; the site's Markdown engine (with attr_list, md_in_html...) and GitHub's then pass it
through untouched."""

from __future__ import annotations

import cmarkgfm
import markdown
import pytest
from bs4 import BeautifulSoup
from cmarkgfm.cmark import Options

from generator.render.markdown_escape import escape_markdown
from generator.render.record_html import record_html, record_html_inline
from generator.render.record_html_markdown import RecordHtmlExtension
from generator.render.safe_links import SafeLinksExtension
from generator.render.templates import markdown_environment
from tests.website.test_markdown_escape import SITE_EXTENSIONS

SITE = [*SITE_EXTENSIONS, "toc", "admonition", "pymdownx.details", "pymdownx.superfences",
        SafeLinksExtension(), RecordHtmlExtension()]


def site(text: str) -> str:
    """`text` as the site's Markdown engine turns it into HTML."""
    return markdown.markdown(text, extensions=SITE)


def github(text: str) -> str:
    """`text` as GitHub's cmark-gfm turns it into HTML, raw HTML let through."""
    return cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)


NOFOLLOW = 'rel="nofollow noopener noreferrer"'


def live_markup(html: str) -> list[str]:
    """Images, event handlers, ids or classes, and links that are not http(s), in `html`."""
    found = []
    for element in BeautifulSoup(html, "html5lib").body.find_all(True):
        if element.name in ("img", "script", "iframe", "object", "embed"):
            found.append(element.name)
        for name, value in element.attrs.items():
            if name.startswith("on") or name == "id" and element.name == "p" or (
                    name in ("href", "src") and not str(value).startswith(("https:", "#"))):
                found.append(f"{element.name} {name}={value}")
    return found


def test_notes_keep_their_markdown_and_show_raw_html_as_text():
    note = "**bold** and <b>raw</b> & `<code>` [ok](https://example.org) [bad](javascript:alert(1))"

    assert site(record_html(note)) == (
        '<div class="curate-md"><p><strong>bold</strong> and &lt;b&gt;raw&lt;/b&gt; &amp; '
        f'<code>&lt;code&gt;</code> <a href="https://example.org" {NOFOLLOW}>ok</a> '
        "[bad](javascript:alert(1))</p></div>"
    )


def test_notes_link_to_http_https_mailto_and_anchors_only():
    note = ("<https://example.org/a?b=1&c=2> <mailto:a@b.c> <javascript:alert(1)> "
            "[rel](other/page.html) [anchor](#results) [vb](vbscript:x) [d](data:text/html,x)")

    rendered = site(record_html(note))

    assert rendered == (
        f'<div class="curate-md"><p><a href="https://example.org/a?b=1&amp;c=2" {NOFOLLOW}>'
        f'https://example.org/a?b=1&amp;c=2</a> <a href="mailto:a@b.c" {NOFOLLOW}>mailto:a@b.c</a> '
        f'&lt;javascript:alert(1)&gt; <a {NOFOLLOW}>rel</a> <a href="#results" {NOFOLLOW}>'
        "anchor</a> [vb](vbscript:x) [d](data:text/html,x)</p></div>"
    )


def test_images_become_links_and_headings_bold_paragraphs():
    rendered = site(record_html("# A heading\n\n![a chart](https://example.org/c.png)"))

    assert rendered == (
        '<div class="curate-md"><p><strong>A heading</strong></p><p>'
        f'<a href="https://example.org/c.png" {NOFOLLOW}>a chart</a></p></div>'
    )


def test_a_list_right_under_a_sentence_is_a_list():
    rendered = site(record_html("summary line\n- first\n- second"))

    assert rendered == ('<div class="curate-md"><p>summary line</p><ul><li>first</li>'
                        "<li>second</li></ul></div>")


def test_code_blocks_keep_blank_lines_and_tabs():
    rendered = site(record_html("```\na\n\n\tb {: onclick=x}\n```"))

    assert rendered == ('<div class="curate-md"><pre><code>a\n\n\tb {: onclick=x}\n'
                        "</code></pre></div>")


@pytest.mark.parametrize("note", [
    "![x](https://x.invalid/a.png){: onerror=\"alert(1)\" }",
    "[a](https://x.invalid/){: onclick=\"alert(1)\" }",
    "[a](https://x.invalid/){: href=\"javascript:alert(1)\" }",
    "para\n{: onclick=\"alert(1)\" }",
    "# Heading {: onclick=\"alert(1)\" }",
    "<div markdown=\"1\">*x* <img src=x onerror=alert(1)></div>",
    "`a\n\n<img src=x onerror=alert(1)>`",
    "\\<img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)>",
])
def test_attribute_lists_and_raw_html_in_notes_stay_text_on_the_site_and_on_github(note):
    for rendered in (site(record_html(note)), github(record_html(note)),
                     site(f"| a |\n|---|\n| {record_html_inline(note)} |")):
        assert live_markup(rendered) == []
        assert "alert(1)" in BeautifulSoup(rendered, "html5lib").get_text()


@pytest.mark.parametrize("note", [
    "[x][r]\n\n[r]: javascript:alert(1)",
    "- item\n\n  [r]: javascript:alert(1)\n\n[x][r]",
    "> quote\n>\n> [r]: javascript:alert(1)\n\n[x][r]",
    "1. one\n   > [r]: <javascript:alert(1)>\n\n[x][r]",
])
def test_link_definitions_with_a_script_target_link_nowhere_even_nested(note):
    rendered = site(record_html(note))

    assert "href" not in rendered.replace(NOFOLLOW, "")
    assert "[x][r]" in rendered or "[x]" in rendered


def test_inline_notes_fit_one_table_cell():
    cell = record_html_inline("a | b\nc <i> *em*")
    rendered = site(f"| a | b |\n|---|---|\n| {cell} | end |")

    assert '<td><span class="curate-md">a | b c &lt;i&gt; <em>em</em></span></td>' in rendered
    assert "<td>end</td>" in rendered
    assert "<td>" in github(f"| a | b |\n|---|---|\n| {cell} | end |")


def test_text_imitating_record_html_is_sanitized_like_it():
    forged = '<div class="curate-md"><img src=x onerror=alert(1)><a href="javascript:x">a</a></div>'

    assert site(forged) == f'<div class="curate-md"><a {NOFOLLOW}>a</a></div>'


@pytest.mark.parametrize("title", [
    'x {: onclick="alert(1)" }', "x { onclick=alert(1) }", "x {#id .class onclick=alert(1)}",
    "x {: #id }", "Foo <img src=x onerror=alert(1) x=",
])
def test_headings_made_from_titles_take_no_attribute_list(title):
    for heading in (f"# {escape_markdown(title)}", f"## {escape_markdown(title)} {{ #anchor }}"):
        page = BeautifulSoup(site(heading), "html5lib")

        assert live_markup(str(page)) == []
        level = "h1" if heading.startswith("# ") else "h2"
        assert [element.name for element in page.body.find_all(True)] == [level]
        assert page.body.get_text() == title


def test_template_filters_escape_text_no_filter_made_safe():
    environment = markdown_environment()
    hostile = '<img src=x onerror=alert(1)> {: onclick="alert(1)" }'

    indented = environment.from_string("{{ text|md_indent }}").render(text=hostile)
    notes = environment.from_string("{{ text|md_notes|md_indent }}").render(text=hostile)

    assert indented == escape_markdown(hostile)
    assert notes == record_html(hostile)
    assert live_markup(site(indented)) == [] and live_markup(site(notes)) == []
