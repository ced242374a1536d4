"""arXiv API client: one Atom entry per id (https://info.arxiv.org/help/api/user-manual.html)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from generator.lookup.found import (
    Found,
    MalformedAnswer,
    NotFound,
    abstract_text,
    github_repositories,
    one_line,
)
from generator.lookup.http import HttpClient

_NS = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}
_ENTRY_ID = re.compile(r"arxiv\.org/abs/(?P<id>.+?)(?:v\d+)?$")


def fetch_arxiv(client: HttpClient, base_url: str, arxiv_id: str) -> Found:
    """Look up `arxiv_id` in the arXiv API; raise `NotFound` when arXiv has no such paper."""
    answer = client.get(
        "arxiv", f"{base_url.rstrip('/')}/api/query", {"id_list": arxiv_id, "max_results": "1"}
    )
    if answer.status == 404:
        raise NotFound(f"arXiv has no paper {arxiv_id}")
    return parse_arxiv_feed(answer.text, arxiv_id)


def parse_arxiv_feed(text: str, arxiv_id: str) -> Found:
    """The paper of an arXiv API Atom feed that answers `id_list=arxiv_id`."""
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise MalformedAnswer(f"arXiv sent XML that cannot be read ({error})") from None
    if root.tag != f"{{{_NS['atom']}}}feed":
        raise MalformedAnswer(f"arXiv sent a <{root.tag}> document, expected an Atom <feed>")
    for entry in root.findall("atom:entry", _NS):
        entry_id = _ENTRY_ID.search(entry.findtext("atom:id", "", _NS).strip())
        if entry_id and entry_id["id"] == arxiv_id:
            return _found_of(entry, arxiv_id)
    raise NotFound(f"arXiv has no paper {arxiv_id}")


def _found_of(entry: ElementTree.Element, arxiv_id: str) -> Found:
    title = one_line(entry.findtext("atom:title", None, _NS))
    if not title:
        raise MalformedAnswer(f"arXiv's entry for {arxiv_id} has no title")
    abstract = abstract_text(entry.findtext("atom:summary", None, _NS))
    comment = one_line(entry.findtext("arxiv:comment", None, _NS), 2000)
    published = entry.findtext("atom:published", "", _NS).strip()
    authors = [
        name
        for name in (one_line(a.findtext("atom:name", None, _NS)) for a in entry.findall("atom:author", _NS))
        if name
    ]
    return Found(
        source="arXiv",
        title=title,
        authors=authors,
        year=int(published[:4]) if published[:4].isdigit() else None,
        venue=one_line(entry.findtext("arxiv:journal_ref", None, _NS)) or "arXiv",
        arxiv=arxiv_id,
        doi=one_line(entry.findtext("arxiv:doi", None, _NS)),
        abstract=abstract,
        code_urls=github_repositories(comment, abstract),
    )
