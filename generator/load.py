"""Read every YAML file of the database into source records, collecting problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.layout import LIST_KIND, RECORD_KINDS, SCHEMA_DIR, Project, RecordKind
from generator.problems import Problem, relative_path
from generator.yamlsource import SourceRecord, read_record

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
    list_path = project.list_file
    list_result = read_record(list_path, relative_path(list_path, project.root))
    if isinstance(list_result, SourceRecord):
        tree.list_source = list_result
    else:
        tree.problems.extend(list_result)
    known = {list_path.resolve()}
    for kind in RECORD_KINDS:
        folder = project.folder_of(kind)
        for file_path in sorted(folder.glob("*")) if folder.is_dir() else ():
            if file_path.suffix not in YAML_SUFFIXES:
                continue
            known.add(file_path.resolve())
            display_path = relative_path(file_path, project.root)
            result = read_record(file_path, display_path)
            if isinstance(result, SourceRecord):
                tree.by_kind(kind).append((kind, result))
            else:
                tree.problems.extend(result)
    tree.problems.extend(_stray_files(project, known))
    return tree


def _stray_files(project: Project, known: set[Path]) -> list[Problem]:
    """YAML files that no record folder holds would silently be ignored: report them."""
    folders = ", ".join(f"{kind.folder}/" for kind in RECORD_KINDS)
    problems = []
    for file_path in sorted(project.database_dir.rglob("*")):
        if file_path.suffix not in YAML_SUFFIXES or file_path.resolve() in known:
            continue
        if SCHEMA_DIR in file_path.relative_to(project.database_dir).parts[:1]:
            continue
        problems.append(Problem(
            relative_path(file_path, project.root), 0, "",
            f"not in a record folder; move it into one of {folders} under papers/",
        ))
    return problems


__all__ = ["LIST_KIND", "SourceTree", "load_sources"]
