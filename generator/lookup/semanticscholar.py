"""Semantic Scholar Graph API client (https://api.semanticscholar.org/api-docs/graph)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from generator.lookup.found import (
    Found,
    MalformedAnswer,
    NotFound,
    abstract_text,
    count,
    github_repositories,
    one_line,
    read_json,
)
from generator.lookup.http import HttpClient
from generator.problems import shown

FIELDS = "title,authors,venue,publicationVenue,year,externalIds,abstract,citationCount"


def fetch_semantic_scholar(client: HttpClient, base_url: str, paper_key: str) -> Found:
    """Look up `paper_key` ('arXiv:ID', 'DOI:DOI' or a paper id); raise `NotFound` when unknown."""
    url = f"{base_url.rstrip('/')}/graph/v1/paper/{quote(paper_key, safe=':/')}"
    answer = client.get("semantic_scholar", url, {"fields": FIELDS})
    if answer.status == 404:
        raise NotFound(f"Semantic Scholar has no paper {paper_key}")
    return parse_semantic_scholar_paper(_json(answer.text, paper_key), paper_key)


def search_semantic_scholar(client: HttpClient, base_url: str, title: str) -> Found:
    """The paper whose title best matches `title`; raise `NotFound` when none does."""
    url = f"{base_url.rstrip('/')}/graph/v1/paper/search/match"
    answer = client.get("semantic_scholar", url, {"query": title, "fields": FIELDS})
    if answer.status == 404:
        raise NotFound(f"Semantic Scholar has no paper titled {shown(title)}")
    data = _json(answer.text, title)
    matches = data.get("data") if isinstance(data, dict) else None
    if not matches:
        raise NotFound(f"Semantic Scholar has no paper titled {shown(title)}")
    return parse_semantic_scholar_paper(matches[0], title)


def _json(text: str, key: str) -> Any:
    return read_json(text, f"Semantic Scholar sent JSON for {key}")


def parse_semantic_scholar_paper(data: Any, paper_key: str) -> Found:
    """The paper of a Semantic Scholar `/paper/{id}` answer."""
    try:
        ids = data.get("externalIds") or {}
        venue = (data.get("publicationVenue") or {}).get("name") or data.get("venue")
        abstract = abstract_text(data.get("abstract"))
        return Found(
            source="Semantic Scholar",
            title=one_line(data["title"]),
            authors=[name for name in (one_line(a.get("name")) for a in data.get("authors") or []) if name],
            year=_year(data.get("year")),
            venue=one_line(venue),
            arxiv=one_line(ids.get("ArXiv")),
            doi=one_line(ids.get("DOI")),
            abstract=abstract,
            citations=count(data.get("citationCount")),
            code_urls=github_repositories(abstract),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise MalformedAnswer(
            f"Semantic Scholar sent an answer for {paper_key} that cannot be read ({error!r})"
        ) from None


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999 else None
