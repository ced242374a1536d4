"""Lines of raw HTML in a list: links written as `<a href>` are entries, markup alone is layout.

An HTML table row `<tr><td><a href="u">Title</a></td><td>MICCAI 2015</td></tr>` reads as the
entry `[Title](u), MICCAI 2015`; `<table>`, `<details>`, `<summary>` and pictures without a web
address are layout. Anything else (an image from the web) is reported as skipped, with its URL.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from generator.importer.markdown import Line

_ANCHOR = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a\s*>", re.IGNORECASE)
_CELL_BREAK = re.compile(r"</t[dh]>\s*<t[dh][^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_WEB_URL = re.compile(r"https?://", re.IGNORECASE)


def html_entry(line: Line) -> Line | None:
    """The line as Markdown text when it links to the web with `<a href>`, else None."""
    if not _ANCHOR.search(line.raw):
        return None
    text = _CELL_BREAK.sub(", ", line.raw)
    text = _ANCHOR.sub(lambda m: f"[{_TAG.sub('', m.group(2)).strip()}]({m.group(1)})", text)
    text = html.unescape(_TAG.sub(" ", text))
    text = " ".join(text.split()).strip(" ,")
    if not _WEB_URL.search(text):
        return None
    return replace(line, kind="paragraph", text=text)


def is_html_layout(line: Line) -> bool:
    """Markup with no web address in it: `<table>`, `<details open>`, `<p><img src=logo.png>`."""
    return not _WEB_URL.search(line.raw)
