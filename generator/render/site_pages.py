"""Every generated page and file of the site, rendered in memory from the database."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from generator.database.assemble import Database
from generator.render.bibtex import bibtex_database
from generator.render.json_export import export_document
from generator.render.leaderboard_pages import leaderboard_page
from generator.render.list_pages import list_pages
from generator.render.pre_rendered import MARKER, with_heading_ids
from generator.render.reader_pages import reader_pages
from generator.render.shared_fragments import SharedFragments
from generator.render.templates import has_override, render
from generator.views import paths
from generator.views.feed import feed_view
from generator.views.list_views import list_views
from generator.views.paper_page import paper_page_views

ASSET_FILES = (
    "curate.css", "curate.js", "leaderboard.js", "curate-reader.css", "curate-reading.js",
    "curate-facets.js",
)
"""Files of `generator/assets/` served under `assets/curate/` and loaded by every page."""
HEAD_FILES = ("downloads_on_demand.js",)
"""Scripts of `generator/assets/` loaded in every page's <head>, before the theme's own."""
VENDORED_FILES = ("vendor/iframe-worker.js",)
PAPER_HTML = "site/paper.html.j2"
"""The paper page's template; a project's own `site/paper.md.j2` (the template before it was
written as HTML) is used instead when it has one."""
"""Third-party files of `generator/assets/` (licence in each), served under `assets/curate/`
and loaded only where needed: see `paths.WORKER_SHIM`."""


@dataclass
class SiteContent:
    """The generated part of the site: Markdown pages, the home block, static files."""

    pages: dict[str, str] = field(default_factory=dict)
    """Markdown text by path under the docs folder."""
    files: dict[str, str | bytes] = field(default_factory=dict)
    """Static files (exports, feed, assets) by path under the site folder."""
    home: str = ""
    """The generated part of the home page, for the `<!-- curate:home -->` marker."""
    leaderboard_pages: list[str] = field(default_factory=list)
    """Pages of the leaderboards, listed in the navigation under the leaderboards index."""
    paper_pages: list[str] = field(default_factory=list)
    """Pages of the papers, reached through the indices rather than the navigation."""
    record_files: dict[str, str] = field(default_factory=dict)
    """Page path -> the record file (relative to the project) it shows, for 'edit' links."""
    unsearched: set[str] = field(default_factory=set)
    """Pages left out of the search index: lists that only repeat what the paper pages hold
    (titles, venues, years, tags). `write_front_matter` marks them in their own text."""

    def write_front_matter(self) -> None:
        """Write each page's search settings into its front matter, where MkDocs and
        Zensical both read them: `search: {exclude: true}` for the unsearched pages. Called
        once, when every page is rendered."""
        for path in self.unsearched:
            self.pages[path] = excluded_from_search(self.pages[path])


SEARCH_EXCLUDED = "search:\n  exclude: true\n"
"""Front matter that keeps a page out of Material's search index."""


def excluded_from_search(markdown: str) -> str:
    """`markdown` with `search: {exclude: true}` added to its front matter (or a new one)."""
    if markdown.startswith("---\n"):
        return f"---\n{SEARCH_EXCLUDED}{markdown[4:]}"
    return f"---\n{SEARCH_EXCLUDED}---\n{markdown}"


