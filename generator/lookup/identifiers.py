"""Recognise what a contributor pasted: an arXiv id or URL, a DOI, a paper page URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs, unquote, urlsplit

from generator.errors import CurateError
from generator.problems import shown

IdentifierKind = Literal["arxiv", "doi", "semantic_scholar", "openreview", "title"]

_NEW_ARXIV = r"\d{4}\.\d{4,5}"
_OLD_ARXIV = r"[a-z-]+(?:\.[A-Z]{2})?/\d{7}"
_ARXIV = re.compile(rf"(?P<id>{_NEW_ARXIV}|{_OLD_ARXIV})(?:v\d+)?")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_S2_PAPER_ID = re.compile(r"[0-9a-f]{40}")
_CVF_HOSTS = ("openaccess.thecvf.com",)
_OPENREVIEW_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")
_CVF_FILE = re.compile(r"^(?:[^_]+_)?(?P<words>.+?)_(?P<venue>[A-Z]+)_(?P<year>\d{4})_paper$")

EXAMPLES = (
    "1902.10421, arxiv:1902.10421v2, https://arxiv.org/abs/1902.10421, "
    "10.1109/CVPR.2019.00536, https://doi.org/10.1109/CVPR.2019.00536, "
    "https://www.semanticscholar.org/paper/<40 hex digits>, https://openreview.net/forum?id=..., "
    "https://openaccess.thecvf.com/content_CVPR_2019/html/..._CVPR_2019_paper.html"
)


class UnknownIdentifier(ValueError, CurateError):
    """The text is none of the identifier forms `curate add` understands."""


@dataclass(frozen=True)
class Identifier:
    """A paper identifier in canonical form, plus what the identifier itself tells."""

    kind: IdentifierKind
    value: str
    """arXiv id without version, DOI, Semantic Scholar paper id, or a title to search."""
    venue_hint: str | None = None
    """Venue named by the identifier itself (CVF URLs name it), or None."""
    year_hint: int | None = None
    """Year named by the identifier itself (CVF URLs name it), or None."""
    url: str | None = None
    """The URL given, when it is the paper's page."""


def parse_identifier(text: str) -> Identifier:
    """Parse an arXiv id/URL, a DOI/doi.org URL, a Semantic Scholar, OpenReview or CVF URL."""
    text = text.strip()
    lowered = text.lower()
    for prefix in ("arxiv:", "doi:"):
        if lowered.startswith(prefix):
            return _parse_bare(text[len(prefix) :].strip(), prefix[:-1], text)
    if "://" in text:
        return _parse_url(text)
    return _parse_bare(text, None, text)


def _parse_bare(value: str, expected: str | None, original: str) -> Identifier:
    if expected in (None, "arxiv"):
        match = _ARXIV.fullmatch(value)
        if match:
            return Identifier("arxiv", match["id"])
    if expected in (None, "doi") and _DOI.fullmatch(value):
        return Identifier("doi", value)
    raise UnknownIdentifier(_unknown_message(original))


def _parse_url(url: str) -> Identifier:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = unquote(parts.path)
    if host in ("arxiv.org", "export.arxiv.org"):
        match = re.fullmatch(
            rf"/(?:abs|pdf|html)/(?P<id>{_NEW_ARXIV}|{_OLD_ARXIV})(?:v\d+)?(?:\.pdf)?/?", path
        )
        if match:
            return Identifier("arxiv", match["id"])
    if host in ("doi.org", "dx.doi.org") and _DOI.fullmatch(path.lstrip("/")):
        return Identifier("doi", path.lstrip("/"))
    if host == "semanticscholar.org":
        match = _S2_PAPER_ID.search(path)
        if match:
            return Identifier("semantic_scholar", match[0], url=None)
    if host in _CVF_HOSTS:
        return _parse_cvf(url, path)
    if host == "openreview.net" and path in ("/forum", "/pdf"):
        forum = parse_qs(parts.query).get("id", [""])[0]
        if _OPENREVIEW_ID.fullmatch(forum):
            return Identifier("openreview", forum, url=f"https://openreview.net/forum?id={forum}")
    raise UnknownIdentifier(_unknown_message(url))


def _parse_cvf(url: str, path: str) -> Identifier:
    """CVF open-access file names carry the title words, the venue and the year."""
    stem = path.rsplit("/", 1)[-1].removesuffix(".html").removesuffix(".pdf")
    match = _CVF_FILE.match(stem)
    if not match:
        raise UnknownIdentifier(
            f"cannot read a title from the CVF open-access URL {shown(url)}; expected a page such as "
            "https://openaccess.thecvf.com/content_CVPR_2019/html/Lee_FickleNet_..._CVPR_2019_paper.html"
        )
    title = match["words"].replace("_", " ")
    page = url.replace("/papers/", "/html/").removesuffix(".pdf")
    page = page if page.endswith(".html") else f"{page}.html"
    return Identifier("title", title, match["venue"], int(match["year"]), page)


def _unknown_message(text: str) -> str:
    return f"{shown(text)} is not an arXiv id, DOI or paper URL that curate can look up; examples: {EXAMPLES}"
