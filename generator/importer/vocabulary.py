"""The importer's general knowledge of awesome lists, read from `vocabulary.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from generator.models.listconfig import Venue

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


@dataclass(frozen=True)
class Vocabulary:
    """Words that decide what an entry is; see `vocabulary.yaml` for each list's meaning."""

    venues: tuple[Venue, ...]
    venue_qualifiers: frozenset[str]
    implementation_headings: frozenset[str]
    resource_headings: frozenset[str]
    resource_kinds: tuple[tuple[str, str], ...]
    pointer_labels: frozenset[str]
    code_labels: frozenset[str]
    code_hosts: frozenset[str]
    columns: dict[str, frozenset[str]]
    venue_lead_words: tuple[str, ...] = ()
    heading_filler_words: frozenset[str] = frozenset()
    venue_fields: frozenset[str] = frozenset()
    date_fields: frozenset[str] = frozenset()

    def heading_kind(self, titles: list[str]) -> str:
        """'implementation', 'resource' or 'paper' for entries under headings `titles`."""
        for title in reversed(titles):
            found = words(title) - self.heading_filler_words
            kinds = found & (self.implementation_headings | self.resource_headings)
            if not kinds:
                continue
            if found - kinds:  # 'Video Segmentation', 'System and Tutorial': not a kind
                return "paper"
            return "implementation" if kinds & self.implementation_headings else "resource"
        return "paper"

    def resource_kind(self, text: str) -> str:
        """Kind of a resource from the words of its line and headings."""
        found = words(text)
        for word, kind in self.resource_kinds:
            if word in found:
                return kind
        return "other"

    def field_role(self, label: str) -> str | None:
        """'venue' or 'date' for the label of a fact line ('📑 Publisher', 'Date'), else None."""
        name = " ".join(re.findall(r"[a-z]+", label.lower()))
        if name in self.venue_fields:
            return "venue"
        return "date" if name in self.date_fields else None

    def column_role(self, header: str) -> str | None:
        """Role of a table column from its header: index, title, method, notes, backbone, venue
        or code."""
        name = header.strip().strip("*").strip().lower()
        return next((role for role, names in self.columns.items() if name in names), None)


def words(text: str) -> set[str]:
    """Lower-case words of `text`."""
    return set(re.findall(r"[a-z0-9]+", text.lower()))


@cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Read the vocabulary file shipped with the package."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Vocabulary(
        venues=tuple(Venue.model_validate(item) for item in data["venues"]),
        venue_qualifiers=frozenset(data["venue_qualifiers"]),
        implementation_headings=frozenset(data["implementation_headings"]),
        resource_headings=frozenset(data["resource_headings"]),
        resource_kinds=tuple((item["word"], item["kind"]) for item in data["resource_kinds"]),
        pointer_labels=frozenset(data["pointer_labels"]),
        code_labels=frozenset(data["code_labels"]),
        code_hosts=frozenset(data["code_hosts"]),
        columns={
            role: frozenset(data[f"{role}_columns"])
            for role in ("index", "title", "method", "notes", "backbone", "venue", "code")
        },
        venue_lead_words=tuple(sorted(data["venue_lead_words"], key=len, reverse=True)),
        venue_fields=frozenset(data["venue_fields"]),
        heading_filler_words=frozenset(data["heading_filler_words"]),
        date_fields=frozenset(data["date_fields"]),
    )
