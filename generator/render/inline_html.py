"""Record Markdown rendered to HTML for the parts of pages written as HTML (leaderboard tables).

CommonMark inline syntax only, raw HTML off: markdown-it-py escapes every `<` and `&` and
refuses javascript:/vbscript:/file: link targets itself; anything but http(s), mailto and
in-page links is then dropped to its text.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_SCHEMES = ("http://", "https://", "mailto:", "#")


@cache
def _inline_renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False})
    default_validate = renderer.validateLink
    renderer.validateLink = lambda url: (  # type: ignore[method-assign]
        default_validate(url) and url.strip().lower().startswith(ALLOWED_SCHEMES))
    return renderer


def inline_html(text: object) -> Markup:
    """One line of record Markdown (emphasis, code, links) as safe HTML."""
    return Markup(_inline_renderer().renderInline(" ".join(str(text).split())))
