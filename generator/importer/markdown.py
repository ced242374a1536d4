"""Split a Markdown awesome list into typed lines, with the structure CommonMark gives them.

The block structure (headings, list items with their continuation lines, tables, fenced code,
HTML blocks) comes from `generator.text.markdown` (markdown-it-py); each source line then gets a
kind. An entry written over several lines (a trailing `\\`, two spaces, `<br>` or a lazy
continuation line) is one line of kind `bullet` whose `text` holds all of it; the lines after
the first are of kind `continuation` and follow what the first became.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from markdown_it.token import Token

from generator.text.markdown import parse_blocks

LineKind = Literal[
    "blank", "heading", "bullet", "table-row", "table-rule", "paragraph", "rule", "html", "fence",
    "continuation", "definition",
]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_BULLET = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_CHECKBOX = re.compile(r"^\[([ xX])\][ \t]+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_HTML = re.compile(r"^\s*</?[a-zA-Z!][^>]*>")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1>\s*$", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)[^*_].*\1\s*(?:\\|<br\s*/?>)?\s*$", re.IGNORECASE)
_REFERENCE_LINK = re.compile(r"(?<![!\]])\[([^\[\]]+)\](?:\[([^\[\]]*)\]|(?![(:\[]))")
_HARD_BREAK = re.compile(r"(?:\\|<br\s*/?>)\s*$", re.IGNORECASE)


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
    continued: tuple[int, ...] = ()
    """Numbers of the continuation lines whose text this line's `text` includes."""
    continued_raws: tuple[str, ...] = ()
    """Those continuation lines as written."""

    @property
    def source_lines(self) -> list[tuple[int, str]]:
        """(number, raw) of this line and of its continuation lines."""
        return [(self.number, self.raw), *zip(self.continued, self.continued_raws, strict=True)]


def parse_lines(text: str) -> list[Line]:
    """Classify every line of `text` with the block structure markdown-it-py reads."""
    raws = [raw.rstrip("\r") for raw in text.split("\n")]
    if raws and raws[-1] == "":
        raws.pop()
    lines = [classify_line(number, raw) for number, raw in enumerate(raws, start=1)]
    env: dict = {}
    tokens = parse_blocks(text, env)
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "heading_open":
            _heading(lines, tokens[index + 1], token, start, end)
        elif token.type == "fence" or (token.type == "html_block" and not _html_heading(lines, start, end)):
            kind: LineKind = "fence" if token.type == "fence" else "html"
            for number in range(start, min(end, len(lines))):
                lines[number] = replace(lines[number], kind=kind, text=lines[number].raw.strip())
        elif token.type == "table_open":
            _table(lines, start, end)
        elif token.type == "list_item_open" and tokens[index + 1].type == "paragraph_open":
            _item(lines, tokens[index + 1], start)
        elif token.type == "paragraph_open" and token.level == 0:
            _paragraph(lines, start, end)
    references = env.get("references", {})
    return _with_references(lines, references) if references else lines


def _with_references(lines: list[Line], references: dict) -> list[Line]:
    """Reference links (`[Title][1]`, `[Title]` with `[1]: url` below) written as inline links;
    the definition lines are layout."""
    for reference in references.values():
        start, end = reference["map"]
        for number in range(start, min(end, len(lines))):
            lines[number] = replace(lines[number], kind="definition")

    def inline(match: re.Match[str]) -> str:
        key = " ".join((match.group(2) or match.group(1)).split()).upper()
        found = references.get(key)
        return f"[{match.group(1)}]({found['href']})" if found else match.group(0)

    return [
        replace(line, text=_REFERENCE_LINK.sub(inline, line.text)) if "[" in line.text else line
        for line in lines
    ]


def _heading(lines: list[Line], inline: Token, token: Token, start: int, end: int) -> None:
    text = " ".join(inline.content.split())
    lines[start] = replace(lines[start], kind="heading", text=text, level=int(token.tag[1]))
    if token.markup in ("=", "-"):  # 'Title' then '===': the underline is layout
        for number in range(start + 1, end - 1):
            lines[number] = replace(lines[number], kind="continuation")
        lines[end - 1] = replace(lines[end - 1], kind="rule")


def _html_heading(lines: list[Line], start: int, end: int) -> bool:
    return end - start == 1 and lines[start].kind == "heading"


