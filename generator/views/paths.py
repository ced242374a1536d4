"""Where every generated page and file lives in the site, as paths under the docs folder."""

from __future__ import annotations

import re

HOME = "index.md"
LEADERBOARDS = "leaderboards/index.md"
YEARS = "years.md"
VENUES = "venues.md"
TOPICS = "topics.md"
CHECKLIST = "checklist.md"
IMPLEMENTATIONS = "implementations.md"
RESOURCES = "resources.md"
TAGS = "tags.md"
JSON_EXPORT = "papers.json"
BIBTEX_EXPORT = "papers.bib"
FEED = "feed.xml"
ASSETS_DIR = "assets/curate"
WORKER_SHIM = f"{ASSETS_DIR}/vendor/iframe-worker.js"
"""The vendored iframe-worker shim that lets search run from file:// (offline plugin)."""


def paper_page(paper_id: str) -> str:
    """Page of one paper, e.g. `papers/dsrg-cvpr2018.md`."""
    return f"papers/{paper_id}.md"


def leaderboard_page(leaderboard_id: str) -> str:
    """Page of one leaderboard, e.g. `leaderboards/pascal-voc2012.md`."""
    return f"leaderboards/{leaderboard_id}.md"


def topic_anchor(topic_id: str) -> str:
    """Link target of a topic on the topics page."""
    return f"{TOPICS}#{topic_id}"


def slug(text: str) -> str:
    """Lower-case id made of letters, digits and '-', for anchors of free text (venues)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def venue_anchor(venue: str | None) -> str:
    """Anchor id of a venue on the venues and years pages."""
    return f"venue-{slug(venue)}" if venue else "venue-unknown"


def year_anchor(year: int | None) -> str:
    """Anchor id of a year on the years page."""
    return f"year-{year}" if year else "year-unknown"


def built_href(target: str, here: str, directory_urls: bool) -> str:
    """Link from page `here` to page `target` (both `.md` paths under the docs folder) as the
    built site spells it, for raw HTML that MkDocs does not rewrite: `../papers/x.html`, or
    `../../papers/x/` with directory URLs."""
    def built(path: str) -> str:
        stem, _, anchor = path.partition("#")
        stem = stem.removesuffix(".md")
        if directory_urls:
            stem = "" if stem == "index" else stem.removesuffix("/index") + "/"
        else:
            stem += ".html"
        return stem + (f"#{anchor}" if anchor else "")

    here_built = built(here)
    depth = here_built.count("/") if directory_urls else here.count("/")
    return "../" * depth + built(target)
