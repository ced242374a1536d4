"""The list part of README.md, generated from the database between two markers."""

from __future__ import annotations

import re
from pathlib import Path

from generator.database import Database
from generator.render.templates import Md, render
from generator.views.catalog import framework_views, resource_kind_views
from generator.views.home import home_view
from generator.views.indices import year_views
from generator.views.leaderboards import leaderboard_views
from generator.views.papers import paper_refs
from generator.views.topics import overall_progress, section_views

README_FILE = "README.md"
START_MARKER = "<!-- curate:readme:start -->"
END_MARKER = "<!-- curate:readme:end -->"
_BLOCK = re.compile(re.escape(START_MARKER) + r".*?" + re.escape(END_MARKER), re.DOTALL)


class ReadmeMarkersMissing(Exception):
    """README.md has no (or broken) generated-block markers."""


TOC_PLACEHOLDER = "<!-- curate:toc -->"
_HEADING = re.compile(r"^(#{3,4}) (.+)$", re.MULTILINE)
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def render_readme_block(database: Database, override_root: Path | None = None) -> str:
    """The generated list, markers included."""
    refs = paper_refs(database)
    boards = leaderboard_views(database, refs)
    body = render(
        "readme/list.md.j2", override_root,
        home=home_view(database, refs, boards),
        site_url=database.config.site_url,
        boards=boards,
        years=year_views(database, refs),
        sections=section_views(database, refs),
        progress=overall_progress(database),
        frameworks=framework_views(database, refs),
        kinds=resource_kind_views(database),
        github_anchor=lambda text: Md(github_anchor(text)),
    )
    body = body.replace(TOC_PLACEHOLDER, table_of_contents(body))
    return f"{START_MARKER}\n{body.strip()}\n{END_MARKER}"


def table_of_contents(markdown: str) -> str:
    """A nested list linking every level-3 and level-4 heading, with GitHub's anchors."""
    seen: dict[str, int] = {}
    lines = []
    for match in _HEADING.finditer(markdown):
        text = _MARKDOWN_ESCAPE.sub(r"\1", match.group(2))
        anchor = github_anchor(text)
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        unique = f"{anchor}-{count}" if count else anchor
        indent = "  " * (len(match.group(1)) - 3)
        lines.append(f"{indent}- [{match.group(2)}](#{unique})")
    return "\n".join(lines)


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
    return splice_readme(current, render_readme_block(database, override_root))
