"""The home page: what the list covers, its counts, the latest additions, every index."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.assemble import Database
from generator.views import paths
from generator.views.leaderboards import LeaderboardView
from generator.views.papers import PaperRefView

LATEST_COUNT = 10


@dataclass(frozen=True)
class CountView:
    count: int
    noun: str
    """Singular; the view says 'papers' for any count but one."""
    page: str

    @property
    def label(self) -> str:
        return self.noun if self.count == 1 or self.noun == "read" else f"{self.noun}s"


@dataclass(frozen=True)
class IndexLinkView:
    title: str
    page: str
    blurb: str


@dataclass(frozen=True)
class HomeView:
    title: str
    description: str
    counts: tuple[CountView, ...]
    latest: tuple[PaperRefView, ...]
    leaderboards: tuple[LeaderboardView, ...]
    indices: tuple[IndexLinkView, ...]
    exports: tuple[IndexLinkView, ...]
    repo_url: str | None


INDEX_PAGES = (
    ("Leaderboards", paths.LEADERBOARDS, "tables of results, sortable, with the state of the art"),
    ("All papers", paths.PAPERS, "one list, narrowed down by tag, year, venue, code and status"),
    ("Papers by year", paths.YEARS, "newest first, grouped by venue"),
    ("Papers by venue", paths.VENUES, "conferences, journals and preprints"),
    ("Topics", paths.TOPICS, "the taxonomy, section by section"),
    ("Reading checklist", paths.CHECKLIST, "what is read and what is left, per topic"),
    ("Implementations", paths.IMPLEMENTATIONS, "code bases, grouped by framework"),
    ("Resources", paths.RESOURCES, "related lists, tutorials and talks"),
    ("Tags", paths.TAGS, "papers by the tags they carry"),
    ("Authors", paths.AUTHORS, "papers by the people who wrote them"),
)
EXPORTS = (
    ("papers.json", paths.JSON_EXPORT, "the whole database as one JSON document"),
    ("papers.bib", paths.BIBTEX_EXPORT, "BibTeX of every paper, keyed by paper id"),
    ("Atom feed", paths.FEED, "papers as they are added"),
)


def latest_papers(refs: dict[str, PaperRefView], count: int) -> list[PaperRefView]:
    """The `count` most recently added papers, newest addition first."""
    ordered = sorted(refs.values(), key=lambda ref: (ref.added, ref.year or 0, ref.id), reverse=True)
    return ordered[:count]


def home_view(
    database: Database, refs: dict[str, PaperRefView], leaderboards: list[LeaderboardView]
) -> HomeView:
    papers = database.papers.values()
    return HomeView(
        title=database.config.title,
        description=database.config.description,
        counts=(
            CountView(len(database.papers), "paper", paths.PAPERS),
            CountView(sum(1 for paper in papers if paper.status == "read"), "read",
                      paths.CHECKLIST),
            CountView(len(database.leaderboards), "leaderboard", paths.LEADERBOARDS),
            CountView(len(database.implementations), "implementation", paths.IMPLEMENTATIONS),
        ),
        latest=tuple(latest_papers(refs, LATEST_COUNT)),
        leaderboards=tuple(leaderboards),
        indices=tuple(IndexLinkView(*entry) for entry in INDEX_PAGES),
        exports=tuple(IndexLinkView(*entry) for entry in EXPORTS),
        repo_url=database.config.repo_url,
    )
