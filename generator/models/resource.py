"""A resource: a related list, tutorial, video or survey."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.fields import MarkdownText, NamedLink, PlainText, RecordId, StoredRecord, Year


class Resource(StoredRecord):
    """Something to read or watch that is not a paper entry of the list."""

    id: RecordId
    """Record id, equal to the file name."""
    title: PlainText
    """Title shown in the list."""
    kind: Literal["related-list", "tutorial", "video", "survey", "article", "tool", "other"]
    """What sort of resource it is."""
    links: list[NamedLink] = Field(min_length=1)
    """One or more labelled links, e.g. 'web', 'part 1', 'part 2'."""
    description: MarkdownText | None = None
    """Why it is worth a look (Markdown)."""
    venue: PlainText | None = None
    """Venue id where it was given, e.g. 'CVPR'."""
    year: Year | None = None
    """Year it was given or published."""
    topics: list[RecordId] = []
    """Topics it belongs to, if any."""
