"""The built site works opened straight from disk (file://) and loads nothing from another host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from playwright.sync_api import Page

from generator.render.site_pages import VENDORED_FILES
from generator.views import paths
from tests.website.conftest import BuiltSite, make_project, mkdocs_build
from tests.website.test_browser import method_column

RESOURCE_ATTRIBUTES = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "embed": ("src",), "object": ("data",), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "input": ("src",),
    "image": ("href", "xlink:href"), "use": ("href", "xlink:href"),  # inside inline SVG
}
"""Attributes by which an element makes the browser load a script, style, font or image."""
PAGE_RELATIONS = {"canonical", "alternate", "prev", "next", "search", "license", "author"}
"""`<link rel=...>` values naming a related page, which the browser does not load."""
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def is_remote(url: str) -> bool:
    """Whether `url` names another host: http(s)://... or a scheme-relative //host/..."""
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") or (not parts.scheme and bool(parts.netloc))


def resources_of(page: BeautifulSoup) -> list[str]:
    """Every URL the page makes the browser load: scripts, stylesheets, fonts, images, frames."""
    urls = []
    for tag, attributes in RESOURCE_ATTRIBUTES.items():
        for element in page.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute)
                if value and attribute == "srcset":
                    urls += [item.split()[0] for item in value.split(",") if item.strip()]
                elif value:
                    urls.append(value)
    for link in page.find_all("link", href=True):
        if set(link.get("rel", [])) - PAGE_RELATIONS:
            urls.append(link["href"])
    styles = [style.get_text() for style in page.find_all("style")]
    styles += [element["style"] for element in page.find_all(style=True)]
    return urls + css_urls("\n".join(styles))


def css_urls(css: str) -> list[str]:
    return [url or imported for url, imported in CSS_URL.findall(css)]


def test_the_resource_finder_sees_every_kind_of_load_and_no_plain_link():
    page = BeautifulSoup("""
        <link rel="stylesheet" href="//cdn.example/x.css"><link rel="canonical" href="https://a.example/">
        <link rel="preload" as="font" href="fonts/f.woff2"><link rel="alternate" href="feed.xml">
        <style>@import "https://fonts.example/f.css"; .a { background: url('https://i.example/b.png') }
        </style>
        <p style="background:url(local.png)"><a href="https://arxiv.org/abs/1">paper</a></p>
        <img src="a.png" srcset="https://i.example/a2.png 2x, a3.png 3x">
        <svg><image href="https://i.example/c.svg"/></svg><script src="x.js"></script>
    """, "html.parser")

    assert sorted(resources_of(page)) == sorted([
        "//cdn.example/x.css", "fonts/f.woff2", "https://fonts.example/f.css",
        "https://i.example/b.png", "local.png", "a.png", "https://i.example/a2.png", "a3.png",
        "https://i.example/c.svg", "x.js"])
    assert sorted(url for url in resources_of(page) if is_remote(url)) == [
        "//cdn.example/x.css", "https://fonts.example/f.css", "https://i.example/a2.png",
        "https://i.example/b.png", "https://i.example/c.svg"]


@pytest.fixture(params=["tiny_site", "real_site"])
def built_site(request: pytest.FixtureRequest) -> BuiltSite:
    return request.getfixturevalue(request.param)


def test_no_page_loads_a_script_style_font_or_image_from_another_host(built_site):
    for path in built_site.html_files():
        resources = resources_of(built_site.html(path.relative_to(built_site.root).as_posix()))
        assert [url for url in resources if is_remote(url)] == [], path
        if path.name == "404.html":  # served at any depth and path: inline styles, no files
            assert resources == [], path
            continue
        names = [urlsplit(url).path.rsplit("/", 1)[-1] for url in resources]
        assert "iframe-worker.js" in names, path
        assert any(name.startswith("bundle.") for name in names), path  # Material's script
    for stylesheet in built_site.root.rglob("*.css"):
        css = stylesheet.read_text(encoding="utf-8")
        assert [url for url in css_urls(css) if is_remote(url)] == [], stylesheet


def test_the_iframe_worker_shim_is_ours_with_its_licence(tiny_site):
    for name in VENDORED_FILES:
        shipped = (tiny_site.root / paths.ASSETS_DIR / name).read_text(encoding="utf-8")
        assert "Permission is hereby granted, free of charge" in shipped, name
    shim = (tiny_site.root / paths.WORKER_SHIM).read_text(encoding="utf-8")
    assert shim.startswith("/*! iframe-worker 1.0.4 shim")
    assert 'location.protocol==="file:"&&(window.Worker=o)' in shim
    for path in tiny_site.html_files():
        assert "unpkg.com" not in path.read_text(encoding="utf-8"), path


