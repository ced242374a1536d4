"""The `curate` command: one verb per pipeline step, acting on the project in this folder."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.commands import COMMAND_MODULE_NAMES, command_modules
from generator.errors import EXIT_PROBLEMS, EXIT_USAGE, CurateError
from generator.heap import exit_without_last_pass, paused_garbage_collection
from generator.problems import ProblemsFound, format_problems, terminal_safe

EXIT_OK = 0
__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "build_parser", "main", "program"]


def build_parser(verbs: list[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with the subcommands `verbs` registered (all when None)."""
    parser = argparse.ArgumentParser(
        prog="curate",
        description=(
            "Maintain a curated awesome list kept as YAML records under papers/, "
            "and build its website and README. Every command acts on the project "
            "in the current folder (the nearest folder holding papers/list.yaml)."
        ),
        epilog="Run 'curate COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"curate {__version__}")
    parser.add_argument(
        "-C", dest="directory", type=Path, default=Path("."), metavar="DIR",
        help="act on the project in DIR instead of the current folder (as git -C does)",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for module in command_modules(verbs):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run `curate` with `argv`; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    verb = _requested_verb(argv)
    with paused_garbage_collection():  # Importing the command's modules frees nothing.
        parser = build_parser([verb] if verb else None)
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except ProblemsFound as error:
        print(format_problems(error.problems, "text"), file=sys.stderr)
        count = len(error.problems)
        print(f"curate: {count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return EXIT_PROBLEMS
    except CurateError as error:
        _report(error, args)
        return error.exit_code
    except KeyboardInterrupt:
        print("curate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `curate export | head`: the reader left; stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as error:  # a file the command must read or write: say which and why
        where = error.filename2 or error.filename
        reason = error.strerror or str(error)
        message = f"{where}: {reason}" if where else reason
        print(f"curate: {terminal_safe(message)}", file=sys.stderr)
        return EXIT_PROBLEMS


def program() -> int:
    """The `curate` program (console script, `python -m generator`): `main`, then an exit
    that skips the collector's last pass over every object."""
    code = main()
    exit_without_last_pass()
    return code


def _report(error: CurateError, args: argparse.Namespace) -> None:
    """Print `error` in the command's voice ('curate add: ...'), with the notes the command
    attached for that kind of error (`set_defaults(failure_notes=...)`)."""
    voice = getattr(args, "voice", "curate")
    print(f"{voice}: {terminal_safe(str(error))}", file=sys.stderr)
    notes = getattr(args, "failure_notes", None)
    for note in notes(error) if notes else ():
        print(f"{voice}: {terminal_safe(str(note))}", file=sys.stderr)


def _requested_verb(argv: list[str]) -> str | None:
    """The verb named on the command line, if it is a known one (to import only its module)."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "-C":
            index += 2
            continue
        if token.startswith("-C") or token.startswith("-"):
            if token in ("-h", "--help", "--version"):
                return None
            index += 1
            continue
        return token if token in COMMAND_MODULE_NAMES else None
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(program())
