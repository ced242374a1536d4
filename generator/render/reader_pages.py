"""The reader's pages: every paper with facets, a page per topic, tag and author, the tags
overview, the checklist's own-reading panel, and the papers' data script for exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.database.assemble import Database
from generator.views import paths
from generator.views.authors import author_pages_by_key, author_views
from generator.views.facets import ROW_STATUS, papers_data, papers_page_view
from generator.views.listings import author_listings, tag_listings, tag_summaries, topic_listings
from generator.views.papers import PaperRefView
from generator.views.topics import SectionView

PageRenderer = Callable[..., str]
"""`page(template, here, **context)`: a Markdown page."""
HtmlRenderer = Callable[..., Markup]
"""`html(template, here, **context)`: raw HTML for a Markdown page, with `url(target)`."""


@dataclass
class ReaderPages:
    pages: dict[str, str] = field(default_factory=dict)
    """Markdown text by path under the docs folder."""
    files: dict[str, str] = field(default_factory=dict)
    """Static files by path under the site folder."""
    author_pages: dict[str, str] = field(default_factory=dict)
    """Page of each author by `authors.author_key`, for links from paper pages."""


def reader_pages(
    database: Database, refs: dict[str, PaperRefView], sections: list[SectionView],
    page: PageRenderer, html: HtmlRenderer,
) -> ReaderPages:
    """Render the papers page, the topic, tag and author pages and their overviews."""
    reader = ReaderPages()
    view = papers_page_view(database, refs)
    reader.pages[paths.PAPERS] = page(
        "site/papers.md.j2", paths.PAPERS, total=len(view.rows), listing=html(
            "site/papers_list.html.j2", paths.PAPERS, view=view,
            status_labels=ROW_STATUS, data_script=paths.PAPERS_DATA))
    authors = author_views(database, refs)
    tags = tag_listings(database, refs)
    for listing in (*topic_listings(sections), *tags, *author_listings(authors)):
        reader.pages[listing.page] = page("site/listing.md.j2", listing.page, listing=listing)
    reader.pages[paths.TAGS] = page(
        "site/tags.md.j2", paths.TAGS, tag_groups=tag_summaries(tags, database))
    reader.pages[paths.AUTHORS] = page("site/authors.md.j2", paths.AUTHORS, authors=authors)
    reader.author_pages = author_pages_by_key(authors)
    # A script rather than JSON: pages read it with <script src>, which works from file://.
    data = json.dumps(papers_data(database), ensure_ascii=False, separators=(",", ":"))
    reader.files[paths.PAPERS_DATA] = f"window.curatePapers = {data};\n"
    return reader


def checklist_panel(sections: list[SectionView], html: HtmlRenderer) -> Markup:
    """The reader's own progress on the checklist, out of the papers the checklist lists."""
    listed = {paper.id for section in sections for topic in section.topics for paper in topic.checklist}
    return html("site/reading_panel.html.j2", paths.CHECKLIST, total=len(listed),
                data_script=paths.PAPERS_DATA)
