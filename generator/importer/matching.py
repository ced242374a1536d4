"""Which existing record an imported one is, found through indexes (no pairwise comparison).

An imported record is the same as an existing one when it has the same id, or (papers) the same
arXiv id, main URL, short name at the same venue and year, or title, or a title that one of them
starts with; (implementations) the same URL and name; (resources) the same title or first link.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable

from generator.database.assemble import Database
from generator.database.crosscheck import normalized_title
from generator.models import Implementation, Paper, Resource
from generator.models.fields import Record

MIN_PREFIX = 12
"""Shortest normalized title that may match as the start of a longer one."""


def match_keys(record: Record) -> list[Hashable]:
    """The keys under which `record` meets the same record written differently."""
    if isinstance(record, Paper):
        keys: list[Hashable] = [("arxiv", record.links.arxiv), ("url", record.links.url)]
        for name in filter(None, [record.short_name, *record.aliases]):
            keys.append(("name", name, record.venue, record.year))
        return [*keys, ("title", normalized_title(record.title))]
    if isinstance(record, Implementation):
        return [("implementation", record.url, record.name)]
    if isinstance(record, Resource):
        return [("title", normalized_title(record.title)), ("link", record.links[0].url)]
    return []


class ExistingRecords:
    """The records of one kind already in the project, indexed by their match keys."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.ids: dict[str, str] = {}
        self.by_key: dict[Hashable, str] = {}
        for record in records:
            record_id: str = record.id  # type: ignore[attr-defined]
            self.ids[record_id] = record_id
            for key in match_keys(record):
                if key[-1] is not None:  # type: ignore[index]
                    self.by_key.setdefault(key, record_id)
        self.titles = sorted(
            (key[1], record_id)
            for key, record_id in self.by_key.items()
            if isinstance(key, tuple) and key[0] == "title"
        )

    def match(self, record: Record) -> str | None:
        """Id of the existing record that `record` is, or None."""
        found = self.ids.get(record.id)  # type: ignore[attr-defined]
        for key in match_keys(record):
            if found is None:
                found = self.by_key.get(key)
        if found is None and isinstance(record, Paper):
            found = self._title_prefix(normalized_title(record.title))
        return found

    def _title_prefix(self, title: str) -> str | None:
        """An existing title that starts `title` or that `title` starts, both long enough."""
        for length in range(MIN_PREFIX, len(title)):
            found = self.by_key.get(("title", title[:length]))
            if found is not None:
                return found
        if len(title) < MIN_PREFIX:
            return None
        index = bisect.bisect_left(self.titles, (title, ""))
        if index < len(self.titles) and self.titles[index][0].startswith(title):
            return self.titles[index][1]
        return None


def existing_records(database: Database) -> dict[str, ExistingRecords]:
    """An index per record kind of the project's database."""
    return {
        kind: ExistingRecords(database.records_of(kind).values())  # type: ignore[arg-type]
        for kind in ("paper", "leaderboard", "implementation", "resource")
    }
