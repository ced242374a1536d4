"""`curate validate`: check every record and report all problems in one run."""

from __future__ import annotations

import argparse
import sys

from generator.commands.common import project_of
from generator.database.assemble import check_project
from generator.problems import format_problems


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check every record; print file:line: field: message for each problem",
        description=(
            "Load papers/ and check every record: YAML syntax, field names and types, "
            "ids equal to file names, references to topics, venues, tags, papers and "
            "leaderboards, duplicate papers (same arXiv id, DOI or title) and URLs. "
            "Exit 0 when clean, 1 when any problem is found."
        ),
    )
    parser.add_argument(
        "--format", choices=("text", "json", "github"), default="text",
        help="text: file:line: field: message (default); json: a list of problems; "
        "github: ::error annotations for GitHub Actions",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    database, problems = check_project(project)
    if args.format == "json":
        print(format_problems(problems, "json"))
    elif problems:
        print(format_problems(problems, args.format))
    if problems:
        count = len(problems)
        print(f"curate: {count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    assert database is not None
    if args.format == "text":
        print(
            f"ok: {_count(database.papers, 'paper')}, {_count(database.leaderboards, 'leaderboard')}, "
            f"{_count(database.implementations, 'implementation')}, {_count(database.resources, 'resource')}"
        )
    return 0


def _count(records: dict, noun: str) -> str:
    return f"{len(records)} {noun}{'' if len(records) == 1 else 's'}"
