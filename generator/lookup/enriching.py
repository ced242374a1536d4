"""`curate enrich`: fill the empty fields of paper records from the services, never overwriting."""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from generator.atomic import write_text_atomically
from generator.database.assemble import Database, build_database
from generator.database.crosscheck import normalized_title
from generator.database.validate import error_messages
from generator.database.write import record_yaml
from generator.lookup.found import Found, MalformedAnswer, NotFound
from generator.lookup.github import fetch_repository, github_repository
from generator.lookup.http import LookupFailed, ServiceUnreachable
from generator.lookup.identifiers import Identifier
from generator.lookup.records import RecordRefused
from generator.lookup.resolve import look_up
from generator.lookup.services import Services
from generator.lookup.venues import match_venue
from generator.models import Paper
from generator.problems import closest, shown
from generator.project import KIND_BY_NAME, Project

PAPER = KIND_BY_NAME["paper"]


@dataclass
class Enrichment:
    """The fields filled in one record, and its text before and after."""

    path: str
    filled: list[str]
    old_text: str
    new_text: str

    def diff(self) -> str:
        """Unified diff of the record file, as `git diff` shows it."""
        return "".join(
            difflib.unified_diff(
                self.old_text.splitlines(keepends=True),
                self.new_text.splitlines(keepends=True),
                f"a/{self.path}",
                f"b/{self.path}",
            )
        )


@dataclass
class EnrichReport:
    """What one `curate enrich` run changed, left alone, and could not do."""

    changed: list[Enrichment] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def enrich_papers(
    project: Project,
    only: list[str] | None,
    services: Callable[[Database], Services],
    *,
    dry_run: bool = False,
) -> EnrichReport:
    """Fill empty fields of the papers `only` names (all when None); write unless `dry_run`."""
    database = build_database(project)
    report = EnrichReport()
    selected = _selected(database, only)
    opened = services(database)
    try:
        for done, paper_id in enumerate(selected):
            try:
                _enrich_one(project, database, paper_id, opened, report, dry_run)
            except ServiceUnreachable as error:
                source = database.source_of("paper", paper_id)
                report.failures.append(
                    f"{source.path}: {error}; stopped, {len(selected) - done - 1} paper(s) not tried"
                )
                break
    finally:
        opened.close()
    return report


def _selected(database: Database, only: list[str] | None) -> list[str]:
    if not only:
        return list(database.papers)
    unknown = [paper_id for paper_id in only if paper_id not in database.papers]
    if unknown:
        close = closest(unknown[0], database.papers)
        hint = f"; did you mean '{close}'?" if close else ""
        raise RecordRefused(f"no paper with id '{unknown[0]}'{hint}")
    return list(dict.fromkeys(only))


def _enrich_one(
    project: Project,
    database: Database,
    paper_id: str,
    services: Services,
    report: EnrichReport,
    dry_run: bool,
) -> None:
    paper = database.papers[paper_id]
    source = database.source_of("paper", paper_id)
    notes: list[str] = []
    try:
        found = _look_up_paper(paper, services, notes)
        data = copy.deepcopy(source.data)
        filled = fill_empty_fields(paper, found, data, database, notes) if found else []
        filled += _fill_repositories(data, services, notes)
    except ServiceUnreachable:
        raise
    except (LookupFailed, MalformedAnswer) as error:
        report.failures.append(f"{source.path}: {error}; skipped")
        return
    finally:
        report.notes.extend(f"{source.path}: {note}" for note in notes)
    if not filled:
        report.unchanged.append(paper_id)
        return
    try:
        new_text = record_yaml(PAPER, Paper.model_validate(data))
    except ValidationError as error:
        problems = "; ".join(error_messages(Paper, error))
        report.failures.append(
            f"{source.path}: what the services say would not be valid ({problems}); skipped"
        )
        return
    path = project.root / source.path
    report.changed.append(Enrichment(source.path, filled, path.read_text(encoding="utf-8"), new_text))
    if not dry_run:
        write_text_atomically(path, new_text)


def _look_up_paper(paper: Paper, services: Services, notes: list[str]) -> Found | None:
    if paper.links.arxiv:
        identifier = Identifier("arxiv", paper.links.arxiv)
    elif paper.links.doi:
        identifier = Identifier("doi", paper.links.doi)
    else:
        identifier = Identifier("title", paper.title)
    try:
        found = look_up(identifier, services, notes)
    except NotFound as error:
        notes.append(f"{error}; nothing to fill")
        return None
    if identifier.kind == "title" and normalized_title(found.title or "") != normalized_title(paper.title):
        notes.append(f"the closest title found is {shown(found.title)}, not this paper; nothing filled")
        return None
    return found


def fill_empty_fields(
    paper: Paper, found: Found, data: dict[str, Any], database: Database, notes: list[str]
) -> list[str]:
    """Set in `data` the fields `paper` leaves empty and `found` knows; return their names."""
    links = data.setdefault("links", {})
    candidates: list[tuple[str, bool, dict[str, Any], str, Any]] = [
        ("authors", not paper.authors, data, "authors", found.authors or None),
        ("year", paper.year is None, data, "year", found.year),
        ("venue", paper.venue is None, data, "venue", _venue(found, database, notes)),
        ("abstract", paper.abstract is None, data, "abstract", found.abstract),
        ("citations", paper.citations is None, data, "citations", found.citations),
        ("links.arxiv", paper.links.arxiv is None, links, "arxiv", found.arxiv),
        ("links.doi", paper.links.doi is None, links, "doi", found.doi),
        (
            "links.code",
            not paper.links.code,
            links,
            "code",
            [{"url": u} for u in found.code_urls] or None,
        ),
    ]
    filled = []
    for name, empty, target, key, value in candidates:
        if empty and value is not None:
            target[key] = value
            filled.append(name)
    if not links:
        del data["links"]
    return filled


def _venue(found: Found, database: Database, notes: list[str]) -> str | None:
    match = match_venue(found.venue, database.config.venues)
    if match.message:
        notes.append(match.message)
    return match.venue_id


def _fill_repositories(data: dict[str, Any], services: Services, notes: list[str]) -> list[str]:
    """Stars and last commit of the GitHub repositories in `links.code` that lack them."""
    filled = []
    for index, code in enumerate(data.get("links", {}).get("code", [])):
        repository = github_repository(str(code.get("url", "")))
        missing = [key for key in ("stars", "last_commit") if code.get(key) is None]
        if repository is None or not missing:
            continue
        try:
            facts = fetch_repository(services.client, services.config.github_api_url, *repository)
        except NotFound as error:
            notes.append(f"{error}; links.code[{index}] may point nowhere")
            continue
        for key in missing:
            value = getattr(facts, key)
            if value is not None:
                code[key] = value
                filled.append(f"links.code[{index}].{key}")
    return filled
