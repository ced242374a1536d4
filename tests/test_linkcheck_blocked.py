"""Blocked is its own verdict: a bot wall's answer is a warning to check by hand, never a
failure, never retried; a host that rate-limits is backed off from, not hammered."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.linkcheck.hostile_file import DEFAULT_HOSTS_FILE, load_hostile_hosts
from generator.linkcheck.results import Location, Result, Verdict
from generator.linkcheck.run import CheckRequest, check_links
from generator.linkcheck.safety import AddressPolicy
from generator.linkcheck.settings import LinkCheckSettings
from generator.linkcheck.walls import hostile_reason
from tests.conftest import CurateRun
from tests.link_server import LinkServer

ADVICE = "check by hand or via its DOI"


def check(*urls: str, hostile: dict[str, str] | None = None, **settings: object
          ) -> dict[str, Result]:
    config = LinkCheckSettings(**{"timeout": 2.0, "retries": 2, **settings})
    links = {url: [Location("links.md", number)] for number, url in enumerate(urls, start=1)}
    run = check_links(CheckRequest(links, config, AddressPolicy(allow_private=True),
                                   hostile=hostile or {}))
    return {result.url: result for result in run.results}


def test_a_cloudflare_challenge_is_blocked_at_once_not_broken(server: LinkServer) -> None:
    result = check(server.url("/cloudflare"))[server.url("/cloudflare")]

    assert (result.verdict, result.status, result.severity) == (Verdict.BLOCKED, 403, "warning")
    assert result.message == f"blocked for robots (Cloudflare challenge); {ADVICE}"
    assert server.hits["/cloudflare"] == 1  # The HEAD answer's header says it all.


def test_a_cloudflare_challenge_page_without_the_header_is_found_by_its_text(
        server: LinkServer) -> None:
    result = check(server.url("/cloudflare-page"))[server.url("/cloudflare-page")]

    assert (result.verdict, result.status) == (Verdict.BLOCKED, 503)
    assert "Cloudflare challenge" in result.message
    assert server.methods == [("HEAD", "/cloudflare-page"), ("GET", "/cloudflare-page")]


def test_status_999_is_blocked_after_one_request_not_retried_three_times(
        server: LinkServer) -> None:
    result = check(server.url("/linkedin"))[server.url("/linkedin")]

    assert (result.verdict, result.status, result.severity) == (Verdict.BLOCKED, 999, "warning")
    assert "999" in result.message and ADVICE in result.message
    assert server.hits["/linkedin"] == 1


def test_akamai_datadome_and_perimeterx_walls_are_blocked(server: LinkServer) -> None:
    results = check(server.url("/akamai"), server.url("/datadome"), server.url("/perimeterx"))

    walls = {path: results[server.url(path)] for path in ("/akamai", "/datadome", "/perimeterx")}
    assert {path: (r.verdict, r.status) for path, r in walls.items()} == {
        path: (Verdict.BLOCKED, 403) for path in walls}
    assert "(Akamai)" in walls["/akamai"].message
    assert "(DataDome)" in walls["/datadome"].message
    assert "(PerimeterX)" in walls["/perimeterx"].message
    # Never retried: the headers of the HEAD answer tell Akamai and DataDome; PerimeterX's
    # page is read from one GET.
    assert {path: server.hits[path] for path in walls} == {
        "/akamai": 1, "/datadome": 1, "/perimeterx": 2}


def test_a_plain_403_from_an_unlisted_host_is_still_broken(server: LinkServer) -> None:
    result = check(server.url("/forbidden"))[server.url("/forbidden")]

    assert (result.verdict, result.severity) == (Verdict.BROKEN, "error")


def test_401_403_and_429_from_a_robot_hostile_host_are_blocked_with_its_reason(
        server: LinkServer) -> None:
    hostile = {"localhost": "answers robots 403 (a test publisher)"}
    urls = [f"http://localhost:{server.port}{path}"
            for path in ("/forbidden", "/unauthorized", "/storm")]

    results = check(*urls, hostile=hostile)

    for url in urls:
        assert results[url].verdict is Verdict.BLOCKED, url
        assert results[url].message == (
            f"blocked for robots (answers robots 403 (a test publisher)); {ADVICE}")
    assert server.hits["/storm"] == 1  # A 429 from a listed host is not retried.
    assert server.hits["/forbidden"] == 2  # HEAD, then GET (some hosts refuse HEAD only).


def test_a_429_storm_from_one_host_is_backed_off_from_not_hammered(server: LinkServer) -> None:
    urls = [server.url(f"/storm?n={n}") for n in range(30)]
    started = time.monotonic()

    results = check(*urls, per_host_concurrency=4, retries=2, rate_limit_answers=5)

    # Without backing off: 30 links x 3 tries = 90 requests. With it: the first burst
    # (4 in flight), then one at a time after each Retry-After, until 5 answers said 429.
    assert server.hits["/storm"] <= 4 + 5
    assert server.most_in_flight <= 4
    assert {r.verdict for r in results.values()} == {Verdict.BLOCKED}
    assert {r.severity for r in results.values()} == {"warning"}
    assert any("not asked again in this run" in r.message for r in results.values())
    assert time.monotonic() - started >= 0.2  # It waited for the Retry-After.


def test_the_shipped_robot_hostile_hosts_give_a_reason_for_each_publisher() -> None:
    hosts = load_hostile_hosts(DEFAULT_HOSTS_FILE)

    assert hostile_reason("ieeexplore.ieee.org", hosts)
    assert hostile_reason("www.sciencedirect.com", hosts)
    assert hostile_reason("www.linkedin.com", hosts)
    assert hostile_reason("github.com", hosts) is None
    assert all(reason.strip() for reason in hosts.values())


def list_project(tmp_path: Path, server: LinkServer, settings: str) -> Path:
    from tests.test_linkcheck_command import LIST_YAML

    (tmp_path / "papers" / "papers").mkdir(parents=True)
    (tmp_path / "papers" / "list.yaml").write_text(
        LIST_YAML.format(base=server.url("")) + settings)
    return tmp_path


def test_a_list_can_name_its_own_robot_hostile_hosts_file(
        tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun]) -> None:
    project = list_project(tmp_path, server, "  robot_hostile_hosts: papers/walls.yaml\n")
    (project / "papers" / "walls.yaml").write_text(
        "hosts:\n- host: localhost\n  reason: a publisher that refuses robots\n")
    wall = f"http://localhost:{server.port}/forbidden"

    run = curate("-C", project, "check-links", "--allow-private", "--no-cache", wall)

    assert run.exit_code == 0
    assert run.stdout.splitlines()[0] == (
        f"<command line>: blocked: {wall}: 403 blocked for robots (a publisher that refuses "
        f"robots); {ADVICE}")


@pytest.mark.parametrize("named", ["../outside.yaml", "/etc/passwd", "papers/link.yaml"])
def test_a_robot_hostile_hosts_file_outside_the_project_is_refused_unread(
        tmp_path: Path, server: LinkServer, curate: Callable[..., CurateRun], named: str) -> None:
    project = list_project(tmp_path / "project", server, f"  robot_hostile_hosts: {named}\n")
    (tmp_path / "outside.yaml").write_text("hosts: []\n")
    (project / "papers" / "link.yaml").symlink_to(tmp_path / "outside.yaml")

    run = curate("-C", project, "check-links", "--no-cache", server.url("/ok"))

    assert run.exit_code == 2
    assert run.stderr == (f"curate check-links: link_check.robot_hostile_hosts: {named!r} is "
                          "not a file inside the project\n")
    assert server.total_hits == 0
