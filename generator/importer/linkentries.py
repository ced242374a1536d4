"""Link-first entries: code bases ('[name](url) what it is') and resources (lists, tutorials)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.importer.context import Context
from generator.importer.drafts import ImplementationDraft, ResourceDraft, notes_text
from generator.importer.entrytext import parse_entry
from generator.importer.inline import find_all_links, links_to_labels, squeeze
from generator.importer.markdown import Line
from generator.importer.vocabulary import Vocabulary

_SCORE = re.compile(r"\b\d{1,3}(?:\.\d+)?\s?%")
_DESCRIPTION_LEAD = " \t:;,-–—"


def read_implementation(
    line: Line, children: list[Line], context: Context, group: str | None = None
) -> None:
    """A code base; a line without a link that heads sub-bullets names their group."""
    links = [link for link in find_all_links(line.text) if link.url.startswith("http")]
    if not links:
        if children:
            context.drafts.place(line.number, "implementation group")
            for child in children:
                read_implementation(child, [], context, group=squeeze(line.text))
        else:
            context.add_content([line])
        return
    first = links[0]
    rest = " ".join([line.text[: first.start], *first.images, line.text[first.end :]])
    description = notes_text(squeeze(rest).strip(_DESCRIPTION_LEAD) or None, children)
    score = _SCORE.search(description or "")
    draft = ImplementationDraft(
        lines=[line.number, *(child.number for child in children)],
        name=first.plain_label or _url_title(first.url),
        url=first.url,
        description=description,
        score=score.group(0) if score else None,
        group=group,
        links=[
            {"label": link.plain_label or _url_title(link.url), "url": link.url}
            for link in links[1:]
        ],
    )
    context.drafts.implementations.append(draft)
    context.drafts.place(draft.lines, "implementation")


def read_resource(line: Line, children: list[Line], context: Context) -> None:
    """A resource: its links, a title, and the line's words as description when they say more."""
    links = [link for link in find_all_links(line.text) if link.url.startswith("http")]
    if not links:
        context.add_content([line, *children])
        return
    vocabulary = context.vocabulary
    entry = parse_entry(line.text[: links[0].start], context.venues, vocabulary)
    prefix_title = (
        entry.title
        if len(entry.title.split()) >= 2 and not line.text[: links[0].start].rstrip().endswith(":")
        else None
    )
    title = (
        prefix_title or _label_title(links[0].plain_label, vocabulary) or _url_title(links[0].url)
    )
    plain = links_to_labels(line.text)
    described = prefix_title is None or squeeze(line.text[links[-1].end :])
    mark = entry.mark or context.venue
    draft = ResourceDraft(
        lines=[line.number, *(child.number for child in children)],
        title=title,
        kind=vocabulary.resource_kind(
            " ".join([plain, _url_title(links[0].url), *context.headings])
        ),
        links=[
            {"label": link.plain_label or _url_title(link.url), "url": link.url} for link in links
        ],
        description=notes_text(line.text.strip() if described else None, children),
        venue=mark.venue if mark else None,
        year=mark.year if mark else None,
        topics=[context.topic.id] if context.topic else [],
    )
    if draft.venue:
        context.drafts.venues_used.add(draft.venue)
    context.drafts.resources.append(draft)
    context.drafts.place(draft.lines, "resource")


def _label_title(label: str, vocabulary: Vocabulary) -> str | None:
    words = label.split()
    if (
        not words
        or (label.lower() in vocabulary.pointer_labels)
        or (label.islower() and len(words) <= 2)
    ):
        return None
    return label


def _url_title(url: str) -> str:
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    return segments[-1] if segments else parts.hostname or url
