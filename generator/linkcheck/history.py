"""History, not a snapshot: a link is reported broken only after it failed on enough runs
in a row, spanning enough days (`link_check.report_after`); before that it is a warning.

A publisher's bad hour, a DNS hiccup or a CI runner's network blip is not a dead link; a
link that failed last week and fails again today is.
"""

from __future__ import annotations

import time

from generator.linkcheck.cache import DAY, LinkCache
from generator.linkcheck.results import FAILING, Result
from generator.linkcheck.settings import ReportAfter

AT_ONCE = ReportAfter(runs=1, days=0)
"""The rule of a run without a state file: it has no history to wait for."""


def apply_history(results: list[Result], cache: LinkCache, rule: ReportAfter, now: float) -> None:
    """Set each failing result's streak (first failure, runs in a row) from the state and
    whether `rule` confirms it as broken."""
    for result in results:
        if result.cached or result.verdict not in FAILING:
            continue
        before = cache.failing(result.url)
        first, runs = (before[0], before[1] + 1) if before else (now, 1)
        result.failing_since, result.failing_runs = first, runs
        result.confirmed = runs >= rule.runs and now - first >= rule.days * DAY


def first_failure_day(result: Result) -> str | None:
    """The UTC day ('2026-11-03') of the first failure in the current streak, if failing."""
    if not result.failing_runs or result.failing_since is None:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(result.failing_since))


def failing_since(result: Result) -> str:
    """'failing since 2026-11-03 (3 runs)', or '' for a result that is not failing."""
    day = first_failure_day(result)
    if day is None:
        return ""
    runs = f"{result.failing_runs} run{'s' if result.failing_runs != 1 else ''}"
    return f"failing since {day} ({runs})"


def waiting_note(results: list[Result], rule: ReportAfter) -> str:
    """A note on failures not reported as broken yet, or ''."""
    waiting = sum(1 for result in results if result.verdict in FAILING and not result.confirmed)
    if not waiting:
        return ""
    days = f" over at least {rule.days:g} day{'s' if rule.days != 1 else ''}" if rule.days else ""
    return (f"{waiting} failing link{'s are' if waiting != 1 else ' is'} not reported as broken "
            f"yet: a link is broken once it fails on {rule.runs} runs in a row{days} "
            "(link_check.report_after)")
