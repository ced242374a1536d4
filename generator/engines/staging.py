"""The whole site source in one folder: hand-written pages, every generated page and file, and a
configuration that needs no plugin, so that any engine reading `mkdocs.yml` can build it.

The staged folder holds:

- `docs/`: the project's docs folder (hand-written pages) with every generated page, export,
  feed and asset added, and the generated home block put at its marker;
- `overrides/`: the project's theme overrides (`theme.custom_dir`), if any;
- `mkdocs.yml`: the project's configuration with `docs_dir` and `custom_dir` pointing at those,
  the list's title as `site_name`, each leaderboard listed under the leaderboards index, paper
  pages kept out of the navigation (`not_in_nav`), our styles, script and link vetting declared
  as plain settings, and the `curate` plugin told to only point 'edit' links at records;
- `curate-edit-links.json`: generated page -> its record file (or null: no 'edit' link),
  read by that plugin (engines without plugins ignore it).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from generator.database.assemble import build_database
from generator.errors import CurateError
from generator.project import Project
from generator.render.markdown_escape import escape_markdown
from generator.render.site_pages import ASSET_FILES, HEAD_FILES, SiteContent, generate_site
from generator.views import paths

HOME_MARKER = "<!-- curate:home -->"
"""Where the hand-written home page receives the generated counts, latest papers and links."""
PLUGIN = "curate"
EDIT_LINKS_FILE = "curate-edit-links.json"
SAFE_LINKS_EXTENSION = "generator.render.safe_links"
RECORD_HTML_EXTENSION = "generator.render.record_html_markdown"
"""Stashes our sanitized record HTML whole, so the site's extensions never read record text."""
STAGED_DOCS = "docs"
STAGED_OVERRIDES = "overrides"
STAGED_SITE = "site"


class StagingFailed(CurateError):
    """The project's site configuration cannot be staged."""


class _ConfigDumper(yaml.SafeDumper):
    """Plain YAML, plus the `!!python/name:` tags mkdocs.yml may hold (e.g. Material's emoji
    functions), written back as they were read; both engines read them."""


def _represent_name(dumper: yaml.SafeDumper, value: Any) -> yaml.Node:
    name = f"{value.__module__}.{value.__qualname__}"
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{name}", "")


for _kind in (types.FunctionType, types.BuiltinFunctionType):
    _ConfigDumper.add_representer(_kind, _represent_name)
_ConfigDumper.add_multi_representer(type, _represent_name)


@dataclass(frozen=True)
class StagedSite:
    """A staged site source: build it with `<engine> build -f <config_file>`."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs_dir(self) -> Path:
        return self.root / STAGED_DOCS

    @property
    def site_dir(self) -> Path:
        return self.root / STAGED_SITE


def home_page(markdown: str, home_block: str) -> str:
    """The home page with the generated block at its marker, or below its text without one."""
    if HOME_MARKER in markdown:
        return markdown.replace(HOME_MARKER, home_block)
    return f"{markdown.rstrip()}\n\n{home_block}"


def default_home(list_title: str) -> str:
    """The home page of a project without a hand-written one (the title is record text)."""
    return f"# {escape_markdown(list_title)}\n\n{HOME_MARKER}\n"


def read_config(project: Project) -> dict[str, Any]:
    """The project's mkdocs.yml as plain data (`!ENV` resolved as MkDocs does)."""
    if not project.mkdocs_file.is_file():
        raise StagingFailed(f"no {project.mkdocs_file}; the site needs a MkDocs configuration")
    try:
        with project.mkdocs_file.open(encoding="utf-8") as source:
            config = yaml_load(source)
    except (OSError, yaml.YAMLError) as error:
        raise StagingFailed(f"{project.mkdocs_file}: cannot read it: {error}") from None
    if not isinstance(config, dict):
        raise StagingFailed(f"{project.mkdocs_file}: expected a mapping of settings")
    return config


