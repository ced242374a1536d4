"""OpenReview API client: a forum's submission note (https://docs.openreview.net/reference/api-v2)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from generator.lookup.found import (
    Found,
    MalformedAnswer,
    NotFound,
    abstract_text,
    github_repositories,
    one_line,
    read_json,
)
from generator.lookup.http import HttpClient

_YEAR = re.compile(r"\b(19|20)\d\d\b")


def fetch_openreview(client: HttpClient, base_url: str, forum_id: str) -> Found:
    """The submission of OpenReview forum `forum_id`; raise `NotFound` when there is none."""
    answer = client.get("openreview", f"{base_url.rstrip('/')}/notes", {"id": forum_id})
    if answer.status == 404:
        raise NotFound(f"OpenReview has no forum {forum_id}")
    return parse_openreview_notes(answer.text, forum_id)


def parse_openreview_notes(text: str, forum_id: str) -> Found:
    """The paper of a `/notes?id=...` answer, in the API 2 shape (`{value: ...}`) or the API 1 one."""
    data = read_json(text, f"OpenReview sent an answer for {forum_id}")
    try:
        notes = data["notes"]
    except (KeyError, TypeError) as error:
        raise MalformedAnswer(
            f"OpenReview sent an answer for {forum_id} that cannot be read ({error!r})"
        ) from None
    if not notes:
        raise NotFound(f"OpenReview has no forum {forum_id}")
    try:
        return _found_of(notes[0])
    except (KeyError, TypeError, AttributeError) as error:
        raise MalformedAnswer(
            f"OpenReview sent a note for {forum_id} that cannot be read ({error!r})"
        ) from None


def _found_of(note: dict[str, Any]) -> Found:
    content = {key: _value(field) for key, field in note["content"].items()}
    venue = one_line(content.get("venue"))
    abstract = abstract_text(content.get("abstract"))
    return Found(
        source="OpenReview",
        title=one_line(content["title"]),
        authors=[name for name in (one_line(author) for author in content.get("authors") or []) if name],
        year=_year(venue, note),
        venue=venue,
        abstract=abstract,
        code_urls=github_repositories(one_line(content.get("code"), 2000), abstract),
    )


def _value(field: Any) -> Any:
    """API 2 wraps every content field as {value: ...}; API 1 does not."""
    return field.get("value") if isinstance(field, dict) and "value" in field else field


def _year(venue: str | None, note: dict[str, Any]) -> int | None:
    match = _YEAR.search(venue or "")
    if match:
        return int(match[0])
    published = note.get("pdate") or note.get("cdate")  # milliseconds since 1970
    if not isinstance(published, int) or isinstance(published, bool) or not 0 < published < 10**14:
        return None
    return dt.datetime.fromtimestamp(published / 1000, dt.UTC).year
