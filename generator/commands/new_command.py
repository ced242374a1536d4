"""`curate new DIR [--from LIST.md] [--title ...]`: start a complete list project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.import_command import add_import_options, report_if_asked, summary
from generator.importer import import_list
from generator.newproject import ProjectExists, create_project
from generator.newproject.create import check_free, title_problem


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="create a complete list project in a new folder",
        description=(
            "Create DIR with everything a list needs: papers/list.yaml, mkdocs.yml, site/ pages, "
            "a README with the generated list, GitHub workflows and templates, a pre-commit "
            "configuration and .gitignore. With --from, import a Markdown list first (as "
            "'curate import' does). Then 'curate validate' and 'curate build' work in DIR."
        ),
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the new project's folder")
    parser.add_argument(
        "--from", dest="source", type=Path, metavar="LIST.md", help="a Markdown list to import"
    )
    parser.add_argument("--title", help="the list's title (default: the list's or the folder's)")
    add_import_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = args.directory / args.folder
    if args.title is not None:
        problem = title_problem(args.title)
        if problem:
            print(f"curate new: --title: {problem}", file=sys.stderr)
            return 2
    try:
        check_free(root)
    except ProjectExists as error:
        print(f"curate new: {error}", file=sys.stderr)
        return 2
    if args.source is not None:
        if not args.source.is_file():
            print(f"curate new: {args.source}: no such file", file=sys.stderr)
            return 2
        outcome = import_list(
            args.source, root, allow_skips=args.allow_skips, added=args.added, title=args.title
        )
        print(summary(outcome, root))
        report_if_asked(args, outcome)
        if not outcome.written:
            print("curate new: nothing created", file=sys.stderr)
            return 1
    written = create_project(root, args.title, imported=args.source is not None)
    print(f"created {root} ({len(written)} files); next: curate -C {root} build")
    return 0
