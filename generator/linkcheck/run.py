"""The link check as a recipe: exclude, reuse the cache, check the rest, remember, report."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from generator.heap import frozen_heap, paused_garbage_collection
from generator.linkcheck.cache import LinkCache, load_cache, save_cache
from generator.linkcheck.collect import Links
from generator.linkcheck.history import AT_ONCE, apply_history, waiting_note
from generator.linkcheck.report import Run
from generator.linkcheck.results import Result, Verdict
from generator.linkcheck.safety import AddressPolicy, Lookup, system_lookup
from generator.linkcheck.settings import AUTO, LinkCheckSettings, ReportAfter, parse_duration
from generator.text import patterns

DNS_FAILURE = "DNS "
"""How the messages of a failed lookup start: 'DNS name not found: ...', 'DNS lookup for ...
timed out after 5 s', 'DNS lookup failed for ...'."""
NO_ROUTE = "Network is unreachable"


@dataclass
class CheckRequest:
    """What to check and how: the links, the settings, the state file, the clock."""

    links: Links
    config: LinkCheckSettings = field(default_factory=LinkCheckSettings)
    policy: AddressPolicy = AddressPolicy()
    cache_path: Path | None = None
    """None checks without reading or writing a state file (and so reports failures at once)."""
    max_age: float | None = None
    """Seconds an ok result is reused; None takes the config's `max_age`."""
    github_token: str | None = None
    lookup: Lookup = system_lookup
    report_after: ReportAfter | None = None
    """When a failure is reported broken; None takes `config.report_after`."""
    hostile: dict[str, str] | None = None
    """Robot-hostile hosts and why; None reads `config.robot_hostile_hosts` (relative to the
    working folder) or the file shipped with curate, plus `config.bot_wall_hosts`."""
    clock: Callable[[], float] = time.time
    """Wall-clock time (a hook for tests: history across simulated weeks)."""
    suggest_archived: bool = False
    """Ask the Wayback Machine (`config.wayback_url`) for an archived copy of broken links."""


def check_links(
    request: CheckRequest,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> Run:
    """Check every link of `request` and return the run: results with locations, notes."""
    started, now = time.monotonic(), request.clock()
    config = request.config
    cache = load_cache(request.cache_path, now) if request.cache_path else LinkCache()
    max_age = request.max_age if request.max_age is not None else (
        None if config.max_age == AUTO else parse_duration(config.max_age))
    settled = {url: excluded(url, config, now) or cache.fresh(url, max_age, now)
               for url in request.links}
    to_check = [url for url, result in settled.items() if result is None]
    if on_start:
        on_start(len(to_check))
    checked, requests = _check(request, to_check, on_result) if to_check else ({}, 0)
    results = [settled[url] or checked[url] for url in request.links]
    for result in results:
        result.locations = list(request.links[result.url])
    offline = _offline_note(results)
    rule = (request.report_after or config.report_after) if request.cache_path else AT_ONCE
    if not offline:  # An offline run says nothing about the links: the state stays as it was.
        apply_history(results, cache, rule, now)
        if request.cache_path:
            cache.store(results, max_age)
            cache.add_run(now)
            save_cache(request.cache_path, cache)
    notes = tuple(filter(None, (cache.warning, offline, waiting_note(results, rule))))
    return Run(results, time.monotonic() - started, requests, notes, offline=bool(offline))


def _check(
    request: CheckRequest, urls: list[str], on_result: Callable[[Result], None] | None
) -> tuple[dict[str, Result], int]:
    """Check `urls` over the network; return results and the number of requests sent."""
    # Imported here: the HTTP stack takes a third of the start-up time, and a run answered
    # from the cache alone does not need it.
    with paused_garbage_collection():
        from generator.linkcheck.checker import LinkChecker

    config = request.config
    hostile = request.hostile
    if hostile is None and config.robot_hostile_hosts:
        from generator.linkcheck.hostile_file import hostile_hosts

        hostile = hostile_hosts(config.robot_hostile_hosts, config.bot_wall_hosts, None)
    checker = LinkChecker(request.config, request.policy, request.github_token, request.lookup,
                          hostile=hostile, clock=request.clock,
                          suggest_archived=request.suggest_archived)
    with frozen_heap():  # What exists now outlives the check: no collector pass walks it.
        return asyncio.run(checker.check_all(urls, on_result)), checker.requests


def excluded(url: str, config: LinkCheckSettings, now: float | None = None) -> Result | None:
    """The 'excluded' verdict when an exclude pattern of the config matches `url` (RE2:
    linear time, whatever the pattern)."""
    for rule in config.exclude:
        if patterns.search(rule.pattern, url):
            return Result(url, Verdict.EXCLUDED, message=rule.reason,
                          checked_at=time.time() if now is None else now)
    return None


def _offline_note(results: list[Result]) -> str:
    """When no host name resolved at all (not found, failed or timed out), the machine is
    likely offline: say so, and call those links errors (cannot tell) rather than broken
    (they may well be fine)."""
    checked = [r for r in results if not r.cached and r.verdict is not Verdict.EXCLUDED]
    unresolved = [r for r in checked if r.message.startswith(DNS_FAILURE)
                  or NO_ROUTE in r.message]
    if not checked or len(unresolved) < len(checked):
        return ""
    for result in unresolved:
        result.verdict = Verdict.ERROR
    hosts = len({urlsplit(r.url).hostname for r in unresolved})
    return (f"no host name resolved ({hosts} host{'s' if hosts != 1 else ''}, "
            f"{len(unresolved)} link{'s' if len(unresolved) != 1 else ''}): "
            "is this machine offline or its DNS down? Run again with network access.")
