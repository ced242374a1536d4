"""`curate schema`: write the JSON Schema of every record kind for editors."""

from __future__ import annotations

import argparse

from generator.commands.common import project_of
from generator.database.schema import stale_schemas, write_schemas
from generator.problems import relative_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="write JSON Schema files for every record kind into papers/schema/",
        description=(
            "Write papers/schema/<kind>.schema.json for the list file and every record kind. "
            "Each record starts with '# yaml-language-server: $schema=../schema/<kind>.schema.json' "
            "so editors with the YAML language server validate and complete fields as you type."
        ),
    )
    parser.add_argument(
        "--check", action="store_true",
        help="write nothing; exit 1 when a schema file is missing or out of date",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    if args.check:
        stale = stale_schemas(project.schema_dir)
        for name in stale:
            shown = relative_path(project.schema_dir / name, project.root)
            print(f"{shown}: out of date; run 'curate schema'")
        return 1 if stale else 0
    changed = write_schemas(project.schema_dir)
    for path in changed:
        print(f"wrote {relative_path(path, project.root)}")
    if not changed:
        print("schemas are up to date")
    return 0
