"""The Atom feed of recently added papers."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.assemble import Database
from generator.views import paths
from generator.views.home import latest_papers
from generator.views.papers import PaperRefView

FEED_LENGTH = 50


@dataclass(frozen=True)
class FeedEntryView:
    title: str
    id: str
    url: str
    updated: str
    authors: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class FeedView:
    title: str
    subtitle: str
    id: str
    updated: str
    site_url: str | None
    self_url: str
    entries: tuple[FeedEntryView, ...]


def feed_view(
    database: Database, refs: dict[str, PaperRefView], site_url: str | None,
    directory_urls: bool = True,
) -> FeedView:
    """The feed of the latest additions; links are absolute when the site URL is known."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    entries = tuple(
        _entry(ref, database.papers[ref.id].authors, base, directory_urls)
        for ref in latest_papers(refs, FEED_LENGTH)
    )
    return FeedView(
        title=database.config.title,
        subtitle=" ".join(database.config.description.split()),
        id=base or f"urn:curate:{paths.slug(database.config.title)}",
        updated=entries[0].updated if entries else "1970-01-01T00:00:00Z",
        site_url=site_url,
        self_url=base + paths.FEED,
        entries=entries,
    )


def _entry(
    ref: PaperRefView, authors: list[str], base: str, directory_urls: bool
) -> FeedEntryView:
    stem = paths.paper_page(ref.id).removesuffix(".md")
    page_url = base + (stem + "/" if directory_urls else stem + ".html")
    summary = " · ".join(part for part in (ref.venue_year, ", ".join(authors)) if part)
    return FeedEntryView(
        title=ref.title,
        id=page_url if base else f"urn:curate:paper:{ref.id}",
        url=page_url,
        updated=f"{ref.added}T00:00:00Z",
        authors=tuple(authors),
        summary=summary or ref.title,
    )
