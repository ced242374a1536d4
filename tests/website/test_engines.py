"""`curate build` on every engine: the same records give the same pages with the same content.

`curate build` stages the whole site source (hand-written pages, every generated page and file,
a configuration that needs no plugin) and has an engine build it. Compared here, page by page:
the staged MkDocs build against `mkdocs build` through the plugin (byte for byte), Zensical
against MkDocs (the text and links of each page's main content: the themes differ), and
ProperDocs, the continuation of MkDocs 1.x, building the project unchanged.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.engines.staging import stage_site
from generator.project import Project
from generator.views import paths
from tests.conftest import REPO_ROOT
from tests.website.conftest import BuiltSite, make_project, serve

EXPORTS = (paths.JSON_EXPORT, paths.BIBTEX_EXPORT, paths.FEED)
ENGINE_FILES = {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "search/search_index.js"}
"""Files each engine writes its own way (order of pages, search index format)."""


def curate_build(project: Path, output: Path, *engine: str) -> Path:
    exit_code = main(["-C", str(project), "build", "-o", str(output), *engine])
    assert exit_code == 0
    return output


@pytest.fixture(scope="module")
def tiny_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("engines") / "project")


@pytest.fixture(scope="module")
def staged_mkdocs(tiny_project: Path) -> Path:
    return curate_build(tiny_project, tiny_project.parent / "mkdocs-site")


@pytest.fixture(scope="module")
def zensical_site(tiny_project: Path) -> Path:
    return curate_build(tiny_project, tiny_project.parent / "zensical-site", "--engine", "zensical")


def files_of(root: Path) -> dict[str, Path]:
    return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}


def main_content(root: Path, page: str) -> tuple[str, list[str], set[str]]:
    """The text, the link targets (resolved from the page) and the tags of a page's main
    content, without the theme's permalink signs and buttons."""
    html = BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")
    tags = {tag.get_text(strip=True) for tag in html.select(".md-tag")}
    # A theme page's article; the stand-alone 404 page (site/overrides/404.html) has none.
    article = html.select_one("article.md-content__inner") or html.body
    assert article is not None, page
    for theme_part in article.select("a.headerlink, a.md-content__button, .md-tags, .md-source-file"):
        theme_part.decompose()
    text = " ".join(article.get_text(" ").split())
    here = posixpath.dirname(page)
    links = [_resolved(here, link["href"]) for link in article.find_all("a", href=True)]
    return text, links, tags


def _resolved(here: str, href: str) -> str:
    if "://" in href or href.startswith(("#", "mailto:")):
        return href
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(here, path)) if path else ""
    return f"{target}#{fragment}" if fragment else target


def test_curate_build_on_mkdocs_writes_the_pages_the_plugin_writes_byte_for_byte(
    staged_mkdocs: Path, tiny_site: BuiltSite
):
    staged, plugin = files_of(staged_mkdocs), files_of(tiny_site.root)
    assert sorted(staged) == sorted(plugin)
    for name in sorted(set(staged) - ENGINE_FILES):
        assert staged[name].read_bytes() == plugin[name].read_bytes(), name


def test_the_record_pages_of_a_staged_build_edit_their_record_and_generated_pages_have_no_edit_link(
    staged_mkdocs: Path,
):
    def edit_link(page: str) -> str | None:
        html = BeautifulSoup((staged_mkdocs / page).read_text(encoding="utf-8"), "html.parser")
        link = html.select_one("a.md-content__button[rel='edit']")
        return link["href"] if link else None

    assert edit_link("papers/alpha-cvpr2020.html").endswith("/edit/main/papers/papers/alpha-cvpr2020.yaml")
    assert edit_link("leaderboards/voc.html").endswith("/edit/main/papers/leaderboards/voc.yaml")
    assert edit_link("years.html") is None
    assert edit_link("about.html").endswith("/edit/main/site/about.md")


def test_zensical_builds_the_same_pages_with_the_same_main_content(
    staged_mkdocs: Path, zensical_site: Path
):
    mkdocs_pages = sorted(name for name in files_of(staged_mkdocs) if name.endswith(".html"))
    zensical_pages = sorted(name for name in files_of(zensical_site) if name.endswith(".html"))
    assert zensical_pages == mkdocs_pages
    for page in mkdocs_pages:
        assert main_content(zensical_site, page) == main_content(staged_mkdocs, page), page
    for name in (*EXPORTS, *(f"{paths.ASSETS_DIR}/{file}" for file in ("curate.css", "curate.js"))):
        assert (zensical_site / name).read_bytes() == (staged_mkdocs / name).read_bytes(), name


