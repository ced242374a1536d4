"""`curate readme`: write the list into README.md, between its markers."""

from __future__ import annotations

import argparse

from generator.atomic import write_text_atomically
from generator.commands.common import database_of, project_of
from generator.render.readme import README_FILE, fresh_readme


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "readme",
        help="write the list (leaderboards, years, topics, code, resources) into README.md",
        description=(
            "Render the list from papers/ and write it into README.md between the lines "
            "'<!-- curate:readme:start -->' and '<!-- curate:readme:end -->'. Everything "
            "outside the markers is kept as written."
        ),
    )
    parser.add_argument(
        "--check", action="store_true",
        help="write nothing; exit 1 when README.md is not what 'curate readme' would write",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    readme_path = project.root / README_FILE
    text = fresh_readme(readme_path, database_of(args), project.root)
    current = readme_path.read_text(encoding="utf-8") if readme_path.is_file() else None
    if args.check:
        if current != text:
            print(f"{README_FILE}: out of date; run 'curate readme' and commit the result")
            return 1
        print(f"{README_FILE} is up to date")
        return 0
    if current == text:
        print(f"{README_FILE} is up to date")
        return 0
    write_text_atomically(readme_path, text)
    print(f"wrote {README_FILE}")
    return 0
