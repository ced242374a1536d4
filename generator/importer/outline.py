"""Headings -> the list's title, sections, groups and topics; a table of contents is skipped.

Headings that only qualify their entries are not topics: a venue heading ('ICCV2019') gives its
entries a venue and year; a heading holding nothing but a table of numbers names a leaderboard.
Both belong to the topic above them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.importer.inline import find_links, is_image_only, only_anchor_links
from generator.importer.markdown import Line
from generator.importer.venues import VenueMark, VenueParser

_MAX_ENTRY_BODY = 12
"""Lines of text a heading that is only a link may hold and still be one paper's entry."""

Role = Literal["root", "title", "section", "group", "topic", "venue", "table", "toc", "entry"]


@dataclass
class Node:
    """A heading and the lines up to the next heading."""

    title: str
    level: int
    line: Line | None
    children: list[Node] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    role: Role = "root"
    venue: VenueMark | None = None
    group: Node | None = None
    """The group heading a topic sits under, if any."""

    @property
    def number(self) -> int:
        return self.line.number if self.line else 0

    def is_attribute(self) -> bool:
        return self.role in ("venue", "table", "toc", "entry")


def build_outline(lines: list[Line], venues: VenueParser) -> tuple[Node | None, list[Node]]:
    """The title node (or None) and the top-level nodes, each with its role set."""
    root = Node("", 0, None)
    stack = [root]
    for line in lines:
        if line.kind != "heading":
            stack[-1].body.append(line)
            continue
        while stack[-1].level >= line.level:
            stack.pop()
        node = Node(line.text, line.level, line)
        stack[-1].children.append(node)
        stack.append(node)
    title = _title_node(root)
    top = [*(title.children if title else []), *(c for c in root.children if c is not title)]
    if title:
        title.children = []
    for node in _walk(top):
        _mark_attribute(node, venues)
    for node in top:
        if not node.is_attribute():
            _assign_taxonomy(node, "section", None)
    return title, top


def _title_node(root: Node) -> Node | None:
    """The first heading is the list's title when it is the document's highest level."""
    if not root.children:
        return None
    first = root.children[0]
    highest = min(child.level for child in root.children)
    if first.level != highest or any(
        line.kind not in ("blank", "rule") and not is_image_only(line.text) for line in root.body
    ):
        return None
    first.role = "title"
    return first


def _walk(nodes: list[Node]) -> list[Node]:
    found = []
    for node in nodes:
        found.append(node)
        found.extend(_walk(node.children))
    return found


def _mark_attribute(node: Node, venues: VenueParser) -> None:
    content = [line for line in node.body if line.kind not in ("blank", "rule")]
    toc = [line for line in content if line.kind == "bullet" and only_anchor_links(line.text)]
    if (
        toc
        and all(line.kind in ("paragraph", "continuation") or line in toc for line in content)
        and not node.children
    ):
        node.role = "toc"  # a table of contents; a line of text beside it joins the description
        return
    mark = venues.whole(node.title)
    if mark is not None:
        node.role, node.venue = "venue", mark
        return
    links = find_links(node.title)
    if (  # '#### [Title](url)' and a few lines about it: one paper per heading
        len(links) == 1
        and links[0].url.startswith(("http://", "https://"))
        and not node.title[: links[0].start].strip()
        and not node.children
        and len(content) <= _MAX_ENTRY_BODY
    ):
        node.role = "entry"
        return
    if (
        content
        and not node.children
        and all(line.kind in ("table-row", "table-rule") for line in content)
    ):
        node.role = "table"


def _assign_taxonomy(node: Node, role: Role, group: Node | None) -> None:
    node.role, node.group = role, group
    children = [child for child in node.children if not child.is_attribute()]
    for child in children:
        if role == "section":
            has_own = any(not grandchild.is_attribute() for grandchild in child.children)
            _assign_taxonomy(child, "group" if has_own else "topic", None)
        else:  # under a group or a topic, every deeper heading is a topic of the group
            _assign_taxonomy(child, "topic", group or node)
