"""`curate export`: the whole database as one JSON document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.atomic import write_text_atomically
from generator.commands.common import database_of
from generator.render.json_export import export_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the whole database as one JSON document",
        description=(
            "Validate the database and print it as one JSON document: list, taxonomy, "
            "venues, tags, papers, leaderboards with their result rows, implementations "
            "and resources. The format is described in README.md ('The export format')."
        ),
    )
    parser.add_argument("--format", choices=("json",), default="json", help="output format (json)")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = export_json(database_of(args))
    if args.output:
        write_text_atomically(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