def test_zensical_keeps_the_theme_override_our_assets_and_the_leaderboards_in_the_navigation(
    zensical_site: Path,
):
    home = BeautifulSoup((zensical_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("link[rel=alternate][type='application/atom+xml']")["href"].endswith("feed.xml")
    loaded = {(tag.get("href") or tag.get("src")).removeprefix("./")
              for tag in home.select("link[rel=stylesheet], script[src]")}
    assert {f"{paths.ASSETS_DIR}/curate.css", f"{paths.ASSETS_DIR}/curate.js"} <= loaded
    navigation = {link["href"].removeprefix("./") for link in home.select("nav.md-nav a[href]")}
    assert {"leaderboards/voc.html", "leaderboards/errors.html"} <= navigation


def test_on_zensical_too_a_first_visit_loads_the_search_index_only_when_the_reader_searches(
    zensical_site: Path, page
):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    with serve(zensical_site) as url:
        page.goto(url + "index.html", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert not [address for address in requested if address.endswith("/search.json")]

        # Zensical's search button opens a dialog (in a shadow root) once the index is there.
        with page.expect_request(lambda request: request.url.endswith("/search.json")):
            page.locator(".md-search__button").click()
        page.locator("input[aria-label=Search]").fill("Carla")
        result = page.locator("a[href*='beta-eccv2018'][href*='h=Carla']").first
        result.wait_for(timeout=10_000)


def test_zensical_runs_our_link_vetting_on_hand_written_pages_too(tmp_path, tiny_project):
    project = make_project(tmp_path / "project")
    (project / "site" / "links.md").write_text(
        "# Links\n\n[run](javascript:alert(1)) and [read](https://example.org/)\n", encoding="utf-8")
    site = curate_build(project, tmp_path / "site", "--engine", "zensical")
    page = BeautifulSoup((site / "links.html").read_text(encoding="utf-8"), "html.parser")
    links = page.select("article a")
    assert [(link.get_text(), link.get("href")) for link in links if link.get_text() in ("run", "read")] == [
        ("read", "https://example.org/")]
    paragraph = '<p><span>run</span> and <a href="https://example.org/">read</a></p>'
    assert paragraph in str(page.select_one("article"))


def test_the_staged_source_builds_with_mkdocs_alone_without_loading_papers(tmp_path, tiny_project):
    staged = stage_site(Project(tiny_project), tmp_path / "source")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(staged.config_file)],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert built.returncode == 0, built.stderr
    assert "curate: generated" not in built.stderr  # the plugin only sets the 'edit' links
    assert (staged.site_dir / "papers" / "alpha-cvpr2020.html").is_file()


def test_properdocs_builds_the_project_unchanged(tiny_project: Path, tiny_site: BuiltSite):
    site = tiny_project.parent / "properdocs-site"
    built = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
         "--site-dir", str(site)],
        cwd=tiny_project, capture_output=True, text=True, check=False,
    )
    assert built.returncode == 0, built.stderr
    assert "curate: generated" in built.stderr
    pages = sorted(name for name in files_of(tiny_site.root) if name.endswith(".html"))
    assert sorted(name for name in files_of(site) if name.endswith(".html")) == pages
    for page in pages:
        assert main_content(site, page) == main_content(tiny_site.root, page), page


def test_a_configuration_with_python_names_and_environment_values_is_staged_as_the_engines_read_it(
    tmp_path, monkeypatch
):
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^site_url: (.*)$", r"site_url: !ENV [CURATE_TEST_SITE_URL, '\1']",
                  config.read_text(encoding="utf-8"))
    config.write_text(text.replace("markdown_extensions:\n", (
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
    )), encoding="utf-8")
    (project / "site" / "about.md").write_text("# About\n\nHome :material-home:\n", encoding="utf-8")
    monkeypatch.setenv("CURATE_TEST_SITE_URL", "https://lists.example/tiny/")

    site = curate_build(project, tmp_path / "site")

    about = BeautifulSoup((site / "about.html").read_text(encoding="utf-8"), "html.parser")
    assert about.select_one("article .twemoji svg") is not None
    assert about.select_one("link[rel=canonical]")["href"] == "https://lists.example/tiny/about.html"


def test_on_mkdocs_a_removed_link_of_a_hand_written_page_fails_the_strict_build_with_its_warning(tmp_path):
    project = make_project(tmp_path / "project")
    (project / "site" / "links.md").write_text("# Links\n\n[run](javascript:alert(1))\n", encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(project), "build", "-o", str(tmp_path / "site")],
        capture_output=True, text=True, check=False,
    )
    assert built.returncode == 1
    assert "curate: removed a link to 'javascript:alert(1)': only http(s) links are allowed" in built.stderr
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "site").exists()


def test_zensical_builds_the_repositorys_own_list_with_the_same_main_content(real_site: BuiltSite, tmp_path):
    site = curate_build(REPO_ROOT, tmp_path / "zensical-site", "--engine", "zensical")
    pages = sorted(name for name in files_of(real_site.root) if name.endswith(".html"))
    assert sorted(name for name in files_of(site) if name.endswith(".html")) == pages
    assert len(pages) > 100
    for page in pages:
        assert main_content(site, page) == main_content(real_site.root, page), page
