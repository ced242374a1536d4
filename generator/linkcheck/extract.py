"""Find the absolute http(s) links in Markdown, HTML and plain text, with their lines."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

from generator.text.markdown import parse_blocks
from generator.text.urls import find_bare_urls

_CODE_BLOCKS = frozenset({"fence", "code_block"})
_LINK_ATTRIBUTES = frozenset({"href", "src", "cite", "poster"})
_METADATA_RELS = frozenset({"canonical", "alternate", "preconnect", "dns-prefetch"})
"""`<link rel=...>` values that say where the page itself lives or which host to warm up,
not something a reader follows: a built site names its own not-yet-deployed pages so."""

LineUrl = tuple[int, str]
"""A 1-based line number and the URL written on it."""


def urls_in_text(text: str, first_line: int = 1) -> Iterator[LineUrl]:
    """Absolute http(s) URLs written anywhere in `text` (Markdown links, autolinks, bare)."""
    for offset, line in enumerate(text.splitlines()):
        for _, _, url in find_bare_urls(line):
            yield first_line + offset, url


def urls_in_markdown(text: str) -> Iterator[LineUrl]:
    """URLs of a Markdown page, leaving out code blocks, fenced or indented (examples, not
    links), as a CommonMark parser sees them: a fence ends only at a closing fence of its own
    kind and at least its length, or with the container holding it."""
    code_lines: set[int] = set()
    for token in parse_blocks(text):  # Block structure is all this needs: no inline pass.
        if token.type in _CODE_BLOCKS and token.map is not None:
            code_lines.update(range(token.map[0], token.map[1]))
    for index, line in enumerate(text.splitlines()):
        if index not in code_lines:
            yield from urls_in_text(line, index + 1)


def urls_in_url_list(text: str) -> Iterator[LineUrl]:
    """One URL per line; blank lines and '#' comments skipped; malformed URLs kept as written.

    A line not starting with a URL is searched for URLs, so prose with links also works.
    """
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if "://" in stripped.split(None, 1)[0]:
            yield number, stripped
        else:
            yield from urls_in_text(stripped, number)


def urls_in_html(text: str) -> Iterator[LineUrl]:
    """Absolute http(s) URLs in href/src attributes of an HTML page."""
    parser = _LinkParser()
    parser.feed(text)
    parser.close()
    yield from parser.found


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[LineUrl] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "link" and _METADATA_RELS & set((dict(attrs).get("rel") or "").lower().split()):
            return
        for name, value in attrs:
            if name in _LINK_ATTRIBUTES and value and value.strip().lower().startswith(
                ("http://", "https://")
            ):
                self.found.append((self.getpos()[0], value.strip()))
