"""The list pages: papers by year and by venue, the topics overview and the reading
checklist, each cut into parts of at most `site.list_part_entries` entries."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from generator.views import paths
from generator.views.list_parts import checklist_parts, topics_parts, venue_parts, year_parts
from generator.views.list_views import ListViews

PageRenderer = Callable[..., str]
"""`page(template, here, **context)`: a page's text, Markdown or HTML after its front matter."""
HtmlRenderer = Callable[..., Markup]
"""`html(template, here, **context)`: raw HTML for a Markdown page, with `url(target)`."""


def list_pages(
    views: ListViews, size: int, page: PageRenderer, html_page: PageRenderer, html: HtmlRenderer,
) -> dict[str, str]:
    """Text of every part of the year, venue, topics and checklist pages, by path: the topics
    overview in Markdown, the long lists as HTML (`html_page`), which MkDocs need not convert."""
    pages: dict[str, str] = {}
    years = year_parts(views.years, size)
    for year_part in years.parts:
        pages[year_part.page] = html_page("site/years.html.j2", year_part.page, part=year_part,
                                          jump=years.jump, total=len(views.refs))
    for venue_part in venue_parts(views.venues, size):
        pages[venue_part.page] = html_page("site/venues.html.j2", venue_part.page, part=venue_part)
    for topics_part in topics_parts(views.sections, size):
        pages[topics_part.page] = page("site/topics.md.j2", topics_part.page, part=topics_part)
    for checklist_part in checklist_parts(views.sections, size):
        panel = html("site/reading_panel.html.j2", checklist_part.page,
                     total=len({paper.id for paper in checklist_part.entries}),
                     data_script=paths.PAPERS_DATA)
        pages[checklist_part.page] = html_page(
            "site/checklist.html.j2", checklist_part.page, part=checklist_part,
            progress=views.progress, reading_panel=panel)
    return pages
