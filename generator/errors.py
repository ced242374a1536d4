"""The one base class of every error `curate` reports to its user.

A command raises a `CurateError` (or one of its subclasses) and returns nothing special: the
CLI (`generator/cli.py`) prints the message, prefixed by the command's voice, adds any notes
the command attached for that kind of error, and exits with the error's `exit_code`.
"""

from __future__ import annotations

EXIT_PROBLEMS = 1
"""The project or the request has problems the user can fix (the default)."""
EXIT_USAGE = 2
"""The command cannot run at all here: no project, no README markers, unreadable arguments."""


class CurateError(Exception):
    """An error with a message meant for the user; never shown as a traceback."""

    exit_code: int = EXIT_PROBLEMS


class UsageError(CurateError):
    """The command was asked for something it cannot do as asked (a bad option value)."""

    exit_code = EXIT_USAGE
