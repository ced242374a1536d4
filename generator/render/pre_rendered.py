"""Pages we write as HTML: MkDocs hands them to the theme without a Markdown conversion.

A generated page may be written as front matter, the `MARKER` line, then HTML. The MkDocs
plugin then skips Python-Markdown for it (about half the cost of a paper page) and takes from
the HTML what the conversion would have given: the table of contents, the title and the ids
of anchors. Zensical, which runs Markdown on every page, passes the HTML blocks through.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify, unique  # type: ignore[import-untyped]

MARKER = "<!-- curate:html -->"
"""First line of a page's body that is HTML, not Markdown."""

_HEADING = re.compile(
    r'<h([1-6]) id="([^"]+)"[^>]*>((?:(?!</h[1-6]>).)*?<a class="headerlink"[^>]*>.*?</a>)</h\1>', re.DOTALL)
"""A heading in the table of contents: one we wrote with its permalink, as Python-Markdown's
`toc` lists only the headings it wrote itself (not those of raw HTML, such as a reading panel)."""
_AUTO_HEADING = re.compile(r"<h([1-6]) data-curate-id([^>]*)>(.*?)</h\1>", re.DOTALL)
"""A heading whose id is derived from its text (`auto_heading` in site/_page.html.j2)."""
_HEADING_TAG = re.compile(r"<h[1-6]\b[^>]*>")
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]*>")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


def is_pre_rendered(markdown: str) -> bool:
    """True when a page's body (front matter removed) is our HTML."""
    return markdown.lstrip().startswith(MARKER)


def html_of(markdown: str) -> str:
    """The HTML of a pre-rendered page's body."""
    return markdown.lstrip().removeprefix(MARKER).lstrip()


@dataclass
class Heading:
    """A heading of the page, as the table of contents lists it."""

    level: int
    id: str
    name: str
    """The heading's text as HTML (entities kept, tags and permalink removed)."""
    children: list[Heading] = field(default_factory=list)

    def toc_token(self) -> dict[str, object]:
        """The heading as Python-Markdown's `toc` extension describes it to MkDocs."""
        return {"level": self.level, "id": self.id, "name": self.name, "html": self.name,
                "data-toc-label": "", "children": [child.toc_token() for child in self.children]}


def outline(page_html: str) -> list[Heading]:
    """The page's headings with an id, nested by level (a heading holds the deeper ones after it)."""
    roots: list[Heading] = []
    open_headings: list[Heading] = []
    for match in _HEADING.finditer(page_html):
        heading = Heading(int(match.group(1)), match.group(2), heading_text(match.group(3)))
        while open_headings and open_headings[-1].level >= heading.level:
            open_headings.pop()
        (open_headings[-1].children if open_headings else roots).append(heading)
        open_headings.append(heading)
    return roots


def with_heading_ids(page_html: str) -> str:
    """`page_html` with an id and a permalink on each heading written `<hN data-curate-id>`: the
    id Python-Markdown's `toc` would give it, its text slugified and made unique among the
    page's ids (`_1`, `_2`... in document order)."""
    if "data-curate-id" not in page_html:
        return page_html
    used_ids = set(_ID.findall(page_html))
    counters: dict[str, int] = {}

    def with_id(match: re.Match[str]) -> str:
        level, attributes, inner = match.groups()
        heading_id = unique(slugify(html.unescape(heading_text(inner)), "-"), used_ids, counters)
        return (f'<h{level} id="{heading_id}"{attributes}>{inner}<a class="headerlink" '
                f'href="#{heading_id}" title="Permanent link">&para;</a></h{level}>')

    return _AUTO_HEADING.sub(with_id, page_html)


def searched_part(page_html: str) -> str | None:
    """The beginning of the page that holds everything a search index takes from it, or None
    for the whole page. Material's search indexes a section per heading with an id and leaves
    out a section whose heading is `data-search-exclude`: the page is cut at the first such
    heading that no searched heading follows (paper pages index their head, not their results,
    notes or BibTeX)."""
    cut = None
    for match in _HEADING_TAG.finditer(page_html):
        tag = match.group()
        if " data-search-exclude" in tag:
            cut = match.start() if cut is None else cut
        elif ' id="' in tag:
            cut = None
    return None if cut is None else page_html[:cut]


def heading_text(inner_html: str) -> str:
    """A heading's text as MkDocs takes it: tags and the permalink removed, entities kept."""
    return " ".join(_TAG.sub("", _PERMALINK.sub("", inner_html)).split())


def page_title(page_html: str) -> str | None:
    """The text of the page's first heading when it is an `<h1>`, as MkDocs names a page."""
    first = _HEADING.search(page_html)
    return heading_text(first.group(3)) if first and first.group(1) == "1" else None


def anchor_ids(page_html: str) -> set[str]:
    """Every `id` of the page, which links may point at."""
    return {html.unescape(value) for value in _ID.findall(page_html)}
