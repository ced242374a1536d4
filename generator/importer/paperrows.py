"""A table of papers: one paper per row, its title in a 'Title' or 'Paper' column.

Other columns say more: a venue column gives the venue and year, links are the paper's links
(code hosts as code), any other text is a note ('Authors: ...'). A heading such as 'ECCV 2024'
gives its rows a venue, as it does to bullets.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.importer.context import Context
from generator.importer.drafts import PaperDraft
from generator.importer.entryforms import trailing_mark
from generator.importer.entrytext import arxiv_id
from generator.importer.inline import find_all_links, links_to_labels, squeeze, strip_emphasis
from generator.importer.markdown import Line
from generator.importer.venues import VenueMark


def title_column(header: Line, context: Context) -> int | None:
    """The column holding paper titles, if the table has one."""
    roles = [context.vocabulary.column_role(cell) for cell in header.cells]
    return roles.index("title") if "title" in roles else None


def read_paper_rows(header: Line, body: list[Line], column: int, context: Context) -> None:
    """One paper draft per row with a title; other rows are kept as topic text."""
    topic = context.paper_topic()
    for row in body:
        cells = list(row.cells) + [""] * (len(header.cells) - len(row.cells))
        draft = _row_paper(row, header, cells, column, context, topic.id)
        if draft is None:
            context.add_content([row])
            continue
        context.drafts.papers.append(draft)
        context.drafts.place(row.number, "paper (table row)")


def _row_paper(
    row: Line, header: Line, cells: list[str], column: int, context: Context, topic: str
) -> PaperDraft | None:
    title_links = [link for link in find_all_links(cells[column]) if link.url.startswith("http")]
    title = squeeze(strip_emphasis(links_to_labels(cells[column])))
    if not any(character.isalpha() for character in title):
        return None
    draft = PaperDraft(lines=[row.number], title=title, topics=[topic])
    mark = context.venue
    notes = []
    for index, cell in enumerate(cells):
        if index == column or not cell.strip() or index >= len(header.cells):
            continue
        name = strip_emphasis(header.cells[index]).strip()
        role = context.vocabulary.column_role(name)
        links = [link for link in find_all_links(cell) if link.url.startswith("http")]
        if role == "venue":
            plain = strip_emphasis(cell)
            mark = context.venues.find(plain, at_start=True) or trailing_mark(plain, context.venues) or mark
        elif links:
            _add_links(draft, links, context)
        elif role != "index":
            notes.append(f"{name}: {squeeze(cell)}")
    _add_links(draft, title_links, context)
    if notes:
        draft.notes.append(("", "; ".join(notes)))
    if mark is not None:
        _set_mark(draft, mark, context)
    return draft


def _add_links(draft: PaperDraft, links: list, context: Context) -> None:
    for link in links:
        host = (urlsplit(link.url).hostname or "").removeprefix("www.")
        if host in context.vocabulary.code_hosts:
            draft.code.append({"url": link.url, "label": link.plain_label or "code"})
        elif draft.url is None:
            draft.url, draft.arxiv = link.url, arxiv_id(link.url)
        else:
            draft.other.append({"label": link.plain_label or "link", "url": link.url})


def _set_mark(draft: PaperDraft, mark: VenueMark, context: Context) -> None:
    draft.venue, draft.year = mark.venue, mark.year
    if context.venues.is_preprint(mark.venue):
        draft.kind = "preprint"
    if mark.venue:
        context.drafts.venues_used.add(mark.venue)
