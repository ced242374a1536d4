"""Problems found in the database: where, which field, what went wrong."""

from __future__ import annotations

import difflib
import json
import re
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

    def __post_init__(self) -> None:
        # File names and keys come from a pull request: one line each, nothing a terminal
        # or a CI log would read as a command (colours, titles, `::error` annotations).
        for name in ("path", "field", "message"):
            object.__setattr__(self, name, terminal_safe(getattr(self, name)))

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

MAX_MESSAGE_LENGTH = 2000
"""No message is longer than this, whatever a record holds (e.g. a list of valid choices)."""


def shown(value: object) -> str:
    """`repr(value)`, cut to `SHOWN_LENGTH` characters with the full length said."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, (str, bytes)) and len(value) > 4 * SHOWN_LENGTH:
        text = repr(value[: 2 * SHOWN_LENGTH])  # repr of a 1 MB value is never needed whole
    else:
        text = repr(value)
    if len(text) <= SHOWN_LENGTH:
        return text
    length = f" ({len(value)} characters)" if isinstance(value, str) else ""
    return f"{text[:SHOWN_LENGTH - 4]}...{text[-1]}{length}"


_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
"""Controls (C0, DEL, C1: escape sequences start with these), line and paragraph separators,
and the invisible and bidirectional formatting characters that make text read otherwise."""
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def terminal_safe(text: str) -> str:
    """`text` as one line that a terminal prints as it is: controls and bidi marks escaped
    as `\\n`, `\\x1b`, `\\u202e`; cut to `MAX_MESSAGE_LENGTH` characters."""
    if _UNSAFE.search(text):
        text = _UNSAFE.sub(_escape_character, text)
    if len(text) > MAX_MESSAGE_LENGTH:
        text = f"{text[:MAX_MESSAGE_LENGTH - 30]}... ({len(text)} characters in all)"
    return text


def _escape_character(match: re.Match[str]) -> str:
    character = match[0]
    named = _NAMED_ESCAPES.get(character)
    if named:
        return named
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
