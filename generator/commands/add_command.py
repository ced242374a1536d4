"""`curate add`: look a paper up by arXiv id, DOI or URL and write its record."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from generator.commands.common import project_of
from generator.lookup.adding import add_paper
from generator.lookup.http import LookupFailed
from generator.lookup.identifiers import EXAMPLES
from generator.lookup.records import PaperDraft
from generator.lookup.services import open_services
from generator.problems import relative_path

NEXT_STEPS = "next: review the file, run 'curate validate' and 'curate readme', then open a pull request"
OFFLINE_HINT = (
    "to add it without the services: "
    "curate add IDENTIFIER --offline --title '...' --venue ID --year YYYY --topic ID"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "add",
        help="look a paper up by arXiv id, DOI or URL and write its record under papers/papers/",
        description=(
            "Look the paper up (arXiv for preprints; Crossref and Semantic Scholar for venue, "
            "year, DOI and citations), write one new record papers/papers/<id>.yaml and print "
            "its path. A paper already on the list (same arXiv id, DOI or title) is refused, "
            "naming its file. "
            "With --offline nothing is looked up: the record is written from the flags."
        ),
        epilog=f"IDENTIFIER examples: {EXAMPLES}",
    )
    parser.add_argument("identifier", nargs="?", metavar="IDENTIFIER", help="arXiv id or URL, DOI or URL")
    parser.add_argument(
        "--topic",
        dest="topics",
        action="append",
        default=[],
        metavar="ID",
        help="topic id from papers/list.yaml (repeat for several; at least one)",
    )
    status = parser.add_mutually_exclusive_group()
    status.add_argument(
        "--read", dest="status", action="store_const", const="read", help="mark the paper as read"
    )
    status.add_argument(
        "--to-read",
        dest="status",
        action="store_const",
        const="to-read",
        help="mark the paper as to read",
    )
    parser.add_argument(
        "--code",
        dest="code_urls",
        action="append",
        default=[],
        metavar="URL",
        help="code repository URL (repeat for several)",
    )
    parser.add_argument(
        "--tag",
        dest="tags",
        action="append",
        default=[],
        metavar="ID",
        help="tag id from papers/list.yaml (repeat for several)",
    )
    parser.add_argument("--title", help="title (needed with --offline)")
    parser.add_argument("--short-name", metavar="NAME", help="name used in tables, e.g. 'IRNet'")
    parser.add_argument(
        "--author",
        dest="authors",
        action="append",
        default=[],
        metavar="NAME",
        help="author, in order (repeat for each)",
    )
    parser.add_argument("--venue", metavar="ID", help="venue id (or alias) from papers/list.yaml")
    parser.add_argument("--year", type=int, help="year of publication")
    parser.add_argument("--url", help="main link to the paper")
    parser.add_argument("--id", dest="record_id", metavar="ID", help="record id instead of the readable one")
    parser.add_argument(
        "--offline", action="store_true", help="look nothing up; write the record from the flags"
    )
    parser.add_argument("--dry-run", action="store_true", help="print the record instead of writing it")
    parser.set_defaults(run=run, status="untracked", voice="curate add", failure_notes=failure_notes)


def failure_notes(error: Exception) -> list[str]:
    """What `curate add` says below any refusal: how to go on without the services, if they
    failed, and that nothing was written."""
    return [*([OFFLINE_HINT] if isinstance(error, LookupFailed) else []), "nothing written"]


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    draft = PaperDraft(
        topics=args.topics,
        status=args.status,
        code_urls=args.code_urls,
        tags=args.tags,
        title=args.title,
        short_name=args.short_name,
        authors=args.authors,
        venue=args.venue,
        year=args.year,
        url=args.url,
        record_id=args.record_id,
    )
    services = None if args.offline else (lambda database: open_services(project, database.config))
    added = add_paper(
        project,
        args.identifier,
        draft,
        services=services,
        today=dt.date.today(),
        dry_run=args.dry_run,
    )
    for note in added.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.dry_run:
        sys.stdout.write(added.text)
        return 0
    print(relative_path(added.path, project.root))
    print(NEXT_STEPS, file=sys.stderr)
    return 0
