"""The papers page: every paper once, with the facets a reader narrows the list down by.

Facets come from the data: the list's tag groups, the years and venues papers carry, whether
a paper links code, the curators' reading status. The page's HTML lists the newest
`site.papers_page_rows` papers (all a reader without JavaScript sees, with a link to the year
pages); `assets/curate/curate-facets.js` loads every row from `paper_rows_data` when the reader
filters, searches or asks for more, and filters them in the browser. The counts beside the
facets are over every paper.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.render.bibtex import bibtex_entry
from generator.views.papers import PaperRefView, newest_first

STATUS_LABELS = (("read", "Read"), ("to-read", "To read"), ("untracked", "Not tracked"))
"""The curators' reading status of a paper, as the facet shows it."""
ROW_STATUS = {"read": "read by the curators", "to-read": "to read for the curators",
              "untracked": "not tracked"}
"""The curators' status beside each paper, worded apart from the reader's own tick."""


@dataclass(frozen=True)
class FacetOptionView:
    value: str
    label: str
    count: int
    """Papers with this value in the whole list (the script updates it as one filters)."""


@dataclass(frozen=True)
class FacetView:
    name: str
    """Query parameter of the facet, e.g. 'tag', 'venue'."""
    title: str
    options: tuple[FacetOptionView, ...]
    group: str = ""
    """For tag facets: the tag group's id (tags of one group combine with 'or')."""


@dataclass(frozen=True)
class PaperRowView:
    ref: PaperRefView
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    """Tag ids."""
    tag_titles: tuple[str, ...]
    has_code: bool

    @property
    def search_text(self) -> str:
        """What the free-text filter looks in, lower-cased."""
        parts = [self.ref.title, self.ref.short_name or "", self.ref.venue_year, *self.authors,
                 *self.tag_titles]
        return " ".join(part for part in parts if part).lower()


@dataclass(frozen=True)
class PapersPageView:
    rows: tuple[PaperRowView, ...]
    """Every paper, newest first."""
    listed: tuple[PaperRowView, ...]
    """The first rows, rendered in the page's HTML."""
    tag_facets: tuple[FacetView, ...]
    venue_facet: FacetView
    status_facet: FacetView
    years: tuple[int, ...]
    """Every year a paper carries, oldest first."""
    with_code: int


def papers_page_view(database: Database, refs: dict[str, PaperRefView]) -> PapersPageView:
    """Rows of every paper and the facets that narrow them, with counts over the whole list;
    the first `site.papers_page_rows` rows are listed in the page."""
    tag_titles = {tag.id: tag.title for group in database.config.tag_groups for tag in group.tags}
    rows = []
    for ref in newest_first(list(refs.values())):
        paper = database.papers[ref.id]
        rows.append(PaperRowView(
            ref, tuple(dict.fromkeys(author.strip() for author in paper.authors)),
            tuple(paper.tags), tuple(tag_titles.get(tag, tag) for tag in paper.tags),
            bool(paper.links.code),
        ))
    tag_counts = Counter(tag for row in rows for tag in row.tags)
    tag_facets = tuple(
        FacetView("tag", group.title, tuple(
            FacetOptionView(tag.id, tag.title, tag_counts[tag.id])
            for tag in group.tags if tag_counts[tag.id]), group.id)
        for group in database.config.tag_groups
    )
    venue_counts = Counter(row.ref.venue for row in rows if row.ref.venue)
    venue_order = [venue for venue in database.venues() if venue in venue_counts]
    venue_order += sorted(set(venue_counts) - set(venue_order))
    status_counts = Counter(row.ref.status for row in rows)
    return PapersPageView(
        rows=tuple(rows),
        listed=tuple(rows[:database.config.site.papers_page_rows]),
        tag_facets=tuple(facet for facet in tag_facets if facet.options),
        venue_facet=FacetView("venue", "Venue", tuple(
            FacetOptionView(venue, venue, venue_counts[venue]) for venue in venue_order)),
        status_facet=FacetView("status", "Curators' status", tuple(
            FacetOptionView(value, label, status_counts[value])
            for value, label in STATUS_LABELS if status_counts[value])),
        years=tuple(sorted({row.ref.year for row in rows if row.ref.year})),
        with_code=sum(1 for row in rows if row.has_code),
    )


def papers_data(database: Database) -> dict[str, dict[str, str]]:
    """Title and BibTeX of every paper by id, for exports made in the browser."""
    venues = database.venues()
    return {
        paper.id: {"title": paper.title, "bibtex": bibtex_entry(paper, venues)}
        for paper in database.papers.values()
    }


PAPER_ROW_FIELDS = ("id", "title", "short_name", "venue_year", "authors", "tags", "year", "venue",
                    "code", "status")
"""The fields of each row of `paper_rows_data`, in order."""


def paper_rows_data(view: PapersPageView, database: Database) -> dict[str, object]:
    """Every row of the papers page as compact data for the script: rows as arrays of
    `PAPER_ROW_FIELDS`, with the titles of tags and the labels of statuses."""
    return {
        "fields": PAPER_ROW_FIELDS,
        "rows": [[row.ref.id, row.ref.title, row.ref.short_name or "", row.ref.venue_year,
                  list(row.authors), list(row.tags), row.ref.year or 0, row.ref.venue or "",
                  1 if row.has_code else 0, row.ref.status] for row in view.rows],
        "tags": {tag.id: tag.title for group in database.config.tag_groups for tag in group.tags},
        "status": ROW_STATUS,
    }
