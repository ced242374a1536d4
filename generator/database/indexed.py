"""The in-memory database: every valid record, indexed, with the source it came from."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.database.yamlsource import SourceRecord
from generator.models import Implementation, Leaderboard, ListConfig, Paper, Resource
from generator.models.listconfig import Section, Topic, Venue
from generator.models.paper import ResultRow


@dataclass(frozen=True)
class LeaderboardRow:
    """A result row together with the paper that reports it."""

    paper: Paper
    row: ResultRow
    index: int
    """Position of the row in the paper's `results` list."""


@dataclass
class Database:
    """All records of a list, by kind and id, in file-name order."""

    config: ListConfig
    papers: dict[str, Paper] = field(default_factory=dict)
    leaderboards: dict[str, Leaderboard] = field(default_factory=dict)
    implementations: dict[str, Implementation] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    sources: dict[tuple[str, str], SourceRecord] = field(default_factory=dict)
    """Source of each record by (kind name, id): file path and field lines."""
    list_source: SourceRecord | None = None
    invalid: set[tuple[str, str]] = field(default_factory=set)
    """(kind name, id) of record files that failed to read or validate: a reference to one
    of them is not reported again as unknown."""
    unvalidated_papers: list[SourceRecord] = field(default_factory=list)
    """Paper files that failed validation: still checked for being a paper listed twice, so a
    contributor learns both problems in one run."""

    def records_of(self, kind_name: str) -> dict[str, object]:
        """Records of the kind named `kind_name` ('paper', 'leaderboard', ...)."""
        return {
            "paper": self.papers,
            "leaderboard": self.leaderboards,
            "implementation": self.implementations,
            "resource": self.resources,
        }[kind_name]  # type: ignore[return-value]

    def source_of(self, kind_name: str, record_id: str) -> SourceRecord:
        """Where record `record_id` of kind `kind_name` is written."""
        return self.sources[(kind_name, record_id)]

    def lacks(self, kind_name: str, record_id: str) -> bool:
        """True when no file holds record `record_id`; false also for a file that has problems
        (those are reported against that file, not against each reference to it)."""
        return record_id not in self.records_of(kind_name) and (kind_name, record_id) not in self.invalid

    def sections(self) -> list[Section]:
        return list(self.config.sections)

    def topics(self) -> dict[str, Topic]:
        """Every topic by id, in taxonomy order."""
        return {topic.id: topic for section in self.config.sections for topic in section.topics}

    def venues(self) -> dict[str, Venue]:
        return {venue.id: venue for venue in self.config.venues}

    def papers_in_topic(self, topic_id: str) -> list[Paper]:
        """Papers listing `topic_id`, in file-name order."""
        return [paper for paper in self.papers.values() if topic_id in paper.topics]

    def rows_of(self, leaderboard_id: str) -> list[LeaderboardRow]:
        """Every result row of a leaderboard, in paper file order."""
        return list(self._iter_rows(leaderboard_id))

    def _iter_rows(self, leaderboard_id: str) -> Iterator[LeaderboardRow]:
        for paper in self.papers.values():
            for index, row in enumerate(paper.results):
                if row.leaderboard == leaderboard_id:
                    yield LeaderboardRow(paper, row, index)
