"""Markdown escaping for record plain text: titles, names, table cells and link targets.

HTML autoescape does not protect Markdown: a title holding `*`, `[` or `|` would turn into
emphasis, a link or a new table column. These filters make record text inert in both
Python-Markdown (with `pymdownx.escapeall`, enabled in mkdocs.yml) and GitHub Markdown.
Record Markdown (notes, descriptions) is not escaped but rendered: see `record_html`.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ALWAYS = re.compile(r"([\\`*_{}\[\]<>|~#&!])")
"""Characters that start emphasis, code, links, raw HTML, attribute lists or entities."""
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)](?:\s|$)))")
"""A leading list marker, quote or numbered-list number would change the block."""
_URL_UNSAFE = str.maketrans(
    {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20", '"': "%22", "'": "%27"})


def escape_markdown(text: object) -> str:
    """Plain text shown as is in Markdown inline content (titles, names, labels)."""
    return _escape_text(str(text))


@lru_cache(maxsize=1 << 16)  # titles, venues and labels repeat on many pages
def _escape_text(text: str) -> str:
    value = " ".join(text.split())
    value = _ALWAYS.sub(r"\\\1", value)
    return _LINE_START.sub(_escape_leading, value)


def _escape_leading(match: re.Match[str]) -> str:
    space, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{space}{marker}\\"  # '1.' -> '1\.' once the following '.' is reached
    return f"{space}\\{marker}"


def escape_cell(text: object) -> str:
    """Plain text inside a Markdown table cell: as `escape_markdown`, on one line."""
    return escape_markdown(text) or " "


def indent_markdown(text: str, spaces: int = 4) -> str:
    """Indent every line after the first so a block stays inside a list item."""
    padding = " " * spaces
    return "\n".join(line if not index or not line else padding + line
                     for index, line in enumerate(text.splitlines()))


def markdown_url(url: object) -> str:
    """An http(s) URL fit for `[text](url)`: refuse other schemes, encode breaking characters."""
    value = str(url)
    if not value[:8].lower().startswith(("http://", "https://")):
        raise ValueError(f"refusing to link to a non-http(s) URL: {value!r}")
    return value.translate(_URL_UNSAFE)
