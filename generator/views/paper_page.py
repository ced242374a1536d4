"""What a paper's own page needs: metadata, links, topics, tags, results, notes, BibTeX."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.database.assemble import Database
from generator.models import Paper
from generator.models.listconfig import Venue
from generator.render.bibtex import bibtex_entry
from generator.views import paths
from generator.views.authors import author_key, normalised_name
from generator.views.catalog import ImplementationView
from generator.views.leaderboards import LeaderboardRowView, LeaderboardView
from generator.views.listings import PAPERS_CRUMB
from generator.views.papers import LinkView, PaperRefView, newest_first

ARXIV_PDF = "https://arxiv.org/pdf/"
DESCRIPTION_AUTHORS = 3
"""Authors named in a paper page's meta description before 'et al.'."""


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
    tag_links: tuple[LinkView, ...]
    """Tag titles with their pages."""
    author_links: tuple[LinkView, ...]
    """Authors with their pages."""
    trail: tuple[LinkView, ...]
    """Breadcrumb: the papers page, the first topic's section, the first topic."""
    previous: PaperRefView | None
    """The paper before this one in its first topic (newest first)."""
    next: PaperRefView | None
    first_topic: str | None
    """Title of the topic `previous` and `next` walk through."""
    citation: tuple[tuple[str, str], ...]
    """Highwire Press `<meta>` tags (name, content) read by Zotero and Google Scholar."""
    description: str
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
    author_pages: dict[str, str] | None = None,
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
    context = _Context(database, refs, author_pages)
    return [
        _paper_page(paper, refs[paper.id], context, results[paper.id], code_bases[paper.id])
        for paper in database.papers.values()
    ]


class _Context:
    """Vocabulary lookups shared by every paper page."""

    def __init__(
        self, database: Database, refs: dict[str, PaperRefView], author_pages: dict[str, str] | None,
    ) -> None:
        self.venues = database.venues()
        self.topics = database.topics()
        self.tag_titles = {tag.id: tag.title for g in database.config.tag_groups for tag in g.tags}
        self.section_of = {
            topic.id: section for section in database.config.sections for topic in section.topics}
        self.author_pages = author_pages or {}
        self.topic_papers: dict[str, list[str]] = {
            topic_id: [ref.id for ref in newest_first(
                [refs[paper.id] for paper in database.papers_in_topic(topic_id)])]
            for topic_id in self.topics
        }
        self.refs = refs

    def neighbours(self, paper: Paper) -> tuple[PaperRefView | None, PaperRefView | None]:
        """The papers before and after `paper` in its first topic."""
        order = self.topic_papers.get(paper.topics[0], [])
        if paper.id not in order:
            return None, None
        index = order.index(paper.id)
        before = self.refs[order[index - 1]] if index > 0 else None
        after = self.refs[order[index + 1]] if index + 1 < len(order) else None
        return before, after

    def trail(self, paper: Paper) -> tuple[LinkView, ...]:
        topic = self.topics.get(paper.topics[0])
        if topic is None:
            return (PAPERS_CRUMB,)
        section = self.section_of[topic.id]
        return (PAPERS_CRUMB, LinkView(section.title, f"{paths.TOPICS}#{section.id}"),
                LinkView(topic.title, paths.topic_page(topic.id)))


def _paper_page(
    paper: Paper, ref: PaperRefView, context: _Context,
    results: list[PaperResultView], implementations: list[ImplementationView],
) -> PaperPageView:
    venue = context.venues.get(paper.venue) if paper.venue else None
    previous, following = context.neighbours(paper)
    first_topic = context.topics.get(paper.topics[0])
    return PaperPageView(
        ref=ref,
        authors=tuple(paper.authors),
        venue_name=(venue.name or venue.id) if venue else None,
        kind=paper.kind,
        topics=tuple(
            LinkView(context.topics[topic_id].title, paths.topic_page(topic_id))
            for topic_id in paper.topics if topic_id in context.topics
        ),
        tags=tuple(context.tag_titles.get(tag, tag) for tag in paper.tags),
        tag_links=tuple(
            LinkView(context.tag_titles[tag], paths.tag_page(tag))
            for tag in paper.tags if tag in context.tag_titles),
        author_links=tuple(
            LinkView(normalised_name(author), context.author_pages.get(author_key(author), ""))
            for author in paper.authors),
        trail=context.trail(paper),
        previous=previous,
        next=following,
        first_topic=first_topic.title if first_topic else None,
        citation=citation_meta(paper, venue),
        description=page_description(paper, ref),
        results=tuple(results),
        implementations=tuple(implementations),
        abstract=paper.abstract,
        citations=paper.citations,
        bibtex=bibtex_entry(paper, context.venues),
    )


def citation_meta(paper: Paper, venue: Venue | None) -> tuple[tuple[str, str], ...]:
    """Highwire Press tags of a paper: what reference managers and Google Scholar read."""
    tags: list[tuple[str, str]] = [("citation_title", paper.title)]
    tags += [("citation_author", normalised_name(author)) for author in paper.authors]
    if paper.year:
        tags.append(("citation_publication_date", str(paper.year)))
    if venue is not None and venue.kind == "journal":
        tags.append(("citation_journal_title", venue.name or venue.id))
    elif venue is not None and venue.kind in ("conference", "workshop"):
        tags.append(("citation_conference_title", venue.name or venue.id))
    if paper.links.doi:
        tags.append(("citation_doi", paper.links.doi))
    pdf = _pdf_url(paper)
    if pdf:
        tags.append(("citation_pdf_url", pdf))
    if paper.links.arxiv:
        tags.append(("citation_arxiv_id", paper.links.arxiv))
    return tuple(tags)


def _pdf_url(paper: Paper) -> str | None:
    url = paper.links.url
    if url and url.lower().split("?")[0].endswith(".pdf"):
        return url
    return ARXIV_PDF + paper.links.arxiv if paper.links.arxiv else None


def page_description(paper: Paper, ref: PaperRefView) -> str:
    """One line for search engines: title, venue and year, first authors."""
    authors = [normalised_name(author) for author in paper.authors[:DESCRIPTION_AUTHORS]]
    if len(paper.authors) > DESCRIPTION_AUTHORS:
        authors.append("et al.")
    parts = [paper.title, ref.venue_year, ", ".join(authors)]
    return " · ".join(part for part in parts if part)
