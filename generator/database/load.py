"""Read every YAML file of the database into source records, collecting problems."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.database.yamlsource import SourceRecord, read_record
from generator.problems import Problem, relative_path
from generator.project import LIST_FILE, LIST_KIND, RECORD_KINDS, SCHEMA_DIR, Project, RecordKind

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class SourceTree:
    """Everything read from `papers/`: source records by kind, and what went wrong."""

    list_source: SourceRecord | None = None
    sources: dict[str, list[tuple[RecordKind, SourceRecord]]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def by_kind(self, kind: RecordKind) -> list[tuple[RecordKind, SourceRecord]]:
        return self.sources.setdefault(kind.name, [])


def load_sources(project: Project) -> SourceTree:
    """Read the list file and every record file under `papers/`."""
    tree = SourceTree()
    database_prefix = relative_path(project.database_dir, project.root)
    list_result = read_record(project.list_file, f"{database_prefix}/{LIST_FILE}")
    if isinstance(list_result, SourceRecord):
        tree.list_source = list_result
    else:
        tree.problems.extend(list_result)
    for kind in RECORD_KINDS:
        if project.folder_of(kind).is_file():
            tree.problems.append(Problem(
                f"{database_prefix}/{kind.folder}", 0, "",
                f"expected a folder of {kind.name} records, found a file; delete or rename it",
            ))
        for name in _yaml_names(project.folder_of(kind)):
            display_path = f"{database_prefix}/{kind.folder}/{name}"
            result = read_record(project.folder_of(kind) / name, display_path)
            if isinstance(result, SourceRecord):
                tree.by_kind(kind).append((kind, result))
            else:
                tree.problems.extend(result)
    tree.problems.extend(_stray_files(project, database_prefix))
    return tree


def _yaml_names(folder: Path) -> list[str]:
    """Sorted names of the YAML files directly inside `folder` (none if it is missing)."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entry.name for entry in entries if entry.name.endswith(YAML_SUFFIXES))
    except (FileNotFoundError, NotADirectoryError):
        return []


def _stray_files(project: Project, database_prefix: str) -> list[Problem]:
    """YAML files that would silently be ignored: outside the record folders, in a subfolder
    of one, or named `.YAML`/`.Yml`; report them."""
    record_folders = {kind.folder for kind in RECORD_KINDS}
    folders = ", ".join(f"{folder}/" for folder in sorted(record_folders))
    problems = []
    for folder, subfolders, names in os.walk(project.database_dir):
        relative = Path(folder).relative_to(project.database_dir).as_posix()
        if relative == SCHEMA_DIR:
            subfolders.clear()
            continue
        subfolders.sort()
        top = relative.split("/")[0]
        for name in sorted(names):
            shown = f"{database_prefix}/{name}" if relative == "." else f"{database_prefix}/{relative}/{name}"
            message = _stray_message(relative, top, name, record_folders, folders)
            if message:
                problems.append(Problem(shown, 0, "", message))
    return problems


def _stray_message(relative: str, top: str, name: str, record_folders: set[str], folders: str) -> str:
    """Why the file `name` in folder `relative` of papers/ is not read, or '' when it is fine."""
    if not name.lower().endswith(YAML_SUFFIXES):
        return ""
    if not name.endswith(YAML_SUFFIXES):
        stem = name[: name.rindex(".")]
        return f"only .yaml and .yml files are read; rename it to {stem}.yaml"
    if relative in record_folders or (relative == "." and name == LIST_FILE):
        return ""
    if top in record_folders:
        return f"records are read only directly inside papers/{top}/; move it there"
    return f"not in a record folder; move it into one of {folders} under papers/"


__all__ = ["LIST_KIND", "SourceTree", "load_sources"]
