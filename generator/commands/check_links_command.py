"""`curate check-links`: check the links of the database and site pages, or of given inputs."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from pathlib import Path

from generator.commands.common import database_of, project_of
from generator.errors import UsageError
from generator.heap import paused_garbage_collection
from generator.linkcheck.changed import changed_files
from generator.linkcheck.collect import (
    Links,
    argument_links,
    database_links,
    file_links,
    merge,
    site_pages,
)
from generator.linkcheck.history import AT_ONCE
from generator.linkcheck.report import FORMATS, render
from generator.linkcheck.run import CheckRequest, check_links
from generator.linkcheck.safety import AddressPolicy
from generator.linkcheck.settings import LinkCheckSettings, ReportAfter, parse_duration
from generator.problems import ProblemsFound, relative_path
from generator.project import LIST_KIND, Project, ProjectNotFound

EXIT_OFFLINE = 3
"""No host could be reached at all: the run says nothing about the links (CI leaves the
link-check issue as it is)."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check-links",
        help="check every link of the database and site pages (or of given files and URLs)",
        description=(
            "Check the links of every record and of the pages under site/, each reported with "
            "the file and line where it is written; or, given INPUTs (Markdown or HTML files, "
            "folders such as the built site, text files of URLs, or URLs), the links in those. "
            "Exit 1 when a link is broken or fails, 3 when no host could be reached at all "
            "(offline), 0 otherwise. Settings come from the 'link_check' section of "
            "papers/list.yaml."
        ),
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="files, folders or URLs to check instead of the database")
    parser.add_argument("--changed-since", metavar="REF",
                        help="check only records and pages changed since git REF "
                        "(e.g. origin/main)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (default), json, github annotations, or a markdown report")
    parser.add_argument("--cache", type=Path, metavar="FILE",
                        help="results file kept between runs (default: link_check.cache_path)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write a cache")
    parser.add_argument("--max-age", metavar="DURATION",
                        help="reuse ok results younger than this, e.g. 12h, 1d (default: config)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="seconds allowed for one request (default: link_check.timeout)")
    parser.add_argument("--allow-private", action="store_true",
                        help="also request loopback, private and link-local addresses")
    parser.add_argument("--scheduled", action="store_true",
                        help="a run of the scheduled job: a failing link is reported broken "
                        "only after link_check.report_after (default: 2 runs over 3 days)")
    parser.add_argument("--suggest-archived", action="store_true",
                        help="ask the Wayback Machine for an archived copy of each broken link "
                        "(on by default with --scheduled and --changed-since)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on warnings too (moved, blocked, missing fragment)")
    parser.set_defaults(run=run, voice="curate check-links")


def run(args: argparse.Namespace) -> int:
    try:
        project = project_of(args)
    except ProjectNotFound:
        if not args.inputs:
            raise
        project = None
    try:
        max_age = parse_duration(args.max_age) if args.max_age else None
        with paused_garbage_collection():  # The links read live to the end of the run.
            config, links = _config_and_links(args, project)
        if args.timeout:
            config = dataclasses.replace(config, timeout=args.timeout)
        root = project.root if project else args.directory.resolve()
        hostile = _own_hostile_hosts(config, root)
    except (ValueError, OSError) as error:  # an option's value or an input the user named
        raise UsageError(str(error)) from None
    request = CheckRequest(
        links, config, AddressPolicy(allow_private=args.allow_private),
        cache_path=None if args.no_cache else (args.cache or root / config.cache_path),
        max_age=max_age, github_token=os.environ.get("GITHUB_TOKEN") or None,
        report_after=_report_after(args, config), hostile=hostile,
        suggest_archived=args.suggest_archived or args.scheduled or bool(args.changed_since),
    )
    on_terminal = args.format == "text" and sys.stderr.isatty()
    if on_terminal:  # Imported here: rich is for people at a terminal, not for CI.
        from generator.linkcheck.terminal import print_summary_table, progress_bar
    with progress_bar(sys.stderr) if on_terminal else contextlib.nullcontext((None, None)) as hooks:
        result = check_links(request, *hooks)
    print(render(result, args.format))
    if on_terminal and sys.stdout.isatty():
        print_summary_table(result, sys.stdout)
    if result.offline:
        return EXIT_OFFLINE
    failing = {"error"} | ({"warning"} if args.strict else set())
    return 1 if any(r.severity in failing for r in result.results) else 0


def _own_hostile_hosts(config: LinkCheckSettings, root: Path) -> dict[str, str] | None:
    """The list's own robot-hostile hosts file, read now so that a bad one is a usage error;
    None when the list names none (the shipped file is read when an answer needs it)."""
    if not config.robot_hostile_hosts:
        return None
    from generator.linkcheck.hostile_file import hostile_hosts

    return hostile_hosts(config.robot_hostile_hosts, config.bot_wall_hosts, root)


def _report_after(args: argparse.Namespace, config: LinkCheckSettings) -> ReportAfter:
    """When a failure counts as broken: the pull request's rule for --changed-since, the
    config's for the scheduled job, at once for a run by hand."""
    if args.changed_since:
        return config.report_after_changed
    return config.report_after if args.scheduled else AT_ONCE


def _config_and_links(
    args: argparse.Namespace, project: Project | None
) -> tuple[LinkCheckSettings, Links]:
    if args.inputs:
        config = list_settings(project) if project else LinkCheckSettings()
        return config, _input_links(args.inputs, Path.cwd())
    database = database_of(args)
    assert project is not None  # database_of found it, or raised ProjectNotFound
    config = database.config.link_check.settings()
    only = changed_files(project.root, args.changed_since) if args.changed_since else None
    pages = [p for p in site_pages(project) if only is None or _relative(p, project) in only]
    return config, merge(database_links(database, config, only), file_links(pages, project.root))


def list_settings(project: Project) -> LinkCheckSettings:
    """The `link_check` settings of the list file alone: checking a README or a built site
    needs no valid database, only valid settings."""
    from generator.database.validate import validate_record
    from generator.database.yamlsource import read_record

    source = read_record(project.list_file, relative_path(project.list_file, project.root))
    config = source if isinstance(source, list) else validate_record(source, LIST_KIND.model)
    if isinstance(config, list):
        raise ProblemsFound(config)
    return config.link_check.settings()


def _input_links(inputs: list[str], root: Path) -> Links:
    urls = [item for item in inputs if "://" in item]
    paths = [Path(item) for item in inputs if "://" not in item]
    missing = [str(path) for path in paths if not path.exists()]
    if missing:
        raise ValueError(f"no such file or folder: {', '.join(missing)}")
    return merge(argument_links(urls), file_links(paths, root))


def _relative(path: Path, project: Project) -> str:
    return path.resolve().relative_to(project.root.resolve()).as_posix()
