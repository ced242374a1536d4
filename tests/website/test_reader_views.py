"""What the reader's pages are made of, without a browser: author names normalised across
records and grouped by initial on pages of bounded size, long lists cut into parts, facets
counted from the data, relative URLs."""

from __future__ import annotations

import json
import posixpath
import shutil
import unicodedata

import pytest

from generator.database.assemble import build_database
from generator.project import Project
from generator.views import paths
from generator.views.authors import all_authors, author_pages
from generator.views.facets import papers_page_view
from generator.views.list_parts import year_parts
from generator.views.list_views import list_views
from generator.views.papers import paper_refs
from tests.website.conftest import TINY_PAPERS


@pytest.fixture
def tiny_project(tmp_path):
    shutil.copytree(TINY_PAPERS, tmp_path / "papers")
    return tmp_path


def set_authors(project, paper_id: str, authors: list[str]) -> None:
    record = project / "papers" / "papers" / f"{paper_id}.yaml"
    lines = [line for line in record.read_text(encoding="utf-8").splitlines()
             if not line.startswith("authors:")]
    record.write_text("\n".join([*lines, f"authors: {json.dumps(authors)}"]) + "\n", encoding="utf-8")


def authors_of(database, part_entries: int = 200):
    return all_authors(author_pages(database, paper_refs(database), part_entries))


def test_one_section_per_person_whatever_the_spacing_case_or_unicode_form(tiny_project):
    decomposed = unicodedata.normalize("NFD", "José Álvarez")
    set_authors(tiny_project, "beta-eccv2018", ["José Álvarez", "Carla Coder"])
    set_authors(tiny_project, "delta-tpami2019", [f"  {decomposed}  ", "carla  coder"])
    set_authors(tiny_project, "epsilon", ["José Álvarez"])
    database = build_database(Project(tiny_project))

    authors = {author.name: author for author in authors_of(database)}

    jose = authors["José Álvarez"]
    assert (jose.slug, jose.page, jose.target) \
        == ("jose-alvarez", "authors/a.md", "authors/a.md#jose-alvarez")
    assert [paper.id for paper in jose.papers] == ["delta-tpami2019", "beta-eccv2018", "epsilon"]
    assert [paper.id for paper in authors["Carla Coder"].papers] == ["delta-tpami2019", "beta-eccv2018"]
    assert "carla  coder" not in authors and "carla coder" not in authors


def test_different_people_whose_names_make_the_same_slug_get_anchors_of_their_own(tiny_project):
    set_authors(tiny_project, "beta-eccv2018", ["Li Wei"])
    set_authors(tiny_project, "delta-tpami2019", ["Li-Wei"])
    database = build_database(Project(tiny_project))

    targets = sorted(author.target for author in authors_of(database) if author.slug.startswith("li-wei"))

    assert targets == ["authors/l.md#li-wei", "authors/w.md#li-wei-2"]


def test_an_initial_with_more_papers_than_a_page_holds_goes_on_in_parts(tiny_project):
    set_authors(tiny_project, "alpha-cvpr2020", ["Ann Able", "Bob Baker"])
    set_authors(tiny_project, "beta-eccv2018", ["Ann Able", "Al Abbot"])
    set_authors(tiny_project, "delta-tpami2019", ["Ada Acre"])
    database = build_database(Project(tiny_project))

    pages = author_pages(database, paper_refs(database), part_entries=2)

    assert [(page.initial, page.part.page, [author.name for author in page.part.items])
            for page in pages] == [
        ("A", "authors/a.md", ["Al Abbot"]),  # Ann Able's two papers would make three
        ("A", "authors/a/part-2.md", ["Ann Able"]),
        ("A", "authors/a/part-3.md", ["Ada Acre"]),
        ("B", "authors/b.md", ["Bob Baker"]),
        ("D", "authors/d.md", ["Dan Dev"]),
    ]
    assert pages[1].part.pager.pages == ("authors/a.md", "authors/a/part-2.md", "authors/a/part-3.md")


def test_the_years_page_goes_on_in_parts_and_a_year_cut_by_a_part_goes_on_in_the_next(tiny_project):
    record = tiny_project / "papers" / "papers" / "delta-tpami2019.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("year: 2019", "year: 2020"), encoding="utf-8")
    database = build_database(Project(tiny_project))
    views = list_views(database)

    years = year_parts(views.years, 2)

    assert [(part.page, [(year.heading, group.venue, [paper.id for paper in papers])
                         for (year, group), papers in part.groups]) for part in years.parts] == [
        ("years.md", [("2021", "arXiv", ["gamma-arxiv2021"]), ("2020", "CVPR", ["alpha-cvpr2020"])]),
        ("years/part-2.md", [("2020", "TPAMI", ["delta-tpami2019"]), ("2018", "ECCV", ["beta-eccv2018"])]),
        ("years/part-3.md", [("2017", None, ["epsilon"])]),
    ]
    # Jump links lead to the part where each year starts.
    assert [(link.label, link.url) for link in years.jump] == [
        ("2021", "years.md#year-2021"), ("2020", "years.md#year-2020"),
        ("2018", "years/part-2.md#year-2018"), ("2017", "years/part-3.md#year-2017")]


def test_facets_come_from_the_data_and_count_the_whole_list(tiny_project):
    database = build_database(Project(tiny_project))

    view = papers_page_view(database, paper_refs(database))

    assert [(facet.group, [(o.value, o.count) for o in facet.options]) for facet in view.tag_facets] \
        == [("supervision", [("image-level", 2), ("box", 1)])]
    assert [(o.value, o.count) for o in view.venue_facet.options] == [
        ("CVPR", 1), ("ECCV", 1), ("TPAMI", 1), ("arXiv", 1)]
    assert [(o.value, o.count) for o in view.status_facet.options] == [
        ("read", 2), ("to-read", 2), ("untracked", 1)]
    assert view.years == (2017, 2018, 2019, 2020, 2021)
    assert view.with_code == 2


@pytest.mark.parametrize(("here", "target", "directory_urls", "url"), [
    ("papers.md", "papers/beta.md", False, "papers/beta.html"),
    ("papers.md", "papers/beta.md", True, "beta/"),  # papers.md is served as papers/
    ("papers.md", paths.PAPERS_DATA, True, "../assets/curate/papers-data.js"),
    ("papers/beta.md", "index.md", False, "../index.html"),
    ("papers/beta.md", "index.md", True, "../../"),
    ("topics/cams.md", "tags/box.md", False, "../tags/box.html"),
])
def test_raw_html_links_match_the_urls_mkdocs_writes(here, target, directory_urls, url):
    assert paths.url_from(here, target, directory_urls) == url


SITE_PATHS = ("", ".", "papers", "papers/beta.html", "authors", "authors/a", "authors/a/part-2.html",
              "index.html", "a/b/c", "a/b/d/e.html", "authors/b")


@pytest.mark.parametrize("start", [path for path in SITE_PATHS if not path.endswith(".html")])
def test_relative_paths_are_those_of_posixpath_relpath(start):
    for path in SITE_PATHS:
        assert paths.relative_path(path, start) == posixpath.relpath(path or ".", start or "."), path


@pytest.mark.parametrize(("name", "slug"), [
    ("José Álvarez", "jose-alvarez"), ("Ann \"<\" Author", "ann-author"), ("王伟", "王伟"),
    ("Łukasz Kaiser", "lukasz-kaiser"), ("Søren Hauberg", "soren-hauberg"), ("***", "x"),
])
def test_author_slugs_drop_accents_and_keep_other_scripts(name, slug):
    assert paths.ascii_slug(name) == slug
