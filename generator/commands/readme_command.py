"""`curate readme`: write the list into README.md, between its markers."""

from __future__ import annotations

import argparse
import sys

from generator.atomic import write_text_atomically
from generator.commands.common import database_of, project_of
from generator.render.readme import README_FILE, fresh_readme
from generator.render.readme_guard import edited_by_hand, line_ranges, lost_lines, sign, unified_diff


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "readme",
        help="write the list (leaderboards, years, topics, code, resources) into README.md",
        description=(
            "Render the list from papers/ and write it into README.md between the lines "
            "'<!-- curate:readme:start -->' and '<!-- curate:readme:end -->'. Everything "
            "outside the markers is kept as written. The list carries a checksum: when its "
            "lines were edited by hand, nothing is written (exit 1) unless --force is given."
        ),
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true",
        help="write nothing; print what would change and exit 1 when README.md is not what "
        "'curate readme' would write",
    )
    mode.add_argument(
        "--force", action="store_true",
        help="overwrite the list even where it was edited by hand",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    readme_path = project.root / README_FILE
    text = sign(fresh_readme(readme_path, database_of(args), project.root))
    current = readme_path.read_text(encoding="utf-8") if readme_path.is_file() else ""
    if current == text:
        print(f"{README_FILE} is up to date")
        return 0
    if args.check:
        print(unified_diff(current, text), end="")
        if edited_by_hand(current):
            print(f"{README_FILE}: {_EDITED} {_HOW_TO_MEND}, then run 'curate readme'")
        else:
            print(f"{README_FILE}: out of date; run 'curate readme' and commit the result")
        return 1
    if edited_by_hand(current) and not args.force:
        lines = line_ranges(lost_lines(current, text))
        print(
            f"{README_FILE}:{lines}: {_EDITED} 'curate readme' would overwrite these lines: "
            f"{_HOW_TO_MEND}, or run 'curate readme --force' to discard the edit",
            file=sys.stderr,
        )
        return 1
    write_text_atomically(readme_path, text)
    print(f"wrote {README_FILE}")
    return 0


_EDITED = "the list between the curate:readme markers was edited by hand (its checksum no longer matches);"
_HOW_TO_MEND = "make the change in the records under papers/ (or outside the markers)"
