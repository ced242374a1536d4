"""Authors as readers look them up: one page per person, names normalised across records."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.views import paths
from generator.views.papers import PaperRefView, newest_first


@dataclass(frozen=True)
class AuthorView:
    name: str
    """The spelling most records use."""
    slug: str
    page: str
    papers: tuple[PaperRefView, ...]
    """Newest first."""


def normalised_name(name: str) -> str:
    """One spelling per way of writing a name: Unicode NFC, single spaces, no outer space."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def author_key(name: str) -> str:
    """What two spellings of one person share: the normalised name, case-folded."""
    return normalised_name(name).casefold()


def author_views(database: Database, refs: dict[str, PaperRefView]) -> list[AuthorView]:
    """Every author with their papers, by name; same-slug names get '-2', '-3' suffixes."""
    papers: dict[str, list[PaperRefView]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for paper in database.papers.values():
        for name in dict.fromkeys(author_key(author) for author in paper.authors if author.strip()):
            papers[name].append(refs[paper.id])
        for author in paper.authors:
            if author.strip():
                spellings[author_key(author)][normalised_name(author)] += 1
    views: list[AuthorView] = []
    used: Counter[str] = Counter()
    for key in sorted(papers, key=lambda key: (_surname_first(key), key)):
        name = spellings[key].most_common(1)[0][0]
        slug = paths.ascii_slug(name)
        used[slug] += 1
        if used[slug] > 1:
            slug = f"{slug}-{used[slug]}"
        views.append(AuthorView(name, slug, paths.author_page(slug), tuple(newest_first(papers[key]))))
    return views


def author_pages_by_key(authors: list[AuthorView]) -> dict[str, str]:
    """Page of each author by `author_key`, for links from paper pages."""
    return {author_key(author.name): author.page for author in authors}


def _surname_first(key: str) -> str:
    parts = key.split(" ")
    return " ".join([parts[-1], *parts[:-1]])