def test_the_search_index_is_also_a_script_for_pages_opened_from_disk(tiny_site):
    script = (tiny_site.root / "search" / "search_index.js").read_text(encoding="utf-8")
    index = (tiny_site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert script == f"var __index = {index}"


def test_browsing_the_site_from_disk_sorts_opens_papers_and_searches(page: Page, tiny_site):
    root = tiny_site.root.resolve()
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))

    page.goto(root.joinpath("index.html").as_uri())
    page.locator(".md-tabs__link", has_text="Leaderboards").click()
    page.locator(".md-sidebar--primary .md-nav__link", has_text="VOC & friends").click()
    assert page.url == root.joinpath("leaderboards", "voc.html").as_uri()
    page.locator(".curate-leaderboard thead th", has_text="val").click()
    page.locator(".curate-leaderboard thead th", has_text="val").click()  # best first, then reversed
    assert method_column(page) == ["Beta", "Alpha|A", "Gamma (ours)"]

    page.locator(".curate-leaderboard tbody a", has_text="Beta").first.click()
    assert page.url == root.joinpath("papers", "beta-eccv2018.html").as_uri()
    assert page.title().startswith("Beta Seeds for Segmentation - ")

    page.locator("input.md-search__input").click()
    page.keyboard.type("Gamma Rays of Attention")
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=10_000)
    result.click()
    assert urlsplit(page.url)._replace(query="").geturl() == root.joinpath(
        "papers", "gamma-arxiv2021.html").as_uri()
    assert page.title().startswith("Gamma Rays of Attention - ")

    assert requests and all(url.startswith(root.as_uri() + "/") for url in requests), [
        url for url in requests if not url.startswith(root.as_uri() + "/")]
    assert root.joinpath("search", "search_index.js").as_uri() in requests
    assert root.joinpath(paths.WORKER_SHIM).as_uri() in requests


def test_the_real_site_opened_from_disk_loads_only_its_own_files(page: Page, real_site):
    root = real_site.root.resolve()
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))
    board = min(real_site.database.leaderboards)
    paper = real_site.database.papers[min(real_site.database.papers)]

    for visited in ("index.html", f"leaderboards/{board}.html", f"papers/{paper.id}.html"):
        page.goto(root.joinpath(visited).as_uri())
        assert page.locator("article h1").count() == 1, visited
    page.locator("input.md-search__input").click()
    page.keyboard.type(paper.title)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)

    assert [url for url in requests if not url.startswith(root.as_uri() + "/")] == []
    assert root.joinpath("search", "search_index.js").as_uri() in requests


def project_with_plugins(tmp_path: Path, plugins: list[str]) -> Path:
    """The tiny list with `plugins` and MkDocs' default directory URLs in its mkdocs.yml."""
    project = make_project(tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["use_directory_urls"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump({**config, "plugins": plugins}), encoding="utf-8")
    return project


def test_the_offline_plugin_gets_our_shim_and_html_urls_wherever_it_is_listed(tmp_path):
    project = project_with_plugins(tmp_path, ["search", "tags", "curate", "offline"])
    assert mkdocs_build(project, tmp_path / "public").returncode == 0

    page = (tmp_path / "public" / "papers" / "beta-eccv2018.html").read_text(encoding="utf-8")
    assert f'<script src="../{paths.WORKER_SHIM}"></script>' in page
    assert "unpkg.com" not in page
    feed = (tmp_path / "public" / paths.FEED).read_text(encoding="utf-8")
    assert "papers/beta-eccv2018.html" in feed


def test_without_the_offline_plugin_no_shim_is_loaded_and_build_says_to_serve(tmp_path, curate):
    project = project_with_plugins(tmp_path, ["search", "tags", "curate"])
    site = tmp_path / "public"

    built = curate("-C", project, "build", "-o", site)

    assert built.exit_code == 0, built.stderr
    assert built.stdout == (
        f"built {site}/ (open index.html through a web server, e.g. python3 -m http.server -d {site})\n")
    page = (site / "papers" / "beta-eccv2018" / "index.html").read_text(encoding="utf-8")
    assert "iframe-worker" not in page
    assert not (site / "search" / "search_index.js").exists()
