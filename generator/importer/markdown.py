"""Split a Markdown awesome list into typed lines: headings, bullets, table rows, paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LineKind = Literal[
    "blank", "heading", "bullet", "table-row", "table-rule", "paragraph", "rule", "html", "fence"
]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_CHECKBOX = re.compile(r"^\[([ xX])\]\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_HTML = re.compile(r"^\s*</?[a-zA-Z!][^>]*>")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Line:
    """One line of the list, classified; `number` is 1-based."""

    number: int
    kind: LineKind
    raw: str
    text: str = ""
    """Content without markers: heading text, bullet text after its box, paragraph text."""
    level: int = 0
    """Heading level (1-6), or indentation of a bullet in columns."""
    checkbox: Literal[" ", "x"] | None = None
    """Task-list box of a bullet: ' ' open, 'x' ticked, None when it has none."""
    cells: tuple[str, ...] = ()
    """Cells of a table row, stripped."""


def parse_lines(text: str) -> list[Line]:
    """Classify every line of `text`; fenced code blocks are kept whole as `fence` lines."""
    lines: list[Line] = []
    in_fence = False
    for number, raw in enumerate(text.splitlines(), start=1):
        raw = raw.rstrip("\r")
        if _FENCE.match(raw) or in_fence:
            if _FENCE.match(raw):
                in_fence = not in_fence
            lines.append(Line(number, "fence", raw, raw.strip()))
            continue
        lines.append(classify_line(number, raw))
    return lines


def classify_line(number: int, raw: str) -> Line:
    """Classify one line outside fenced code."""
    stripped = raw.strip()
    if not stripped:
        return Line(number, "blank", raw)
    heading = _HEADING.match(stripped)
    if heading and not raw.startswith(("    ", "\t")):
        return Line(number, "heading", raw, heading.group(2).strip(), level=len(heading.group(1)))
    html_heading = _HTML_HEADING.match(stripped)
    if html_heading:
        text = re.sub(r"<[^>]+>", "", html_heading.group(2)).strip()
        return Line(number, "heading", raw, text, level=int(html_heading.group(1)))
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _TABLE_RULE.match(stripped):
            return Line(number, "table-rule", raw, stripped)
        return Line(number, "table-row", raw, stripped, cells=split_cells(stripped))
    if _RULE.match(raw):
        return Line(number, "rule", raw, stripped)
    bullet = _BULLET.match(raw)
    if bullet:
        indent = len(bullet.group(1).expandtabs(4))
        content = bullet.group(2).strip()
        box = _CHECKBOX.match(content)
        if box:
            state: Literal[" ", "x"] = "x" if box.group(1) in "xX" else " "
            return Line(number, "bullet", raw, box.group(2).strip(), level=indent, checkbox=state)
        return Line(number, "bullet", raw, content, level=indent)
    if _HTML.match(raw):
        return Line(number, "html", raw, stripped)
    expanded = raw.expandtabs(4)
    return Line(number, "paragraph", raw, stripped, level=len(expanded) - len(expanded.lstrip()))


def split_cells(row: str) -> tuple[str, ...]:
    """Cells of a table row; an escaped pipe `\\|` stays inside its cell as `|`."""
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    return tuple(cell.strip().replace("\\|", "|") for cell in cells)
