"""Checks that span records: ids and file names, references, duplicates, leaderboard rows."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import TypeAdapter, ValidationError

from generator.database.history import committed_files
from generator.database.indexed import Database
from generator.database.leaderboard_check import check_metrics, check_row
from generator.database.yamlsource import FieldPath, SourceRecord, format_field_path
from generator.models import Paper
from generator.models.fields import ArxivId, Doi
from generator.problems import Problem, closest, shown


def check_database(database: Database, root: Path | None = None) -> list[Problem]:
    """Run every cross-record check and return the problems found."""
    problems: list[Problem] = []
    problems += _check_ids_match_file_names(database)
    problems += _check_vocabulary(database)
    problems += _check_paper_references(database)
    problems += _check_other_references(database)
    problems += _check_duplicate_papers(database, root)
    return problems


def _at(source: SourceRecord, path: FieldPath, message: str) -> Problem:
    return Problem(source.path, source.line_of(path), format_field_path(path), message)


def unknown_message(what: str, value: str, choices: Iterable[str]) -> str:
    """`unknown topic 'afinity'; did you mean 'affinity'? (known: ...)`."""
    choices = list(choices)
    close = closest(value, choices)
    hint = f"; did you mean '{close}'?" if close else ""
    listed = ", ".join(choices[:30]) + (", ..." if len(choices) > 30 else "") if choices else "none"
    return f"unknown {what} {shown(value)}{hint} (known: {listed})"


def _check_ids_match_file_names(database: Database) -> list[Problem]:
    problems = []
    for (_, record_id), source in database.sources.items():
        stem = PurePosixPath(source.path).stem
        if stem != record_id:
            problems.append(_at(
                source, ("id",),
                f"id '{record_id}' does not match the file name '{stem}'; "
                f"rename the file to {record_id}.yaml or set id: {stem}",
            ))
    return problems


def _check_vocabulary(database: Database) -> list[Problem]:
    """Ids inside `papers/list.yaml` must be unique: topics, sections, venues, tags."""
    source = database.list_source
    assert source is not None
    config = database.config
    problems: list[Problem] = []
    seen: dict[str, FieldPath] = {}

    def claim(name: str, path: FieldPath, what: str) -> None:
        key = f"{what}:{name.lower()}"
        if key in seen:
            first = source.line_of(seen[key])
            problems.append(_at(source, path, f"duplicate {what} '{name}' (first on line {first})"))
        else:
            seen[key] = path

    for s_index, section in enumerate(config.sections):
        claim(section.id, ("sections", s_index, "id"), "section or topic id")
        for t_index, topic in enumerate(section.topics):
            claim(topic.id, ("sections", s_index, "topics", t_index, "id"), "section or topic id")
    for v_index, venue in enumerate(config.venues):
        claim(venue.id, ("venues", v_index, "id"), "venue name")
        for a_index, alias in enumerate(venue.aliases):
            claim(alias, ("venues", v_index, "aliases", a_index), "venue name")
    for g_index, group in enumerate(config.tag_groups):
        for t_index, tag in enumerate(group.tags):
            claim(tag.id, ("tag_groups", g_index, "tags", t_index, "id"), "tag")
    return problems


def _check_paper_references(database: Database) -> list[Problem]:
    topics = database.topics()
    venues = database.venues()
    tags = _tag_ids(database)
    problems: list[Problem] = []
    for paper in database.papers.values():
        source = database.source_of("paper", paper.id)
        problems += _check_topics(source, paper.topics, topics)
        if paper.venue is not None and paper.venue not in venues:
            problems.append(_at(source, ("venue",), unknown_message("venue", paper.venue, venues)))
        for index, tag in enumerate(paper.tags):
            if tag not in tags:
                problems.append(_at(source, ("tags", index), unknown_message("tag", tag, sorted(tags))))
        problems += _check_results(database, paper, source)
    return problems


def _check_topics(source: SourceRecord, topic_ids: list[str], topics: dict[str, Any]) -> list[Problem]:
    problems = []
    for index, topic_id in enumerate(topic_ids):
        if topic_id not in topics:
            problems.append(_at(source, ("topics", index), unknown_message("topic", topic_id, topics)))
        elif topic_id in topic_ids[:index]:
            problems.append(_at(source, ("topics", index), f"topic '{topic_id}' is listed twice"))
    return problems


def _check_results(database: Database, paper: Paper, source: SourceRecord) -> list[Problem]:
    problems = []
    for index, row in enumerate(paper.results):
        leaderboard = database.leaderboards.get(row.leaderboard)
        if leaderboard is None:
            if database.lacks("leaderboard", row.leaderboard):
                problems.append(_at(
                    source, ("results", index, "leaderboard"),
                    unknown_message("leaderboard", row.leaderboard, database.leaderboards),
                ))
            continue
        if row.supervision is not None and row.supervision not in (tags := _tag_ids(database)):
            problems.append(_at(source, ("results", index, "supervision"),
                                unknown_message("tag", row.supervision, sorted(tags))))
        problems += check_row(source, index, row, leaderboard)
    return problems


def _check_other_references(database: Database) -> list[Problem]:
    topics = database.topics()
    venues = database.venues()
    problems: list[Problem] = []
    for leaderboard in database.leaderboards.values():
        source = database.source_of("leaderboard", leaderboard.id)
        problems += _check_topics(source, leaderboard.topics, topics)
        problems += check_metrics(source, leaderboard)
        if leaderboard.supervision is not None and leaderboard.supervision not in (
                tags := _tag_ids(database)):
            problems.append(_at(source, ("supervision",),
                                unknown_message("tag", leaderboard.supervision, sorted(tags))))
    for implementation in database.implementations.values():
        source = database.source_of("implementation", implementation.id)
        if implementation.paper is not None and database.lacks("paper", implementation.paper):
            problems.append(_at(
                source, ("paper",), unknown_message("paper", implementation.paper, database.papers)
            ))
    for resource in database.resources.values():
        source = database.source_of("resource", resource.id)
        problems += _check_topics(source, resource.topics, topics)
        if resource.venue is not None and resource.venue not in venues:
            problems.append(_at(source, ("venue",), unknown_message("venue", resource.venue, venues)))
    return problems


def _tag_ids(database: Database) -> set[str]:
    return {tag.id for group in database.config.tag_groups for tag in group.tags}


_NOT_ASCII_ALNUM = re.compile(r"[^0-9a-z]+")


def normalized_title(title: str) -> str:
    """Title reduced to lower-case letters and digits without accents, for spotting the same
    paper twice ('Über-Net' and 'uber net' match; 'α-Net' and 'β-Net' do not)."""
    if title.isascii():  # the common case, several times faster
        return _NOT_ASCII_ALNUM.sub("", title.lower())
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def paper_identities(paper: Paper) -> list[tuple[str, FieldPath, str]]:
    """The keys that identify a paper: (kind, field path, normalized value)."""
    keys: list[tuple[str, FieldPath, str]] = [("title", ("title",), normalized_title(paper.title))]
    if paper.links.arxiv:
        keys.append(("arXiv id", ("links", "arxiv"), paper.links.arxiv))
    if paper.links.doi:
        keys.append(("DOI", ("links", "doi"), paper.links.doi.lower()))
    return keys


@dataclass(frozen=True)
class _Candidate:
    """A paper file that may duplicate another: where it is, what identifies it, when added."""

    source: SourceRecord
    identities: list[tuple[str, FieldPath, str]]
    added: dt.date


def _candidates(database: Database) -> list[_Candidate]:
    """Every paper file, valid or not: a record that fails validation can still be a paper the
    list holds, and its author should hear that in the same run."""
    candidates = [
        _Candidate(database.source_of("paper", paper.id), paper_identities(paper), paper.added)
        for paper in database.papers.values()
    ]
    for source in database.unvalidated_papers:
        candidates.append(_Candidate(source, _raw_identities(source.data), _raw_added(source.data)))
    return candidates


_ARXIV_ID: TypeAdapter[str] = TypeAdapter(ArxivId)
_DOI: TypeAdapter[str] = TypeAdapter(Doi)


def _raw_identities(data: dict[str, Any]) -> list[tuple[str, FieldPath, str]]:
    """The identities of a record that failed validation, from those fields that are valid."""
    keys: list[tuple[str, FieldPath, str]] = []
    if isinstance(data.get("title"), str):
        keys.append(("title", ("title",), normalized_title(data["title"])))
    raw_links = data.get("links")
    links: dict[str, Any] = raw_links if isinstance(raw_links, dict) else {}
    for kind, name, adapter in (("arXiv id", "arxiv", _ARXIV_ID), ("DOI", "doi", _DOI)):
        try:
            value = adapter.validate_python(links.get(name))
        except ValidationError:
            continue
        keys.append((kind, ("links", name), value.lower() if name == "doi" else value))
    return keys


def _raw_added(data: dict[str, Any]) -> dt.date:
    """`added` of a record that failed validation; a record without one counts as the newest."""
    added = data.get("added")
    return added if isinstance(added, dt.date) and not isinstance(added, dt.datetime) else dt.date.max


def _check_duplicate_papers(database: Database, root: Path | None) -> list[Problem]:
    """Each paper that shares a title, arXiv id or DOI with an older one is reported, at its
    own file: the newer record is the one to merge and delete."""
    groups: dict[tuple[str, str], list[tuple[_Candidate, FieldPath]]] = {}
    for candidate in _candidates(database):
        for key_kind, path, value in candidate.identities:
            if value:
                groups.setdefault((key_kind, value), []).append((candidate, path))
    duplicates = [(key, group) for key, group in groups.items() if len(group) > 1]
    if not duplicates:
        return []
    age = _age_of(committed_files(root) if root is not None else None)
    problems = []
    for (key_kind, _), group in duplicates:
        group.sort(key=lambda member: age(member[0]))
        original = group[0][0].source
        for candidate, path in group[1:]:
            problems.append(_at(
                candidate.source, path,
                f"same {key_kind} as {original.path}:{original.line_of(path)}; "
                "a paper is one record: add this record's topics to that one and delete this file",
            ))
    return problems


def _age_of(committed: frozenset[str] | None) -> Callable[[_Candidate], tuple[Any, ...]]:
    """Sort key putting older records first: committed to HEAD, then added earlier, then the
    file name. Without git every record counts as committed."""

    def age(candidate: _Candidate) -> tuple[Any, ...]:
        path = candidate.source.path  # relative to the project root, as git's paths are
        return (committed is not None and path not in committed, candidate.added, path)

    return age
