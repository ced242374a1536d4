"""Turn what the services found (and the contributor's flags) into a valid `Paper` record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from pydantic import ValidationError

from generator.database.validate import error_messages
from generator.errors import CurateError
from generator.lookup.found import Found
from generator.lookup.identifiers import Identifier
from generator.lookup.venues import match_venue
from generator.models import ListConfig, Paper
from generator.text.ids import paper_id, short_name_of, unique_id

ARXIV_ABS_URL = "https://arxiv.org/abs/{}"
DOI_URL = "https://doi.org/{}"


class RecordRefused(ValueError, CurateError):
    """What was found (or given) does not make a valid record; the message says what to pass."""


@dataclass(frozen=True)
class PaperDraft:
    """What the contributor says on the command line; wins over what the services found."""

    topics: list[str]
    status: str = "untracked"
    code_urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    title: str | None = None
    short_name: str | None = None
    authors: list[str] = field(default_factory=list)
    venue: str | None = None
    year: int | None = None
    url: str | None = None
    record_id: str | None = None


def paper_from(
    found: Found,
    identifier: Identifier | None,
    draft: PaperDraft,
    config: ListConfig,
    taken_ids: Collection[str],
    today: dt.date,
    notes: list[str],
) -> Paper:
    """A new paper record from `found` and `draft`, with a readable id not in `taken_ids`."""
    title = draft.title or found.title
    if not title:
        raise RecordRefused("no title: pass --title 'Full title of the paper'")
    venue_id = _venue_id(draft, found, identifier, config, notes)
    found_year = found.year or (identifier.year_hint if identifier else None)
    year = found_year if draft.year is None else draft.year  # '--year 0' is refused, not dropped
    short_name = draft.short_name or short_name_of(title)
    data = {
        "id": draft.record_id or readable_id(short_name or title, venue_id, year, taken_ids),
        "title": title,
        "short_name": short_name,
        "authors": draft.authors or found.authors,
        "venue": venue_id,
        "year": year,
        "kind": "preprint" if _is_preprint(venue_id, config) else "paper",
        "links": _links(found, identifier, draft),
        "topics": list(dict.fromkeys(draft.topics)),  # --topic given twice means it once
        "tags": list(dict.fromkeys(draft.tags)),
        "status": draft.status,
        "abstract": found.abstract,
        "citations": found.citations,
        "added": today,
    }
    return _validated({key: value for key, value in data.items() if value not in (None, [])})


def _venue_id(
    draft: PaperDraft,
    found: Found,
    identifier: Identifier | None,
    config: ListConfig,
    notes: list[str],
) -> str | None:
    if draft.venue:
        return draft.venue
    for raw in (found.venue, identifier.venue_hint if identifier else None):
        match = match_venue(raw, config.venues)
        if match.venue_id or match.message:
            if match.message:
                notes.append(match.message)
            return match.venue_id
    return None


def _is_preprint(venue_id: str | None, config: ListConfig) -> bool:
    return any(venue.id == venue_id and venue.kind == "preprint" for venue in config.venues)


def _links(found: Found, identifier: Identifier | None, draft: PaperDraft) -> dict[str, object]:
    url: str | None
    if draft.url:
        url = draft.url
    elif identifier and identifier.url:
        url = identifier.url
    elif found.arxiv:
        url = ARXIV_ABS_URL.format(found.arxiv)
    else:
        url = DOI_URL.format(found.doi) if found.doi else None
    code = [{"url": u} for u in dict.fromkeys([*draft.code_urls, *found.code_urls])]
    links = {"url": url, "arxiv": found.arxiv, "doi": found.doi, "code": code}
    return {key: value for key, value in links.items() if value not in (None, [])}


def _validated(data: dict[str, object]) -> Paper:
    try:
        return Paper.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(error_messages(Paper, error))
        raise RecordRefused(
            f"the record would not be valid ({problems}); set the field with its flag"
        ) from None


def readable_id(name: str, venue_id: str | None, year: int | None, taken_ids: Collection[str]) -> str:
    """'ficklenet-cvpr2019': name words, venue and year; '-2', '-3', ... when already taken."""
    return unique_id(paper_id(name, None, venue_id, year), taken_ids)
