"""Every view of the list that the site and the README share, derived once from the database."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.indexed import Database
from generator.views.catalog import FrameworkView, ResourceKindView, framework_views, resource_kind_views
from generator.views.home import HomeView, home_view
from generator.views.indices import VenueGroupView, YearView, venue_views, year_views
from generator.views.leaderboards import LeaderboardView, leaderboard_views
from generator.views.papers import PaperRefView, paper_refs
from generator.views.topics import ProgressView, SectionView, overall_progress, section_views


@dataclass(frozen=True)
class ListViews:
    """What the site's pages and the README's list show, computed once per build."""

    refs: dict[str, PaperRefView]
    boards: list[LeaderboardView]
    sections: list[SectionView]
    frameworks: list[FrameworkView]
    years: list[YearView]
    venues: list[VenueGroupView]
    progress: ProgressView
    kinds: list[ResourceKindView]
    home: HomeView


def list_views(database: Database) -> ListViews:
    """Derive every shared view of `database`."""
    refs = paper_refs(database)
    boards = leaderboard_views(database, refs)
    return ListViews(
        refs=refs,
        boards=boards,
        sections=section_views(database, refs),
        frameworks=framework_views(database, refs),
        years=year_views(database, refs),
        venues=venue_views(database, refs),
        progress=overall_progress(database),
        kinds=resource_kind_views(database),
        home=home_view(database, refs, boards),
    )
