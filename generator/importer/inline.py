"""Inline Markdown of one entry: links, images, emphasis, `<sub>` venue marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.text.urls import find_bare_urls

# A link label may itself be bracketed, as in "[[part 1]](url)"; a target may hold balanced
# parentheses, as in "(https://en.wikipedia.org/wiki/CRF_(disambiguation))" (CommonMark).
LINK = re.compile(
    r"(?<!!)\[((?:\[[^\[\]]*\]|[^\[\]])*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+\"[^\"]*\")?\s*\)"
)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
SUB = re.compile(r"<sub>(.*?)</sub>", re.IGNORECASE)
# Each pattern stops at the next marker, so that text full of markers stays linear (no ReDoS).
_BOLD = re.compile(r"\*\*((?:[^*]|\*(?!\*))+?)\*\*|__((?:[^_]|_(?!_))+?)__")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*]+?)(?<!\s)\*(?!\*)")


@dataclass(frozen=True)
class Link:
    """A Markdown link: its label as written and its target."""

    label: str
    url: str
    start: int
    end: int

    @property
    def plain_label(self) -> str:
        """Label without surrounding brackets, emphasis and badge images, e.g. 'part 1' for
        '[part 1]', '' for '[![Stars](https://img.shields.io/...)]'."""
        return strip_emphasis(IMAGE.sub("", self.label).strip().strip("[]").strip())

    @property
    def images(self) -> list[str]:
        """Images (badges) inside the label, as written."""
        return IMAGE.findall(self.label)


def find_links(text: str) -> list[Link]:
    """Every link of `text` in order (images excluded)."""
    return [Link(m.group(1), m.group(2), m.start(), m.end()) for m in LINK.finditer(text)]


def find_all_links(text: str) -> list[Link]:
    """Markdown links and bare URLs (also '[https://...]' and '<https://...>'), in order.

    A bare URL becomes a link whose label is empty.
    """
    links = find_links(text)
    taken = [(link.start, link.end) for link in links]
    for url_start, url_end, url in find_bare_urls(text):
        if not any(start <= url_start < end for start, end in taken):
            links.append(Link("", url, url_start, url_end))
    return sorted(links, key=lambda link: link.start)


def strip_emphasis(text: str) -> str:
    """Drop `**bold**`, `__bold__` and `*italic*` markers, keeping their words."""
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return _ITALIC.sub(lambda m: m.group(1), text)


def links_to_labels(text: str) -> str:
    """Replace each link by its label, as a reader sees the line."""
    return LINK.sub(lambda m: m.group(1), text)


def is_image_only(text: str) -> bool:
    """True for a line made only of images or linked images (badges, logos)."""
    rest = re.sub(r"\[\s*!\[[^\]]*\]\([^)]*\)\s*\]\([^)]*\)", "", text)
    rest = IMAGE.sub("", rest)
    return not rest.strip() and text.strip() != ""


def only_anchor_links(text: str) -> bool:
    """True when `text` is one link to an anchor of the same page (a table-of-contents item)."""
    links = find_links(text)
    return (
        len(links) == 1
        and links[0].url.startswith("#")
        and not text[: links[0].start].strip()
        and not text[links[0].end :].strip()
    )


def squeeze(text: str) -> str:
    """Collapse runs of spaces and trim; Markdown hard-break spaces at the end go too."""
    return re.sub(r"[ \t]{2,}", " ", text).strip()