def generate_site(
    database: Database, *, site_url: str | None = None, override_root: Path | None = None,
    directory_urls: bool = True,
) -> SiteContent:
    """Derive every view from the database and render each page and file to text."""
    def page(template: str, here: str, **context: object) -> str:
        return render(template, override_root, here=here, root_url=root_url, **context)

    def root_url(target: str) -> str:
        return paths.site_url(target, directory_urls)

    shared = SharedFragments(directory_urls)

    @functools.cache
    def markdown_override(template: str) -> str | None:
        """The Markdown template of earlier versions of a page now written as HTML, when the
        project overrides it: the project keeps its page."""
        legacy = template.removesuffix(".html.j2") + ".md.j2"
        return legacy if has_override(override_root, legacy) else None

    def html_page(template: str, here: str, **context: object) -> str:
        """A page written as HTML after its front matter (see `render/pre_rendered.py`)."""
        legacy = markdown_override(template)
        if legacy is not None:
            return page(legacy, here, **context)

        def url(target: str) -> str:
            return paths.url_from(here, target, directory_urls)
        return with_heading_ids(render(
            template, override_root, here=here, root_url=root_url, url=url, marker=Markup(MARKER),
            once=shared.once_on(here), from_root=shared.from_root, **context))

    def html(template: str, here: str, **context: object) -> Markup:
        """Raw HTML for a Markdown page; `url(target)` links from `here` as MkDocs will write it."""
        def url(target: str) -> str:
            return paths.url_from(here, target, directory_urls)
        return Markup(render(template, override_root, url=url, **context))

    views = list_views(database)
    refs, boards, sections = views.refs, views.boards, views.sections
    implementations = [item for framework in views.frameworks for item in framework.implementations]
    site = SiteContent()
    site.home = page("site/home.md.j2", paths.HOME, home=views.home)
    site.pages[paths.LEADERBOARDS] = page("site/leaderboards.md.j2", paths.LEADERBOARDS, boards=boards)
    for board in boards:
        site.leaderboard_pages.append(board.page)
        site.record_files[board.page] = database.source_of("leaderboard", board.id).path
        markup = functools.partial(
            render, override_root=override_root, board=board, here=board.page,
            directory_urls=directory_urls)
        board_page = leaderboard_page(
            board, functools.partial(page, here=board.page), markup, directory_urls)
        site.pages[board.page] = board_page.markdown
        if board_page.rows_script is not None:
            site.files[paths.leaderboard_rows_script(board.id)] = board_page.rows_script
    site.pages.update(list_pages(views, database.config.site.list_part_entries, page, html_page, html))
    site.pages[paths.IMPLEMENTATIONS] = page(
        "site/implementations.md.j2", paths.IMPLEMENTATIONS, frameworks=views.frameworks)
    site.pages[paths.RESOURCES] = page(
        "site/resources.md.j2", paths.RESOURCES, kinds=views.kinds)
    reader = reader_pages(database, refs, sections, page, html_page, html)
    site.pages.update(reader.pages)
    site.files.update(reader.files)
    # Lists that only repeat the paper pages' titles stay out of the search index (the
    # papers page says so in its own front matter). Author pages too: there are about three
    # per paper, and the paper pages already index every author's name. Topic and tag pages
    # stay findable by their title and summary; their paper lists are data-search-exclude.
    site.unsearched.update((paths.YEARS, paths.VENUES, paths.TOPICS, paths.CHECKLIST, paths.TAGS,
                            paths.AUTHORS))
    site.unsearched.update(page for page in site.pages if "/part-" in page or page.startswith("authors/"))
    for view in paper_page_views(database, refs, boards, implementations, reader.author_targets):
        site.pages[view.ref.page] = html_page(PAPER_HTML, view.ref.page, page=view)
        site.paper_pages.append(view.ref.page)
        site.record_files[view.ref.page] = database.source_of("paper", view.ref.id).path
    # Compact JSON: the same document as `curate export`, smaller and several times faster.
    site.files[paths.JSON_EXPORT] = json.dumps(
        export_document(database), ensure_ascii=False, separators=(",", ":"))
    site.files[paths.BIBTEX_EXPORT] = bibtex_database(database)
    site.files[paths.FEED] = render(
        "site/feed.xml.j2", override_root,
        feed=feed_view(database, refs, site_url, directory_urls))
    for name in (*ASSET_FILES, *HEAD_FILES, *VENDORED_FILES):
        site.files[f"{paths.ASSETS_DIR}/{name}"] = (
            resources.files("generator") / "assets" / name).read_text(encoding="utf-8")
    site.write_front_matter()
    return site
