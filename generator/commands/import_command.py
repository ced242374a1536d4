"""`curate import LIST.md`: turn a Markdown awesome list into records under papers/."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from generator.importer import ImportOutcome, import_list
from generator.importer.report import write_report
from generator.problems import relative_path
from generator.project import Project, ProjectNotFound


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import an awesome list written in Markdown into papers/",
        description=(
            "Read LIST.md and write a record per paper, leaderboard, implementation and "
            "resource into papers/. Headings become the taxonomy (written to papers/list.yaml "
            "when the project is new), checkboxes the reading status, tables of numbers "
            "leaderboards. Every line that cannot be placed is reported with its number; "
            "then nothing is written and the exit code is 1, unless --allow-skips. Existing "
            "records are never overwritten unless --force, so a rerun changes nothing."
        ),
    )
    parser.add_argument("list_file", type=Path, metavar="LIST.md", help="the Markdown list")
    parser.add_argument(
        "--force", action="store_true", help="overwrite existing records that the list also holds"
    )
    add_import_options(parser)
    parser.set_defaults(run=run)


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """--allow-skips, --added and --report, shared by `import` and `new --from`."""
    parser.add_argument(
        "--allow-skips",
        action="store_true",
        help="write the records even when some lines could not be placed",
    )
    parser.add_argument(
        "--added",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="date written as 'added' in new papers (default: today)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE.md",
        help="write what each line of the list became (record, topic text, skipped and why)",
    )


def report_if_asked(args: argparse.Namespace, outcome: ImportOutcome) -> None:
    """Write the line-by-line report when --report was given."""
    if args.report is not None:
        write_report(args.report, outcome, outcome.source.read_text(encoding="utf-8-sig"))
        print(f"wrote the report to {args.report}")


def run(args: argparse.Namespace) -> int:
    if not args.list_file.is_file():
        problem = "is a folder; give the Markdown file" if args.list_file.is_dir() else "no such file"
        print(f"curate: {args.list_file}: {problem}", file=sys.stderr)
        return 2
    root = _project_root(args.directory)
    try:
        outcome = import_list(
            args.list_file, root, force=args.force, allow_skips=args.allow_skips, added=args.added
        )
    except UnicodeDecodeError as error:
        print(
            f"curate: {args.list_file}: not UTF-8 text ({error.reason} at byte "
            f"{error.start}); save the list as UTF-8",
            file=sys.stderr,
        )
        return 2
    print(summary(outcome, root))
    report_if_asked(args, outcome)
    return 0 if outcome.written else 1


def _project_root(directory: Path) -> Path:
    """The project holding `directory`, or `directory` itself for a new list."""
    try:
        return Project.find(directory).root
    except ProjectNotFound:
        return directory


def summary(outcome: ImportOutcome, root: Path) -> str:
    """Skipped lines as `file:line: skipped: reason`, then the counts and what was written."""
    name = outcome.source.as_posix()
    lines = [
        f"{name}:{skipped.line}: skipped: {skipped.reason}"
        + (f": {skipped.text}" if skipped.text else "")
        for skipped in outcome.skipped
    ]
    counts = outcome.counts()
    lines.append(
        f"found {_count(counts['papers'], 'paper')} ({counts['read']} read, "
        f"{counts['to-read']} to read, {counts['untracked']} not tracked), "
        f"{_count(counts['leaderboards'], 'leaderboard')} with "
        f"{_count(counts['leaderboard rows'], 'row')}, "
        f"{_count(counts['implementations'], 'implementation')}, "
        f"{_count(counts['resources'], 'resource')}, {_count(counts['topics'], 'topic')}, "
        f"{_count(counts['urls'], 'URL')}"
    )
    kept = len(outcome.plan.kept)
    if outcome.written:
        shown = ", ".join(relative_path(path, root) for path, _ in outcome.plan.writes[:3])
        more = ", ..." if len(outcome.plan.writes) > 3 else ""
        listed = f" ({shown}{more})" if outcome.plan.writes else ""
        action = "replaced" if outcome.plan.forced else "kept"
        lines.append(
            f"wrote {_count(len(outcome.plan.writes), 'file')}{listed}; "
            f"{action} {_count(kept, 'existing record')}"
        )
    lines.append(
        f"skipped {_count(len(outcome.skipped), 'line')}"
        + ("; nothing written (use --allow-skips to write anyway)" if not outcome.written else "")
    )
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
