"""Pages that list papers sharing one thing: a topic or a tag."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from generator.database.assemble import Database
from generator.views import paths
from generator.views.papers import LinkView, PaperRefView, newest_first
from generator.views.topics import SectionView


@dataclass(frozen=True)
class ListingView:
    """A page of papers sharing a topic or tag, newest first."""

    kind: str
    """'topic' or 'tag'."""
    title: str
    page: str
    description: str | None
    """Markdown from the record, when it has one."""
    trail: tuple[LinkView, ...]
    """Breadcrumb above the title; `url` is a page path under the docs folder or an anchor."""
    papers: tuple[PaperRefView, ...]
    leaderboards: tuple[LinkView, ...] = ()
    resources: tuple[LinkView, ...] = ()

    # Cached: every part of a long listing prints them (99 parts of 9,900 papers at 10,000).
    @cached_property
    def read_count(self) -> int:
        return sum(1 for paper in self.papers if paper.read)

    @cached_property
    def years(self) -> tuple[tuple[int | None, int], ...]:
        """(year, number of papers) newest first, for the counts line."""
        counts = Counter(paper.year for paper in self.papers)
        return tuple(sorted(counts.items(), key=lambda item: -(item[0] or 0)))


@dataclass(frozen=True)
class TagSummaryView:
    group: str
    tags: tuple[tuple[str, str, int], ...]
    """(title, page, paper count) of each tag of the group."""


PAPERS_CRUMB = LinkView("Papers", paths.PAPERS)


def topic_listings(sections: list[SectionView]) -> list[ListingView]:
    """A page for every topic, with its leaderboards and resources."""
    return [
        ListingView(
            "topic", topic.title, paths.topic_page(topic.id), topic.description,
            (PAPERS_CRUMB, LinkView(section.title, f"{paths.TOPICS}#{section.id}")),
            topic.papers, topic.leaderboards, topic.resources,
        )
        for section in sections for topic in section.topics
    ]


def tag_listings(database: Database, refs: dict[str, PaperRefView]) -> list[ListingView]:
    """A page for every tag of the vocabulary, in use or not."""
    return [
        ListingView(
            "tag", tag.title, paths.tag_page(tag.id), tag.description,
            (PAPERS_CRUMB, LinkView(group.title, paths.TAGS)),
            tuple(newest_first([refs[paper.id] for paper in database.papers.values()
                                if tag.id in paper.tags])),
        )
        for group in database.config.tag_groups for tag in group.tags
    ]


def tag_summaries(tags: list[ListingView], database: Database) -> list[TagSummaryView]:
    """Each tag group with the page and count of each tag, for the tags overview."""
    pages = {listing.page: listing for listing in tags}
    return [
        TagSummaryView(group.title, tuple(
            (tag.title, paths.tag_page(tag.id), len(pages[paths.tag_page(tag.id)].papers))
            for tag in group.tags))
        for group in database.config.tag_groups
    ]
