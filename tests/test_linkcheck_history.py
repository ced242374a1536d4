"""History, not a snapshot: a link is broken only after failing on enough runs over enough
days; the state file remembers since when; a dead link gets its archived copy; the weekly
report fits in an issue; an offline run exits with its own code and changes nothing."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.linkcheck.report import ISSUE_BODY_LIMIT, MARKDOWN_LIMIT, Run, as_markdown, render
from generator.linkcheck.results import Location, Result, Verdict
from generator.linkcheck.run import CheckRequest, check_links
from generator.linkcheck.safety import AddressPolicy
from generator.linkcheck.settings import LinkCheckSettings, ReportAfter
from tests.conftest import CurateRun
from tests.link_server import LinkServer

DAY = 86400.0
NOV_3 = datetime(2026, 11, 3, 4, 17, tzinfo=UTC).timestamp()
RULE = ReportAfter(runs=2, days=3)


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def run_at(clock: FakeClock, state: Path, *urls: str, rule: ReportAfter = RULE,
           archived: bool = False, **settings: object) -> Run:
    config = LinkCheckSettings(**{"timeout": 2, "retries": 0, "wayback_url": "", **settings})
    links = {url: [Location("papers/p.yaml", n)] for n, url in enumerate(urls, start=3)}
    return check_links(CheckRequest(links, config, AddressPolicy(allow_private=True),
                                    cache_path=state, report_after=rule, clock=clock,
                                    suggest_archived=archived))


def test_a_failure_is_reported_broken_only_after_2_runs_spanning_3_days(
        server: LinkServer, tmp_path: Path) -> None:
    clock, state, url = FakeClock(NOV_3), tmp_path / "links.json", server.url("/missing")

    first = run_at(clock, state, url)
    clock.now += 1 * DAY
    second = run_at(clock, state, url)
    clock.now += 3 * DAY
    third = run_at(clock, state, url)

    assert [(r.results[0].verdict, r.results[0].severity) for r in (first, second, third)] == [
        (Verdict.BROKEN, "warning"), (Verdict.BROKEN, "warning"), (Verdict.BROKEN, "error")]
    assert render(first, "text").splitlines()[0] == (
        f"papers/p.yaml:3: broken: {url}: 404 not found "
        "(failing since 2026-11-03 (1 run), not confirmed yet)")
    assert ("1 failing link is not reported as broken yet: a link is broken once it fails on 2 "
            "runs in a row over at least 3 days (link_check.report_after)") in second.notes
    assert render(third, "text").splitlines()[0] == (
        f"papers/p.yaml:3: broken: {url}: 404 not found (failing since 2026-11-03 (3 runs))")
    assert server.hits["/missing"] == 3 * 2  # Asked (HEAD, GET) on every run: a failure is
    # never answered from the state file.
    entry = json.loads(state.read_text())["links"][url]
    assert (entry["first_failed_at"], entry["failing_runs"]) == (NOV_3, 3)


def test_a_link_that_works_again_starts_its_history_afresh(
        server: LinkServer, tmp_path: Path) -> None:
    clock, state, url = FakeClock(NOV_3), tmp_path / "links.json", server.url("/switch")

    run_at(clock, state, url)
    clock.now += 7 * DAY
    server.switch_down = False
    back = run_at(clock, state, url)
    clock.now += 7 * DAY
    server.switch_down = True
    again = run_at(clock, state, url, max_age="1s")

    assert back.results[0].verdict is Verdict.OK
    assert (again.results[0].failing_runs, again.results[0].severity) == (1, "warning")
    assert again.results[0].failing_since == clock.now


def test_a_pull_request_rule_of_one_run_reports_at_once(server: LinkServer, tmp_path: Path
                                                        ) -> None:
    run = run_at(FakeClock(NOV_3), tmp_path / "s.json", server.url("/missing"),
                 rule=ReportAfter(runs=1, days=0))

    assert run.results[0].severity == "error"
    assert run.notes == ()


def test_ok_results_expire_with_the_schedule_learnt_from_the_runs(
        server: LinkServer, tmp_path: Path) -> None:
    clock, state, url = FakeClock(NOV_3), tmp_path / "links.json", server.url("/ok")
    for _ in range(3):  # Three weekly runs teach the state file the interval.
        run_at(clock, state, url)
        clock.now += 7 * DAY
    document = json.loads(state.read_text())
    entry = document["links"][url]

    assert document["runs"] == [NOV_3, NOV_3 + 7 * DAY, NOV_3 + 14 * DAY]
    lifetime = entry["expires_at"] - entry["checked_at"]
    assert 0.5 * 7 * DAY <= lifetime <= 1.5 * 7 * DAY  # Not the 1 day that never matched.


def test_a_dead_link_gets_the_latest_wayback_snapshot(server: LinkServer, tmp_path: Path) -> None:
    url = server.url("/gone")

    run = run_at(FakeClock(NOV_3), tmp_path / "s.json", url, rule=ReportAfter(runs=1, days=0),
                 archived=True, wayback_url=server.url("/wayback/available"))

    snapshot = f"http://web.archive.org/web/20200102030405/{url}"
    assert run.results[0].suggestion == f"archived copy: {snapshot} (2020-01-02)"
    assert render(run, "text").splitlines()[0].endswith(
        f"410 gone - archived copy: {snapshot} (2020-01-02)")
    assert server.hits["/wayback/available"] == 1


def test_the_markdown_report_is_cut_to_an_issue_body_and_counts_what_was_cut() -> None:
    results = [Result(f"https://dead.example/{'x' * 100}/{n}", Verdict.BROKEN, 404,
                      message="not found", locations=[Location(f"papers/p{n}.yaml", 4)])
               for n in range(2000)]

    report = as_markdown(Run(results, 1.0, 2000))

    assert len(report) <= MARKDOWN_LIMIT < ISSUE_BODY_LIMIT
    shown = sum(1 for line in report.splitlines() if line.startswith("| broken | <"))
    assert 0 < shown < 2000
    assert (f"**{2000 - shown} more links not shown** ({2000 - shown} errors, 0 warnings): "
            "the report is cut to fit GitHub's issue body limit (65,536 characters)") in report


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine whose resolver answers nothing: no packet leaves it."""
    def fail(*args: object, **kwargs: object) -> list:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
    monkeypatch.setattr(socket, "getaddrinfo", fail)


def test_an_offline_run_exits_3_says_so_in_every_format_and_leaves_the_state_alone(
        tmp_path: Path, curate: Callable[..., CurateRun], no_dns: None) -> None:
    state = tmp_path / "links.json"
    state.write_text(json.dumps({"format": "curate-link-cache", "version": 2, "runs": [NOV_3],
                                 "links": {}}))
    before = state.read_text()
    note = ("no host name resolved (1 host, 1 link): is this machine offline or its DNS down? "
            "Run again with network access.")

    outputs = {}
    for output_format in ("text", "json", "github", "markdown"):
        run = curate("-C", tmp_path, "check-links", "--cache", state, "--format", output_format,
                     "https://example.org/paper")
        assert run.exit_code == 3, output_format
        outputs[output_format] = run.stdout

    assert note in outputs["text"]
    assert json.loads(outputs["json"])["notes"] == [note]
    assert f"::warning title=link check::{note}" in outputs["github"]
    assert f"- {note}" in outputs["markdown"]
    assert state.read_text() == before  # An offline run says nothing about the links.
