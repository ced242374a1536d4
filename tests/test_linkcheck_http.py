"""How `curate check-links` judges real HTTP answers, from a real server on 127.0.0.1."""

from __future__ import annotations

import gc
import ssl
import subprocess
import time
from pathlib import Path

from yarl import URL

from generator.linkcheck.checker import host_order
from generator.linkcheck.http import request_headers
from generator.linkcheck.results import Location, Result, Verdict
from generator.linkcheck.run import CheckRequest, check_links
from generator.linkcheck.safety import AddressPolicy
from generator.linkcheck.settings import HostLimit, LinkCheckSettings
from tests.link_server import HUGE_BYTES, LinkServer

LOOPBACK_ALLOWED = AddressPolicy(allow_private=True)


def check(*urls: str, token: str | None = None, **settings: object) -> dict[str, Result]:
    """Check `urls` with test-sized timeouts (and `settings`), loopback allowed."""
    config = LinkCheckSettings(**{"timeout": 1.0, "retries": 1, **settings})
    links = {url: [Location("links.md", number)] for number, url in enumerate(urls, start=1)}
    run = check_links(CheckRequest(links, config, LOOPBACK_ALLOWED, github_token=token))
    return {result.url: result for result in run.results}


def one(url: str, **settings: object) -> Result:
    return check(url, **settings)[url]


def test_200_is_ok_after_one_head_request(server: LinkServer) -> None:
    result = one(server.url("/ok"))
    assert (result.verdict, result.status, result.severity) == (Verdict.OK, 200, "")
    assert server.methods == [("HEAD", "/ok")]
    assert result.locations == [Location("links.md", 1)]


def test_404_and_410_are_broken(server: LinkServer) -> None:
    results = check(server.url("/missing"), server.url("/gone"))
    missing, gone = results[server.url("/missing")], results[server.url("/gone")]
    assert (missing.verdict, missing.status, missing.message) == (Verdict.BROKEN, 404, "not found")
    assert (gone.verdict, gone.status, gone.message) == (Verdict.BROKEN, 410, "gone")
    assert missing.severity == gone.severity == "error"


def test_500_then_200_is_ok_after_a_retry(server: LinkServer) -> None:
    result = one(server.url("/flaky"))
    assert (result.verdict, result.status, result.requests) == (Verdict.OK, 200, 2)
    assert server.hits["/flaky"] == 2


def test_permanent_redirect_is_a_moved_warning_naming_the_new_url(server: LinkServer) -> None:
    result = one(server.url("/moved"))
    assert (result.verdict, result.status) == (Verdict.REDIRECTED, 200)
    assert result.final_url == server.url("/ok")
    assert result.warning == f"moved: update to {server.url('/ok')}"
    assert result.severity == "warning"


def test_a_302_308_307_chain_ends_at_its_final_url_without_warning(server: LinkServer) -> None:
    result = one(server.url("/chain-302"))
    assert (result.verdict, result.final_url, result.warning) == (
        Verdict.REDIRECTED, server.url("/ok"), "")
    assert [path for _, path in server.methods] == ["/chain-302", "/chain-308", "/chain-307", "/ok"]


def test_a_redirect_loop_is_an_error_found_without_going_round(server: LinkServer) -> None:
    result = one(server.url("/loop-a"))
    assert (result.verdict, result.message) == (Verdict.ERROR, "redirect loop")
    assert server.hits == {"/loop-a": 1, "/loop-b": 1}


def test_endless_redirects_stop_at_the_limit(server: LinkServer) -> None:
    result = one(server.url("/endless/0"), max_redirects=5)
    assert (result.verdict, result.message) == (Verdict.ERROR, "more than 5 redirects")
    assert server.total_hits == 6


def test_429_waits_for_retry_after_then_succeeds(server: LinkServer) -> None:
    result = one(server.url("/rate-limited"))
    assert (result.verdict, result.status) == (Verdict.OK, 200)
    assert server.hits["/rate-limited"] == 2
    assert 1.0 <= result.elapsed < 3.0


