"""The reader's pages: every paper with facets, a page per topic and tag, the authors by
initial, the tags overview and authors index, and the papers' data script for exports."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from generator.database.assemble import Database
from generator.render.list_pages import HtmlRenderer, PageRenderer
from generator.views import paths
from generator.views.authors import all_authors, author_pages, author_targets_by_key
from generator.views.facets import ROW_STATUS, paper_rows_data, papers_data, papers_page_view
from generator.views.list_parts import authors_index_parts
from generator.views.listings import PAPERS_CRUMB, tag_listings, tag_summaries, topic_listings
from generator.views.papers import LinkView, PaperRefView
from generator.views.parts import split
from generator.views.topics import SectionView

PAPER_ID_SLOT = "__paper__"
"""Stands for a paper's id in the papers page's link pattern (the script fills it in)."""


@dataclass
class ReaderPages:
    pages: dict[str, str] = field(default_factory=dict)
    """Markdown text by path under the docs folder."""
    files: dict[str, str] = field(default_factory=dict)
    """Static files by path under the site folder."""
    author_targets: dict[str, str] = field(default_factory=dict)
    """Where a link to each author leads (`page#anchor`) by `authors.author_key`."""


def reader_pages(
    database: Database, refs: dict[str, PaperRefView], sections: list[SectionView],
    page: PageRenderer, html_page: PageRenderer, html: HtmlRenderer,
) -> ReaderPages:
    """Render the papers page, the topic, tag and author pages and their overviews."""
    size = database.config.site.list_part_entries
    reader = ReaderPages()
    view = papers_page_view(database, refs)
    reader.pages[paths.PAPERS] = page(
        "site/papers.md.j2", paths.PAPERS, total=len(view.rows), listing=html(
            "site/papers_list.html.j2", paths.PAPERS, view=view, status_labels=ROW_STATUS,
            data_script=paths.PAPERS_DATA, rows_script=paths.PAPERS_ROWS, years_page=paths.YEARS,
            paper_href=paths.paper_page(PAPER_ID_SLOT)))
    tags = tag_listings(database, refs)
    for listing in (*topic_listings(sections), *tags):
        for part in split(listing.page, listing.papers, size):
            reader.pages[part.page] = html_page(
                "site/listing.html.j2", part.page, listing=listing, part=part)
    reader.pages[paths.TAGS] = page(
        "site/tags.md.j2", paths.TAGS, tag_groups=tag_summaries(tags, database))
    initials = author_pages(database, refs, size)
    trail = (PAPERS_CRUMB, LinkView("Authors", paths.AUTHORS))
    for initial in initials:
        reader.pages[initial.part.page] = html_page(
            "site/author_initial.html.j2", initial.part.page, view=initial, trail_links=trail)
    authors = all_authors(initials)
    for index_part in authors_index_parts(initials, size):
        reader.pages[index_part.page] = html_page(
            "site/authors.html.j2", index_part.page, part=index_part, total=len(authors))
    reader.author_targets = author_targets_by_key(authors)
    # A script rather than JSON: pages read it with <script src>, which works from file://.
    data = json.dumps(papers_data(database), ensure_ascii=False, separators=(",", ":"))
    reader.files[paths.PAPERS_DATA] = f"window.curatePapers = {data};\n"
    rows = json.dumps(paper_rows_data(view, database), ensure_ascii=False, separators=(",", ":"))
    reader.files[paths.PAPERS_ROWS] = f"window.curatePaperRows = {rows};\n"
    return reader
