"""Problems found in the database: where, which field, what went wrong."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.errors import CurateError


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, located by line and field path."""

    path: str
    """File path relative to the project root, with forward slashes."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    field: str
    """Dotted field path such as `results[0].values.val`, or empty."""
    message: str
    """What was expected and what was found."""
    severity: str = "error"
    """`error` or `warning`."""

    def as_text(self) -> str:
        """Render as `file:line: field: message`."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_github(self) -> str:
        """Render as a GitHub Actions workflow annotation."""
        title = self.field or "record"
        line = f",line={self.line}" if self.line else ""
        return (
            f"::{self.severity} file={_escape_property(self.path)}{line},"
            f"title={_escape_property(title)}::{_escape_data(self.message)}"
        )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class ProblemsFound(CurateError):
    """Raised when the database has errors; carries every problem of the run."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems, "text"))


SHOWN_LENGTH = 80
"""Values quoted in a message are cut to this many characters: a message is one line to read."""


def shown(value: object) -> str:
    """`repr(value)`, cut to `SHOWN_LENGTH` characters with the full length said."""
    text = repr(value)
    if len(text) <= SHOWN_LENGTH:
        return text
    length = f" ({len(value)} characters)" if isinstance(value, str) else ""
    return f"{text[:SHOWN_LENGTH - 4]}...{text[-1]}{length}"


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice `value` was most likely meant to be (case aside), or None."""
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close else None


def relative_path(path: Path, root: Path) -> str:
    """Return `path` relative to `root` with forward slashes, or as given when outside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def format_problems(problems: list[Problem], output_format: str) -> str:
    """Render problems as `text`, `json` or `github` annotations."""
    if output_format == "json":
        return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)
    if output_format == "github":
        return "\n".join(p.as_github() for p in problems)
    return "\n".join(p.as_text() for p in problems)
