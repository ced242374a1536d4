"""Read a whole list: walk the outline and turn each block of lines into drafts."""

from __future__ import annotations

from dataclasses import replace

from generator.importer.blocks import read_body
from generator.importer.context import Context
from generator.importer.drafts import Drafts, SectionDraft, TopicDraft, join_lines
from generator.importer.htmlentries import is_html_layout
from generator.importer.inline import only_anchor_links
from generator.importer.markdown import Line, parse_lines
from generator.importer.outline import Node, build_outline
from generator.importer.papers import read_paper
from generator.importer.venues import VenueParser
from generator.importer.vocabulary import Vocabulary
from generator.text.ids import slug, unique_id


def read_list(
    text: str, venues: VenueParser, vocabulary: Vocabulary, fallback_title: str
) -> Drafts:
    """Every draft of the list in `text`, with each line placed or reported as skipped."""
    lines = parse_lines(text)
    title, top = build_outline(lines, venues)
    drafts = Drafts(title=title.title if title else fallback_title, description=None)
    context = Context(drafts, venues, vocabulary, set())
    if title is not None:
        drafts.place(title.number, "list title")
        drafts.title_line = title.number
        badges = [line for line in lines if line.number < title.number and line.kind != "blank"]
        title.body[:0] = badges
        drafts.description = _read_title_body(title, drafts)
    else:
        read_body(
            [line for line in lines if line.kind != "heading" and _before_headings(line, top)],
            context,
        )
    for node in top:
        _visit(node, context)
    for line in lines:
        if line.kind in ("blank", "rule"):
            drafts.place(line.number, "layout")
        _follow_first_line(line, drafts)
    return drafts


def _follow_first_line(line: Line, drafts: Drafts) -> None:
    """Continuation lines of an entry become what its first line became."""
    if not line.continued:
        return
    if line.number in drafts.placed:
        drafts.place(list(line.continued), f"{drafts.placed[line.number]} (continued)")
    else:
        drafts.place(list(line.continued), f"part of line {line.number}")


def _before_headings(line: Line, top: list[Node]) -> bool:
    return not top or line.number < top[0].number


def _read_title_body(title: Node, drafts: Drafts) -> str | None:
    described, numbers = [], []
    for line in title.body:
        if line.kind == "bullet" and only_anchor_links(line.text):
            drafts.place(line.number, "toc")
        elif line.kind in ("paragraph", "bullet", "rule"):
            for number, raw in line.source_lines:
                described.append(raw.rstrip())
                numbers.append(number)
                drafts.place(number, "list description")
                drafts.description_lines.append(number)
        elif line.kind == "html" and is_html_layout(line):
            drafts.place(line.number, "layout (HTML)")
        elif line.kind == "definition":
            drafts.place(line.number, "link definition")
        elif line.kind not in ("blank", "rule", "continuation"):
            drafts.skip(line.number, f"{line.kind} before the first section", line.raw.strip())
    return join_lines(numbers, described)


def _visit(node: Node, context: Context) -> None:
    drafts = context.drafts
    here = replace(context, headings=[*context.headings, node.title])
    if node.role == "toc":
        drafts.place(node.number, "toc")
        for line in node.body:
            if line.kind == "paragraph":
                drafts.description = "\n".join(filter(None, [drafts.description, line.raw.strip()]))
                drafts.place(line.number, "list description")
                drafts.description_lines.append(line.number)
            drafts.place(line.number, "toc")
        for child in node.children:  # sections written under a 'Table of Contents' heading
            _visit(child, context)
        return
    if node.role == "entry" and node.line is not None:  # '#### [Title](url)' and its lines
        read_paper(
            replace(node.line, kind="bullet", text=node.line.text),
            [line for line in node.body if line.kind not in ("blank", "rule", "continuation")],
            here,
        )
        return
    drafts.place(node.number, f"{node.role} heading")
    if node.role == "section":
        here.section = SectionDraft(
            unique_id(slug(node.title), here.taxonomy_ids), node.title, node.number
        )
        drafts.sections.append(here.section)
        here.topic, here.group = None, None
    elif node.role == "group":
        here.topic, here.group = None, node.title
    elif node.role == "topic":
        group = node.group.title if node.group else None
        here.topic = TopicDraft(
            unique_id(slug(node.title), here.taxonomy_ids), node.title, node.number, group
        )
        here.current_section().topics.append(here.topic)
    elif node.role == "venue":
        here.venue = node.venue
    elif node.role == "table":
        here.table_title = node.title
    read_body(node.body, here)
    for child in node.children:
        _visit(child, here)
