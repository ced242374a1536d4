"""`curate add`: look a paper up, refuse it when listed already, write one new record."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import write_text_atomically
from generator.database.assemble import Database, check_project
from generator.database.crosscheck import normalized_title, paper_identities, unknown_message
from generator.database.write import record_yaml
from generator.errors import CurateError
from generator.lookup.found import Found
from generator.lookup.identifiers import Identifier, parse_identifier
from generator.lookup.records import PaperDraft, RecordRefused, paper_from
from generator.lookup.resolve import look_up
from generator.lookup.services import Services
from generator.models import Paper
from generator.problems import ProblemsFound, relative_path
from generator.project import KIND_BY_NAME, Project

PAPER = KIND_BY_NAME["paper"]


class AlreadyListed(CurateError):
    """The paper has a record already; the message names its file and line."""


@dataclass
class Added:
    """The record written (or that would be written, in a dry run) and what to tell the user."""

    path: Path
    paper: Paper
    text: str
    notes: list[str] = field(default_factory=list)


def add_paper(
    project: Project,
    identifier_text: str | None,
    draft: PaperDraft,
    *,
    services: Callable[[Database], Services] | None,
    today: dt.date,
    dry_run: bool = False,
) -> Added:
    """Add one paper; `services=None` is offline and builds the record from `draft` alone."""
    database, notes = _current_database(project)
    identifier = parse_identifier(identifier_text) if identifier_text else None
    if identifier:
        refuse_if_listed(_identifier_keys(identifier), database)
    draft = _checked_draft(draft, database)
    found = _found(identifier, database, services, notes)
    paper = paper_from(found, identifier, draft, database.config, _taken_ids(project, database), today, notes)
    refuse_if_listed(((kind, value) for kind, _, value in paper_identities(paper)), database)
    path = project.record_path(PAPER, paper.id)
    existing = database.sources.get(("paper", paper.id))  # e.g. '<id>.yml'
    if existing or path.exists():  # Only an explicit --id can be taken.
        shown = existing.path if existing else relative_path(path, project.root)
        raise RecordRefused(f"{shown} exists already; choose another --id")
    text = record_yaml(PAPER, paper)
    if not dry_run:
        write_text_atomically(path, text)
    return Added(path, paper, text, notes)


def _current_database(project: Project) -> tuple[Database, list[str]]:
    database, problems = check_project(project)
    if database is None:
        raise ProblemsFound(problems)
    notes = (
        [f"the database has {len(problems)} problem(s) already; run 'curate validate'"] if problems else []
    )
    return database, notes


def _found(
    identifier: Identifier | None,
    database: Database,
    services: Callable[[Database], Services] | None,
    notes: list[str],
) -> Found:
    if services is None:
        return Found(
            source="command line",
            arxiv=identifier.value if identifier and identifier.kind == "arxiv" else None,
            doi=identifier.value if identifier and identifier.kind == "doi" else None,
        )
    if identifier is None:
        raise RecordRefused("give an arXiv id, DOI or paper URL to look up, or pass --offline --title ...")
    opened = services(database)
    try:
        return look_up(identifier, opened, notes)
    finally:
        opened.close()


def _identifier_keys(identifier: Identifier) -> list[tuple[str, str]]:
    if identifier.kind == "arxiv":
        return [("arXiv id", identifier.value)]
    if identifier.kind == "doi":
        return [("DOI", identifier.value.lower())]
    if identifier.kind == "title":
        return [("title", normalized_title(identifier.value))]
    return []


def refuse_if_listed(keys: Iterable[tuple[str, str]], database: Database) -> None:
    """Raise `AlreadyListed` when a paper of `database` has one of `keys` (kind, value)."""
    wanted = {key for key in keys if key[1]}
    for paper in database.papers.values():
        for kind, path, value in paper_identities(paper):
            if (kind, value) in wanted:
                source = database.source_of("paper", paper.id)
                shown = paper.title if kind == "title" else value
                raise AlreadyListed(
                    f"already on the list: {source.path}:{source.line_of(path)} has the same "
                    f"{kind} ({shown}); edit that record (e.g. add a topic) instead of adding "
                    "a new one"
                )


def _taken_ids(project: Project, database: Database) -> set[str]:
    folder = project.folder_of(PAPER)
    on_disk = {path.stem for path in folder.glob("*.y*ml")} if folder.is_dir() else set()
    return on_disk | set(database.papers)


def _checked_draft(draft: PaperDraft, database: Database) -> PaperDraft:
    """Refuse unknown topics and tags; turn a venue alias into its id."""
    topics = database.topics()
    if not draft.topics:
        raise RecordRefused(f"a paper needs at least one topic: pass --topic ID ({_listed(topics)})")
    for topic in draft.topics:
        _require_known("topic", topic, topics)
    tags = {tag.id for group in database.config.tag_groups for tag in group.tags}
    for tag in draft.tags:
        _require_known("tag", tag, tags)
    if draft.venue is None:
        return draft
    by_spelling = {
        spelling.casefold(): venue.id
        for venue in database.config.venues
        for spelling in (venue.id, *venue.aliases)
    }
    venue_id = by_spelling.get(draft.venue.casefold())
    if venue_id is None:
        _require_known("venue", draft.venue, database.venues())
    return dataclasses.replace(draft, venue=venue_id)


def _require_known(what: str, value: str, known: Iterable[str]) -> None:
    known = list(known)
    if value not in known:
        raise RecordRefused(unknown_message(what, value, known))


def _listed(known: Iterable[str]) -> str:
    known = list(known)
    return "known: " + ", ".join(known[:40]) + (", ..." if len(known) > 40 else "")