def test_429_asking_for_a_longer_wait_than_allowed_gives_up_at_once_as_blocked(
        server: LinkServer) -> None:
    result = one(server.url("/rate-limited-long"), retries=3)
    assert (result.verdict, result.status, result.severity) == (Verdict.BLOCKED, 429, "warning")
    assert result.message.startswith("rate limited (429), asked to wait 3600 s")
    assert server.hits["/rate-limited-long"] == 1


def test_405_on_head_is_asked_again_with_get(server: LinkServer) -> None:
    result = one(server.url("/no-head"))
    assert (result.verdict, result.status, result.requests) == (Verdict.OK, 200, 2)
    assert server.methods == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_response_slower_than_the_timeout_is_an_error(server: LinkServer) -> None:
    started = time.monotonic()
    result = one(server.url("/slow"), timeout=0.5, retries=1)
    assert (result.verdict, result.message) == (
        Verdict.ERROR, "timed out after 0.5 s after 2 tries")
    assert time.monotonic() - started < 2.5


def test_a_1_gb_body_is_not_read(server: LinkServer) -> None:
    started = time.monotonic()
    result = one(server.url("/huge"))
    assert (result.verdict, result.status) == (Verdict.OK, 200)
    assert time.monotonic() - started < 2
    time.sleep(0.3)  # Let the server notice the hang-up.
    assert server.huge_bytes_sent < HUGE_BYTES / 20


def test_a_fragment_present_in_the_page_is_ok(server: LinkServer) -> None:
    results = check(server.url("/page.html#present"), server.url("/page.html#old-style"),
                    server.url("/page.html#install"))  # GitHub's id="user-content-install"
    for result in results.values():
        assert (result.verdict, result.warning) == (Verdict.OK, "")


def test_a_fragment_missing_from_the_page_is_a_warning(server: LinkServer) -> None:
    result = one(server.url("/page.html#absent"))
    assert (result.verdict, result.warning, result.severity) == (
        Verdict.OK, "fragment #absent not found in the page", "warning")


def test_403_from_a_host_known_to_block_robots_is_blocked_not_broken(server: LinkServer) -> None:
    wall = f"http://localhost:{server.port}/forbidden"
    results = check(wall, server.url("/forbidden"), bot_wall_hosts=("localhost",))
    assert (results[wall].verdict, results[wall].status, results[wall].severity) == (
        Verdict.BLOCKED, 403, "warning")
    other = results[server.url("/forbidden")]
    assert (other.verdict, other.status, other.severity) == (Verdict.BROKEN, 403, "error")


def test_connection_refused_is_an_error_after_retries(server: LinkServer) -> None:
    closed = LinkServer("127.0.0.1")
    url = closed.url("/ok")
    closed.close()
    result = one(url)
    assert result.verdict is Verdict.ERROR
    assert "Connect call failed" in result.message and result.message.endswith("after 2 tries")


def test_a_certificate_nobody_vouches_for_is_an_error_without_retries(tmp_path: Path) -> None:
    key, certificate = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(certificate, key)
    self_signed = LinkServer("127.0.0.1", tls=tls)
    try:
        result = one(self_signed.url("/ok"), retries=2)
    finally:
        self_signed.close()
    assert result.verdict is Verdict.ERROR
    assert "certificate verify failed" in result.message
    assert result.requests == 1


def test_a_malformed_url_is_broken_without_a_request(server: LinkServer) -> None:
    results = check("http://exa mple.com/", "http://127.0.0.1:99999/ok", "https://")
    for result in results.values():
        assert result.verdict is Verdict.BROKEN
        assert result.message.startswith("malformed URL")
        assert result.requests == 0


def test_a_slow_drip_of_headers_cannot_hang_the_run(server: LinkServer) -> None:
    started = time.monotonic()
    result = one(server.url("/slow-drip"), timeout=0.5, retries=0)
    assert (result.verdict, result.message) == (Verdict.ERROR, "timed out after 0.5 s")
    assert time.monotonic() - started < 1.5


