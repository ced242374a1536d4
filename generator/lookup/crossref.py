"""Crossref REST API client: the published record of a DOI (https://api.crossref.org/swagger-ui)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from generator.lookup.found import Found, MalformedAnswer, NotFound, abstract_text, count, one_line, read_json
from generator.lookup.http import HttpClient

_JATS_TAG = re.compile(r"<[^>]+>")


def fetch_crossref(client: HttpClient, base_url: str, doi: str, contact: str | None) -> Found:
    """Look up `doi` in Crossref; raise `NotFound` when Crossref does not know it."""
    params = {"mailto": contact} if contact else None  # Crossref's 'polite pool'.
    answer = client.get("crossref", f"{base_url.rstrip('/')}/works/{quote(doi, safe='/')}", params)
    if answer.status == 404:
        raise NotFound(f"Crossref has no DOI {doi}")
    return parse_crossref_work(answer.text, doi)


def parse_crossref_work(text: str, doi: str) -> Found:
    """The paper of a Crossref `/works/DOI` answer."""
    data = read_json(text, f"Crossref sent an answer for {doi}")
    try:
        return _found_of(data["message"], doi)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
        raise MalformedAnswer(f"Crossref sent an answer for {doi} that cannot be read ({error!r})") from None


def _found_of(message: dict[str, Any], doi: str) -> Found:
    return Found(
        source="Crossref",
        title=_first([_JATS_TAG.sub("", title) for title in message.get("title") or []]),
        authors=[name for name in map(_author_name, message.get("author", [])) if name],
        year=_year(message),
        venue=_venue(message),
        doi=one_line(message.get("DOI")) or doi,
        abstract=abstract_text(_JATS_TAG.sub(" ", message["abstract"])) if message.get("abstract") else None,
        citations=count(message.get("is-referenced-by-count")),
    )


def _venue(message: dict[str, Any]) -> str | None:
    """Every container title (a proceedings series and its volume), else the event name."""
    titles = [one_line(title) for title in message.get("container-title") or []]
    return "; ".join(t for t in titles if t) or one_line((message.get("event") or {}).get("name"))


def _first(values: list[str] | None) -> str | None:
    return one_line(values[0]) if values else None


def _author_name(author: dict[str, str]) -> str | None:
    return one_line(
        " ".join(part for part in (author.get("given"), author.get("family")) if part)
    ) or one_line(author.get("name"))


def _year(message: dict[str, Any]) -> int | None:
    for key in ("published-print", "published", "issued", "published-online"):
        parts = (message.get(key) or {}).get("date-parts") or [[None]]
        if parts[0] and isinstance(parts[0][0], int) and 1000 <= parts[0][0] <= 9999:
            return int(parts[0][0])
    return None
