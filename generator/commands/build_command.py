"""`curate build`: stage the website's source and build it with an engine, strictly."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import project_of
from generator.engines.build import (
    DEFAULT_ENGINE,
    DEFAULT_OUTPUT,
    ENGINES,
    build_site,
    opens_from_disk,
)
from generator.errors import EXIT_PROBLEMS
from generator.problems import ProblemsFound, format_problems, relative_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the website into public/ (mkdocs build --strict)",
        description=(
            "Build the list's website: curate loads and validates papers/, writes the whole "
            "site source (the hand-written pages of site/ and every generated page) into a "
            "staging folder, and has an engine build it strictly. The build goes to a temporary "
            "folder first; the output folder is replaced only when the build succeeds, so a "
            "failed build leaves the previous site intact."
        ),
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="DIR",
        help="where to put the site (default: public/ in the project)",
    )
    parser.add_argument(
        "--engine", choices=ENGINES, default=DEFAULT_ENGINE,
        help=f"the program that builds the staged site (default: {DEFAULT_ENGINE}; "
             "zensical needs 'pip install curate-awesome[zensical]')",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    try:
        output = build_site(project, args.output, args.engine)
    except ProblemsFound as error:
        count = len(error.problems)
        kept = relative_path((args.output or project.root / DEFAULT_OUTPUT).resolve(), project.root)
        print(f"curate: the site build failed: {count} problem{'s' if count != 1 else ''} in the "
              f"database; {kept}/ was left as it was", file=sys.stderr)
        print(format_problems(error.problems, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    shown = relative_path(output, project.root)
    if opens_from_disk(output):
        print(f"built {shown}/ (open {shown}/index.html in a browser; no server needed)")
    else:
        print(f"built {shown}/ (open index.html through a web server, "
              f"e.g. python3 -m http.server -d {shown})")
    return 0
