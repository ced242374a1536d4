"""Decide what to write, then write it: new records only, unless --force replaces existing ones.

Which existing record an imported one is: `generator.importer.matching`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import write_texts_atomically
from generator.database.assemble import Database
from generator.database.schema import write_schemas
from generator.database.write import record_yaml
from generator.importer.matching import existing_records
from generator.importer.records import Imported, ImportedList
from generator.models import Implementation, Paper
from generator.project import KIND_BY_NAME, LIST_KIND, Project


@dataclass
class Plan:
    """Files to write and records left as they are."""

    writes: list[tuple[Path, str]] = field(default_factory=list)
    kept: list[tuple[Imported, str]] = field(default_factory=list)
    """Imported records matching an existing one, with the existing record's id."""
    new_project: bool = False
    forced: bool = False


def plan_writes(project: Project, imported: ImportedList, database: Database | None, force: bool) -> Plan:
    """Which files the import writes into `project`."""
    plan = Plan(new_project=database is None, forced=force)
    if imported.config is not None:
        plan.writes.append((project.list_file, record_yaml(LIST_KIND, imported.config)))
    indexes = existing_records(database) if database else {}
    matches = {
        (made.kind, made.record.id): indexes[made.kind].match(made.record)  # type: ignore[attr-defined]
        for made in imported.records
        if indexes
    }
    for made in imported.records:
        existing_id = matches.get((made.kind, made.record.id))  # type: ignore[attr-defined]
        made = _with_references(made, matches)
        if existing_id is not None:
            plan.kept.append((made, existing_id))
            if not force:
                continue
            made = Imported(made.kind, made.record.model_copy(update={"id": existing_id}), made.lines)
        kind = KIND_BY_NAME[made.kind]
        record_id: str = made.record.id  # type: ignore[attr-defined]
        plan.writes.append((project.record_path(kind, record_id), record_yaml(kind, made.record)))
    return plan


def _with_references(made: Imported, matches: dict[tuple[str, str], str | None]) -> Imported:
    """Point references at the existing records the imported ones matched."""
    record = made.record
    if isinstance(record, Implementation) and record.paper:
        paper = matches.get(("paper", record.paper)) or record.paper
        record = record.model_copy(update={"paper": paper})
    if isinstance(record, Paper) and record.results:
        rows = [
            row.model_copy(
                update={"leaderboard": matches.get(("leaderboard", row.leaderboard)) or row.leaderboard}
            )
            for row in record.results
        ]
        record = record.model_copy(update={"results": rows})
    return Imported(made.kind, record, made.lines)


def write_plan(project: Project, plan: Plan) -> None:
    """Write every planned file; a new project also gets its JSON Schemas."""
    write_texts_atomically(plan.writes)
    if plan.new_project:
        write_schemas(project.schema_dir)
