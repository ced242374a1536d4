"""The list part of README.md, generated from the database between two markers."""

from __future__ import annotations

import re
from pathlib import Path

from generator.database.assemble import Database
from generator.errors import EXIT_USAGE, CurateError
from generator.render.markdown_escape import escape_markdown
from generator.render.templates import Md, render
from generator.text.markdown import heading_texts, parse_markdown
from generator.views.list_views import list_views

README_FILE = "README.md"
START_MARKER = "<!-- curate:readme:start -->"
END_MARKER = "<!-- curate:readme:end -->"
_BLOCK = re.compile(re.escape(START_MARKER) + r".*?" + re.escape(END_MARKER), re.DOTALL)


class ReadmeMarkersMissing(CurateError):
    """README.md has no (or broken) generated-block markers."""

    exit_code = EXIT_USAGE


TOC_PLACEHOLDER = "<!-- curate:toc -->"
TOC_LEVELS = (3, 4)
_HEADING_LINK = re.compile("\ue000(.*?)\ue001")
"""Where the template links to a heading of the list; replaced by that heading's anchor."""


def render_readme_block(
    database: Database, override_root: Path | None = None, text_above: str = ""
) -> str:
    """The generated list, markers included; `text_above` is the README's text before the
    list, whose headings take their anchors first on GitHub."""
    views = list_views(database)
    body = render(
        "readme/list.md.j2", override_root,
        home=views.home,
        site_url=database.config.site_url,
        boards=views.boards,
        years=views.years,
        sections=views.sections,
        progress=views.progress,
        frameworks=views.frameworks,
        kinds=views.kinds,
        heading_link=lambda text: Md(f"\ue000{escape_markdown(text)}\ue001"),
    )
    anchors = heading_anchors(text_above, body)
    body = body.replace(TOC_PLACEHOLDER, table_of_contents(anchors))
    first_anchor = {}
    for _, text, anchor in reversed(anchors):
        first_anchor[text] = anchor
    body = _HEADING_LINK.sub(lambda match: first_anchor.get(match.group(1), ""), body)
    return f"{START_MARKER}\n{body.strip()}\n{END_MARKER}"


def heading_anchors(text_above: str, body: str) -> list[tuple[int, str, str]]:
    """(level, text as written, GitHub's anchor) of every heading of `body`. GitHub numbers
    a repeated anchor '-1', '-2'... across the whole page, `text_above` included."""
    seen: dict[str, int] = {}

    def unique(plain: str) -> str:
        anchor = github_anchor(plain)
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        return f"{anchor}-{count}" if count else anchor

    for _, _, plain in headings(text_above):
        unique(plain)
    return [(level, written, unique(plain)) for level, written, plain in headings(body)]


def headings(markdown: str) -> list[tuple[int, str, str]]:
    """(level, text as written, plain text) of every heading of `markdown`, `#` and `===`
    forms alike, as the one Markdown reader sees them (none inside code blocks)."""
    tokens = parse_markdown(markdown)
    written = [tokens[index + 1].content for index, token in enumerate(tokens)
               if token.type == "heading_open" and token.map is not None]
    return [(level, text, plain)
            for (level, _, plain), text in zip(heading_texts(tokens), written, strict=True)]


def table_of_contents(anchors: list[tuple[int, str, str]]) -> str:
    """A nested list linking every level-3 and level-4 heading."""
    return "\n".join(
        f"{'  ' * (level - TOC_LEVELS[0])}- [{text}](#{anchor})"
        for level, text, anchor in anchors if level in TOC_LEVELS
    )


def github_anchor(text: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def splice_readme(readme_text: str, block: str) -> str:
    """Replace the generated block of `readme_text` with `block`; the rest stays as written."""
    if readme_text.count(START_MARKER) != 1 or readme_text.count(END_MARKER) != 1 \
            or not _BLOCK.search(readme_text):
        raise ReadmeMarkersMissing(
            f"{README_FILE} must hold exactly one '{START_MARKER}' line followed by one "
            f"'{END_MARKER}' line; the list is written between them"
        )
    return _BLOCK.sub(lambda _: block, readme_text)


def fresh_readme(readme_path: Path, database: Database, override_root: Path | None = None) -> str:
    """The text README.md should have: its own text, with the list block regenerated."""
    current = readme_path.read_text(encoding="utf-8") if readme_path.is_file() else ""
    if START_MARKER not in current and END_MARKER not in current:
        current = current.rstrip("\n") + ("\n\n" if current else "") + f"{START_MARKER}\n{END_MARKER}\n"
    text_above = current.split(START_MARKER, 1)[0]
    return splice_readme(current, render_readme_block(database, override_root, text_above))
