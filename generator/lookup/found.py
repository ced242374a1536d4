"""What the services say about one paper, before it becomes a record."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

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


MAX_TEXT_LENGTH = 500
"""Longest title, name or venue kept from a service (the length a record's plain text allows)."""
MAX_ABSTRACT_LENGTH = 20_000
"""Longest abstract kept (the length a record's Markdown text allows)."""
_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>")
"""What a record's plain-text check takes for markup (so text kept from a service passes it)."""
_BROWSER_TAG = re.compile(r"<[A-Za-z!?/][^<>]*>")
"""What a browser reads as a tag (or comment, or declaration)."""
_UNCLOSED_TAG = re.compile(r"<[A-Za-z!?/][^<>]*$")

_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
"""Controls, and the zero-width and bidirectional marks that make text read otherwise than
it is stored (zero-width joiners stay: scripts and emoji need them)."""


def one_line(text: object, max_length: int = MAX_TEXT_LENGTH, *, prose: bool = False) -> str | None:
    """A service's `text` made safe to store: entities decoded, HTML tags, controls and
    bidirectional marks removed, white space runs (line breaks too) as single spaces, cut to
    `max_length` characters; None if nothing is left. Raises TypeError when it is not text.
    A '<' is kept where no browser reads a tag ('a < b'); in plain text (not `prose`) only
    where neither does a record's markup check ('a < b' loses its '<' there).

    Every answer is untrusted: what a service says becomes plain record text, never markup.
    """
    if text is None:
        return None
    if not isinstance(text, str):
        raise TypeError(f"expected text, got {type(text).__name__}")
    text = " ".join(_INVISIBLE.sub(" ", html.unescape(text[: 4 * max_length])).split())
    # White space is single now, so these patterns cannot backtrack far: linear time.
    tags = _BROWSER_TAG if prose else _TAG
    text = _without_tag_starts(_UNCLOSED_TAG.sub("", tags.sub("", text)), prose)
    text = " ".join(text.split())
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "\u2026"
    return text or None


def _without_tag_starts(text: str, prose: bool) -> str:
    """`text` without a '<' that could still open a tag: what removing the inner tag of
    '<<b>script>' leaves. A browser opens one at '<' and a letter, '/', '!' or '?'; a
    record's markup check also at '< / b'. One pass from the end, so a run of thousands of
    '<' takes linear time (a regex with a lookahead would not)."""
    if "<" not in text:
        return text
    starts, between = (_TAG_STARTS | {"/"}, "") if prose else (_TAG_STARTS, " /")
    kept: list[str] = []
    opens_tag = False  # whether the text to the right starts like a tag's name
    for character in reversed(text):
        if character == "<" and opens_tag:
            continue
        kept.append(character)
        if character in starts:
            opens_tag = True
        elif character not in between:
            opens_tag = False
    return "".join(reversed(kept))


_TAG_STARTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?")


def abstract_text(text: object) -> str | None:
    """An abstract from a service, made safe as `one_line` makes any text."""
    return one_line(text, MAX_ABSTRACT_LENGTH, prose=True)


def count(value: object) -> int | None:
    """A count (citations, stars) a service gave, if it is a plausible whole number."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT:
        return value
    return None


MAX_COUNT = 10**12
"""No paper is cited, no repository starred, more often than this."""


def read_json(text: str, sender: str) -> Any:
    """The JSON of an answer; `MalformedAnswer` saying '{sender} that cannot be read' when it
    is not JSON or is nested deeper than any metadata is."""
    try:
        return json.loads(text)
    except ValueError as error:
        raise MalformedAnswer(f"{sender} that cannot be read ({error})") from None
    except RecursionError:
        raise MalformedAnswer(
            f"{sender} that cannot be read (lists or objects nested thousands of levels deep)"
        ) from None
