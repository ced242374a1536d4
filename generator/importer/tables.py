"""Tables: with columns of numbers a leaderboard (one result row per line), otherwise resources."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from generator.importer.context import Context
from generator.importer.drafts import LeaderboardDraft, PaperDraft, ResourceDraft
from generator.importer.entrytext import arxiv_id
from generator.importer.inline import SUB, find_links, links_to_labels, squeeze, strip_emphasis
from generator.importer.markdown import Line
from generator.importer.paperrows import read_paper_rows, title_column
from generator.text.ids import slug, unique_id

# A score, bold when it is the best, with an optional spread: '**66.2**', '48.1 ± 0.6', '60.8±0.5%'.
_NUMBER = re.compile(
    r"^\s*(\*\*|__)?\s*(-?\d+(?:\.\d+)?)\s*%?\s*(?:(?:±|\+/?-)\s*(\d+(?:\.\d+)?)\s*%?\s*)?"
    r"(\*\*|__)?\s*$"
)


def read_table(lines: list[Line], context: Context) -> None:
    """Read a header row, its rule and the body rows."""
    drafts = context.drafts
    rows = [line for line in lines if line.kind == "table-row"]
    has_rule = len(lines) > 1 and lines[1].kind == "table-rule"
    if not rows or not has_rule:
        for line in lines:
            drafts.skip(line.number, "table without a header row and a --- rule", line.raw.strip())
        return
    header, body = rows[0], rows[1:]
    drafts.place([header.number, lines[1].number], "table header")
    roles = [context.vocabulary.column_role(cell) for cell in header.cells]
    columns = [[row.cells[i] for row in body if i < len(row.cells)] for i in range(len(roles))]
    method = _method_column(roles, columns)
    numeric = [
        index
        for index, role in enumerate(roles)
        if index != method and role not in ("index", "venue") and _mostly_numbers(columns[index])
    ]
    titles = title_column(header, context)
    if numeric:
        _read_leaderboard(header, body, numeric, context, method)
    elif titles is not None:
        read_paper_rows(header, body, titles, context)
    else:
        _read_resource_rows(header, body, context)


def _method_column(roles: list[str | None], columns: list[list[str]]) -> int:
    """The column naming each row's method: 'Method', 'Model', 'Title'... or else the first
    column that is not a row number, a venue or a column of numbers."""
    named = [index for index, role in enumerate(roles) if role in ("method", "title")]
    if named:
        return named[0]
    plain = [
        index for index, role in enumerate(roles)
        if role not in ("index", "venue") and not _mostly_numbers(columns[index])
    ]
    return plain[0] if plain else 0


def _mostly_numbers(cells: list[str]) -> bool:
    filled = [cell for cell in cells if cell.strip()]
    return bool(filled) and sum(bool(_NUMBER.match(cell)) for cell in filled) * 2 >= len(filled)


def _read_leaderboard(
    header: Line, body: list[Line], numeric: list[int], context: Context, method: int
) -> None:
    drafts = context.drafts
    topic = context.paper_topic()
    title = context.table_title or topic.title
    splits = [strip_emphasis(header.cells[index]).strip() for index in numeric]
    taken = {board.id for board in drafts.leaderboards}
    board = LeaderboardDraft(
        header.number, unique_id(slug(title), taken), title, splits, [topic.id]
    )
    drafts.leaderboards.append(board)
    row_group = None
    for row in body:
        if len(row.cells) != len(header.cells):
            drafts.skip(
                row.number,
                f"table row has {len(row.cells)} cells, the header {len(header.cells)}",
                row.raw.strip(),
            )
            continue
        if not any(cell.strip() for cell in row.cells):
            drafts.place(row.number, "layout")
            continue
        if _is_group_row(row, numeric):
            row_group = " ".join(strip_emphasis(cell).strip() for cell in row.cells if cell.strip())
            drafts.place(row.number, "leaderboard row group")
            continue
        draft = _row_paper(row, header, numeric, board, context, method)
        if draft is None:
            drafts.skip(row.number, "table row has no number in the score columns", row.raw.strip())
            continue
        if row_group:
            result = draft.results[0]
            result["notes"] = f"{row_group}; {result['notes']}" if "notes" in result else row_group
        drafts.papers.append(draft)
        drafts.place(row.number, "leaderboard row")


def _is_group_row(row: Line, numeric: list[int]) -> bool:
    """A row of bold labels only, no scores: it names the rows below ('**Image-level**')."""
    filled = [cell.strip() for cell in row.cells if cell.strip()]
    return all(
        index not in numeric for index, cell in enumerate(row.cells) if cell.strip()
    ) and all(cell.startswith(("**", "__")) and cell.endswith(("**", "__")) for cell in filled)


def _row_paper(
    row: Line,
    header: Line,
    numeric: list[int],
    board: LeaderboardDraft,
    context: Context,
    method: int,
) -> PaperDraft | None:
    values: dict[str, float | None] = {}
    highlight, spreads = False, []
    for split, index in zip(board.splits, numeric, strict=True):
        found = _NUMBER.match(row.cells[index])
        values[split] = float(found.group(2)) if found else None  # None: a cell left empty
        if found:
            highlight = highlight or bool(found.group(1))
            if found.group(3):
                spreads.append(f"{split} ± {found.group(3)}")
    if all(value is None for value in values.values()):
        return None
    method_cell = row.cells[method]
    every_link = find_links(method_cell)
    links = [link for link in every_link if link.url.startswith(("http://", "https://"))]
    sub = SUB.search(method_cell)
    mark = context.venues.whole(strip_emphasis(sub.group(1))) if sub else None
    name = (
        every_link[0].plain_label
        if every_link
        else squeeze(strip_emphasis(SUB.sub("", method_cell)))
    )
    url = links[0].url if links else None
    result: dict = {"leaderboard": board.id, "values": values}
    if url:
        result["url"] = url
    if highlight:
        result["highlight"] = True
    columns: dict = {}
    text = _text_columns(row, header, [*numeric, method], columns, context)
    notes = "; ".join(filter(None, [text, *spreads]))
    result.update({key: value for key, value in columns.items() if key != "mark"})
    mark = mark or columns.get("mark")
    if notes:
        result["notes"] = notes
    draft = PaperDraft(
        lines=[row.number],
        title=name,
        topics=list(board.topics),
        title_is_name=True,
        short_name=name,
        results=[result],
    )
    if url and _is_code(url, context):
        draft.code = [{"url": url}]
    elif url:
        draft.url, draft.arxiv = url, arxiv_id(url)
    if mark is not None:
        draft.venue, draft.year = mark.venue, mark.year
        draft.kind = "preprint" if context.venues.is_preprint(mark.venue) else "paper"
        if mark.venue:
            context.drafts.venues_used.add(mark.venue)
    return draft


def _text_columns(
    row: Line, header: Line, numeric: list[int], result: dict, context: Context
) -> str:
    notes = []
    for index in range(len(header.cells)):
        cell = row.cells[index].strip()
        role = context.vocabulary.column_role(header.cells[index])
        if index in numeric or not cell or role == "index":
            continue
        mark = context.venues.whole(strip_emphasis(cell)) if role == "venue" else None
        if role == "backbone":
            result["backbone"] = squeeze(strip_emphasis(cell))
        elif mark is not None:  # 'Year' and 'Venue' columns make one mark
            known = result.get("mark")
            result["mark"] = replace(
                mark, venue=mark.venue or (known.venue if known else None),
                year=mark.year or (known.year if known else None),
            )
        elif role == "notes":
            notes.append(cell)
        else:
            notes.append(f"{strip_emphasis(header.cells[index]).strip()}: {cell}")
    return "; ".join(notes)


def _is_code(url: str, context: Context) -> bool:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host in context.vocabulary.code_hosts


def _read_resource_rows(header: Line, body: list[Line], context: Context) -> None:
    drafts = context.drafts
    for row in body:
        every_link = [link for cell in row.cells for link in find_links(cell)]
        links = [link for link in every_link if link.url.startswith(("http://", "https://"))]
        if every_link and all(link.url.startswith("#") for link in every_link):
            drafts.place(row.number, "toc")
            continue
        if not links:
            context.add_content([row])
            continue
        first_text = squeeze(strip_emphasis(links_to_labels(row.cells[0])))
        described = [
            f"{strip_emphasis(header.cells[i]).strip()}: {cell.strip()}"
            for i, cell in enumerate(row.cells[1:], start=1)
            if cell.strip() and i < len(header.cells) and not find_links(cell)
        ]
        drafts.resources.append(
            ResourceDraft(
                lines=[row.number],
                title=first_text or links[0].plain_label,
                kind=context.vocabulary.resource_kind(" ".join([row.text, *context.headings])),
                links=[{"label": link.plain_label or "link", "url": link.url} for link in links],
                description="; ".join(described) or None,
                topics=[context.topic.id] if context.topic else [],
            )
        )
        drafts.place(row.number, "resource")
