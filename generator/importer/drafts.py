"""What the importer makes of the list before it becomes records: drafts with their lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.importer.markdown import Line

STATUS_OF_BOX = {"x": "read", " ": "to-read", None: "untracked"}
STATUS_RANK = {"untracked": 0, "to-read": 1, "read": 2}


_LIST_ITEM = re.compile(r"^\s*([-*+]|\d{1,3}[.)])\s")


def join_lines(numbers: list[int], texts: list[str]) -> str | None:
    """Markdown of source lines: adjacent lines stay together, a gap becomes a blank line.

    Text right after a list gets a blank line too, so that it does not join the last item.
    """
    parts: list[str] = []
    for index, (number, text) in enumerate(zip(numbers, texts, strict=True)):
        after_list = index and _LIST_ITEM.match(texts[index - 1]) and not _LIST_ITEM.match(text)
        if index and (number - numbers[index - 1] > 1 or after_list):
            parts.append("")
        parts.append(text)
    return "\n".join(parts) or None


@dataclass
class TopicDraft:
    """A topic (or section, when `is_section`) of the taxonomy, from a heading."""

    id: str
    title: str
    line: int
    group: str | None = None
    content: list[str] = field(default_factory=list)
    """Lines of the topic that are not entries (prose, bullets that are not papers)."""
    content_lines: list[int] = field(default_factory=list)


@dataclass
class SectionDraft:
    """A section of the taxonomy and its topics, in order."""

    id: str
    title: str
    line: int
    topics: list[TopicDraft] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    content_lines: list[int] = field(default_factory=list)


@dataclass
class PaperDraft:
    """A paper entry; several drafts of the same paper merge into one record."""

    lines: list[int]
    title: str
    topics: list[str]
    status: str = "untracked"
    title_is_name: bool = False
    """The title is only a method name (a table row); a real title wins when merging."""
    short_name: str | None = None
    venue: str | None = None
    venue_note: str | None = None
    year: int | None = None
    kind: str = "paper"
    url: str | None = None
    arxiv: str | None = None
    code: list[dict] = field(default_factory=list)
    other: list[dict] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    """(topic title, note) pairs; merged into one Markdown text."""
    results: list[dict] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)
    """Sub-bullet lines that became code links rather than notes."""


@dataclass
class ImplementationDraft:
    lines: list[int]
    name: str
    url: str
    description: str | None = None
    score: str | None = None
    group: str | None = None
    links: list[dict] = field(default_factory=list)


@dataclass
class ResourceDraft:
    lines: list[int]
    title: str
    kind: str
    links: list[dict]
    description: str | None = None
    venue: str | None = None
    year: int | None = None
    topics: list[str] = field(default_factory=list)


@dataclass
class LeaderboardDraft:
    line: int
    id: str
    title: str
    splits: list[str]
    topics: list[str]


@dataclass
class Skipped:
    """A line the importer could not place, and why."""

    line: int
    reason: str
    text: str


@dataclass
class Drafts:
    """Everything read from one list."""

    title: str
    description: str | None
    title_line: int = 0
    description_lines: list[int] = field(default_factory=list)
    sections: list[SectionDraft] = field(default_factory=list)
    papers: list[PaperDraft] = field(default_factory=list)
    implementations: list[ImplementationDraft] = field(default_factory=list)
    resources: list[ResourceDraft] = field(default_factory=list)
    leaderboards: list[LeaderboardDraft] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    placed: dict[int, str] = field(default_factory=dict)
    """Line number -> what it became ('paper', 'toc', 'heading', 'layout', ...)."""
    venues_used: set[str] = field(default_factory=set)

    def place(self, lines: list[int] | int, what: str) -> None:
        for number in [lines] if isinstance(lines, int) else lines:
            self.placed.setdefault(number, what)

    def skip(self, line: int, reason: str, text: str) -> None:
        self.skipped.append(Skipped(line, reason, text))


def notes_text(first: str | None, children: list[Line]) -> str | None:
    """The entry's own note, then its sub-bullets as a Markdown list (nesting kept)."""
    parts = [first] if first else []
    if children:
        base = min(child.level for child in children)
        for child in children:
            indent = " " * max(0, child.level - base)
            box = f"[{child.checkbox}] " if child.checkbox else ""
            marker = "- " if child.kind == "bullet" else ""
            parts.append(f"{indent}{marker}{box}{child.text.strip()}")
    return "\n".join(parts) or None
