"""Long lists split into parts of a bounded size: part 1 at the list's own page, part n at
`<page stem>/part-n.md`, each with a pager to the others."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


def part_page(page: str, number: int) -> str:
    """Path of part `number` of `page`: `years.md` -> `years.md`, `years/part-2.md`, ..."""
    return page if number == 1 else f"{page.removesuffix('.md')}/part-{number}.md"


@dataclass(frozen=True)
class PagerView:
    """Where one part sits among the parts of its list."""

    number: int
    """This part, from 1."""
    pages: tuple[str, ...]
    """Path of every part, part 1 first."""

    @property
    def page(self) -> str:
        return self.pages[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.pages)

    @property
    def previous(self) -> str | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.pages[self.number] if self.number < self.count else None


@dataclass(frozen=True)
class Part(Generic[T]):
    """The entries of one part of a list page."""

    pager: PagerView
    items: tuple[T, ...]

    @property
    def page(self) -> str:
        return self.pager.page


def split(page: str, items: Sequence[T], size: int,
          weight: Callable[[T], int] = lambda item: 1) -> list[Part[T]]:
    """`items` in order, cut into parts of at most `size` weight (an item heavier than `size`
    fills a part alone); an empty list is one empty part."""
    chunks: list[list[T]] = [[]]
    load = 0
    for item in items:
        if chunks[-1] and load + weight(item) > size:
            chunks.append([])
            load = 0
        chunks[-1].append(item)
        load += weight(item)
    pages = tuple(part_page(page, number) for number in range(1, len(chunks) + 1))
    return [Part(PagerView(number, pages), tuple(chunk))
            for number, chunk in enumerate(chunks, start=1)]


def runs(entries: Iterable[tuple[K, V]], key: Callable[[K], Hashable] = lambda k: k,
         ) -> list[tuple[K, tuple[V, ...]]]:
    """Consecutive entries with the same key, grouped: [(k, (v1, v2)), (k2, (v3,))]."""
    grouped: list[tuple[K, list[V]]] = []
    for group, value in entries:
        if grouped and key(grouped[-1][0]) == key(group):
            grouped[-1][1].append(value)
        else:
            grouped.append((group, [value]))
    return [(group, tuple(values)) for group, values in grouped]


def anchor_pages(parts: Iterable[Part[T]], anchors: Callable[[T], Iterable[str]]) -> dict[str, str]:
    """`page#anchor` of the first part holding each anchor, for links into a split list."""
    found: dict[str, str] = {}
    for part in parts:
        for item in part.items:
            for anchor in anchors(item):
                found.setdefault(anchor, f"{part.page}#{anchor}")
    return found


@dataclass(frozen=True)
class GroupedPartView(Generic[K, V]):
    """One part of a list whose entries sit under headings: consecutive entries with the same
    heading key form one group, so a group cut by the part boundary goes on in the next part."""

    pager: PagerView
    groups: tuple[tuple[K, tuple[V, ...]], ...]

    @property
    def page(self) -> str:
        return self.pager.page

    @property
    def entries(self) -> tuple[V, ...]:
        return tuple(value for _, values in self.groups for value in values)


def grouped_parts(page: str, entries: Sequence[tuple[K, V]], size: int,
                  key: Callable[[K], Hashable]) -> list[GroupedPartView[K, V]]:
    """`entries` ((heading, entry) pairs, in page order) split into parts of at most `size`
    entries, each part's entries grouped under their headings."""
    return [GroupedPartView(part.pager, tuple(runs(part.items, key)))
            for part in split(page, entries, size)]
