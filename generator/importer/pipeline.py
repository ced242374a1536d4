"""`import_list`: read an awesome list, check everything, then write the records (or nothing)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from generator.database.assemble import build_database
from generator.heap import paused_garbage_collection
from generator.importer.drafts import Drafts, Skipped
from generator.importer.inline import find_all_links
from generator.importer.listconfig import new_list_config
from generator.importer.merge import merge_papers
from generator.importer.reader import read_list
from generator.importer.records import ImportedList, build_records
from generator.importer.taxonomy import existing_topic_ids, own_topic_ids
from generator.importer.venues import VenueParser
from generator.importer.vocabulary import load_vocabulary
from generator.importer.writer import Plan, plan_writes, write_plan
from generator.models import Paper
from generator.project import Project


@dataclass
class ImportOutcome:
    """What an import found, what it wrote and which lines it could not place."""

    source: Path
    drafts: Drafts
    imported: ImportedList
    plan: Plan
    written: bool

    @property
    def skipped(self) -> list[Skipped]:
        return sorted(self.drafts.skipped, key=lambda skipped: skipped.line)

    def counts(self) -> dict[str, int]:
        """Entries found in the list, by kind (papers also by reading status)."""
        kinds = Counter(made.kind for made in self.imported.records)
        papers = [made.record for made in self.imported.records if isinstance(made.record, Paper)]
        status = Counter(paper.status for paper in papers)
        return {
            "papers": kinds["paper"],
            "read": status["read"],
            "to-read": status["to-read"],
            "untracked": status["untracked"],
            "leaderboard rows": sum(len(paper.results) for paper in papers),
            "leaderboards": kinds["leaderboard"],
            "implementations": kinds["implementation"],
            "resources": kinds["resource"],
            "topics": sum(len(section.topics) for section in self.drafts.sections),
            "urls": len(self.urls()),
        }

    def urls(self) -> set[str]:
        """Every distinct URL the imported records and topic texts hold."""
        found: set[str] = set()
        for made in self.imported.records:
            found |= _urls_in(made.record.model_dump(mode="json"))
        texts = [text for section in self.drafts.sections for text in section.content]
        texts += [text for s in self.drafts.sections for t in s.topics for text in t.content]
        return found | _urls_in(texts)


def _urls_in(value: object) -> set[str]:
    """URLs in dumped record data: URL fields as they are, links inside Markdown text."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return {url for item in value for url in _urls_in(item)}
    if not isinstance(value, str):
        return set()
    if value.startswith(("http://", "https://")) and not any(c.isspace() for c in value):
        return {value}
    return {link.url for link in find_all_links(value)}


def import_list(
    source: Path,
    root: Path,
    *,
    force: bool = False,
    allow_skips: bool = False,
    added: dt.date | None = None,
    title: str | None = None,
) -> ImportOutcome:
    """Import the Markdown list `source` into the project at `root` (created when new).

    Nothing is written when a line could not be placed, unless `allow_skips`.
    Raises `ProblemsFound` when the project's existing database does not validate.
    """
    with paused_garbage_collection():  # as loading does: linear time for large lists
        return _import_list(source, Project(root), force, allow_skips, added, title)


def _import_list(
    source: Path,
    project: Project,
    force: bool,
    allow_skips: bool,
    added: dt.date | None,
    title: str | None = None,
) -> ImportOutcome:
    database = build_database(project) if project.list_file.is_file() else None
    vocabulary = load_vocabulary()
    venues = VenueParser(
        database.config.venues if database else vocabulary.venues, vocabulary.venue_qualifiers
    )
    drafts = read_list(source.read_text(encoding="utf-8-sig"), venues, vocabulary, source.stem)
    drafts.title = title or drafts.title
    drafts.papers = merge_papers(drafts.papers)
    topic_ids = existing_topic_ids(drafts, database.config) if database else own_topic_ids(drafts)
    imported = build_records(drafts, added or dt.date.today(), source.name, topic_ids)
    if database is None:
        imported.config = new_list_config(drafts, vocabulary, source.name)
    plan = plan_writes(project, imported, database, force)
    write = allow_skips or not drafts.skipped
    if write:
        write_plan(project, plan)
    return ImportOutcome(source, drafts, imported, plan, write)
