"""Ask the services about one identifier and combine what they say."""

from __future__ import annotations

from collections.abc import Callable

from generator.lookup.arxiv import fetch_arxiv
from generator.lookup.crossref import fetch_crossref
from generator.lookup.found import Found, NotFound, merge_found
from generator.lookup.identifiers import Identifier
from generator.lookup.semanticscholar import fetch_semantic_scholar, search_semantic_scholar
from generator.lookup.services import Services

ARXIV_DOI_PREFIX = "10.48550/arxiv."
"""DOIs arXiv mints for its own preprints: not a publication, and not in Crossref."""


def look_up(identifier: Identifier, services: Services, notes: list[str]) -> Found:
    """Everything the services say about `identifier`; notes what they could not say.

    The service that the identifier names must answer; the others add venue, DOI and
    counts when they know the paper. Timeouts, server errors and unreadable answers raise.
    """
    arxiv = crossref = semantic = None
    if identifier.kind == "arxiv":
        arxiv = _arxiv(services, identifier.value)
        semantic = _optional(notes, lambda: _semantic(services, f"arXiv:{identifier.value}"))
    elif identifier.kind == "doi":
        crossref = _crossref(services, identifier.value)
        semantic = _optional(notes, lambda: _semantic(services, f"DOI:{identifier.value}"))
    elif identifier.kind == "semantic_scholar":
        semantic = _semantic(services, identifier.value)
    else:
        semantic = search_semantic_scholar(
            services.client, services.config.semantic_scholar_url, identifier.value
        )
    arxiv_id = (semantic and semantic.arxiv) or (crossref and crossref.arxiv)
    if arxiv is None and arxiv_id:
        arxiv = _optional(notes, lambda: _arxiv(services, arxiv_id))
    doi = _publication_doi(crossref, semantic, arxiv)
    if crossref is None and doi:
        crossref = _optional(notes, lambda: _crossref(services, doi))
    found = merge_found([f for f in (crossref, semantic, arxiv) if f is not None])
    found.doi = doi
    found.abstract = next((f.abstract for f in (arxiv, semantic, crossref) if f and f.abstract), None)
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
