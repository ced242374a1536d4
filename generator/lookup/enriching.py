"""`curate enrich`: fill the empty fields of paper records from the services, never overwriting
a curator's value; with `--refresh`, also update counts that age (citations, stars, last commit,
archived). Records are patched in place: their comments and formatting stay as written."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.error import YAMLError as RuamelError

from generator.atomic import write_text_atomically
from generator.database.assemble import Database, build_database
from generator.database.crosscheck import normalized_title
from generator.database.roundtrip import patch_record_text
from generator.database.validate import error_messages
from generator.database.write import record_yaml
from generator.database.yamlsource import YamlProblem, parse_record
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


@dataclass(frozen=True)
class EnrichMode:
    """What one run may change: empty fields always; with `refresh_before`, also the counts
    (citations, stars, last commit, archived) of papers refreshed before that date."""

    dry_run: bool = False
    refresh_before: dt.date | None = None
    today: dt.date = field(default_factory=dt.date.today)

    def due(self, paper: Paper) -> bool:
        """True when `paper`'s counts are to be refreshed in this run."""
        if self.refresh_before is None:
            return False
        return paper.refreshed is None or paper.refreshed <= self.refresh_before


def enrich_papers(
    project: Project,
    only: list[str] | None,
    services: Callable[[Database], Services],
    *,
    dry_run: bool = False,
    refresh: bool = False,
    today: dt.date | None = None,
) -> EnrichReport:
    """Fill empty fields of the papers `only` names (all when None) and, with `refresh`, update
    the counts older than `refresh_after_days` of `services:`; write unless `dry_run`."""
    database = build_database(project)
    report = EnrichReport()
    selected = _selected(database, only)
    opened = services(database)
    day = today or dt.date.today()
    age = dt.timedelta(days=opened.config.refresh_after_days)
    mode = EnrichMode(dry_run, day - age if refresh else None, day)
    try:
        for done, paper_id in enumerate(selected):
            try:
                _enrich_one(project, database, paper_id, opened, report, mode)
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
    mode: EnrichMode,
) -> None:
    paper = database.papers[paper_id]
    source = database.source_of("paper", paper_id)
    notes: list[str] = []
    due = mode.due(paper)
    try:
        found = _look_up_paper(paper, services, notes)
        data = copy.deepcopy(source.data)
        filled = fill_empty_fields(paper, found, data, database, notes) if found else []
        if due:
            filled += _refresh_citations(paper, found, data, filled)
        filled += _fill_repositories(data, services, notes, refresh=due)
    except ServiceUnreachable:
        raise
    except (LookupFailed, MalformedAnswer) as error:
        report.failures.append(f"{source.path}: {error}; skipped")
        return
    finally:
        report.notes.extend(f"{source.path}: {note}" for note in notes)
    if due:
        data["refreshed"] = mode.today
        filled.append("refreshed")
    if not filled:
        report.unchanged.append(paper_id)
        return
    path = project.root / source.path
    old_text = path.read_text(encoding="utf-8")
    try:
        new_text = _patched_text(old_text, data)
    except ValidationError as error:
        problems = "; ".join(error_messages(Paper, error))
        report.failures.append(
            f"{source.path}: what the services say would not be valid ({problems}); skipped"
        )
        return
    report.changed.append(Enrichment(source.path, filled, old_text, new_text))
    if not mode.dry_run:
        write_text_atomically(path, new_text)


def _patched_text(old_text: str, data: dict[str, Any]) -> str:
    """The record file with `data`'s new values, its other lines and comments as written. The
    patch is checked by reading it back; should it not hold `data`, the record is written in
    the canonical shape instead (correct, though without its hand formatting)."""
    record = Paper.model_validate(data)
    try:
        new_text = patch_record_text(old_text, data, Paper)
        if Paper.model_validate(parse_record(new_text.encode("utf-8"), "patched").data) == record:
            return new_text
    except (ValueError, YamlProblem, ValidationError, RuamelError):
        pass
    return record_yaml(PAPER, record)


def _refresh_citations(
    paper: Paper, found: Found | None, data: dict[str, Any], filled: list[str]
) -> list[str]:
    """The citation count a service gives now, in place of an older count."""
    if found is None or found.citations in (None, paper.citations) or "citations" in filled:
        return []
    data["citations"] = found.citations
    return ["citations"]


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


_REPOSITORY_FACTS = ("stars", "last_commit", "archived")


def _fill_repositories(
    data: dict[str, Any], services: Services, notes: list[str], *, refresh: bool = False
) -> list[str]:
    """Stars, last commit and archived state of the GitHub repositories in `links.code`: those
    missing, or with `refresh` all of them (they are counts of a moment, not a curator's word)."""
    filled = []
    for index, code in enumerate(data.get("links", {}).get("code", [])):
        repository = github_repository(str(code.get("url", "")))
        wanted = [key for key in _REPOSITORY_FACTS if refresh or code.get(key) is None]
        if repository is None or not wanted:
            continue
        try:
            facts = fetch_repository(services.client, services.config.github_api_url, *repository)
        except NotFound as error:
            notes.append(f"{error}; links.code[{index}] may point nowhere")
            continue
        for key in wanted:
            value = getattr(facts, key)
            if key == "archived" and not value and code.get(key) is None:
                continue  # written only once a repository is archived (or was)
            if value is not None and code.get(key) != value:
                code[key] = value
                filled.append(f"links.code[{index}].{key}")
    return filled
