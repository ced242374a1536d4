"""Group the lines under one heading into blocks (an entry with its sub-bullets, a table) and
hand each to the reader of its kind."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from generator.importer.context import Context
from generator.importer.entrytext import parse_entry
from generator.importer.htmlentries import html_entry, is_html_layout
from generator.importer.inline import (
    find_all_links,
    is_image_only,
    only_anchor_links,
    squeeze,
    strip_emphasis,
)
from generator.importer.linkentries import read_implementation, read_resource
from generator.importer.markdown import Line
from generator.importer.papers import read_paper
from generator.importer.tables import read_table

_TABLE = ("table-row", "table-rule")
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


def read_body(lines: list[Line], context: Context) -> None:
    """Read every line under one heading."""
    drafts = context.drafts
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.kind in ("blank", "rule", "continuation"):  # continuations go with their entry
            index += 1
        elif line.kind == "definition":
            drafts.place(line.number, "link definition")
            index += 1
        elif line.kind in _TABLE:
            end = _run_end(lines, index, lambda other: other.kind in _TABLE)
            read_table(lines[index:end], context)
            index = end
        elif line.kind == "html" and _COMMENT.match(line.raw):
            drafts.place(line.number, "comment")
            index += 1
        elif line.kind == "html" and html_entry(line) is not None:
            _read_entry(html_entry(line) or line, [], context)  # '<td><a href=...>Title</a></td>'
            index += 1
        elif line.kind == "html" and is_html_layout(line):
            drafts.place(line.number, "layout (HTML)")
            index += 1
        elif line.kind in ("html", "fence"):
            drafts.skip(line.number, f"{line.kind} line: no entry made", line.raw.strip())
            index += 1
        elif line.kind == "bullet" and only_anchor_links(line.text):
            drafts.place(line.number, "toc")
            index += 1
        elif is_image_only(line.text):
            drafts.skip(line.number, "image or badge only: no entry made", line.raw.strip())
            index += 1
        else:
            end = _entry_end(lines, index)
            children = [child for child in lines[index + 1 : end] if child.kind != "blank"]
            _read_entry(line, children, context)
            index = end


def _run_end(lines: list[Line], start: int, belongs: Callable[[Line], bool]) -> int:
    end = start
    while end < len(lines) and belongs(lines[end]):
        end += 1
    return end


def _entry_end(lines: list[Line], index: int) -> int:
    """End of the entry at `index`: its nested lines, across blank lines that separate them."""
    parent, end = lines[index], index + 1
    while True:
        after_blanks = _run_end(lines, end, lambda other: other.kind == "blank")
        nested = _run_end(lines, after_blanks, lambda other: _nested_under(other, parent))
        if nested == after_blanks:
            return end
        end = nested


def _nested_under(line: Line, parent: Line) -> bool:
    """Sub-bullets (deeper indentation) and indented continuation lines belong to an entry."""
    return line.kind in ("bullet", "paragraph") and line.level > parent.level


def _read_as_group(line: Line, children: list[Line], context: Context) -> bool:
    """A bullet that names a venue ('- CVPR 2019') or a group ('1. Graph Cut') rather than a
    paper: its sub-bullets are the entries, and inherit its venue."""
    mark = context.venues.whole(squeeze(strip_emphasis(line.text)))
    if mark is not None:
        context.drafts.place(line.number, "venue bullet")
        read_body(children, replace(context, venue=mark))
        return True
    if any(child.kind == "bullet" for child in children) and not find_all_links(line.text):
        entry = parse_entry(line.text, context.venues, context.vocabulary)
        if not entry.looks_like_paper():
            context.add_content([line])
            dated = entry.mark is not None and not entry.title  # '- **[2025.02.07]**'
            read_body(children, replace(context, venue=entry.mark) if dated else context)
            return True
    return False


def _states_a_venue(line: Line, context: Context) -> bool:
    """An entry with a title and a venue or year is a paper whatever its heading's words."""
    if context.vocabulary.resource_kind(line.text) != "other":  # 'CVPR2018 tutorial'
        return False
    entry = parse_entry(line.text, context.venues, context.vocabulary)
    return entry.mark is not None and entry.mark.venue is not None and entry.looks_like_paper()


def _read_entry(line: Line, children: list[Line], context: Context) -> None:
    kind = context.kind
    if kind == "paper" and children and line.kind == "bullet" and _read_as_group(line, children, context):
        return
    if kind != "paper" and _states_a_venue(line, context):
        kind = "paper"  # a paper under a heading such as 'Tutorials' or 'Code'
    if kind == "implementation":
        read_implementation(line, children, context)
    elif kind == "resource":
        read_resource(line, children, context)
    else:
        read_paper(line, children, context)
