"""`curate enrich`: fill empty fields of paper records from the look-up services; show a diff."""

from __future__ import annotations

import argparse
import sys

from generator.commands.common import project_of
from generator.lookup.enriching import enrich_papers
from generator.lookup.services import open_services


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "enrich",
        help="fill empty fields of paper records from arXiv, Crossref, Semantic Scholar and GitHub",
        description=(
            "Look every paper (or those named by --only) up and fill the fields it leaves empty: "
            "authors, arXiv id, DOI, year, venue, abstract, citations, code links, and the stars "
            "and last commit of GitHub repositories. A value a curator wrote is never changed. "
            "With --refresh, also update the counts that age (citations; stars, last commit and "
            "archived state of GitHub repositories) of papers whose 'refreshed:' date is older "
            "than refresh_after_days of 'services:' in papers/list.yaml, and set that date. "
            "Records keep their comments and formatting. Prints a diff of each changed file. "
            "Opt-in: nothing else in curate needs the network."
        ),
    )
    parser.add_argument(
        "--only", nargs="+", action="extend", metavar="ID", help="enrich only these paper ids"
    )
    parser.add_argument(
        "--refresh", action="store_true",
        help="also update citations, stars, last commits and archived states older than "
        "refresh_after_days (services: in papers/list.yaml)",
    )
    parser.add_argument("--dry-run", action="store_true", help="show the diff, write nothing")
    parser.set_defaults(run=run, voice="curate enrich")


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    report = enrich_papers(
        project,
        args.only,
        lambda database: open_services(project, database.config),
        dry_run=args.dry_run,
        refresh=args.refresh,
    )
    for enrichment in report.changed:
        sys.stdout.write(enrichment.diff())
    for message in (*report.notes, *report.failures):
        print(f"curate enrich: {message}", file=sys.stderr)
    verb = ("would fill" if args.dry_run else "filled") + (" or refresh" if args.refresh else "")
    if args.refresh and not args.dry_run:
        verb = "filled or refreshed"
    fields = sum(len(enrichment.filled) for enrichment in report.changed)
    print(
        f"curate enrich: {verb} {fields} field(s) in {len(report.changed)} paper(s); "
        f"{len(report.unchanged)} unchanged; {len(report.failures)} failed",
        file=sys.stderr,
    )
    return 1 if report.failures else 0
