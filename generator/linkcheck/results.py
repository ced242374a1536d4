"""What the checker says about a URL, and where the URL is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    """The outcome of checking one URL."""

    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    ERROR = "error"
    BLOCKED = "blocked"
    EXCLUDED = "excluded"


FAILING = frozenset({Verdict.BROKEN, Verdict.ERROR})
"""Verdicts that fail the run."""


@dataclass(frozen=True, order=True)
class Location:
    """Where a URL is written: a file and a 1-based line (0 when given on the command line)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass
class Result:
    """The verdict on one URL, with what led to it."""

    url: str
    verdict: Verdict
    status: int | None = None
    """Last HTTP status seen, None when no response came."""
    final_url: str | None = None
    """Where redirects ended, when the URL redirected."""
    message: str = ""
    """Why, in a few words: 'not found', 'timed out after 3 tries', 'excluded: ...'."""
    warning: str = ""
    """A problem that does not fail the run: a moved link, a missing fragment."""
    elapsed: float = 0.0
    """Seconds spent on this URL."""
    requests: int = 0
    """HTTP requests sent for this URL."""
    checked_at: float = 0.0
    """When the check ran (Unix time); from the cache for cached results."""
    cached: bool = False
    locations: list[Location] = field(default_factory=list)
    failing_since: float | None = None
    """When this URL first failed in the current streak of failing runs (from the state)."""
    failing_runs: int = 0
    """Consecutive runs, this one included, on which this URL failed."""
    confirmed: bool = True
    """False for a failure seen on too few runs or days to be reported as broken yet."""
    suggestion: str = ""
    """What to replace a dead link with: its latest archived copy."""

    @property
    def severity(self) -> str:
        """'error' when it fails the run, 'warning' for things to look at, else ''."""
        if self.verdict in FAILING:
            return "error" if self.confirmed else "warning"
        if self.verdict is Verdict.BLOCKED or self.warning:
            return "warning"
        return ""
