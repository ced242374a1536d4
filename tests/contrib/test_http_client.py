"""The HTTP client every service shares: pacing, Retry-After, the disk cache."""

from __future__ import annotations

import email.utils
import os
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from generator.lookup.config import RequestIntervals, ServicesConfig
from generator.lookup.http import HttpClient, LookupFailed, retry_after_seconds


def client(tmp_path: Path | None, **settings: object) -> HttpClient:
    return HttpClient(ServicesConfig(**settings), tmp_path, "curate/test (+https://example.org)")


def test_requests_to_one_service_are_spaced_by_its_interval(httpserver: HTTPServer) -> None:
    arrivals: list[float] = []

    def note_arrival(request: Request) -> Response:
        arrivals.append(time.monotonic())
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/works/a").respond_with_handler(note_arrival)
    httpserver.expect_request("/works/b").respond_with_handler(note_arrival)
    http = client(None, min_interval_seconds=RequestIntervals(crossref=0.4), cache_days=0)

    http.get("crossref", httpserver.url_for("/works/a"))
    http.get("crossref", httpserver.url_for("/works/b"))

    assert arrivals[1] - arrivals[0] >= 0.4


def test_retry_after_is_read_as_seconds_or_as_an_http_date() -> None:
    in_three_seconds = email.utils.formatdate(time.time() + 3, usegmt=True)

    assert retry_after_seconds("7") == 7.0
    assert 1.0 <= retry_after_seconds(in_three_seconds) <= 3.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_a_cached_answer_is_reused_until_it_is_older_than_cache_days(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/works/a").respond_with_data("{}", content_type="application/json")
    http = client(tmp_path, cache_days=1)
    url = httpserver.url_for("/works/a")

    first = http.get("crossref", url)
    second = http.get("crossref", url)
    for entry in tmp_path.iterdir():
        two_days_ago = time.time() - 2 * 86_400
        os.utime(entry, (two_days_ago, two_days_ago))
    third = http.get("crossref", url)

    assert (first.from_cache, second.from_cache, third.from_cache) == (False, True, False)
    assert len(httpserver.log) == 2


def test_a_damaged_cache_entry_is_fetched_again(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/works/a").respond_with_data('{"ok": 1}', content_type="application/json")
    http = client(tmp_path)
    url = httpserver.url_for("/works/a")
    http.get("crossref", url)
    for entry in tmp_path.iterdir():
        entry.write_text("{not json", encoding="utf-8")

    answer = http.get("crossref", url)

    assert (answer.text, answer.from_cache, len(httpserver.log)) == ('{"ok": 1}', False, 2)


def test_server_errors_are_not_cached(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_oneshot_request("/works/a").respond_with_data("boom", status=500)
    httpserver.expect_request("/works/a").respond_with_data("{}", content_type="application/json")
    http = client(tmp_path)
    url = httpserver.url_for("/works/a")

    with pytest.raises(LookupFailed) as failure:
        http.get("crossref", url)
    answer = http.get("crossref", url)

    assert (
        str(failure.value) == f"Crossref answered HTTP 500 INTERNAL SERVER ERROR for {url}; try again later"
    )
    assert (answer.status, answer.from_cache) == (200, False)
