"""Authors as readers look them up: a section per person on the page of their surname's
initial (split into parts when long), names normalised across records."""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.views import paths
from generator.views.papers import PaperRefView, newest_first
from generator.views.parts import Part, split


@dataclass(frozen=True)
class AuthorView:
    name: str
    """The spelling most records use."""
    slug: str
    """Anchor of the person's section on their page, unique over the list."""
    page: str
    """The page of their initial (or its part) that holds their section."""
    papers: tuple[PaperRefView, ...]
    """Newest first."""

    @property
    def target(self) -> str:
        """Where a link to the person leads: `authors/a.md#ann-author`."""
        return f"{self.page}#{self.slug}"


@dataclass(frozen=True)
class AuthorPageView:
    """One page of authors: those whose surname starts with `initial`, or a part of them."""

    initial: str
    part: Part[AuthorView]


def normalised_name(name: str) -> str:
    """One spelling per way of writing a name: Unicode NFC, single spaces, no outer space."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def author_key(name: str) -> str:
    """What two spellings of one person share: the normalised name, case-folded."""
    return normalised_name(name).casefold()


def author_pages(database: Database, refs: dict[str, PaperRefView],
                 part_entries: int) -> list[AuthorPageView]:
    """Every author with their papers, on the page of their surname's initial, by surname;
    a page holds at most `part_entries` papers (a prolific author fills one alone) and goes
    on at `authors/<initial>/part-2.md`. Same-slug names get '-2', '-3' suffixes."""
    papers: dict[str, list[PaperRefView]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for paper in database.papers.values():
        for name in dict.fromkeys(author_key(author) for author in paper.authors if author.strip()):
            papers[name].append(refs[paper.id])
        for author in paper.authors:
            if author.strip():
                spellings[author_key(author)][normalised_name(author)] += 1
    by_initial: dict[str, list[tuple[str, str]]] = defaultdict(list)
    used: Counter[str] = Counter()
    for key in sorted(papers, key=lambda key: (_surname_first(key), key)):
        name = spellings[key].most_common(1)[0][0]
        slug = paths.ascii_slug(name)
        used[slug] += 1
        if used[slug] > 1:
            slug = f"{slug}-{used[slug]}"
        by_initial[paths.ascii_slug(_surname_first(key))[:1]].append((key, slug))
    pages: list[AuthorPageView] = []
    for initial in sorted(by_initial):
        people = [(key, slug, len(papers[key])) for key, slug in by_initial[initial]]
        for part in split(paths.author_page(initial), people, part_entries, lambda item: item[2]):
            views = tuple(
                AuthorView(spellings[key].most_common(1)[0][0], slug, part.page,
                           tuple(newest_first(papers[key])))
                for key, slug, _ in part.items)
            pages.append(AuthorPageView(initial.upper(), Part(part.pager, views)))
    return pages


def all_authors(pages: list[AuthorPageView]) -> list[AuthorView]:
    """Every author, in the order of their pages."""
    return [author for page in pages for author in page.part.items]


def author_targets_by_key(authors: list[AuthorView]) -> dict[str, str]:
    """Where a link to each author leads (`page#anchor`) by `author_key`, for paper pages."""
    return {author_key(author.name): author.target for author in authors}


def _surname_first(key: str) -> str:
    parts = key.split(" ")
    return " ".join([parts[-1], *parts[:-1]])