def _table(lines: list[Line], start: int, end: int) -> None:
    for number in range(start, min(end, len(lines))):
        raw = lines[number].raw
        if number == start + 1 and _TABLE_RULE.match(raw):
            lines[number] = replace(lines[number], kind="table-rule", text=raw.strip())
        elif raw.strip():
            lines[number] = replace(
                lines[number], kind="table-row", text=raw.strip(), cells=split_cells(raw)
            )


def _item(lines: list[Line], paragraph: Token, start: int) -> None:
    """A list item: its first paragraph, over however many lines, is the entry's text."""
    assert paragraph.map is not None
    first, end = paragraph.map
    head = lines[start]
    if head.kind != "bullet" or first != start:
        return
    rest = [lines[number].raw.strip() for number in range(first + 1, end)]
    if not rest:
        return
    text = " ".join(_unbroken(part) for part in [head.text, *rest] if part)
    for number in range(first + 1, end):
        lines[number] = replace(lines[number], kind="continuation", text=lines[number].raw.strip())
    lines[start] = replace(
        head,
        text=text,
        continued=tuple(range(first + 2, end + 1)),
        continued_raws=tuple(lines[number].raw for number in range(first + 1, end)),
    )


def _paragraph(lines: list[Line], start: int, end: int) -> None:
    """A bold line and the lines it joins with hard breaks ('  ', `\\`, `<br>`) are one entry
    ('**Title**', authors, '[VENUE YEAR](url)'); other lines of text stay one entry each."""
    number = start
    while number < end:
        group_end = number + 1
        while group_end < end and _breaks(lines[group_end - 1].raw):
            group_end += 1
        bold = next((n for n in range(number, group_end) if _BOLD_LINE.match(lines[n].raw)), None)
        if bold is not None and bold > number:  # lines before the bold one stay lines
            number = bold
        if group_end - number > 1 and bold is not None:
            parts = [lines[n].raw.strip() for n in range(number, group_end)]
            text = " ".join(_unbroken(part) for part in parts if part)
            for n in range(number + 1, group_end):
                lines[n] = replace(lines[n], kind="continuation", text=lines[n].raw.strip())
            lines[number] = replace(
                lines[number],
                text=text,
                continued=tuple(range(number + 2, group_end + 1)),
                continued_raws=tuple(lines[n].raw for n in range(number + 1, group_end)),
            )
        number = group_end


def _breaks(raw: str) -> bool:
    return raw.endswith("  ") or bool(_HARD_BREAK.search(raw))


def _unbroken(text: str) -> str:
    return _HARD_BREAK.sub("", text).strip()


def classify_line(number: int, raw: str) -> Line:
    """Classify one line by its own markers (the list's structure refines it)."""
    stripped = raw.strip()
    if not stripped:
        return Line(number, "blank", raw)
    heading = _ATX.match(raw)
    if heading:
        return Line(number, "heading", raw, _atx_text(raw[heading.end() :]), len(heading.group(1)))
    html_heading = _HTML_HEADING.match(stripped)
    if html_heading:
        text = _TAG.sub("", html_heading.group(2)).strip()
        return Line(number, "heading", raw, text, level=int(html_heading.group(1)))
    if _TABLE_RULE.match(stripped) and "|" in stripped:
        return Line(number, "table-rule", raw, stripped)
    if _RULE.match(raw):
        return Line(number, "rule", raw, stripped)
    bullet = _BULLET.match(raw)
    if bullet:
        indent = len(bullet.group(1).expandtabs(4))
        content = raw[bullet.end() :].strip()
        box = _CHECKBOX.match(content)
        if box:
            state: Literal[" ", "x"] = "x" if box.group(1) in "xX" else " "
            return Line(number, "bullet", raw, content[box.end() :].strip(), indent, state)
        return Line(number, "bullet", raw, content, level=indent)
    if _HTML.match(raw):
        return Line(number, "html", raw, stripped)
    expanded = raw.expandtabs(4)
    return Line(number, "paragraph", raw, stripped, level=len(expanded) - len(expanded.lstrip()))


def _atx_text(rest: str) -> str:
    """Heading text without an optional closing run of '#' (linear, no backtracking)."""
    text = rest.strip()
    without = text.rstrip("#")
    if without != text and (not without or without[-1] in " \t"):
        text = without.strip()
    return text


def split_cells(row: str) -> tuple[str, ...]:
    """Cells of a table row; an escaped pipe `\\|` stays inside its cell as `|`."""
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    return tuple(cell.strip().replace("\\|", "|") for cell in cells)
