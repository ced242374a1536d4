"""Jinja2 environments: Markdown pages escape every value by default, HTML/SVG/XML autoescape."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markdown.extensions.toc import slugify  # type: ignore[import-untyped]
from markupsafe import Markup

from generator.render.markdown_escape import escape_markdown, indent_markdown, markdown_url
from generator.render.record_html import (
    WRAPPER_CLASS,
    record_html,
    record_html_inline,
    sanitized_inline_html,
)
from generator.views.paths import built_href

OVERRIDES_DIR = "templates"
"""A project may override any template by putting a file of the same name here."""


Md = Markup
"""Text that is already safe to insert as is (escaped text, sanitized record HTML, our markup)."""


def _finalize_markdown(value: Any) -> Markup:
    """Escape every value printed into a Markdown template unless a filter made it safe.

    The Markdown environment also autoescapes, so macro output stays safe (Markup) and any
    plain string that reaches the output without this finalizer is HTML-escaped at least.
    """
    if isinstance(value, Markup):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Markup(str(value))
    return Markup(escape_markdown(value))


def _filters() -> dict[str, Any]:
    return {
        "md": lambda text: Md(escape_markdown(text)),
        # Record Markdown: rendered and sanitized by us, written so no Markdown engine reads it.
        "md_notes": lambda text: Md(record_html(str(text))),
        "md_inline": lambda text: Md(record_html_inline(str(text))),
        "md_url": lambda url: Md(markdown_url(url)),
        "md_indent": lambda text, spaces=4: Md(indent_markdown(_finalize_markdown(text), spaces)),
        "md_fence": fenced_code,
        "href": relative_href,
        "built_href": built_href,
        # Record Markdown inside HTML we write ourselves (leaderboard tables): no engine reads it.
        "html_inline": lambda text: Md(
            f'<span class="{WRAPPER_CLASS}">{sanitized_inline_html(str(text))}</span>'),
        "plural": plural,
        # Pages written as HTML (render/pre_rendered.py): an href value, a heading's id.
        "http_url": markdown_url,
        "heading_id": heading_id,
    }


def heading_id(text: str) -> str:
    """The id Python-Markdown's `toc` extension gives a heading with this text."""
    return slugify(str(text), "-") or "title"


def fenced_code(text: str, language: str = "") -> Md:
    """A fenced code block longer than any backtick run in `text`, so nothing escapes it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Md(f"{fence} {language}\n{text}\n{fence}")


def relative_href(target: str, here: str) -> Md:
    """Link from page `here` to `target` (both paths under the docs folder)."""
    return Md("../" * here.count("/") + target)


def plural(count: int, noun: str, nouns: str | None = None) -> Md:
    """'1 paper', '3 papers'."""
    return Md(escape_markdown(f"{count} {noun if count == 1 else (nouns or noun + 's')}"))


def has_override(override_root: Path | None, template_name: str) -> bool:
    """True when the project at `override_root` has its own copy of a template."""
    return override_root is not None and (override_root / OVERRIDES_DIR / template_name).is_file()


def _loader(override_root: Path | None) -> ChoiceLoader:
    loaders: list[Any] = []
    if override_root is not None and (override_root / OVERRIDES_DIR).is_dir():
        loaders.append(FileSystemLoader(override_root / OVERRIDES_DIR))
    loaders.append(PackageLoader("generator", "templates"))
    return ChoiceLoader(loaders)


@cache
def markdown_environment(override_root: Path | None = None) -> Environment:
    """Environment for `*.md.j2` templates: values are Markdown-escaped unless marked safe."""
    return _environment(override_root, finalize=_finalize_markdown)


@cache
def markup_environment(override_root: Path | None = None) -> Environment:
    """Environment for `*.html.j2`, `*.svg.j2` and `*.xml.j2` templates: HTML autoescape."""
    return _environment(override_root)


def _environment(override_root: Path | None, **options: Any) -> Environment:
    environment = Environment(
        loader=_loader(override_root), undefined=StrictUndefined, autoescape=True,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, **options,
    )
    environment.filters.update(_filters())
    return environment


def render(template_name: str, override_root: Path | None = None, **context: Any) -> str:
    """Render a template file by name with the environment its extension calls for."""
    if template_name.endswith(".md.j2"):
        environment = markdown_environment(override_root)
    else:
        environment = markup_environment(override_root)
    return environment.get_template(template_name).render(**context)
