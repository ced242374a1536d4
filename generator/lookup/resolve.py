"""Ask the services about one identifier and combine what they say."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.database.crosscheck import normalized_title
from generator.lookup.arxiv import fetch_arxiv
from generator.lookup.crossref import fetch_crossref
from generator.lookup.found import Found, NotFound, merge_found
from generator.lookup.identifiers import Identifier
from generator.lookup.openreview import fetch_openreview
from generator.lookup.semanticscholar import fetch_semantic_scholar, search_semantic_scholar
from generator.lookup.services import Services
from generator.problems import shown

ARXIV_DOI_PREFIX = "10.48550/arxiv."
"""DOIs arXiv mints for its own preprints: not a publication, and not in Crossref."""


@dataclass
class Answers:
    """What each service said about one paper (None: not asked, or it does not know it)."""

    arxiv: Found | None = None
    crossref: Found | None = None
    semantic: Found | None = None
    openreview: Found | None = None


def look_up(identifier: Identifier, services: Services, notes: list[str]) -> Found:
    """Everything the services say about `identifier`; notes what they could not say.

    The service that the identifier names must answer; the others add venue, DOI and
    counts when they know the paper. Timeouts, server errors and unreadable answers raise.
    """
    answers = _ask_the_named_service(identifier, services, notes)
    arxiv_id = answers.semantic and answers.semantic.arxiv
    if answers.arxiv is None and arxiv_id:
        answers.arxiv = _optional(notes, lambda: _arxiv(services, arxiv_id))
    doi = _publication_doi(answers.crossref, answers.semantic, answers.arxiv)
    if answers.crossref is None and doi:
        answers.crossref = _optional(notes, lambda: _crossref(services, doi))
    by_preference = (answers.crossref, answers.openreview, answers.semantic, answers.arxiv)
    found = merge_found([f for f in by_preference if f is not None])
    found.doi = doi
    by_abstract = (answers.arxiv, answers.openreview, answers.semantic, answers.crossref)
    found.abstract = next((f.abstract for f in by_abstract if f and f.abstract), None)
    return found


def _ask_the_named_service(identifier: Identifier, services: Services, notes: list[str]) -> Answers:
    value = identifier.value
    if identifier.kind == "arxiv":
        return Answers(
            arxiv=_arxiv(services, value),
            semantic=_optional(notes, lambda: _semantic(services, f"arXiv:{value}")),
        )
    if identifier.kind == "doi":
        return Answers(
            crossref=_crossref(services, value),
            semantic=_optional(notes, lambda: _semantic(services, f"DOI:{value}")),
        )
    if identifier.kind == "semantic_scholar":
        return Answers(semantic=_semantic(services, value))
    if identifier.kind == "openreview":
        openreview = fetch_openreview(services.client, services.config.openreview_url, value)
        title = openreview.title or ""
        semantic = _optional(notes, lambda: _same_title(_search(services, title), title))
        return Answers(openreview=openreview, semantic=semantic)
    return Answers(semantic=_search(services, value))


def _search(services: Services, title: str) -> Found:
    return search_semantic_scholar(services.client, services.config.semantic_scholar_url, title)


def _same_title(found: Found, title: str) -> Found:
    if normalized_title(found.title or "") != normalized_title(title):
        raise NotFound(f"Semantic Scholar's closest title is {shown(found.title)}, not {shown(title)}")
    return found


def _arxiv(services: Services, arxiv_id: str) -> Found:
    return fetch_arxiv(services.client, services.config.arxiv_url, arxiv_id)


def _crossref(services: Services, doi: str) -> Found:
    return fetch_crossref(services.client, services.config.crossref_url, doi, services.config.contact)


def _semantic(services: Services, key: str) -> Found:
    return fetch_semantic_scholar(services.client, services.config.semantic_scholar_url, key)


def _optional(notes: list[str], fetch: Callable[[], Found]) -> Found | None:
    """A look-up that may find nothing: the paper is simply not in that service."""
    try:
        return fetch()
    except NotFound as error:
        notes.append(f"{error}; going on without it")
        return None


def _publication_doi(*sources: Found | None) -> str | None:
    for found in sources:
        if found and found.doi and not found.doi.lower().startswith(ARXIV_DOI_PREFIX):
            return found.doi
    return None
