"""`curate build`: build the website from papers/ with MkDocs, strictly."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.common import project_of
from generator.engines.build import SiteBuildFailed, build_site, opens_from_disk
from generator.problems import relative_path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the website into public/ (mkdocs build --strict)",
        description=(
            "Build the list's website with MkDocs Material: the curate plugin loads and "
            "validates papers/ and generates every page. The build goes to a temporary folder "
            "first; the output folder is replaced only when the build succeeds, so a failed "
            "build leaves the previous site intact."
        ),
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="DIR",
        help="where to put the site (default: public/ in the project)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    try:
        output = build_site(project, args.output)
    except SiteBuildFailed as error:
        print(f"curate: {error}", file=sys.stderr)
        return 1
    shown = relative_path(output, project.root)
    if opens_from_disk(output):
        print(f"built {shown}/ (open {shown}/index.html in a browser; no server needed)")
    else:
        print(f"built {shown}/ (open index.html through a web server, "
              f"e.g. python3 -m http.server -d {shown})")
    return 0
