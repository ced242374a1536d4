"""The state kept between runs: per URL the last verdict, when it was checked, when its
result expires, and since when (and on how many runs in a row) it has been failing.

The file is read as hostile input (a pull request can change it, a crash can truncate it):
anything that is not exactly what this module writes (a bad verdict, a date in the future
or not a number, nesting, an oversized file) makes the whole file ignored with a warning,
never a crash, and the run starts afresh.
"""

from __future__ import annotations

import json
import math
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import write_text_atomically
from generator.errors import CurateError
from generator.linkcheck.redact import redacted
from generator.linkcheck.results import FAILING, Result, Verdict

CACHE_FORMAT = "curate-link-cache"
CACHE_VERSION = 2
READABLE_VERSIONS = (1, 2)
REUSED_VERDICTS = frozenset({Verdict.OK, Verdict.REDIRECTED})
"""Only links found working are trusted without a request; failures are always checked again."""
MAX_CACHE_BYTES = 64 << 20
CLOCK_SKEW = 3600.0
"""Seconds a stored time may lie ahead of this machine's clock (another runner's clock)."""
KEPT_RUNS = 10
"""Start times of the last runs kept, to learn how often the check runs."""
DAY = 86400.0
_FIELDS = {"verdict", "status", "final_url", "warning", "checked_at", "expires_at",
           "first_failed_at", "failing_runs"}


class BadCache(CurateError, ValueError):
    """Why a cache file is ignored."""


@dataclass
class LinkCache:
    """Earlier results by URL (credentials removed), the runs so far, and why the file was
    ignored, if it was."""

    entries: dict[str, dict] = field(default_factory=dict)
    warning: str = ""
    runs: list[float] = field(default_factory=list)

    def fresh(self, url: str, max_age: float | None, now: float | None = None) -> Result | None:
        """The earlier result for `url` when it was ok and has not expired: younger than
        `max_age` seconds when given, else before the expiry stored with it."""
        entry = self.entries.get(redacted(url))
        if not entry or Verdict(entry["verdict"]) not in REUSED_VERDICTS:
            return None
        now = time.time() if now is None else now
        expires = entry["checked_at"] + max_age if max_age is not None else entry.get(
            "expires_at", entry["checked_at"] + DAY)
        if now >= expires:
            return None
        return Result(
            url, Verdict(entry["verdict"]), status=entry.get("status"),
            final_url=entry.get("final_url"), warning=str(entry.get("warning") or ""),
            checked_at=entry["checked_at"], cached=True,
        )

    def failing(self, url: str) -> tuple[float, int] | None:
        """(first failure time, consecutive failing runs) of `url` so far, None if none."""
        entry = self.entries.get(redacted(url))
        if entry and entry.get("failing_runs"):
            return entry["first_failed_at"], entry["failing_runs"]
        return None

    def interval(self) -> float:
        """Seconds between runs, learnt from the runs so far (median of the last gaps), at
        least a day: a weekly schedule gives 7 days, runs by hand a day."""
        gaps = sorted(b - a for a, b in zip(self.runs, self.runs[1:], strict=False))
        return max(DAY, gaps[len(gaps) // 2]) if gaps else DAY

    def store(self, results: list[Result], max_age: float | None) -> None:
        """Remember fresh results (cached ones keep their time and expiry). An ok result
        expires after `max_age` seconds, or with None after 0.5 to 1.5 times the interval
        between runs (spread by URL, so each run checks about half the links again)."""
        interval = self.interval()
        for result in results:
            if result.verdict is Verdict.EXCLUDED or result.cached:
                continue
            key = redacted(result.url)
            spread = 0.5 + (zlib.crc32(key.encode()) % 1000) / 1000
            lifetime = max_age if max_age is not None else interval * spread
            entry = {
                "verdict": result.verdict.value,
                "status": result.status,
                "final_url": redacted(result.final_url) if result.final_url else None,
                "warning": result.warning,
                "checked_at": result.checked_at,
                "expires_at": result.checked_at + lifetime,
            }
            if result.verdict in FAILING and result.failing_runs:
                entry["first_failed_at"] = result.failing_since
                entry["failing_runs"] = result.failing_runs
            elif result.verdict is Verdict.BLOCKED and (before := self.failing(result.url)):
                # Blocked says nothing about the link: its failing history stays as it was.
                entry["first_failed_at"], entry["failing_runs"] = before
            self.entries[key] = entry

    def add_run(self, started: float) -> None:
        self.runs = [*self.runs, started][-KEPT_RUNS:]


def load_cache(path: Path, now: float | None = None) -> LinkCache:
    """Read the cache file; a missing one is empty, a bad one is ignored with a warning."""
    if not path.exists():
        return LinkCache()
    now = time.time() if now is None else now
    try:
        return _parse(path, now)
    except BadCache as why:
        return LinkCache(warning=f"{path}: ignored, {why}; starting afresh")


def _parse(path: Path, now: float) -> LinkCache:
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_CACHE_BYTES + 1)
    except OSError as error:
        raise BadCache(f"cannot be read ({error.strerror})") from None
    if len(raw) > MAX_CACHE_BYTES:
        raise BadCache(f"larger than {MAX_CACHE_BYTES >> 20} MB")
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise BadCache(f"not a readable JSON file ({str(error)[:80]})") from None
    except RecursionError:
        raise BadCache("nested too deeply to be a link cache") from None
    if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
        raise BadCache("not a curate link cache")
    if document.get("version") not in READABLE_VERSIONS or not isinstance(
            document.get("links"), dict):
        raise BadCache(f"cache version {str(document.get('version'))[:20]!r} is not "
                       f"{CACHE_VERSION}")
    runs = document.get("runs", [])
    if not isinstance(runs, list) or not all(_is_time(run, now) for run in runs):
        raise BadCache("'runs' is not a list of past times")
    entries = {}
    for url, entry in document["links"].items():
        problem = _entry_problem(entry, now)
        if problem:
            raise BadCache(f"entry {url[:80]!r}: {problem}")
        entries[url] = entry
    return LinkCache(entries, runs=sorted(runs)[-KEPT_RUNS:])


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _is_time(value: object, now: float) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and 0 <= value <= now + CLOCK_SKEW)


