"""The one Markdown structure reader: CommonMark plus GFM tables and task lists (markdown-it-py).

Every place that needs Markdown structure (headings, fences, lists, tables, links) parses it
here, so the importer, the link checker and the README agree on what the text is.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.tasklists import tasklists_plugin


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark with GFM tables, strikethrough and task lists; raw HTML kept as tokens."""
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .use(tasklists_plugin)
    )


def parse_markdown(text: str) -> list[Token]:
    """The block token stream of `text`; inline children carry links, code and emphasis."""
    return markdown_parser().parse(text)


def heading_texts(tokens: list[Token]) -> list[tuple[int, int, str]]:
    """(level, 1-based line, plain text) of each heading, `#` and `===` forms alike."""
    headings = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            inline = tokens[index + 1]
            text = "".join(child.content for child in inline.children or []
                           if child.type in ("text", "code_inline"))
            headings.append((int(token.tag[1]), token.map[0] + 1, text))
    return headings


@cache
def block_parser() -> MarkdownIt:
    """The same block rules without inline parsing: structure only, linear in the text."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).disable(
        "inline"
    )


def parse_blocks(text: str, env: dict | None = None) -> list[Token]:
    """The block token stream of `text`; inline tokens keep their source text in `content`.

    `env`, when given, receives the link reference definitions under 'references'.
    """
    return block_parser().parse(text, env if env is not None else {})
