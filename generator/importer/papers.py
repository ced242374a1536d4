"""A paper entry: a bullet (with or without a box) or a line of text under a topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.importer.drafts import STATUS_OF_BOX, PaperDraft
from generator.importer.entrytext import arxiv_id, parse_entry
from generator.importer.ids import short_name_of
from generator.importer.markdown import Line

if TYPE_CHECKING:
    from generator.importer.reader import Context


def read_paper(line: Line, children: list[Line], context: Context) -> None:
    """Make a paper draft of `line`, its sub-bullets as notes; or keep it as topic content."""
    entry = parse_entry(line.text, context.venues, context.vocabulary)
    if not entry.looks_like_paper():
        context.add_content([line, *children])
        return
    mark = entry.mark or context.venue
    topic = context.paper_topic()
    draft = PaperDraft(
        lines=[line.number, *(child.number for child in children)],
        title=entry.title,
        topics=[topic.id],
        status=STATUS_OF_BOX[line.checkbox],
        short_name=short_name_of(entry.title),
        url=entry.url,
        arxiv=arxiv_id(entry.url),
        code=entry.code,
    )
    if mark is not None:
        draft.venue, draft.year = mark.venue, mark.year
        draft.venue_note = mark.qualifier if mark is entry.mark else None
        if context.venues.is_preprint(mark.venue):
            draft.kind = "preprint"
        if mark.venue:
            context.drafts.venues_used.add(mark.venue)
    note = notes_text(entry.note, children)
    if note:
        draft.notes.append((topic.title, note))
    context.drafts.papers.append(draft)
    context.drafts.place(draft.lines, "paper")


def notes_text(first: str | None, children: list[Line]) -> str | None:
    """The entry's own note, then its sub-bullets as a Markdown list (nesting kept)."""
    parts = [first] if first else []
    if children:
        base = min(child.level for child in children)
        for child in children:
            indent = " " * max(0, child.level - base)
            box = f"[{child.checkbox}] " if child.checkbox else ""
            marker = "- " if child.kind == "bullet" else ""
            parts.append(f"{indent}{marker}{box}{child.text.strip()}")
    return "\n".join(parts) or None