def stage_site(project: Project, root: Path) -> StagedSite:
    """Write the whole site source of `project` into the new folder `root`; an engine builds
    it into `root/site/` (Zensical accepts no `site_dir` outside the configuration's folder)."""
    config = read_config(project)
    database = build_database(project)
    staged = StagedSite(root)
    config_dir = project.mkdocs_file.parent
    docs_dir = (config_dir / config.get("docs_dir", "docs")).resolve()
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else None
    custom_dir = (config_dir / theme["custom_dir"]).resolve() if theme and theme.get("custom_dir") else None
    directory_urls = bool(config.get("use_directory_urls", True))

    content = generate_site(
        database, site_url=config.get("site_url") or database.config.site_url,
        override_root=project.root, directory_urls=directory_urls,
    )
    _copy_hand_written(docs_dir, staged.docs_dir, skip=custom_dir)
    _write_generated(content, staged.docs_dir, docs_dir)
    home = staged.docs_dir / paths.HOME
    site_name = database.config.title
    hand_written_home = home.read_text(encoding="utf-8") if home.is_file() else default_home(site_name)
    home.write_text(home_page(hand_written_home, content.home), encoding="utf-8")
    if custom_dir is not None and custom_dir.is_dir():
        shutil.copytree(custom_dir, root / STAGED_OVERRIDES)

    edit_links: dict[str, str | None] = dict.fromkeys(content.pages)  # nothing to edit by hand
    edit_links.update({
        page: os.path.relpath(project.root / record, docs_dir).replace(os.sep, "/")
        for page, record in content.record_files.items()
    })
    (root / EDIT_LINKS_FILE).write_text(json.dumps(edit_links, indent=1, sort_keys=True), encoding="utf-8")
    staged_config = staged_configuration(
        config, content, site_name=site_name,
        custom_dir=custom_dir is not None and custom_dir.is_dir(),
        paper_folder_is_generated=not (docs_dir / "papers").exists(),
    )
    staged_config["site_dir"] = STAGED_SITE
    staged.config_file.write_text(
        yaml.dump(staged_config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8")
    return staged


def staged_configuration(
    config: dict[str, Any], content: SiteContent, *, site_name: str, custom_dir: bool,
    paper_folder_is_generated: bool,
) -> dict[str, Any]:
    """The project's configuration for the staged folder: what the plugin did, as settings."""
    staged = dict(config)
    staged["site_name"] = html.escape(site_name)  # the theme prints the site name unescaped
    staged["docs_dir"] = STAGED_DOCS
    if isinstance(staged.get("theme"), dict):
        staged["theme"] = dict(staged["theme"])
        if custom_dir:
            staged["theme"]["custom_dir"] = STAGED_OVERRIDES
        else:
            staged["theme"].pop("custom_dir", None)

    plugins = _plugin_entries(staged.get("plugins", []))
    names = [name for name, _ in plugins]
    staged["plugins"] = [
        {name: options} if options is not None else name
        for name, options in plugins if name != PLUGIN
    ] + [{PLUGIN: {"edit_links": EDIT_LINKS_FILE}}]
    extra = dict(staged.get("extra") or {})  # polyfills: scripts Material loads in <head>
    # In the plugin's order: the offline shim (configured first), then our head scripts.
    head_scripts = [paths.WORKER_SHIM] if "offline" in names else []
    head_scripts += [f"{paths.ASSETS_DIR}/{name}" for name in HEAD_FILES]
    extra["polyfills"] = [*extra.get("polyfills", []), *head_scripts]
    staged["extra"] = extra

    for name in ASSET_FILES:
        key = "extra_css" if name.endswith(".css") else "extra_javascript"
        staged[key] = [*staged.get(key, []), f"{paths.ASSETS_DIR}/{name}"]
    staged["markdown_extensions"] = [
        *staged.get("markdown_extensions", []), SAFE_LINKS_EXTENSION, RECORD_HTML_EXTENSION]

    # One pattern for the folder rather than one per paper (thousands slow every file's match).
    hidden = ["/papers/"] if paper_folder_is_generated else [f"/{page}" for page in content.paper_pages]
    staged["not_in_nav"] = "\n".join([*str(staged.get("not_in_nav") or "").splitlines(), *hidden])
    if "nav" in staged:
        staged["nav"] = _with_leaderboards(staged["nav"], content.leaderboard_pages)
    return staged


def _plugin_entries(plugins: Any) -> list[tuple[str, Any]]:
    """`plugins:` as (name, options or None) pairs, from its list or mapping form."""
    if isinstance(plugins, dict):
        return list(plugins.items())
    entries: list[tuple[str, Any]] = []
    for item in plugins or []:
        if isinstance(item, dict):
            entries.extend(item.items())
        else:
            entries.append((str(item), None))
    return entries


def _with_leaderboards(nav: Any, leaderboard_pages: list[str]) -> Any:
    """`nav` with the leaderboard pages right after the leaderboards index, in its section."""
    if isinstance(nav, list):
        if paths.LEADERBOARDS in nav or any(
            isinstance(item, dict) and paths.LEADERBOARDS in item.values() for item in nav
        ):
            result: list[Any] = []
            for item in nav:
                result.append(item)
                if item == paths.LEADERBOARDS or (
                    isinstance(item, dict) and paths.LEADERBOARDS in item.values()
                ):
                    result.extend(leaderboard_pages)
            return result
        return [_with_leaderboards(item, leaderboard_pages) for item in nav]
    if isinstance(nav, dict):
        return {title: _with_leaderboards(item, leaderboard_pages) for title, item in nav.items()}
    return nav


def _copy_hand_written(docs_dir: Path, target: Path, *, skip: Path | None) -> None:
    """The project's docs folder, without its theme overrides."""
    if not docs_dir.is_dir():
        target.mkdir(parents=True)
        return
    def ignore(folder: str, names: list[str]) -> set[str]:
        return {name for name in names if skip is not None and Path(folder, name).resolve() == skip}
    shutil.copytree(docs_dir, target, ignore=ignore)


def _write_generated(content: SiteContent, target: Path, docs_dir: Path) -> None:
    """Every generated page and file; a hand-written file at the same path is an error."""
    clashes = [name for name in (*content.pages, *content.files) if (target / name).exists()]
    if clashes:
        raise StagingFailed(
            f"{docs_dir / clashes[0]} is hand-written but curate generates that page; "
            "rename or remove the hand-written file"
        )
    for name, text in {**content.pages, **content.files}.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
