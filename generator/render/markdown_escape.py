"""Markdown escaping for record text: plain text, table cells, notes and link targets.

HTML autoescape does not protect Markdown: a title holding `*`, `[` or `|` would turn into
emphasis, a link or a new table column. These filters make record text inert in both
Python-Markdown (with `pymdownx.escapeall`, enabled in mkdocs.yml) and GitHub Markdown.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

_ALWAYS = re.compile(r"([\\`*_{}\[\]<>|~#&!])")
"""Characters that start emphasis, code, links, raw HTML, attribute lists or entities."""
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)](?:\s|$)))")
"""A leading list marker, quote or numbered-list number would change the block."""
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")
_KEPT_AS_WRITTEN = re.compile(_CODE_SPAN.pattern + r"|<https?://[^\s<>]*>", re.IGNORECASE)
"""Code spans, and autolinks to http(s) URLs: safe, and broken by escaping their '<'."""
_RAW_HTML_CHARS = re.compile(r"[<&]")
_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([^)\s>]*)")
_REFERENCE_DEFINITION = re.compile(r"^(\s{0,3})\[([^\]\n]+)\]:\s*(\S+)", re.MULTILINE)
SAFE_SCHEMES = ("http", "https")
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


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def separate_lists(text: str) -> str:
    """Put a blank line before a list that follows a paragraph line, as GitHub does not need
    but Python-Markdown does: '- ' lines right under a sentence stay a list on both."""
    result: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        previous = result[-1] if result else ""
        if not in_fence and _LIST_ITEM.match(line) and previous.strip() \
                and not _LIST_ITEM.match(previous) and not previous.startswith((" ", "\t")):
            result.append("")
        result.append(line)
    return "\n".join(result)


def safe_markdown(text: object) -> str:
    """Record Markdown (notes, descriptions) with raw HTML and unsafe links made inert."""
    pieces = []
    position = 0
    source = separate_lists(str(text))
    for kept in _KEPT_AS_WRITTEN.finditer(source):
        pieces.append(_defuse(source[position:kept.start()]))
        pieces.append(kept.group(0))
        position = kept.end()
    pieces.append(_defuse(source[position:]))
    return "".join(pieces)


def _defuse(text: str) -> str:
    text = _LINK_TARGET.sub(_defuse_link, text)
    text = _REFERENCE_DEFINITION.sub(_defuse_definition, text)
    return _RAW_HTML_CHARS.sub(lambda match: "\\" + match.group(0), text)


def _defuse_link(match: re.Match[str]) -> str:
    target = match.group(1)
    if _is_safe_target(target):
        return match.group(0)
    return "\\]\\(" + match.group(0)[2:]


def _defuse_definition(match: re.Match[str]) -> str:
    if _is_safe_target(match.group(3).lstrip("\\<")):
        return match.group(0)
    return f"{match.group(1)}\\[{match.group(2)}\\]: {match.group(3)}"


def _is_safe_target(target: str) -> bool:
    """http(s) URLs and in-page anchors are allowed; any other scheme is not."""
    target = target.replace("\\", "")
    scheme = urlsplit(target).scheme.lower() if ":" in target else ""
    return scheme in SAFE_SCHEMES or (not scheme and target.startswith("#"))


def inline_markdown(text: object) -> str:
    """Record Markdown squeezed onto one line, safe inside a table cell."""
    return safe_markdown(" ".join(str(text).split())).replace("|", "\\|")


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
