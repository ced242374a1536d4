"""What the reader's pages are made of, without a browser: author names normalised across
records, facets counted from the data, citation tags by venue kind, relative URLs."""

from __future__ import annotations

import json
import shutil
import unicodedata

import pytest

from generator.database.assemble import build_database
from generator.project import Project
from generator.views import paths
from generator.views.authors import author_views
from generator.views.facets import papers_page_view
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


def test_one_author_page_per_person_whatever_the_spacing_case_or_unicode_form(tiny_project):
    decomposed = unicodedata.normalize("NFD", "José Álvarez")
    set_authors(tiny_project, "beta-eccv2018", ["José Álvarez", "Carla Coder"])
    set_authors(tiny_project, "delta-tpami2019", [f"  {decomposed}  ", "carla  coder"])
    set_authors(tiny_project, "epsilon", ["José Álvarez"])
    database = build_database(Project(tiny_project))

    authors = {author.name: author for author in author_views(database, paper_refs(database))}

    jose = authors["José Álvarez"]
    assert (jose.slug, jose.page) == ("jose-alvarez", "authors/jose-alvarez.md")
    assert [paper.id for paper in jose.papers] == ["delta-tpami2019", "beta-eccv2018", "epsilon"]
    assert [paper.id for paper in authors["Carla Coder"].papers] == ["delta-tpami2019", "beta-eccv2018"]
    assert "carla  coder" not in authors and "carla coder" not in authors


def test_different_people_whose_names_make_the_same_slug_get_pages_of_their_own(tiny_project):
    set_authors(tiny_project, "beta-eccv2018", ["Li Wei"])
    set_authors(tiny_project, "delta-tpami2019", ["Li-Wei"])
    database = build_database(Project(tiny_project))

    pages = sorted(author.page for author in author_views(database, paper_refs(database))
                   if author.slug.startswith("li-wei"))

    assert pages == ["authors/li-wei-2.md", "authors/li-wei.md"]


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


@pytest.mark.parametrize(("name", "slug"), [
    ("José Álvarez", "jose-alvarez"), ("Ann \"<\" Author", "ann-author"), ("王伟", "王伟"),
    ("Łukasz Kaiser", "lukasz-kaiser"), ("Søren Hauberg", "soren-hauberg"), ("***", "x"),
])
def test_author_slugs_drop_accents_and_keep_other_scripts(name, slug):
    assert paths.ascii_slug(name) == slug
