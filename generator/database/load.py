"""Read every YAML file of the database into source records, collecting problems."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.database.yamlsource import SourceRecord, read_record, special_kind
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
    if project.database_dir.is_symlink():  # resolving it would name the place it points to
        tree.problems.append(Problem(project.database_dir.name, 0, "", _LINKED_FOLDER))
        return tree
    database_prefix = relative_path(project.database_dir, project.root)
    list_result = read_record(project.list_file, f"{database_prefix}/{LIST_FILE}")
    if isinstance(list_result, SourceRecord):
        tree.list_source = list_result
    else:
        tree.problems.extend(list_result)
    for kind in RECORD_KINDS:
        folder = project.folder_of(kind)
        problem = _folder_problem(folder, f"{database_prefix}/{kind.folder}", kind)
        if problem:
            tree.problems.append(problem)
            continue
        for name in _yaml_names(folder):
            display_path = f"{database_prefix}/{kind.folder}/{name}"
            reserved = _reserved_name_message(name)
            result = (
                [Problem(display_path, 0, "", reserved)] if reserved
                else read_record(folder / name, display_path)
            )
            if isinstance(result, SourceRecord):
                tree.by_kind(kind).append((kind, result))
            else:
                tree.problems.extend(result)
    tree.problems.extend(_stray_files(project, database_prefix))
    tree.problems.extend(_special_files(project.root, PAGES_DIR))
    return tree


PAGES_DIR = "site"
"""Hand-written pages and theme overrides (mkdocs.yml's docs_dir), published as they are."""


def _special_files(root: Path, folder: str) -> list[Problem]:
    """Links and other non-regular files under `root/folder`: MkDocs would follow a link and
    publish what it points to (a key, /etc/passwd), or hang reading a FIFO."""
    top = root / folder
    if not top.is_symlink() and not top.is_dir():
        return []
    found = [top] if top.is_symlink() else []
    for where, subfolders, names in os.walk(top):
        subfolders.sort()
        found += [Path(where) / name for name in sorted([*subfolders, *names])]
    problems = []
    for path in found:
        kind = special_kind(path.lstat().st_mode)
        if kind and kind != "a folder":
            problems.append(Problem(
                path.relative_to(root).as_posix(), 0, "",
                f"is {kind}, not a regular file; pages must be plain files inside the project "
                "(MkDocs would follow a link and publish what it points to)",
            ))
    return problems


_LINKED_FOLDER = (
    "is a symbolic link; records must be plain files and folders inside the project "
    "(replace the link by the folder itself); not read"
)


def _folder_problem(folder: Path, display_path: str, kind: RecordKind) -> Problem | None:
    """Why the record folder `folder` cannot be read (a file, a link), or None."""
    if folder.is_symlink():
        return Problem(display_path, 0, "", _LINKED_FOLDER)
    if folder.exists() and not folder.is_dir():
        return Problem(
            display_path, 0, "",
            f"expected a folder of {kind.name} records, found a file; delete or rename it",
        )
    return None


WINDOWS_RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"{device}{number}" for device in ("COM", "LPT") for number in (*"0123456789", *"\u00b9\u00b2\u00b3")]
)
"""Device names Windows will not open as files, whatever follows the first dot."""


def _reserved_name_message(name: str) -> str:
    """Why `name` cannot be a record file name on every system, or ''."""
    device = name.split(".", 1)[0].rstrip(" ").upper()
    if device in WINDOWS_RESERVED_NAMES:
        return (
            f"'{device.lower()}' is a device name on Windows, so this file cannot be checked out "
            "there; rename the file and its id (e.g. add the venue and year)"
        )
    return ""


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