def test_garbage_headers_are_an_error_not_a_crash(server: LinkServer) -> None:
    result = one(server.url("/garbage"), retries=0)
    assert result.verdict is Verdict.ERROR
    assert result.message


def test_the_run_stops_at_its_deadline(server: LinkServer) -> None:
    started = time.monotonic()
    results = check(server.url("/slow"), server.url("/ok"), deadline=0.5, timeout=5)
    assert time.monotonic() - started < 1.5
    slow = results[server.url("/slow")]
    assert (slow.verdict, slow.message) == (
        Verdict.ERROR, "not finished before the run's deadline (0.5 s)")
    assert results[server.url("/ok")].verdict is Verdict.OK


def test_requests_to_one_host_respect_its_concurrency_limit(server: LinkServer) -> None:
    urls = [server.url(f"/busy?n={n}") for n in range(6)]
    results = check(*urls, per_host_concurrency=2)
    assert {result.verdict for result in results.values()} == {Verdict.OK}
    assert server.most_in_flight == 2


def test_links_written_host_by_host_are_started_one_of_each_host_in_turn() -> None:
    a, b, c = "https://a.example", "https://b.example", "http://user@C.example:80"
    written = [f"{a}/1", f"{a}/2", f"{a}/3", f"{b}/1", f"{b}/2", f"{c}/1", f"{a}/1"]
    assert host_order(written) == [f"{a}/1", f"{b}/1", f"{c}/1", f"{a}/2", f"{b}/2", f"{a}/3"]
    assert host_order(["http://[::1/x", "http://[::1/y"]) == ["http://[::1/x", "http://[::1/y"]


def test_the_check_leaves_the_garbage_collector_as_it_found_it(server: LinkServer) -> None:
    frozen_during_check: list[int] = []
    check_links(CheckRequest({server.url("/ok"): [Location("a.md", 1)]}, LinkCheckSettings(),
                             LOOPBACK_ALLOWED),
                on_result=lambda result: frozen_during_check.append(gc.get_freeze_count()))
    # What existed before the check outlives it: the collector's passes skip it meanwhile.
    assert frozen_during_check[0] > 0
    assert (gc.get_freeze_count(), gc.isenabled()) == (0, True)


def test_the_same_url_written_twice_is_requested_once(server: LinkServer) -> None:
    url = server.url("/ok")
    run = check_links(CheckRequest(
        {url: [Location("a.md", 3), Location("b.md", 9)]}, LinkCheckSettings(), LOOPBACK_ALLOWED))
    assert [r.locations for r in run.results] == [[Location("a.md", 3), Location("b.md", 9)]]
    assert server.hits["/ok"] == 1


def test_requests_carry_a_descriptive_user_agent_and_no_token(server: LinkServer) -> None:
    one(server.url("/ok"), token="secret-token")
    headers = {name.lower(): value for name, value in server.headers["/ok"].items()}
    assert headers["user-agent"].startswith("curate-link-checker/")
    assert "authorization" not in headers


def test_the_github_token_goes_to_github_hosts_only() -> None:
    assert request_headers(URL("https://github.com/a/b"), "t") == {"Authorization": "Bearer t"}
    assert request_headers(URL("https://api.github.com/repos/a/b"), "t") == {
        "Authorization": "Bearer t"}
    assert request_headers(URL("https://github.com.evil.example/a"), "t") == {}
    assert request_headers(URL("https://gist.example.com/github.com"), "t") == {}
    assert request_headers(URL("http://github.com/a/b"), "t") == {}


def test_a_host_rule_slows_requests_to_that_host(server: LinkServer) -> None:
    urls = [server.url(f"/ok?n={n}") for n in range(3)]
    started = time.monotonic()
    check(*urls, hosts=(HostLimit(f"127.0.0.1:{server.port}", concurrency=1, delay=0.2),))
    assert time.monotonic() - started >= 0.6
    assert server.most_in_flight == 1
