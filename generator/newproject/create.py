"""Write a new project: the template's files, papers/list.yaml (unless imported) and the README."""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pydantic import ValidationError

from generator.atomic import write_texts_atomically
from generator.database.assemble import build_database
from generator.database.schema import write_schemas
from generator.database.validate import error_messages
from generator.database.write import record_yaml
from generator.errors import EXIT_USAGE, CurateError
from generator.models import ListConfig
from generator.models.listconfig import Section, Topic
from generator.project import LIST_KIND, Project
from generator.render.readme import fresh_readme
from generator.render.readme_guard import sign

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "project_template"
PROJECT_MARKERS = ("papers/list.yaml", "mkdocs.yml")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


class ProjectExists(CurateError):
    """The folder already holds a project (or a file the template would replace)."""

    exit_code = EXIT_USAGE


def template_files() -> list[Path]:
    """Every file of the template, relative to it, in a stable order."""
    return sorted(
        path.relative_to(TEMPLATE_DIR) for path in TEMPLATE_DIR.rglob("*") if path.is_file()
    )


def starter_config(title: str) -> ListConfig:
    """The list config of a project started without a list: one section with one topic."""
    return ListConfig(
        title=title,
        description=f"A curated list of papers: {markdown_escaped(title)}.",
        sections=[
            Section(
                id="papers",
                title="Papers",
                topics=[Topic(id="general", title="General", description="Papers on the subject.")],
            )
        ],
    )


def title_problem(title: str) -> str | None:
    """Why `title` cannot be a list's title (as `curate validate` words it), or None."""
    try:
        starter_config(title)
    except ValidationError as error:
        return "; ".join(message.removeprefix("title: ") for message in error_messages(ListConfig, error))
    return None


def check_free(root: Path) -> None:
    """Raise `ProjectExists` when `root` already has a project or a file of the template."""
    taken = [name for name in PROJECT_MARKERS if (root / name).exists()]
    taken += [str(path) for path in template_files() if (root / path).exists()]
    if taken:
        raise ProjectExists(f"{root}: already has {', '.join(sorted(set(taken))[:3])}; "
                            "give an empty or new folder")


def create_project(root: Path, title: str | None, *, imported: bool) -> list[Path]:
    """Write the template into `root` (and papers/list.yaml unless `imported`); the written paths."""
    project = Project(root)
    if not imported:
        config = starter_config(title or _title_of_folder(root))
        write_texts_atomically([(project.list_file, record_yaml(LIST_KIND, config))])
        write_schemas(project.schema_dir)
    config = build_database(project).config
    writes = [
        (root / path, _filled((TEMPLATE_DIR / path).read_text(encoding="utf-8"), config))
        for path in template_files()
    ]
    write_texts_atomically(writes)
    for path, _ in writes:
        if path.parent.name == ".ci":
            path.chmod(0o755)
    readme = root / "README.md"
    write_texts_atomically([(readme, sign(fresh_readme(readme, build_database(project), root)))])
    return [project.list_file, *(path for path, _ in writes)]


def markdown_escaped(text: str) -> str:
    """`text` with every Markdown marker backslash-escaped, so it reads as plain text."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _title_of_folder(root: Path) -> str:
    words = re.split(r"[-_\s]+", root.resolve().name)
    return " ".join(word[:1].upper() + word[1:] for word in words if word) or "Paper list"


def _filled(text: str, config: ListConfig) -> str:
    """The template text with the list's title and description (escaped for YAML or Markdown)."""
    description = " ".join(config.description.split())
    values = {
        "__LIST_TITLE_YAML__": json.dumps(config.title, ensure_ascii=False),
        "__LIST_DESCRIPTION_YAML__": json.dumps(description, ensure_ascii=False),
        "__LIST_TITLE_MD__": markdown_escaped(config.title),
        "__LIST_DESCRIPTION_MD__": config.description.strip(),
        "__CURATE_VERSION__": _curate_version(),
    }
    for marker, value in values.items():
        text = text.replace(marker, value)
    return text


def _curate_version() -> str:
    try:
        return version("curate-awesome")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.1.0"
