"""The `curate` MkDocs plugin: a thin adapter for `mkdocs build` and `mkdocs serve` (live reload).

It loads `papers/`, asks `render/site_pages.generate_site` for every page, and hands them to
MkDocs in memory; `curate build` instead writes the same pages into a staged folder
(`engines/staging.py`) that any engine builds, where this plugin only points the 'edit' links
of record pages at their records (`edit_links`)."""

from __future__ import annotations

import html
import json
import logging
import os
import posixpath
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from jinja2 import Environment
from markupsafe import Markup
from material.plugins.offline.plugin import OfflinePlugin
from material.plugins.search.plugin import SearchPlugin
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.database.assemble import Database, build_database
from generator.engines.staging import HOME_MARKER, default_home, home_page
from generator.problems import ProblemsFound
from generator.project import Project
from generator.render.pre_rendered import (
    anchor_ids,
    html_of,
    is_pre_rendered,
    outline,
    page_title,
    searched_part,
)
from generator.render.record_html_markdown import RecordHtmlExtension
from generator.render.safe_links import SafeLinksExtension
from generator.render.shared_fragments import RenderedOnce
from generator.render.site_pages import ASSET_FILES, HEAD_FILES, SiteContent, generate_site
from generator.render.templates import OVERRIDES_DIR
from generator.views import paths

log = logging.getLogger("mkdocs.plugins.curate")
_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""What Material's search plugin removes from the pages it indexes (`on_page_context`)."""


class CurateConfig(base.Config):
    project_dir = c.Type(str, default=".")
    """Folder holding `papers/`, relative to mkdocs.yml."""
    edit_links = c.Optional(c.Type(str))
    """In a staged site (`curate build`): a JSON file, relative to mkdocs.yml, mapping each
    generated page to its record; the pages are already in the docs folder."""


