"""Checks that span records: ids and file names, references, duplicates, leaderboard splits."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from generator.database.indexed import Database
from generator.database.yamlsource import FieldPath, SourceRecord, format_field_path
from generator.models import Paper
from generator.problems import Problem, closest


def check_database(database: Database) -> list[Problem]:
    """Run every cross-record check and return the problems found."""
    problems: list[Problem] = []
    problems += _check_ids_match_file_names(database)
    problems += _check_vocabulary(database)
    problems += _check_paper_references(database)
    problems += _check_other_references(database)
    problems += _check_duplicate_papers(database)
    return problems


def _at(source: SourceRecord, path: FieldPath, message: str) -> Problem:
    return Problem(source.path, source.line_of(path), format_field_path(path), message)


def unknown_message(what: str, value: str, choices: Iterable[str]) -> str:
    """`unknown topic 'afinity'; did you mean 'affinity'? (known: ...)`."""
    choices = list(choices)
    close = closest(value, choices)
    hint = f"; did you mean '{close}'?" if close else ""
    listed = ", ".join(choices[:30]) + (", ..." if len(choices) > 30 else "") if choices else "none"
    return f"unknown {what} '{value}'{hint} (known: {listed})"


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
    tags = {tag.id for group in database.config.tag_groups for tag in group.tags}
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
        for split in row.values:
            if split not in leaderboard.splits:
                problems.append(_at(
                    source, ("results", index, "values", split),
                    f"leaderboard '{leaderboard.id}' has no split '{split}'; "
                    f"its splits are: {', '.join(leaderboard.splits)}",
                ))
    return problems


def _check_other_references(database: Database) -> list[Problem]:
    topics = database.topics()
    venues = database.venues()
    problems: list[Problem] = []
    for leaderboard in database.leaderboards.values():
        source = database.source_of("leaderboard", leaderboard.id)
        problems += _check_topics(source, leaderboard.topics, topics)
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


def _check_duplicate_papers(database: Database) -> list[Problem]:
    first_seen: dict[tuple[str, str], Paper] = {}
    problems = []
    for paper in database.papers.values():
        for key_kind, path, value in paper_identities(paper):
            if not value:
                continue
            other = first_seen.setdefault((key_kind, value), paper)
            if other is paper:
                continue
            other_source = database.source_of("paper", other.id)
            problems.append(_at(
                database.source_of("paper", paper.id), path,
                f"same {key_kind} as {other_source.path}:{other_source.line_of(path)}; "
                "a paper is one record: add this record's topics to that one and delete this file",
            ))
    return problems
