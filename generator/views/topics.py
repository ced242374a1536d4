"""The taxonomy with its papers, and the reading checklist of each topic."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.models.listconfig import Section, Topic
from generator.views import paths
from generator.views.papers import LinkView, PaperRefView, newest_first


@dataclass(frozen=True)
class TopicView:
    id: str
    title: str
    description: str | None
    group: str | None
    papers: tuple[PaperRefView, ...]
    leaderboards: tuple[LinkView, ...]
    """Leaderboards of the topic; `url` is the page path under the docs folder."""
    resources: tuple[LinkView, ...]

    @property
    def page(self) -> str:
        return paths.topic_page(self.id)

    @property
    def read_count(self) -> int:
        return sum(1 for paper in self.papers if paper.status == "read")

    @property
    def checklist(self) -> tuple[PaperRefView, ...]:
        """Tracked papers (read or to read): read ones first."""
        tracked = [paper for paper in self.papers if paper.status != "untracked"]
        return tuple(sorted(tracked, key=lambda paper: paper.status != "read"))


@dataclass(frozen=True)
class TopicGroupView:
    title: str | None
    topics: tuple[TopicView, ...]


@dataclass(frozen=True)
class SectionView:
    id: str
    title: str
    description: str | None
    groups: tuple[TopicGroupView, ...]

    @property
    def topics(self) -> tuple[TopicView, ...]:
        return tuple(topic for group in self.groups for topic in group.topics)


def section_views(database: Database, refs: dict[str, PaperRefView]) -> list[SectionView]:
    """Every section and topic in taxonomy order, each topic with its papers newest first."""
    papers_by_topic: dict[str, list[PaperRefView]] = defaultdict(list)
    for paper in database.papers.values():
        for topic_id in paper.topics:
            papers_by_topic[topic_id].append(refs[paper.id])
    boards_by_topic: dict[str, list[LinkView]] = defaultdict(list)
    for board in database.leaderboards.values():
        for topic_id in board.topics:
            boards_by_topic[topic_id].append(LinkView(board.title, paths.leaderboard_page(board.id)))
    resources_by_topic: dict[str, list[LinkView]] = defaultdict(list)
    for resource in database.resources.values():
        for topic_id in resource.topics:
            resources_by_topic[topic_id].append(LinkView(resource.title, resource.links[0].url))

    def topic_view(topic: Topic) -> TopicView:
        return TopicView(
            topic.id, topic.title, topic.description, topic.group,
            tuple(newest_first(papers_by_topic[topic.id])),
            tuple(boards_by_topic[topic.id]), tuple(resources_by_topic[topic.id]),
        )

    return [_section_view(section, topic_view) for section in database.config.sections]


def _section_view(section: Section, topic_view) -> SectionView:
    groups: list[TopicGroupView] = []
    for topic in section.topics:
        if groups and groups[-1].title == topic.group:
            groups[-1] = TopicGroupView(topic.group, (*groups[-1].topics, topic_view(topic)))
        else:
            groups.append(TopicGroupView(topic.group, (topic_view(topic),)))
    return SectionView(section.id, section.title, section.description, tuple(groups))


@dataclass(frozen=True)
class ProgressView:
    read: int
    tracked: int

    @property
    def percent(self) -> int:
        return round(100 * self.read / self.tracked) if self.tracked else 0


def overall_progress(database: Database) -> ProgressView:
    """Read papers out of all tracked (read or to-read) papers, each counted once."""
    tracked = [paper for paper in database.papers.values() if paper.status != "untracked"]
    return ProgressView(sum(1 for paper in tracked if paper.status == "read"), len(tracked))
