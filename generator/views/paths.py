"""Where every generated page and file lives in the site, as paths under the docs folder."""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata

HOME = "index.md"
LEADERBOARDS = "leaderboards/index.md"
YEARS = "years.md"
VENUES = "venues.md"
TOPICS = "topics.md"
CHECKLIST = "checklist.md"
IMPLEMENTATIONS = "implementations.md"
RESOURCES = "resources.md"
TAGS = "tags.md"
PAPERS = "papers.md"
"""Every paper in one list, narrowed down on the client by facets."""
AUTHORS = "authors.md"
PAPERS_ROWS = "assets/curate/papers-rows.js"
"""Every row of the papers page as data, loaded when the reader filters or asks for more."""
PAPERS_DATA = "assets/curate/papers-data.js"
"""Title and BibTeX of every paper as a script, for exports made in the browser."""
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


def leaderboard_rows_script(leaderboard_id: str) -> str:
    """What a long leaderboard's page leaves out (rows, charts of other filter settings), as a
    script its page loads on demand, e.g. `assets/curate/leaderboards/pascal-voc2012.js`."""
    return f"{ASSETS_DIR}/leaderboards/{leaderboard_id}.js"


def topic_page(topic_id: str) -> str:
    """Page of one topic, e.g. `topics/affinity.md`."""
    return f"topics/{topic_id}.md"


def tag_page(tag_id: str) -> str:
    """Page of one tag, e.g. `tags/image-level.md`."""
    return f"tags/{tag_id}.md"


def author_page(initial: str) -> str:
    """Page of the authors whose surname starts with `initial`, e.g. `authors/a.md`."""
    return f"authors/{initial}.md"


_LATIN_LETTERS = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Đ": "D", "đ": "d", "Æ": "AE", "æ": "ae",
    "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "ı": "i",
})
"""Latin letters that Unicode does not decompose into a base letter and an accent."""


def ascii_slug(text: str) -> str:
    """A page name for a person: 'José Álvarez' -> 'jose-alvarez', '王伟' -> '王伟'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_LETTERS))
    ascii_only = re.sub(r"[^a-z0-9]+", "-", "".join(
        char for char in decomposed if not unicodedata.combining(char)).lower()).strip("-")
    # Names in scripts without Latin letters keep their own letters: '王伟' -> '王伟', not 'x'.
    return ascii_only or re.sub(r"[\W_]+", "-", text.casefold()).strip("-") or "x"


def page_url(src: str, directory_urls: bool) -> str:
    """URL of a page from the site root as MkDocs writes it: `a/b.md` -> `a/b.html` or `a/b/`."""
    if not src.endswith(".md"):
        return src
    stem = src[: -len(".md")]
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def site_url(target: str, directory_urls: bool) -> str:
    """URL of a page (with an optional `#anchor`) from the site root, for theme templates."""
    path, hash_sign, anchor = target.partition("#")
    return page_url(path, directory_urls) + hash_sign + anchor


def url_from(here: str, target: str, directory_urls: bool) -> str:
    """Relative URL from page `here` to page or file `target` (both paths under the docs folder),
    for raw HTML, whose links MkDocs does not rewrite; an `#anchor` of `target` is kept."""
    target, hash_sign, anchor = target.partition("#")
    here_url = page_url(here, directory_urls)
    here_dir = here_url.rstrip("/") if here_url.endswith("/") else posixpath.dirname(here_url)
    return _url_from_folder(here_dir, target, directory_urls) + hash_sign + anchor


@functools.lru_cache(maxsize=1 << 16)  # the pages of one folder link to the same parts of a list
def _url_from_folder(here_dir: str, target: str, directory_urls: bool) -> str:
    target_url = page_url(target, directory_urls)
    relative = relative_path(target_url.rstrip("/"), here_dir)
    if target_url.endswith("/") or not target_url:
        relative += "/"
    return relative


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for the site's own paths (relative, normalized, '' or
    '.' for the root) without asking the file system for the working folder: list pages link
    hundreds of thousands of times at 10,000 papers."""
    start_parts = [] if start in ("", ".") else start.split("/")
    path_parts = [] if path in ("", ".") else path.split("/")
    common = 0
    for start_part, path_part in zip(start_parts, path_parts, strict=False):
        if start_part != path_part:
            break
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


def topic_anchor(topic_id: str) -> str:
    """Where a link to a topic leads: its own page (the name is from when topics were anchors)."""
    return topic_page(topic_id)


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
