"""What a pull request controls cannot hang or crash the checker, nor leak a password: its
list.yaml's exclude patterns (RE2, linear time) and the state file it may carry (validated,
discarded with a warning when bad)."""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.linkcheck.redact import redact_text, redacted
from generator.linkcheck.results import Location, Verdict
from generator.linkcheck.run import CheckRequest, check_links, excluded
from generator.linkcheck.safety import AddressPolicy
from generator.linkcheck.settings import LinkCheckSettings
from generator.models.link_check import LinkCheckConfig
from tests.conftest import CurateRun
from tests.link_server import LinkServer

HANG_BOUND_SECONDS = 10
"""Not a speed measure: a bound that tells a hang (Python's re would take years) from done."""


def test_a_catastrophic_exclude_pattern_cannot_hang_the_run() -> None:
    config = LinkCheckConfig(exclude=[{"pattern": "(a+)+b", "reason": "evil"},
                                      {"pattern": "^(([a-z])+.)+[A-Z]([a-z])+$", "reason": "evil"}]
                             ).settings()
    url = "https://example.org/" + "a" * 5000 + "!"
    answers: list[object] = []
    worker = threading.Thread(target=lambda: answers.append(excluded(url, config)), daemon=True)

    worker.start()
    worker.join(HANG_BOUND_SECONDS)

    assert answers == [None]  # Matched (no match) and returned.


@pytest.mark.parametrize(("pattern", "why"), [
    ("(?=members)", "invalid perl operator"),  # Look-ahead needs backtracking: RE2 refuses it.
    (r"(a)\1", "invalid escape sequence"),  # So does a back-reference.
    ("a{1000}{1000}", "bad repetition operator"),
    ("x" * 1001, "longer than 1000 characters"),
])
def test_patterns_that_need_backtracking_are_refused_with_a_reason(pattern: str, why: str
                                                                   ) -> None:
    with pytest.raises(ValidationError, match=f"not a valid regular expression \\(RE2: {why}"):
        LinkCheckConfig(exclude=[{"pattern": pattern, "reason": "r"}])


def test_an_ordinary_exclude_pattern_still_works() -> None:
    config = LinkCheckConfig(exclude=[{"pattern": r"^https?://(www\.)?linkedin\.com/",
                                       "reason": "login wall"}]).settings()
    assert excluded("https://www.linkedin.com/in/x", config).message == "login wall"
    assert excluded("https://example.org/linkedin.com/", config) is None


@pytest.mark.parametrize(("url", "shown"), [
    ("https://user:p@ss@host.example/x", "https://***@host.example/x"),
    ("https://a.example/login?next=https://u:pw@b.example/y",
     "https://a.example/login?next=https://***@b.example/y"),
    ("https://a.example/go?to=https%3A%2F%2Fu%3Apw%40b.example%2Fy",
     "https://a.example/go?to=https%3A%2F%2F***%40b.example%2Fy"),
    ("https://a.example/p?q=a@b", "https://a.example/p?q=a@b"),
    ("https://a.example/users/@me", "https://a.example/users/@me"),
])
def test_credentials_are_redacted_wherever_they_stand(url: str, shown: str) -> None:
    assert redacted(url) == shown
    assert redact_text(f"see {url} now") == f"see {shown} now"


def state(links: dict, **extra: object) -> str:
    return json.dumps({"format": "curate-link-cache", "version": 2, "runs": [], "links": links,
                       **extra})


NOW = time.time()
OK_ENTRY = {"verdict": "ok", "status": 200, "checked_at": NOW - 60, "expires_at": NOW + 3600}


@pytest.mark.parametrize(("content", "why"), [
    (state({"u": {**OK_ENTRY, "checked_at": NOW + 400 * 86400}}), "checked_at is not a time"),
    (state({"u": OK_ENTRY}).replace(str(OK_ENTRY["expires_at"]), "NaN"), "NaN is not a JSON"),
    (state({"u": {**OK_ENTRY, "expires_at": NOW + 10**9}}), "expires_at is not a time within"),
    (state({"u": {**OK_ENTRY, "verdict": "fine"}}), "no known verdict"),
    (state({"u": {**OK_ENTRY, "failing_runs": 2, "first_failed_at": math.inf}}).replace(
        "Infinity", "1e999"), "first_failed_at is not a time"),
    (state({"u": {**OK_ENTRY, "extra": [[[[1]]]]}}), "unknown field 'extra'"),
    (state({}, runs=[NOW + 86400 * 30]), "'runs' is not a list of past times"),
    ('{"links": ' * 100_000 + "{}" + "}" * 100_000, "nested too deeply"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_a_bad_state_file_is_discarded_with_a_warning_never_a_crash(
        tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun], content: str,
        why: str) -> None:
    cache = tmp_path / "links.json"
    cache.write_text(content.replace('"u"', json.dumps(server.url("/ok"))))

    run = curate("-C", tmp_path, "check-links", "--allow-private", "--cache", cache,
                 server.url("/ok"))

    assert run.exit_code == 0
    warning = run.stdout.splitlines()[-2]
    assert warning.startswith(f"{cache}: ignored, ") and warning.endswith("; starting afresh")
    assert why in warning
    assert server.hits["/ok"] == 1  # Nothing was trusted from it: the link was asked again.
    assert json.loads(cache.read_text())["version"] == 2  # Rewritten sound.


def test_a_sound_state_file_answers_without_a_request(tmp_path: Path, server: LinkServer) -> None:
    cache = tmp_path / "links.json"
    cache.write_text(state({server.url("/ok"): OK_ENTRY}))

    run = check_links(CheckRequest({server.url("/ok"): [Location("a.md", 1)]}, LinkCheckSettings(),
                                   AddressPolicy(allow_private=True), cache_path=cache))

    assert (run.results[0].verdict, run.results[0].cached, run.notes) == (Verdict.OK, True, ())
    assert server.total_hits == 0
