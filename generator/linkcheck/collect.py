"""Gather the URLs to check, each with every file:line where it is written."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.linkcheck.extract import (
    LineUrl,
    urls_in_html,
    urls_in_markdown,
    urls_in_text,
    urls_in_url_list,
)
from generator.linkcheck.results import Location
from generator.linkcheck.settings import LinkCheckSettings
from generator.problems import relative_path
from generator.project import Project

if TYPE_CHECKING:  # Checking a few files needs neither the database nor YAML.
    from generator.database.assemble import Database
    from generator.database.yamlsource import FieldPath, SourceRecord

Links = dict[str, list[Location]]
"""Each URL once, with every place it is written, in the order first seen."""

SITE_DIR = "site"
PAGE_SUFFIXES = (".md", ".markdown", ".html", ".htm")
LIST_SETTINGS_FIELDS = frozenset({"link_check"})
"""Fields of the list file that hold settings, not links (user agent, URL templates)."""


def add_link(links: Links, url: str, location: Location) -> None:
    """Record that `url` is written at `location`."""
    places = links.setdefault(url, [])
    if location not in places:
        places.append(location)


def database_links(
    database: Database, config: LinkCheckSettings, only_paths: set[str] | None = None
) -> Links:
    """Every URL of the database's records (and list file); only those files when given."""
    links: Links = {}
    sources = list(database.sources.values())
    if database.list_source is not None:
        sources.insert(0, database.list_source)
    for source in sources:
        if only_paths is not None and source.path not in only_paths:
            continue
        skipped = LIST_SETTINGS_FIELDS if source is database.list_source else frozenset()
        for line, url in record_urls(source, config, skipped):
            add_link(links, url, Location(source.path, line))
    return links


def record_urls(
    source: SourceRecord, config: LinkCheckSettings, skipped: frozenset[str] = frozenset()
) -> Iterator[LineUrl]:
    """URLs of one record: URL fields, arXiv ids and DOIs, and links inside Markdown text."""
    for path, value in _strings(source.data, ()):
        if path[0] in skipped:
            continue
        line = source.line_of(path)
        if path[-2:] == ("links", "arxiv"):
            yield line, config.arxiv_url.replace("{id}", value)
        elif path[-2:] == ("links", "doi"):
            yield line, config.doi_url.replace("{id}", value)
        elif value.strip().lower().startswith(("http://", "https://")) and " " not in value.strip():
            yield line, value.strip()
        else:
            yield from ((line, url) for _, url in urls_in_text(value))


def _strings(data: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def site_pages(project: Project) -> list[Path]:
    """The hand-written pages under `site/`, in path order."""
    folder = project.root / SITE_DIR
    return _pages_under(folder) if folder.is_dir() else []


def file_links(paths: Iterable[Path], root: Path) -> Links:
    """URLs written in Markdown, HTML or URL-list files (folders are searched for pages)."""
    links: Links = {}
    for path in paths:
        for page in _pages_under(path):
            display = relative_path(page, root)
            text = page.read_text(encoding="utf-8", errors="replace")
            for line, url in urls_in_file(page, text):
                add_link(links, url, Location(display, line))
    return links


def urls_in_file(path: Path, text: str) -> Iterator[LineUrl]:
    """URLs of a file, read according to its kind (by suffix)."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return urls_in_html(text)
    if suffix in (".md", ".markdown"):
        return urls_in_markdown(text)
    return urls_in_url_list(text)


def _pages_under(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    return sorted(p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())


def argument_links(arguments: Iterable[str]) -> Links:
    """URLs given on the command line, located as '<command line>'."""
    links: Links = {}
    for argument in arguments:
        add_link(links, argument, Location("<command line>"))
    return links


def merge(*groups: Links) -> Links:
    """One set of links from several, keeping every location."""
    merged: Links = {}
    for group in groups:
        for url, places in group.items():
            for place in places:
                add_link(merged, url, place)
    return merged
