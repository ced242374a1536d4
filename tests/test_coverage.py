"""The reading list is worth reading: how many papers carry authors, a link, a year and tags.

Issue 16 filled the seed database from public sources; these thresholds pin what was reached so
that a later import or edit cannot quietly lose it. The figures are measured on the real
database under `papers/`, read with the project's own loader.

Print the figures of any project (e.g. a checkout of an older commit):
`python -m tests.test_coverage [PROJECT_DIR]`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.database.assemble import Database, build_database
from generator.models import Paper
from generator.project import Project
from tests.conftest import REPO_ROOT

MIN_LINK_SHARE = 0.90
"""Papers with a link to read them: a URL, an arXiv id or a DOI (a code link alone is not one)."""
MIN_AUTHORS_SHARE = 0.90
MIN_YEAR_SHARE = 0.95
TAG_EXEMPT_KINDS = {"family", "survey"}
"""A family of papers or a survey has no single supervision or task."""

WITHOUT_BOTH_TAGS = {
    # A task tag now fits, but the pages read do not say what the training is supervised by:
    "del-ijcai2018": "generic segmentation; the supervision of the embedding is not stated in the pages read",
    "learning-hierarchical-semantic-image-manipulation-through-nips2018":
        "image generation; the supervision of the layout generator is not stated in the pages read",
    # Neither tag: the abstract names "dense prediction tasks" but neither a task nor a supervision:
    "smoothed-dilated-convolutions-for-improved-dense-kdd2018":
        "generic dense prediction, supervision not named",
    # The stored sources do not say which supervision (or task) the paper uses:
    "cyclic-guidance-for-weakly-supervised-joint-cvpr2019": "kind of weak label not stated in the pages read",
    "learned-shape-tailored-descriptors-for-segmentation": "no stored page describes the paper",
    "superpixel-based-continuous-conditional-random-field": "no stored page gives the abstract",
}
"""Taggable papers allowed to lack a supervision or a task tag, with the reason (see
docs-notes/issue16-sources.md). Issue 16 asks for both tags on every paper; these 6 of 98 are
the gap left, each because no source read says which supervision (or task). Anything else must
carry both kinds of tag, and a paper that gains them must leave this list."""


@dataclass(frozen=True)
class Coverage:
    papers: int
    with_link: int
    with_authors: int
    with_year: int
    taggable: int
    fully_tagged: int
    untagged: tuple[str, ...]
    """Ids of taggable papers that lack a supervision or a task tag."""

    def share(self, count: int, total: int | None = None) -> float:
        return count / (total if total is not None else self.papers)

    def lines(self) -> list[str]:
        return [
            f"papers: {self.papers}",
            f"link (url, arxiv or doi): {self.with_link} ({self.share(self.with_link):.0%})",
            f"authors: {self.with_authors} ({self.share(self.with_authors):.0%})",
            f"year: {self.with_year} ({self.share(self.with_year):.0%})",
            f"supervision and task tag: {self.fully_tagged} of {self.taggable} taggable "
            f"({self.share(self.fully_tagged, self.taggable):.0%}; families and surveys excepted)",
        ]


def _has_link(paper: Paper) -> bool:
    return bool(paper.links.url or paper.links.arxiv or paper.links.doi)


def measure(database: Database) -> Coverage:
    groups = {group.id: {tag.id for tag in group.tags} for group in database.config.tag_groups}
    supervision, task = groups.get("supervision", set()), groups.get("task", set())
    papers = list(database.papers.values())
    taggable = [paper for paper in papers if paper.kind not in TAG_EXEMPT_KINDS]
    untagged = tuple(
        paper.id
        for paper in taggable
        if not (set(paper.tags) & supervision and set(paper.tags) & task)
    )
    return Coverage(
        papers=len(papers),
        with_link=sum(_has_link(paper) for paper in papers),
        with_authors=sum(bool(paper.authors) for paper in papers),
        with_year=sum(paper.year is not None for paper in papers),
        taggable=len(taggable),
        fully_tagged=len(taggable) - len(untagged),
        untagged=untagged,
    )


@pytest.fixture(scope="module")
def coverage() -> Coverage:
    return measure(build_database(Project(REPO_ROOT)))


def test_the_database_is_the_seed_list(coverage: Coverage):
    assert coverage.papers == 100


def test_nearly_every_paper_has_a_link_to_read_it(coverage: Coverage):
    assert coverage.share(coverage.with_link) >= MIN_LINK_SHARE, coverage.lines()


def test_nearly_every_paper_names_its_authors(coverage: Coverage):
    assert coverage.share(coverage.with_authors) >= MIN_AUTHORS_SHARE, coverage.lines()


def test_nearly_every_paper_has_a_year(coverage: Coverage):
    assert coverage.share(coverage.with_year) >= MIN_YEAR_SHARE, coverage.lines()


def test_every_paper_has_a_supervision_and_a_task_tag_unless_none_fits(coverage: Coverage):
    assert sorted(set(coverage.untagged) - set(WITHOUT_BOTH_TAGS)) == []


def test_the_list_of_papers_without_fitting_tags_is_not_stale(coverage: Coverage):
    """A paper that gained both tags, or left the database, leaves the exception list too."""
    assert sorted(set(WITHOUT_BOTH_TAGS) - set(coverage.untagged)) == []


def test_the_measure_counts_what_is_missing(tmp_path: Path):
    """The thresholds can fail: a paper stripped of its link, authors, year and tags counts."""
    database = build_database(Project(REPO_ROOT))
    paper = database.papers["ficklenet-cvpr2019"]
    before = measure(database)
    database.papers[paper.id] = paper.model_copy(
        update={"links": paper.links.model_copy(update={"url": None, "arxiv": None}),
                "authors": [], "year": None, "tags": []}
    )
    after = measure(database)

    assert after.with_link == before.with_link - 1
    assert after.with_authors == before.with_authors - 1
    assert after.with_year == before.with_year - 1
    assert after.untagged == tuple(sorted((*before.untagged, paper.id), key=list(database.papers).index))


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else REPO_ROOT
    print("\n".join(measure(build_database(Project(root.resolve()))).lines()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