def _entry_problem(entry: object, now: float) -> str:
    """What is wrong with one entry, or '' when it is sound."""
    if not isinstance(entry, dict):
        return "not an object"
    unknown = set(entry) - _FIELDS
    if unknown:
        return f"unknown field {sorted(unknown)[0][:40]!r}"
    if entry.get("verdict") not in {verdict.value for verdict in Verdict}:
        return "no known verdict"
    if not _is_time(entry.get("checked_at"), now):
        return "checked_at is not a time in the past"
    expires = entry.get("expires_at", entry["checked_at"])
    if not (isinstance(expires, int | float) and math.isfinite(expires)
            and expires >= entry["checked_at"] and expires - entry["checked_at"] <= 366 * DAY):
        return "expires_at is not a time within a year of checked_at"
    status = entry.get("status")
    if status is not None and not (type(status) is int and 100 <= status <= 999):
        return "status is not an HTTP status"
    for name in ("final_url", "warning"):
        if entry.get(name) is not None and not isinstance(entry[name], str):
            return f"{name} is not text"
    runs = entry.get("failing_runs", 0)
    if type(runs) is not int or not 0 <= runs <= 100_000:
        return "failing_runs is not a count"
    if runs and not _is_time(entry.get("first_failed_at"), now):
        return "first_failed_at is not a time in the past"
    return ""


def save_cache(path: Path, cache: LinkCache) -> None:
    """Write the cache file atomically."""
    document = {"format": CACHE_FORMAT, "version": CACHE_VERSION, "runs": cache.runs,
                "links": cache.entries}
    write_text_atomically(path, json.dumps(document, indent=1, sort_keys=True) + "\n")
