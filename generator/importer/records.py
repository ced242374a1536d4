"""Drafts -> validated records: ids, topics mapped onto the project's taxonomy, the list config.

A draft that its model refuses is not written: its lines are reported as skipped, with the
model's message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from generator.database.crosscheck import paper_identities
from generator.database.validate import error_messages
from generator.importer.drafts import Drafts, LeaderboardDraft, PaperDraft
from generator.importer.merge import notes_markdown
from generator.models import ListConfig, Paper
from generator.models.fields import Record
from generator.project import KIND_BY_NAME
from generator.text.ids import IdAllocator, paper_id, slug


@dataclass
class Imported:
    """One record made by the import and the source lines it came from."""

    kind: str
    record: Record
    lines: list[int]


@dataclass
class ImportedList:
    """Everything the import would write."""

    config: ListConfig | None
    """The list config for a new project; None when the project has one."""
    records: list[Imported] = field(default_factory=list)


def build_records(
    drafts: Drafts, added: dt.date, source_name: str, topic_ids: dict[str, str]
) -> ImportedList:
    """Validate every draft as a record; `topic_ids` maps draft topic ids to the project's."""
    taken = IdAllocator()
    papers = _without_repeats(
        [_paper(draft, topic_ids, added, taken, drafts) for draft in drafts.papers], drafts
    )
    made = [
        *papers,
        *(_leaderboard(board, drafts, source_name, topic_ids) for board in drafts.leaderboards),
        *_implementations(drafts, papers),
        *_resources(drafts, topic_ids),
    ]
    return ImportedList(config=None, records=[record for record in made if record is not None])


def _leaderboard(
    board: LeaderboardDraft, drafts: Drafts, source_name: str, topic_ids: dict[str, str]
) -> Imported | None:
    return _made(
        drafts,
        "leaderboard",
        [board.line],
        {
            "id": board.id,
            "title": board.title,
            "dataset": board.title,
            "task": drafts.title,
            "metric": "score",
            "splits": board.splits,
            "topics": _topics(board.topics, topic_ids),
            "description": f"Imported from {source_name} line {board.line}: "
            "state the dataset, task and metric.",
        },
    )


def _implementations(drafts: Drafts, papers: list[Imported | None]) -> list[Imported | None]:
    taken = IdAllocator()
    papers_by_url = _papers_by_url(papers)
    made = []
    for impl in drafts.implementations:
        stem = slug(impl.name)
        if impl.group and not stem.startswith(slug(impl.group)):
            stem = f"{slug(impl.group)}-{stem}"  # 'sec-original' for 'original' under 'SEC'
        made.append(
            _made(
                drafts,
                "implementation",
                impl.lines,
                {
                    "id": taken.allocate(stem),
                    "name": impl.name,
                    "url": impl.url,
                    "description": impl.description,
                    "score": impl.score,
                    "group": impl.group,
                    "paper": papers_by_url.get(impl.url.rstrip("/")),
                    "links": impl.links,
                },
            )
        )
    return made


def _resources(drafts: Drafts, topic_ids: dict[str, str]) -> list[Imported | None]:
    taken = IdAllocator()
    return [
        _made(
            drafts,
            "resource",
            resource.lines,
            {
                "id": taken.allocate(slug(resource.title, 6)),
                "title": resource.title,
                "kind": resource.kind,
                "links": resource.links,
                "description": resource.description,
                "venue": resource.venue,
                "year": resource.year,
                "topics": _topics(resource.topics, topic_ids),
            },
        )
        for resource in drafts.resources
    ]


def _paper(
    draft: PaperDraft, topic_ids: dict[str, str], added: dt.date, taken: IdAllocator, drafts: Drafts
) -> Imported | None:
    if not _topics(draft.topics, topic_ids):
        drafts.skip(draft.lines[0], "paper not written: its heading has no topic", "")
        return None
    links: dict[str, Any] = {
        "url": draft.url,
        "arxiv": draft.arxiv,
        "code": draft.code,
        "other": draft.other,
    }
    data = {
        "id": taken.allocate(paper_id(draft.title, draft.short_name, draft.venue, draft.year)),
        "title": draft.title,
        "short_name": draft.short_name,
        "venue": draft.venue,
        "venue_note": draft.venue_note,
        "year": draft.year,
        "kind": draft.kind,
        "links": {key: value for key, value in links.items() if value},
        "topics": _topics(draft.topics, topic_ids),
        "status": draft.status,
        "notes": notes_markdown(draft.notes),
        "added": added,
        "results": draft.results,
    }
    return _made(drafts, "paper", draft.lines, data)


def _without_repeats(papers: list[Imported | None], drafts: Drafts) -> list[Imported | None]:
    """Drop a paper that `curate validate` would call a duplicate (same title, arXiv id, DOI)."""
    first: dict[tuple[str, str], int] = {}
    kept: list[Imported | None] = []
    for made in papers:
        if made is None or not isinstance(made.record, Paper):
            continue
        keys = [(kind, value) for kind, _, value in paper_identities(made.record) if value]
        repeat = next((key for key in keys if key in first), None)
        if repeat is not None:
            drafts.skip(made.lines[0], f"same {repeat[0]} as the paper of line {first[repeat]}", "")
            continue
        for key in keys:
            first.setdefault(key, made.lines[0])
        kept.append(made)
    return kept


def _made(drafts: Drafts, kind: str, lines: list[int], data: dict) -> Imported | None:
    data = {key: value for key, value in data.items() if value not in (None, [], {})}
    try:
        record = KIND_BY_NAME[kind].model.model_validate(data)
    except ValidationError as error:
        for message in error_messages(KIND_BY_NAME[kind].model, error):
            drafts.skip(lines[0], f"not a valid {kind}: {message}", "")
        return None
    return Imported(kind, record, lines)


def _topics(ids: list[str], topic_ids: dict[str, str]) -> list[str]:
    return [topic_ids[topic] for topic in ids if topic in topic_ids]


def _papers_by_url(papers: list[Imported | None]) -> dict[str, str]:
    """Paper id by each of its URLs (main link and code), the first paper winning."""
    by_url: dict[str, str] = {}
    for made in papers:
        paper = made.record if made else None
        if isinstance(paper, Paper):
            for url in [paper.links.url, *(code.url for code in paper.links.code)]:
                if url:
                    by_url.setdefault(url.rstrip("/"), paper.id)
    return by_url
