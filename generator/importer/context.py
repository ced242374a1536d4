"""Where a block of lines sits while the list is read: section, topic, headings, venue."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importer.drafts import Drafts, SectionDraft, TopicDraft
from generator.importer.markdown import Line
from generator.importer.venues import VenueMark, VenueParser
from generator.importer.vocabulary import Vocabulary
from generator.text.ids import slug, unique_id


@dataclass
class Context:
    """Where a block of lines sits: its section, topic, headings and inherited venue."""

    drafts: Drafts
    venues: VenueParser
    vocabulary: Vocabulary
    taxonomy_ids: set[str]
    section: SectionDraft | None = None
    topic: TopicDraft | None = None
    group: str | None = None
    headings: list[str] = field(default_factory=list)
    venue: VenueMark | None = None
    table_title: str | None = None

    @property
    def kind(self) -> str:
        """Which record kind entries become here: 'paper', 'implementation' or 'resource'."""
        return self.vocabulary.heading_kind(self.headings)

    def paper_topic(self) -> TopicDraft:
        """The topic papers here belong to; a section holding papers directly gets one."""
        if self.topic is not None:
            return self.topic
        section = self.current_section()
        title = self.group or section.title
        for topic in section.topics:
            if topic.title == title and topic.id.endswith("-papers"):
                return topic
        topic = TopicDraft(
            unique_id(f"{slug(title)}-papers", self.taxonomy_ids), title, section.line, self.group
        )
        section.topics.insert(0, topic)
        return topic

    def add_content(self, lines: list[Line]) -> None:
        """Keep lines that are not entries as Markdown of their topic or section."""
        holder = self.topic or self.current_section()
        written = [source for line in lines for source in line.source_lines]
        holder.content.extend(raw.rstrip() for _, raw in written)
        holder.content_lines.extend(number for number, _ in written)
        self.drafts.place([number for number, _ in written], "topic content")

    def current_section(self) -> SectionDraft:
        if self.section is None:  # entries before any section heading
            self.section = SectionDraft(unique_id("entries", self.taxonomy_ids), "Entries", 0)
            self.drafts.sections.insert(0, self.section)
        return self.section
