"""How a paper is shown wherever it is listed: title, venue and year, its links."""

from __future__ import annotations

from dataclasses import dataclass

from generator.database.assemble import Database
from generator.models import Paper
from generator.models.listconfig import Venue
from generator.views import paths

ARXIV_ABS = "https://arxiv.org/abs/"
DOI_RESOLVER = "https://doi.org/"


@dataclass(frozen=True)
class LinkView:
    """A labelled outgoing http(s) link."""

    label: str
    url: str


@dataclass(frozen=True)
class PaperRefView:
    """A paper as an entry of a list or a table row."""

    id: str
    page: str
    """Path of the paper's page under the docs folder."""
    title: str
    short_name: str | None
    label: str
    """Short name when there is one, else the title."""
    venue: str | None
    year: int | None
    venue_year: str
    """E.g. 'CVPR 2018', 'arXiv 2018', or '' when both are unknown."""
    status: str
    preprint: bool
    main_url: str | None
    links: tuple[LinkView, ...]
    """Paper, arXiv, DOI, code and project links, in that order."""
    notes: str | None
    added: str

    @property
    def read(self) -> bool:
        return self.status == "read"


def paper_refs(database: Database) -> dict[str, PaperRefView]:
    """A reference view of every paper, by id."""
    venues = database.venues()
    return {paper.id: paper_ref(paper, venues) for paper in database.papers.values()}


def paper_ref(paper: Paper, venues: dict[str, Venue]) -> PaperRefView:
    venue = venues.get(paper.venue) if paper.venue else None
    return PaperRefView(
        id=paper.id,
        page=paths.paper_page(paper.id),
        title=paper.title,
        short_name=paper.short_name,
        label=paper.short_name or paper.title,
        venue=paper.venue,
        year=paper.year,
        venue_year=venue_year(paper),
        status=paper.status,
        preprint=paper.kind == "preprint" or (venue is not None and venue.kind == "preprint"),
        main_url=main_url(paper),
        links=tuple(paper_links(paper)),
        notes=paper.notes,
        added=paper.added.isoformat(),
    )


def venue_year(paper: Paper) -> str:
    """'CVPR 2018 Workshop', 'arXiv 2018', '2018' or ''."""
    parts = [paper.venue, str(paper.year) if paper.year else None, paper.venue_note]
    return " ".join(part for part in parts if part)


def main_url(paper: Paper) -> str | None:
    """Where a click on the paper's title outside the site should lead."""
    links = paper.links
    if links.url:
        return links.url
    if links.arxiv:
        return ARXIV_ABS + links.arxiv
    if links.doi:
        return DOI_RESOLVER + links.doi
    return links.project or (links.code[0].url if links.code else None)


def paper_links(paper: Paper) -> list[LinkView]:
    """Every outgoing link of a paper, labelled for readers."""
    links = paper.links
    found: list[LinkView] = []
    if links.url:
        found.append(LinkView("paper", links.url))
    if links.arxiv:
        found.append(LinkView("arXiv", ARXIV_ABS + links.arxiv))
    if links.doi:
        found.append(LinkView("DOI", DOI_RESOLVER + links.doi))
    for code in links.code:
        found.append(LinkView(code_label(code.label, code.framework, code.official), code.url))
    if links.project:
        found.append(LinkView("project", links.project))
    found.extend(LinkView(other.label, other.url) for other in links.other)
    return found


def code_label(label: str | None, framework: str | None, official: bool | None) -> str:
    """'code (pytorch)', 'unofficial code (caffe)', or the label the curator wrote."""
    text = label or ("unofficial code" if official is False else "code")
    return f"{text} ({framework})" if framework else text


def newest_first(papers: list[PaperRefView]) -> list[PaperRefView]:
    """Papers by year, newest first; undated last; then by title."""
    return sorted(papers, key=lambda paper: (-(paper.year or 0), paper.title.lower()))
