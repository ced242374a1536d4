"""What a paper's own page needs: metadata, links, topics, tags, results, notes, BibTeX."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.models import Paper
from generator.render.bibtex import bibtex_entry
from generator.views import paths
from generator.views.catalog import ImplementationView
from generator.views.leaderboards import LeaderboardRowView, LeaderboardView
from generator.views.papers import LinkView, PaperRefView


@dataclass(frozen=True)
class PaperResultView:
    """A leaderboard row held by the paper, with its leaderboard."""

    leaderboard: LeaderboardView
    row: LeaderboardRowView


@dataclass(frozen=True)
class PaperPageView:
    ref: PaperRefView
    authors: tuple[str, ...]
    venue_name: str | None
    kind: str
    topics: tuple[LinkView, ...]
    """Topic titles with their link targets on the topics page."""
    tags: tuple[str, ...]
    """Tag titles, for Material's tags plugin."""
    results: tuple[PaperResultView, ...]
    implementations: tuple[ImplementationView, ...]
    abstract: str | None
    citations: int | None
    bibtex: str


def paper_page_views(
    database: Database,
    refs: dict[str, PaperRefView],
    leaderboards: list[LeaderboardView],
    implementations: list[ImplementationView],
) -> list[PaperPageView]:
    """The page view of every paper, in id order."""
    results: dict[str, list[PaperResultView]] = defaultdict(list)
    for board in leaderboards:
        for row in board.rows:
            results[row.paper.id].append(PaperResultView(board, row))
    code_bases: dict[str, list[ImplementationView]] = defaultdict(list)
    for item in implementations:
        if item.paper is not None:
            code_bases[item.paper.id].append(item)
    context = _Context(database)
    return [
        _paper_page(paper, refs[paper.id], context, results[paper.id], code_bases[paper.id])
        for paper in database.papers.values()
    ]


class _Context:
    """Vocabulary lookups shared by every paper page."""

    def __init__(self, database: Database) -> None:
        self.venues = database.venues()
        self.topics = database.topics()
        self.tag_titles = {tag.id: tag.title for g in database.config.tag_groups for tag in g.tags}


def _paper_page(
    paper: Paper, ref: PaperRefView, context: _Context,
    results: list[PaperResultView], implementations: list[ImplementationView],
) -> PaperPageView:
    venue = context.venues.get(paper.venue) if paper.venue else None
    return PaperPageView(
        ref=ref,
        authors=tuple(paper.authors),
        venue_name=(venue.name or venue.id) if venue else None,
        kind=paper.kind,
        topics=tuple(
            LinkView(context.topics[topic_id].title, paths.topic_anchor(topic_id))
            for topic_id in paper.topics if topic_id in context.topics
        ),
        tags=tuple(context.tag_titles.get(tag, tag) for tag in paper.tags),
        results=tuple(results),
        implementations=tuple(implementations),
        abstract=paper.abstract,
        citations=paper.citations,
        bibtex=bibtex_entry(paper, context.venues),
    )
