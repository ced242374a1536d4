"""A paper entry: a bullet (with or without a box) or a line of text under a topic."""

from __future__ import annotations

import re

from generator.importer.context import Context
from generator.importer.drafts import STATUS_OF_BOX, PaperDraft, notes_text
from generator.importer.entrytext import arxiv_id, parse_entry
from generator.importer.entrytitle import EntryText
from generator.importer.inline import strip_emphasis
from generator.importer.linkentries import read_implementation, read_resource
from generator.importer.markdown import Line
from generator.importer.venues import VenueMark
from generator.text.ids import short_name_of

_MAX_VENUE_WORDS = 4
_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])")


def read_paper(line: Line, children: list[Line], context: Context) -> None:
    """Make a paper draft of `line`, its sub-bullets as notes; or keep it as topic content.

    A bullet needs a title-like text; a plain line of text also needs a venue, link or note.
    An entry that is only a link is a code base (on a code host) or a resource.
    """
    entry = parse_entry(line.text, context.venues, context.vocabulary)
    if not entry.title and (entry.url or entry.code):
        _read_link_only(line, children, context)
        return
    facts = _fact_mark(children, context) or _venue_line(children, context)
    mark = _joined(_joined(entry.mark, facts), context.venue)
    said_more = mark or entry.url or entry.code or entry.note
    if not entry.looks_like_paper() or (line.kind == "paragraph" and not said_more):
        context.add_content([line, *children])
        return
    topic = context.paper_topic()
    draft = _draft(line, children, context, entry, topic.id)
    if mark is not None:
        _set_venue(draft, mark, entry.mark is not None, context)
    note = notes_text(entry.note, [child for child in children if child.number not in draft.code_lines])
    if note:
        draft.notes.append((topic.title, note))
    context.drafts.papers.append(draft)
    context.drafts.place(draft.lines, "paper")


def _draft(line: Line, children: list[Line], context: Context, entry: EntryText, topic: str) -> PaperDraft:
    """The paper of one entry; sub-bullets that are code links join its code."""
    code_urls = {child.number: _code_url(child, context) for child in children}
    code_children = [child for child in children if code_urls[child.number]]
    draft = PaperDraft(
        lines=[line.number, *(child.number for child in children)],
        title=entry.title,
        topics=[topic],
        status=STATUS_OF_BOX[line.checkbox],
        short_name=entry.short_name or short_name_of(entry.title),
        url=entry.url,
        arxiv=arxiv_id(entry.url),
        code=entry.code + [_code_link(child, code_urls[child.number] or "") for child in code_children],
        other=entry.other,
    )
    draft.code_lines = {child.number for child in code_children}
    return draft


def _joined(own: VenueMark | None, outer: VenueMark | None) -> VenueMark | None:
    """The entry's own mark, its missing venue or year taken from `outer` (a heading, a fact)."""
    if own is None or outer is None:
        return own or outer
    return VenueMark(own.venue or outer.venue, own.year or outer.year, own.qualifier, own.start, own.end)


def _fact_mark(children: list[Line], context: Context) -> VenueMark | None:
    """Venue and year stated by sub-bullets such as '📑 Publisher: CVPR 2026', 'Date: 2025'."""
    venue, year = None, None
    for child in children:
        label, colon, value = child.text.partition(":")
        role = context.vocabulary.field_role(label) if colon else None
        if role == "venue":
            found = context.venues.find(value.strip(), at_start=True)
            venue = venue or (found.venue if found else None)
            year = year or (found.year if found else None)
        elif role == "date":
            stated = _YEAR.search(value)
            year = year or (int(stated.group(1)) if stated else None)
    return VenueMark(venue, year, None, 0, 0) if venue or year else None


def _venue_line(children: list[Line], context: Context) -> VenueMark | None:
    """A line of venues alone under an entry ('arXiv 2106; CVPR 2021'): the last that names a
    venue (the published one), with a year."""
    for child in children:
        if child.kind != "paragraph":
            continue
        parts = [part.strip() for part in re.split(r"[;,]", strip_emphasis(child.text))]
        marks = [_part_mark(part, context) for part in parts if part]
        if marks and all(marks):
            named = [mark for mark in marks if mark and mark.venue]
            return (named or marks)[-1]
    return None


def _part_mark(part: str, context: Context) -> VenueMark | None:
    """'ICML 2018', 'NeurIPS workshop 2017', 'USENIX Security 2021': a venue and year alone."""
    if len(part.split()) > _MAX_VENUE_WORDS:
        return None
    mark = context.venues.whole(part) or context.venues.find(part, at_start=True)
    year = _YEAR.search(part)
    if mark is None:
        return VenueMark(None, int(year.group(1)), None, 0, 0) if year else None
    return _joined(mark, VenueMark(None, int(year.group(1)), None, 0, 0) if year else None)


def _set_venue(draft: PaperDraft, mark: VenueMark, own: bool, context: Context) -> None:
    """Venue and year from the entry's own mark or its venue heading ('ICCV2019')."""
    draft.venue, draft.year = mark.venue, mark.year
    draft.venue_note = mark.qualifier if own else None
    if context.venues.is_preprint(mark.venue):
        draft.kind = "preprint"
    if mark.venue:
        context.drafts.venues_used.add(mark.venue)


def _code_url(line: Line, context: Context) -> str | None:
    """The code-host URL a sub-bullet starts with ('+ https://github.com/x/y [PyTorch]')."""
    found = re.match(
        r"\[?(https?://([^/\s\]]+)[^\s\]]*)\]?|\[[^\]]*\]\((https?://([^/)]+)[^)]*)\)", line.text
    )
    if not found:
        return None
    url, host = (found.group(1), found.group(2)) if found.group(1) else (found.group(3), found.group(4))
    return url if host.lower().removeprefix("www.") in context.vocabulary.code_hosts else None


def _code_link(line: Line, url: str) -> dict:
    rest = line.text[line.text.index(url) + len(url) :].lstrip(")]").strip()
    label = rest.strip("[]() ").strip()
    return {"url": url, **({"label": label} if label else {})}


def _read_link_only(line: Line, children: list[Line], context: Context) -> None:
    if _code_url(line, context):
        read_implementation(line, children, context)
    else:
        read_resource(line, children, context)
