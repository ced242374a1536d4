"""Results kept between runs: a JSON file of URL -> verdict with the time of the check."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import write_text_atomically
from generator.linkcheck.redact import redacted
from generator.linkcheck.results import Result, Verdict

CACHE_FORMAT = "curate-link-cache"
CACHE_VERSION = 1
REUSED_VERDICTS = frozenset({Verdict.OK, Verdict.REDIRECTED})
"""Only links found working are trusted without a request; failures are always checked again."""


@dataclass
class LinkCache:
    """Earlier results by URL (credentials removed), and why the file was ignored, if it was."""

    entries: dict[str, dict] = field(default_factory=dict)
    warning: str = ""

    def fresh(self, url: str, max_age: float, now: float | None = None) -> Result | None:
        """The earlier result for `url` when it was ok and is younger than `max_age` seconds."""
        entry = self.entries.get(redacted(url))
        if not entry:
            return None
        now = time.time() if now is None else now
        try:
            verdict = Verdict(entry["verdict"])
            if verdict not in REUSED_VERDICTS or now - float(entry["checked_at"]) > max_age:
                return None
            return Result(
                url, verdict, status=entry.get("status"), final_url=entry.get("final_url"),
                warning=str(entry.get("warning", "")), checked_at=float(entry["checked_at"]),
                cached=True,
            )
        except (KeyError, TypeError, ValueError):
            return None  # A damaged entry is checked again.

    def store(self, results: list[Result]) -> None:
        """Remember fresh results (cached ones keep their original time)."""
        for result in results:
            if result.verdict is Verdict.EXCLUDED or result.cached:
                continue
            self.entries[redacted(result.url)] = {
                "verdict": result.verdict.value,
                "status": result.status,
                "final_url": redacted(result.final_url) if result.final_url else None,
                "warning": result.warning,
                "checked_at": result.checked_at,
            }


def load_cache(path: Path) -> LinkCache:
    """Read the cache file; a missing one is empty, a corrupt or foreign one is ignored."""
    if not path.exists():
        return LinkCache()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return LinkCache(warning=f"{path}: ignored, not a readable JSON file ({error})")
    if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
        return LinkCache(warning=f"{path}: ignored, not a curate link cache")
    if document.get("version") != CACHE_VERSION or not isinstance(document.get("links"), dict):
        return LinkCache(warning=f"{path}: ignored, cache version {document.get('version')!r} "
                         f"is not {CACHE_VERSION}")
    entries = {url: entry for url, entry in document["links"].items() if isinstance(entry, dict)}
    return LinkCache(entries)


def save_cache(path: Path, cache: LinkCache) -> None:
    """Write the cache file atomically."""
    document = {"format": CACHE_FORMAT, "version": CACHE_VERSION, "links": cache.entries}
    write_text_atomically(path, json.dumps(document, indent=1, sort_keys=True) + "\n")
