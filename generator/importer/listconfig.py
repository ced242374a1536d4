"""The list config of a new project: title, description and the taxonomy from the headings.

Text the models refuse (a heading over 500 characters, topic text over 20,000, a NUL byte) is
reported as skipped at its lines and left out, never a traceback.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.database.validate import error_messages
from generator.importer.drafts import Drafts, SectionDraft, TopicDraft, join_lines
from generator.importer.vocabulary import Vocabulary
from generator.models import ListConfig
from generator.models.listconfig import Section, Topic

Model = TypeVar("Model", bound=BaseModel)
_MAX_TITLE = 120
_FALLBACK = {"title": "Untitled", "description": None, "group": None}


def new_list_config(drafts: Drafts, vocabulary: Vocabulary, source_name: str) -> ListConfig:
    """The list config of a new project; refused parts reported on `drafts` and left out."""
    sections = [_section(section, drafts) for section in drafts.sections] or [
        Section(id="entries", title="Entries")
    ]
    data = {
        "title": drafts.title,
        "description": drafts.description or f"Imported from {source_name}.",
        "sections": sections,
        "venues": [venue for venue in vocabulary.venues if venue.id in drafts.venues_used],
    }
    lines = {"title": [drafts.title_line], "description": drafts.description_lines}
    config = _valid(ListConfig, data, lines, drafts)
    return config


def _section(section: SectionDraft, drafts: Drafts) -> Section:
    topics = [_topic(topic, drafts) for topic in section.topics]
    data = {
        "id": section.id,
        "title": section.title,
        "description": join_lines(section.content_lines, section.content),
        "topics": topics,
    }
    return _valid(Section, data, _lines_of(section), drafts)


def _topic(topic: TopicDraft, drafts: Drafts) -> Topic:
    data = {
        "id": topic.id,
        "title": topic.title,
        "group": topic.group,
        "description": join_lines(topic.content_lines, topic.content),
    }
    return _valid(Topic, data, _lines_of(topic), drafts)


def _lines_of(holder: SectionDraft | TopicDraft) -> dict[str, list[int]]:
    return {"title": [holder.line], "group": [holder.line], "description": holder.content_lines}


def _valid(model: type[Model], data: dict[str, Any], lines: dict[str, list[int]], drafts: Drafts) -> Model:
    """`data` as `model`; each refused field is reported at its lines and replaced by a default."""
    while True:
        try:
            return model.model_validate(data)
        except ValidationError as error:
            refused = {str(detail["loc"][0]) for detail in error.errors() if detail["loc"]}
            fixable = refused & set(_FALLBACK)
            if not fixable or refused - set(_FALLBACK):
                raise
            messages = error_messages(model, error)
            for name in sorted(fixable):
                message = next(m for m in messages if m.startswith(name))
                for line in lines.get(name) or [0]:
                    drafts.skip(line, f"not kept in papers/list.yaml: {message}", "")
                data[name] = _replacement(name, data[name])


def _replacement(name: str, value: object) -> object:
    """A shortened, clean title for a refused one; no text for a refused description."""
    if name != "title" or not isinstance(value, str):
        return _FALLBACK[name]
    clean = "".join(c for c in value if c.isprintable()).strip()
    if len(clean) > _MAX_TITLE:
        clean = clean[: _MAX_TITLE - 1].rstrip() + "…"
    return clean if clean and clean != value else _FALLBACK["title"]
