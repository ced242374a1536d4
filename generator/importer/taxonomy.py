"""Fit the list's headings onto a project's existing taxonomy (`papers/list.yaml`).

A heading matches the topic with its id or its title. Its non-entry lines must already be in
that topic's (or section's) description: list.yaml is the curator's file and is never rewritten,
so content missing from it is reported rather than lost in silence.
"""

from __future__ import annotations

from generator.importer.drafts import Drafts, SectionDraft, TopicDraft
from generator.models import ListConfig


def own_topic_ids(drafts: Drafts) -> dict[str, str]:
    """Identity map for a new project, whose taxonomy is made from the headings."""
    return {topic.id: topic.id for section in drafts.sections for topic in section.topics}


def existing_topic_ids(drafts: Drafts, config: ListConfig) -> dict[str, str]:
    """Draft topic id -> project topic id; unmatched headings are reported on `drafts`."""
    by_key: dict[str, str] = {}
    for project_section in config.sections:
        for project_topic in project_section.topics:
            by_key.setdefault(project_topic.id, project_topic.id)
            by_key.setdefault(project_topic.title.casefold(), project_topic.id)
    mapping: dict[str, str] = {}
    for section in drafts.sections:
        for topic in section.topics:
            found = by_key.get(topic.id) or by_key.get(topic.title.casefold())
            if found:
                mapping[topic.id] = found
            else:
                drafts.skip(
                    topic.line,
                    f"heading '{topic.title}' has no topic in papers/list.yaml; "
                    f"add one (id: {topic.id}) or import into an empty folder",
                    "",
                )
    _check_content(drafts, config, mapping)
    return mapping


def _check_content(drafts: Drafts, config: ListConfig, mapping: dict[str, str]) -> None:
    descriptions = {
        topic.id: topic.description or "" for s in config.sections for topic in s.topics
    }
    descriptions.update({s.id: s.description or "" for s in config.sections})
    section_ids = {s.title.casefold(): s.id for s in config.sections} | {
        s.id: s.id for s in config.sections
    }
    for section in drafts.sections:
        holders: list[tuple[str | None, SectionDraft | TopicDraft]] = [
            (section_ids.get(section.id) or section_ids.get(section.title.casefold()), section)
        ]
        holders += [(mapping.get(topic.id), topic) for topic in section.topics]
        for target, holder in holders:
            text = descriptions.get(target or "", "")
            for line, content in zip(holder.content_lines, holder.content, strict=True):
                if content.strip() not in text:
                    drafts.skip(
                        line,
                        f"not in the description of '{target or holder.title}' in "
                        "papers/list.yaml (the import never rewrites it); add it there",
                        content.strip(),
                    )
