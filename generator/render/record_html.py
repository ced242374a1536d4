"""Record Markdown (notes, abstracts, descriptions) rendered by us into allowlisted HTML.

Text from a record never reaches a page as Markdown for the site's engine to interpret:
markdown-it-py renders it with a fixed configuration (CommonMark with tables and
strikethrough, raw HTML off, no attribute lists, no HTML-in-Markdown, no includes), and nh3
(Rust's ammonia) keeps only a small set of tags and attributes, and only http, https and
mailto URLs or in-page `#` anchors. The result is then written in a form that no Markdown
engine can read anything else into (`markdown_proof`): one line, every character that
Markdown, attribute lists or tables react to written as an HTML character reference, and
wrapped in an element of class `curate-md` so the site's own Markdown extension can set it
aside whole (see `record_html_markdown.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li",
    "a", "table", "thead", "tbody", "tr", "th", "td", "div", "span",
})
"""What a record's Markdown may become. Headings are shown as bold paragraphs (a note's
heading must not enter the page's outline), images as links to the image."""
INLINE_TAGS = frozenset({"br", "em", "strong", "del", "code", "a", "span"})
"""What a one-line field (a leaderboard note in a table cell) may become."""
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
ALLOWED_CLASSES = {"div": {"curate-md"}, "span": {"curate-md"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
WRAPPER_CLASS = "curate-md"
"""Class of the element around each rendered record text, found again by the site's extension."""

_MARKDOWN_ACTIVE = {character: f"&#{ord(character)};" for character in "\\`*_{}[]<>|~$"}
"""Characters that start escapes, code, emphasis, links and images, attribute lists, table
cells, raw HTML and autolinks, strikethrough or math in Python-Markdown or GitHub Markdown
('&' and quotes below). '(' or '!' mean nothing without a '['."""
_TEXT = str.maketrans({"&": "&amp;", '"': "&quot;", "\n": " ", "\r": " ", **_MARKDOWN_ACTIVE})
_PREFORMATTED = str.maketrans({"&": "&amp;", '"': "&quot;", "\n": "&#10;", "\r": "",
                               "\t": "&#9;", **_MARKDOWN_ACTIVE})
"""Inside <pre> whitespace is content: newlines and tabs as references, so the text stays on
one line and no engine folds or expands it."""
_BLOCK_TAGS = ALLOWED_TAGS - INLINE_TAGS


def is_allowed_record_url(url: str) -> bool:
    """http, https and mailto URLs, and anchors on the same page."""
    value = url.strip()
    if value.startswith("#"):
        return True
    return ":" in value and urlsplit(value).scheme.lower() in ALLOWED_SCHEMES


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not is_allowed_record_url(value):
        return None
    return value


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS), clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        attribute_filter=_keep_attribute, url_schemes=set(ALLOWED_SCHEMES),
        filter_style_properties={"text-align"}, link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )


def sanitize(html: str) -> str:
    """`html` with everything outside the allowlist removed."""
    return _cleaner().clean(html)


def _heading_as_paragraph(self: Any, tokens: Sequence[Token], index: int,
                          options: OptionsDict, env: EnvType) -> str:
    return "<p><strong>" if tokens[index].nesting == 1 else "</strong></p>\n"


def _image_as_link(self: Any, tokens: Sequence[Token], index: int,
                   options: OptionsDict, env: EnvType) -> str:
    token = tokens[index]
    alt = self.renderInlineAsText(token.children or [], options, env) or "image"
    source = str(token.attrGet("src") or "")
    return f'<a href="{_escape(source)}">{_escape(alt)}</a>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@cache
def record_markdown() -> MarkdownIt:
    """The one configuration record Markdown is read with: CommonMark, GFM tables and
    strikethrough; raw HTML is text; nothing that sets attributes or includes files."""
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.add_render_rule("heading_open", _heading_as_paragraph)
    parser.add_render_rule("heading_close", _heading_as_paragraph)
    parser.add_render_rule("image", _image_as_link)
    return parser


def sanitized_html(text: str) -> str:
    """Record Markdown as sanitized HTML, for pages no Markdown engine reads afterwards."""
    return sanitize(record_markdown().render(text))


def sanitized_inline_html(text: str) -> str:
    """One line of record Markdown (emphasis, code, links) as sanitized inline HTML, for pages
    no Markdown engine reads afterwards (an HTML table, say)."""
    return _cleaner_inline().clean(record_markdown().renderInline(" ".join(text.split())))


@lru_cache(maxsize=1 << 14)  # the same notes appear on several pages
def record_html(text: str) -> str:
    """Record Markdown as sanitized HTML blocks, written so Markdown engines leave it alone."""
    return markdown_proof(f'<div class="{WRAPPER_CLASS}">{sanitized_html(text)}</div>')


@lru_cache(maxsize=1 << 14)
def record_html_inline(text: str) -> str:
    """Record Markdown of one line (a table cell) as sanitized inline HTML, Markdown-proof."""
    return markdown_proof(f'<span class="{WRAPPER_CLASS}">{sanitized_inline_html(text)}</span>')


@cache
def _cleaner_inline() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(INLINE_TAGS), clean_content_tags={"script", "style"},
        attributes={"a": {"href", "title"}},
        allowed_classes={"span": {WRAPPER_CLASS}},
        attribute_filter=_keep_attribute, url_schemes=set(ALLOWED_SCHEMES),
        link_rel="nofollow noopener noreferrer", strip_comments=True,
    )


class _MarkdownProofWriter(HTMLParser):
    """Re-writes sanitized HTML with every text and attribute character that a Markdown
    engine could act on as a character reference, all on one line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.preformatted = 0
        self.last_tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}{self._attributes(attrs)}>")
        self.preformatted += tag == "pre"
        self.last_tag = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(f"<{tag}{self._attributes(attrs)}>")
        self.last_tag = tag

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")
        self.preformatted -= tag == "pre" and self.preformatted > 0
        self.last_tag = tag

    def handle_data(self, data: str) -> None:
        if not self.preformatted and self.last_tag in _BLOCK_TAGS and not data.strip():
            return  # the line break between two blocks: no text of the note
        self.parts.append(data.translate(_PREFORMATTED if self.preformatted else _TEXT))

    @staticmethod
    def _attributes(attrs: list[tuple[str, str | None]]) -> str:
        return "".join(f' {name}="{(value or "").translate(_TEXT)}"' for name, value in attrs)


def markdown_proof(html: str) -> str:
    """Sanitized `html` on one line, with nothing a Markdown engine would interpret."""
    writer = _MarkdownProofWriter()
    writer.feed(html)
    writer.close()
    return "".join(writer.parts).strip()
