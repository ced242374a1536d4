"""The `curate` MkDocs plugin: loads `papers/` and hands the generated pages to MkDocs."""

from __future__ import annotations

import logging
import os
import posixpath
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.database.assemble import build_database
from generator.problems import ProblemsFound
from generator.project import Project
from generator.render.safe_links import SafeLinksExtension
from generator.render.site_pages import ASSET_FILES, HEAD_FILES, SiteContent, generate_site
from generator.render.templates import OVERRIDES_DIR
from generator.views import paths

HOME_MARKER = "<!-- curate:home -->"
"""Where the hand-written home page receives the generated counts, latest papers and links."""

log = logging.getLogger("mkdocs.plugins.curate")


class CurateConfig(base.Config):
    project_dir = c.Type(str, default=".")
    """Folder holding `papers/`, relative to mkdocs.yml."""


class CuratePlugin(BasePlugin[CurateConfig]):
    """Generate the list's pages from `papers/` on every build."""

    def __init__(self) -> None:
        self.project: Project | None = None
        self.content = SiteContent()
        self.generation_seconds = 0.0

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
        self.project = Project(Path(config.config_file_path).parent / self.config.project_dir)
        started = time.perf_counter()
        database = _load(self.project)
        config.site_name = database.config.title
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
            files.append(File.generated(
                config, paths.HOME, content=f"# {config.site_name}\n\n{HOME_MARKER}\n"))
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

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if page.edit_url:  # a record's path from the docs folder starts with '../'
            page.edit_url = _without_dot_segments(page.edit_url)
        return page

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Put the generated home block at the marker, or below a home page without one."""
        if HOME_MARKER in markdown:
            return markdown.replace(HOME_MARKER, self.content.home)
        if page.file.src_uri == paths.HOME:
            return f"{markdown.rstrip()}\n\n{self.content.home}"
        return markdown

    def on_serve(self, server, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        """Rebuild when a record or one of the project's own templates changes."""
        if self.project is not None:
            server.watch(str(self.project.database_dir))
            overrides = self.project.root / OVERRIDES_DIR
            if overrides.is_dir():
                server.watch(str(overrides))
        return server


def _use_assets_and_safe_links(config: MkDocsConfig) -> None:
    """Load our scripts and styles on every page; vet every link of every page."""
    for name in ASSET_FILES:
        target = config.extra_css if name.endswith(".css") else config.extra_javascript
        if f"{paths.ASSETS_DIR}/{name}" not in [str(item) for item in target]:
            target.append(f"{paths.ASSETS_DIR}/{name}")
    polyfills = config.extra.setdefault("polyfills", [])  # scripts Material loads in <head>
    for name in HEAD_FILES:
        if f"{paths.ASSETS_DIR}/{name}" not in polyfills:
            polyfills.append(f"{paths.ASSETS_DIR}/{name}")
    if not any(isinstance(ext, SafeLinksExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(SafeLinksExtension())  # type: ignore[arg-type]


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


def _load(project: Project):  # type: ignore[no-untyped-def]
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
