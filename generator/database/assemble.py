"""Validate every source record, cross-check them, and index them in a `Database`."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator.database.crosscheck import check_database
from generator.database.indexed import Database, LeaderboardRow
from generator.database.load import SourceTree, load_sources
from generator.database.validate import validate_record
from generator.heap import paused_garbage_collection
from generator.models import ListConfig
from generator.models.fields import Record
from generator.problems import Problem, ProblemsFound
from generator.project import LIST_KIND, RECORD_KINDS, Project

__all__ = ["Database", "LeaderboardRow", "build_database", "check_project", "assemble_database"]


def build_database(project: Project) -> Database:
    """Load, validate and cross-check the project's database; raise `ProblemsFound` on errors."""
    database, problems = check_project(project)
    if problems or database is None:
        raise ProblemsFound(problems)
    return database


def check_project(project: Project) -> tuple[Database | None, list[Problem]]:
    """Load, validate and cross-check the project's database; return it and every problem."""
    with paused_garbage_collection():
        database, problems = assemble_database(load_sources(project), project.root)
    return database, sorted(problems)


def assemble_database(
    tree: SourceTree, root: Path | None = None,
) -> tuple[Database | None, list[Problem]]:
    """Validate every source record, then run the cross-record checks (`root`: the project
    folder, whose git history tells which of two duplicate records is the newer)."""
    problems = list(tree.problems)
    config = _validate_list(tree, problems)
    database = Database(config=config, list_source=tree.list_source)  # type: ignore[arg-type]
    database.invalid = _files_with_problems(tree.problems)
    for kind in RECORD_KINDS:
        records = database.records_of(kind.name)
        for _, source in tree.by_kind(kind):
            result = validate_record(source, kind.model)
            if isinstance(result, list):
                problems.extend(result)
                database.invalid.add((kind.name, PurePosixPath(source.path).stem))
                if kind.name == "paper":
                    database.unvalidated_papers.append(source)
                if isinstance(source.data.get("id"), str):
                    database.invalid.add((kind.name, source.data["id"]))
                continue
            record_id = result.id
            if (kind.name, record_id) in database.sources:
                other = database.sources[(kind.name, record_id)]
                problems.append(Problem(
                    source.path, source.line_of(("id",)), "id",
                    f"duplicate id '{record_id}': also used by {other.path}:{other.line_of(('id',))}",
                ))
                continue
            records[record_id] = _with_venue_id(result, config)
            database.sources[(kind.name, record_id)] = source
    if config is None:  # Cross-checks need the taxonomy; schema problems are reported already.
        return None, problems
    problems.extend(check_database(database, root))
    return database, problems


def _with_venue_id(record: Record, config: ListConfig | None) -> Record:
    """A record whose `venue:` is a declared alias of a venue ('NeurIPS' for 'NIPS', in any
    case) names that venue by its id, so pages group and link it as one venue. Ids themselves
    are exact: 'cvpr' is refused with a 'did you mean CVPR?'."""
    written = getattr(record, "venue", None)
    if config is None or not isinstance(written, str):
        return record
    for venue in config.venues:
        if written.casefold() in {alias.casefold() for alias in venue.aliases}:
            return record.model_copy(update={"venue": venue.id})
    return record


def _files_with_problems(problems: list[Problem]) -> set[tuple[str, str]]:
    """(kind name, file stem) of each record file the load step could not read."""
    kind_by_folder = {kind.folder: kind.name for kind in RECORD_KINDS}
    found = set()
    for problem in problems:
        path = PurePosixPath(problem.path)
        kind_name = kind_by_folder.get(path.parent.name)
        if kind_name:
            found.add((kind_name, path.stem))
    return found


def _validate_list(tree: SourceTree, problems: list[Problem]) -> ListConfig | None:
    if tree.list_source is None:
        return None
    result = validate_record(tree.list_source, LIST_KIND.model)
    if isinstance(result, list):
        problems.extend(result)
        return None
    return result
