"""The list pages cut into parts of a bounded number of entries: papers by year and by venue,
the topics overview, the reading checklist and the authors index."""

from __future__ import annotations

from dataclasses import dataclass

from generator.views import paths
from generator.views.authors import AuthorPageView, AuthorView
from generator.views.indices import VenueGroupView, YearView
from generator.views.papers import LinkView, PaperRefView
from generator.views.parts import GroupedPartView, grouped_parts
from generator.views.topics import SectionView, TopicView

YearPart = GroupedPartView[tuple[YearView, VenueGroupView], PaperRefView]
VenuePart = GroupedPartView[VenueGroupView, PaperRefView]
TopicsPart = GroupedPartView[tuple[SectionView, str | None], TopicView]
ChecklistPart = GroupedPartView[tuple[SectionView, TopicView], PaperRefView]
AuthorsPart = GroupedPartView[str, AuthorView]


@dataclass(frozen=True)
class YearPartsView:
    parts: list[YearPart]
    jump: tuple[LinkView, ...]
    """Each year with the part that starts it: `years/part-2.md#year-2019`."""


def year_parts(years: list[YearView], size: int) -> YearPartsView:
    """Papers by year, then venue, `size` papers a part."""
    entries = [((year, group), paper)
               for year in years for group in year.venues for paper in group.papers]
    parts = grouped_parts(paths.YEARS, entries, size, lambda key: (key[0].anchor, key[1].anchor))
    starts: dict[str, str] = {}
    for part in parts:
        for (year, _), _papers in part.groups:
            starts.setdefault(year.anchor, f"{part.page}#{year.anchor}")
    return YearPartsView(parts, tuple(LinkView(year.heading, starts[year.anchor]) for year in years))


def venue_parts(venues: list[VenueGroupView], size: int) -> list[VenuePart]:
    """Papers by venue, `size` papers a part."""
    entries = [(group, paper) for group in venues for paper in group.papers]
    return grouped_parts(paths.VENUES, entries, size, lambda group: group.anchor)


def topics_parts(sections: list[SectionView], size: int) -> list[TopicsPart]:
    """The taxonomy, `size` topics a part, under their section and group headings."""
    entries = [((section, group.title), topic)
               for section in sections for group in section.groups for topic in group.topics]
    return grouped_parts(paths.TOPICS, entries, size, lambda key: (key[0].id, key[1]))


def checklist_parts(sections: list[SectionView], size: int) -> list[ChecklistPart]:
    """Each topic's tracked papers, `size` papers a part, under section and topic headings."""
    entries = [((section, topic), paper)
               for section in sections for topic in section.topics for paper in topic.checklist]
    return grouped_parts(paths.CHECKLIST, entries, size, lambda key: key[1].id)


def authors_index_parts(pages: list[AuthorPageView], size: int) -> list[AuthorsPart]:
    """Every author under their surname's initial, `size` authors a part."""
    entries = [(page.initial, author) for page in pages for author in page.part.items]
    return grouped_parts(paths.AUTHORS, entries, size, lambda initial: initial)
