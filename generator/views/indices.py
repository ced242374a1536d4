"""Papers by year (newest first, grouped by venue) and by venue."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.views import paths
from generator.views.papers import PaperRefView, newest_first


@dataclass(frozen=True)
class VenueGroupView:
    venue: str | None
    """Venue id, None for papers without one."""
    name: str
    """Full name when the list gives one."""
    anchor: str
    papers: tuple[PaperRefView, ...]


@dataclass(frozen=True)
class YearView:
    year: int | None
    anchor: str
    count: int
    venues: tuple[VenueGroupView, ...]

    @property
    def heading(self) -> str:
        return str(self.year) if self.year else "Year unknown"


def year_views(database: Database, refs: dict[str, PaperRefView]) -> list[YearView]:
    """Every year with papers, newest first; undated papers last."""
    by_year: dict[int | None, list[PaperRefView]] = defaultdict(list)
    for ref in refs.values():
        by_year[ref.year].append(ref)
    order = sorted(by_year, key=lambda year: -(year or 0))
    return [
        YearView(year, paths.year_anchor(year), len(by_year[year]),
                 tuple(_venue_groups(database, by_year[year], sort=_by_title)))
        for year in order
    ]


def venue_views(database: Database, refs: dict[str, PaperRefView]) -> list[VenueGroupView]:
    """Every venue with papers, in the list's venue order, papers newest first."""
    return _venue_groups(database, list(refs.values()), sort=newest_first)


def _by_title(papers: list[PaperRefView]) -> list[PaperRefView]:
    return sorted(papers, key=lambda paper: paper.title.lower())


def _venue_groups(database: Database, papers: list[PaperRefView], sort) -> list[VenueGroupView]:
    venues = database.venues()
    order = {venue_id: position for position, venue_id in enumerate(venues)}
    by_venue: dict[str | None, list[PaperRefView]] = defaultdict(list)
    for paper in papers:
        by_venue[paper.venue].append(paper)
    ordered = sorted(by_venue, key=lambda venue: (venue is None, order.get(venue or "", 0)))
    return [
        VenueGroupView(
            venue=venue,
            name=(venues[venue].name or venue) if venue in venues else (venue or "Venue unknown"),
            anchor=paths.venue_anchor(venue),
            papers=tuple(sort(by_venue[venue])),
        )
        for venue in ordered
    ]
