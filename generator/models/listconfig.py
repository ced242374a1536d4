"""The list itself: title, URLs, taxonomy, venues and tag vocabulary (`papers/list.yaml`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.fields import HttpUrl, MarkdownText, PlainText, Record, RecordId
from generator.models.link_check import LinkCheckConfig
from generator.models.services import ServicesConfig
from generator.models.site_config import SiteConfig


class Topic(Record):
    """A topic inside a section; papers name topics by id."""

    id: RecordId
    """Stable id used by papers' `topics` lists, e.g. 'affinity'."""
    title: PlainText
    """Heading shown on the site, e.g. 'Affinity'."""
    description: MarkdownText | None = None
    """What the topic covers (Markdown); shown above its papers."""
    group: PlainText | None = None
    """Sub-heading the topic sits under inside its section, e.g. 'Published'."""


class Section(Record):
    """A group of topics, shown in this order on the site and in the README."""

    id: RecordId
    """Stable id of the section, e.g. 'reading-list'."""
    title: PlainText
    """Heading shown on the site."""
    description: MarkdownText | None = None
    """What the section covers (Markdown)."""
    topics: list[Topic] = []
    """Topics of the section, in display order."""


class Venue(Record):
    """A conference, journal, workshop or preprint server papers appear in."""

    id: PlainText
    """Short name used in records and tables, e.g. 'CVPR', 'NIPS', 'arXiv'."""
    name: PlainText | None = None
    """Full name, e.g. 'IEEE/CVF Conference on Computer Vision and Pattern Recognition'."""
    kind: Literal["conference", "journal", "workshop", "preprint", "other"] = "conference"
    """What sort of venue it is; `preprint` venues mark papers as not yet peer reviewed."""
    aliases: list[PlainText] = []
    """Other spellings seen in lists (case-insensitive), e.g. 'NeurIPS' for 'NIPS'."""


class Tag(Record):
    """A tag papers may carry."""

    id: RecordId
    """Tag id written in papers' `tags`, e.g. 'image-level'."""
    title: PlainText
    """Label shown on the site."""
    description: MarkdownText | None = None
    """What the tag means."""


class TagGroup(Record):
    """A family of tags, e.g. the supervision used or the task solved."""

    id: RecordId
    """Group id, e.g. 'supervision'."""
    title: PlainText
    """Label shown on the site."""
    tags: list[Tag] = Field(min_length=1)
    """Tags of the group."""


class ListConfig(Record):
    """The list's identity and vocabulary; everything subject-specific is here, not in code."""

    title: PlainText
    """Title of the list, shown as the site name and README heading."""
    description: MarkdownText
    """One paragraph on what the list covers (Markdown)."""
    site_url: HttpUrl | None = None
    """Where the built site is published."""
    repo_url: HttpUrl | None = None
    """The repository that holds the list."""
    sections: list[Section] = Field(min_length=1)
    """The taxonomy: ordered sections, each with ordered topics."""
    venues: list[Venue] = []
    """Venues papers may name; a paper's `venue` must be one of these ids."""
    tag_groups: list[TagGroup] = []
    """The tag vocabulary; a paper's `tags` must come from these groups."""
    services: ServicesConfig = ServicesConfig()
    """Look-up services used by `curate add` and `curate enrich`: base URLs, cache, limits."""
    link_check: LinkCheckConfig = LinkCheckConfig()
    """How `curate check-links` checks links: exclusions, limits, timeouts, cache."""
    site: SiteConfig = SiteConfig()
    """How big a generated page may grow before it is split into parts."""