class CuratePlugin(BasePlugin[CurateConfig]):
    """Generate the list's pages from `papers/` on every build."""

    def __init__(self) -> None:
        self.project: Project | None = None
        self.content = SiteContent()
        self.generation_seconds = 0.0
        self.edit_links: dict[str, str | None] = {}
        self.list_title = ""
        self.pre_rendered: set[str] = set()
        """Pages written as HTML, by `src_uri`."""
        self.unsearched_rest: dict[str, str] = {}
        """The end of a page that its search index would not take, while search reads the page."""

    @event_priority(50)  # before Material's offline plugin, which would add a CDN copy
    def _use_local_worker_shim(self, config: MkDocsConfig) -> MkDocsConfig:
        """With the offline plugin, load our copy of the iframe-worker shim, not unpkg.com's."""
        if _offline_plugin_enabled(config):
            polyfills = config.extra.setdefault("polyfills", [])
            if paths.WORKER_SHIM not in polyfills:
                polyfills.append(paths.WORKER_SHIM)
        return config

    @event_priority(-50)  # after the offline plugin, which may turn directory URLs off
    def _generate(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.edit_links:
            edit_links = Path(config.config_file_path).parent / self.config.edit_links
            self.edit_links = json.loads(edit_links.read_text(encoding="utf-8"))
            return config
        self.project = Project(Path(config.config_file_path).parent / self.config.project_dir)
        started = time.perf_counter()
        database = _load(self.project)
        self.list_title = database.config.title
        # MkDocs themes print config values without escaping: the title is HTML-escaped here.
        config.site_name = html.escape(database.config.title)
        self.content = generate_site(
            database, site_url=config.site_url or database.config.site_url,
            override_root=self.project.root, directory_urls=config.use_directory_urls,
        )
        self.generation_seconds = time.perf_counter() - started
        log.info(f"curate: generated {len(self.content.pages)} pages in {self.generation_seconds:.2f} s")
        _use_assets_and_safe_links(config)
        return config

    on_config = CombinedEvent(_use_local_worker_shim, _generate)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.edit_links:
            for src_uri, edit_uri in self.edit_links.items():
                file = files.get_file_from_path(src_uri)
                if file is not None:
                    file.edit_uri = edit_uri
            return files
        generated = {**self.content.pages, **self.content.files}
        for src_uri, content in generated.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"{config.docs_dir}/{src_uri} is hand-written but curate generates that "
                    "page; rename or remove the hand-written file"
                )
            files.append(self._generated_file(config, src_uri, content))
        if files.get_file_from_path(paths.HOME) is None:
            files.append(File.generated(config, paths.HOME, content=default_home(self.list_title)))
        return files

    def _generated_file(self, config: MkDocsConfig, src_uri: str, content: str | bytes) -> File:
        """A generated page or file; paper and leaderboard pages stay out of the navigation
        (leaderboards are put back under their index by `on_nav`) and edit their record."""
        hidden = src_uri in self.content.record_files
        inclusion = InclusionLevel.NOT_IN_NAV if hidden else InclusionLevel.UNDEFINED
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        if hidden:
            file.edit_uri = _relative_to_docs(config, self.content.record_files[src_uri])
        return file

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """List each leaderboard under the section that holds the leaderboards index."""
        index = files.get_file_from_path(paths.LEADERBOARDS)
        index_page = index.page if index is not None else None
        section = index_page.parent if index_page is not None else None
        if index_page is None or section is None:
            return nav
        added = []
        for src_uri in self.content.leaderboard_pages:
            file = files.get_file_from_path(src_uri)
            assert file is not None, src_uri
            page = Page(None, file, config)
            page.parent = section
            section.children.append(page)
            added.append(page)
        position = nav.pages.index(index_page) + 1
        nav.pages[position:position] = added
        for previous, following in zip(nav.pages, nav.pages[1:], strict=False):
            previous.next_page, following.previous_page = following, previous
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Give the theme a fragment cache for what many pages render alike (the navigation)."""
        env.globals["curate_fragment"] = FragmentCache()
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if page.edit_url:  # a record's path from the docs folder starts with '../'
            page.edit_url = _without_dot_segments(page.edit_url)
        return page

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Put the generated home block at the marker, or below a home page without one; pages
        written as HTML skip the Markdown conversion."""
        if is_pre_rendered(markdown):
            _skip_markdown(page, html_of(markdown))
            self.pre_rendered.add(page.file.src_uri)
            return markdown
        if HOME_MARKER in markdown or page.file.src_uri == paths.HOME and not self.config.edit_links:
            return home_page(markdown, self.content.home)
        return markdown

    @event_priority(100)  # before Material's search plugin
    def _show_search_its_part(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        """Hand the search plugin only the part of a page written as HTML that it indexes: it
        parses each page's HTML in Python, and most of a paper page is left out of the index."""
        # Material's search knows `data-search-exclude`; MkDocs' own indexes the whole page.
        if page.file.src_uri in self.pre_rendered and page.content and _search_plugin_enabled(config):
            searched = searched_part(page.content)
            if searched is not None:
                self.unsearched_rest[page.file.src_uri] = page.content[len(searched):]
                page.content = searched
        return context

    @event_priority(-100)  # after Material's search plugin
    def _restore_unsearched_rest(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        """Put back the end of the page, without the attributes search would have removed."""
        rest = self.unsearched_rest.pop(page.file.src_uri, None)
        if rest is not None:
            page.content = (page.content or "") + _SEARCH_ATTRIBUTE.sub("", rest)
        return context

    on_page_context = CombinedEvent(_show_search_its_part, _restore_unsearched_rest)

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        """Rebuild when a record or one of the project's own templates changes."""
        if self.project is not None:
            server.watch(str(self.project.database_dir))
            overrides = self.project.root / OVERRIDES_DIR
            if overrides.is_dir():
                server.watch(str(overrides))
        return server


class FragmentCache(RenderedOnce):
    """`{% call curate_fragment(*key) %}...{% endcall %}`: the theme block's output the first
    time a key is seen, the same text afterwards. One cache a build (MkDocs calls `on_env`
    each time)."""

    TITLE_SLOT = "\x00curate-title\x00"
    """Stands for the page's title in a fragment rendered by `titled`."""

    def __call__(self, *key: object, caller: Callable[[], str]) -> Markup:
        return Markup(self.rendered(key, caller))

    def titled(self, *key: object, title: object, caller: Callable[[], str]) -> Markup:
        """The block rendered once per key for `untitled(page)`, with `title` in its slot, as
        the theme prints a title: unescaped."""
        return Markup(self.rendered(key, caller).replace(self.TITLE_SLOT, str(title)))

    def untitled(self, page: Page) -> UntitledPage:
        return UntitledPage(page, self.TITLE_SLOT)


class UntitledPage:
    """A page as a cached fragment sees it: its title is a slot, it has no front matter; every
    other attribute is the page's own (its URL, which the theme's `url` filter reads)."""

    def __init__(self, page: Page, title: str) -> None:
        self._page = page
        self.title = title
        self.meta: dict[str, object] = {}

    def __getattr__(self, name: str) -> object:
        return getattr(self._page, name)


def _skip_markdown(page: Page, page_html: str) -> None:
    """Make `page.render` take `page_html` as the page's content, with the table of contents,
    title and anchor ids that MkDocs' own rendering would derive from it."""
    def render(config: MkDocsConfig, files: Files) -> None:
        page.content = page_html
        page.toc = get_toc([heading.toc_token() for heading in outline(page_html)])  # type: ignore[misc]
        page._title_from_render = page_title(page_html)
        page.present_anchor_ids = anchor_ids(page_html)

    page.render = render  # type: ignore[method-assign]


def _use_assets_and_safe_links(config: MkDocsConfig) -> None:
    """Load our scripts and styles on every page; vet every link of every page; keep record
    HTML away from the page's Markdown extensions."""
    for name in ASSET_FILES:
        target = config.extra_css if name.endswith(".css") else config.extra_javascript
        if f"{paths.ASSETS_DIR}/{name}" not in [str(item) for item in target]:
            target.append(f"{paths.ASSETS_DIR}/{name}")
    polyfills = config.extra.setdefault("polyfills", [])  # scripts Material loads in <head>
    for name in HEAD_FILES:
        if f"{paths.ASSETS_DIR}/{name}" not in polyfills:
            polyfills.append(f"{paths.ASSETS_DIR}/{name}")
    if not any(isinstance(ext, SafeLinksExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(SafeLinksExtension())
    if not any(isinstance(ext, RecordHtmlExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(RecordHtmlExtension())


def _search_plugin_enabled(config: MkDocsConfig) -> bool:
    return any(
        isinstance(plugin, SearchPlugin) and plugin.config.enabled
        for plugin in config.plugins.values()
    )


def _offline_plugin_enabled(config: MkDocsConfig) -> bool:
    return any(
        isinstance(plugin, OfflinePlugin) and plugin.config.enabled
        for plugin in config.plugins.values()
    )


def _without_dot_segments(url: str) -> str:
    """`url` with `a/../` and `./` resolved, as MkDocs leaves them when `edit_uri` is absolute."""
    parts = urlsplit(url)
    if "/." not in parts.path:
        return url
    path = posixpath.normpath(parts.path) + ("/" if parts.path.endswith("/") else "")
    return urlunsplit(parts._replace(path=path))


def _relative_to_docs(config: MkDocsConfig, project_path: str) -> str:
    """A path of the project as seen from the docs folder, as MkDocs' `edit_uri` expects."""
    project_root = Path(config.config_file_path).parent
    return os.path.relpath(project_root / project_path, config.docs_dir).replace(os.sep, "/")


def _load(project: Project) -> Database:
    """The database, or a build error listing every problem as `file:line: field: message`."""
    if not project.list_file.is_file():
        raise PluginError(f"curate: no {project.list_file} (set 'project_dir' of the curate plugin)")
    try:
        return build_database(project)
    except ProblemsFound as error:
        count = len(error.problems)
        raise PluginError(
            f"curate: {count} problem{'s' if count != 1 else ''} in the database:\n{error}"
        ) from None
