"""A Markdown extension that sets record HTML aside before the site's Markdown engine reads
the page, so attribute lists, HTML-in-Markdown or tables never see a record's text.

Each `<div class="curate-md">...</div>` or `<span class="curate-md">...</span>` that
`record_html` wrote is sanitized again (so text that only imitates one is as safe as the
real thing) and stored whole in Python-Markdown's HTML stash; the page keeps a placeholder
that no later step can read into.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown  # type: ignore[import-untyped]
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

from generator.render.record_html import WRAPPER_CLASS, sanitize

_FRAGMENT = re.compile(
    rf'<div class="{WRAPPER_CLASS}">.*?</div>|<span class="{WRAPPER_CLASS}">.*?</span>')


class _RecordHtmlPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return [_FRAGMENT.sub(self._stash, line) if WRAPPER_CLASS in line else line
                for line in lines]

    def _stash(self, match: re.Match[str]) -> str:
        return str(self.md.htmlStash.store(sanitize(match.group(0))))


class RecordHtmlExtension(Extension):
    """Record HTML fragments pass through the page's Markdown untouched."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        # After 'normalize_whitespace' (30), which removes any placeholder a page could forge;
        # before fenced code (25) and raw HTML blocks (20).
        md.preprocessors.register(_RecordHtmlPreprocessor(md), "curate_record_html", 27)


def makeExtension(**kwargs: object) -> RecordHtmlExtension:  # noqa: N802 - Markdown's API name
    """Let a `mkdocs.yml` name the extension by its module (the staged build does)."""
    return RecordHtmlExtension(**kwargs)
