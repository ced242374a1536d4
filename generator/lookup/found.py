"""What the services say about one paper, before it becomes a record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.errors import CurateError

_GITHUB_REPO = re.compile(r"https?://(?:www\.)?github\.com/([\w.-]+)/([\w.-]+)")


class NotFound(CurateError):
    """The service answered, and it has no such paper."""


class MalformedAnswer(CurateError):
    """The service answered something that is not the format it documents."""


@dataclass
class Found:
    """Facts from one service; empty when the service does not say."""

    source: str
    """Service that said it, e.g. 'arXiv'."""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    """Venue as the service names it, e.g. '2019 IEEE/CVF Conference on ... (CVPR)'."""
    arxiv: str | None = None
    doi: str | None = None
    abstract: str | None = None
    citations: int | None = None
    code_urls: list[str] = field(default_factory=list)


def merge_found(preferred: list[Found]) -> Found:
    """One view of a paper: each fact from the first service (in `preferred` order) that has it."""
    merged = Found(source=", ".join(found.source for found in preferred))
    for name in ("title", "year", "venue", "arxiv", "doi", "abstract", "citations"):
        value = next((getattr(f, name) for f in preferred if getattr(f, name) is not None), None)
        setattr(merged, name, value)
    merged.authors = next((f.authors for f in preferred if f.authors), [])
    merged.code_urls = list(dict.fromkeys(url for f in preferred for url in f.code_urls))
    return merged


def github_repositories(*texts: str | None) -> list[str]:
    """Canonical GitHub repository URLs mentioned in `texts` (abstracts, comments), in order."""
    urls = []
    for text in texts:
        for owner, name in _GITHUB_REPO.findall(text or ""):
            name = name.removesuffix(".git").rstrip(".")
            urls.append(f"https://github.com/{owner}/{name}")
    return list(dict.fromkeys(urls))


def one_line(text: str | None) -> str | None:
    """`text` with runs of white space (line breaks included) as single spaces; None if empty."""
    if text is None:
        return None
    text = " ".join(text.split())
    return text or None
