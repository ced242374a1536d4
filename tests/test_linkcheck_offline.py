"""A machine without DNS is told apart from dead links: its links are errors, with a note."""

from __future__ import annotations

import asyncio

from generator.linkcheck.results import Location, Verdict
from generator.linkcheck.run import CheckRequest, check_links
from generator.linkcheck.safety import AddressPolicy, NameNotFound
from generator.linkcheck.settings import LinkCheckSettings
from tests.link_server import LinkServer

OFFLINE_NOTE = ("no host name resolved ({hosts} hosts, {links} links): is this machine offline "
                "or its DNS down? Run again with network access.")


def run_with(lookup, *urls: str):
    links = {url: [Location("links.md", number)] for number, url in enumerate(urls, start=1)}
    config = LinkCheckSettings(connect_timeout=0.3, retries=0)
    return check_links(CheckRequest(links, config, AddressPolicy(allow_private=True), lookup=lookup))


async def no_dns(host: str, port: int) -> list[str]:
    if host == "slow.example":
        await asyncio.sleep(30)
    raise NameNotFound(f"DNS name not found: {host}")


def test_when_no_name_resolves_every_link_is_an_error_and_the_run_says_why():
    run = run_with(no_dns, "https://a.example/1", "https://a.example/2", "https://b.example/")

    assert {result.verdict for result in run.results} == {Verdict.ERROR}
    assert run.notes == (OFFLINE_NOTE.format(hosts=2, links=3),)


def test_one_lookup_timing_out_on_an_offline_machine_does_not_turn_the_others_into_broken_links():
    run = run_with(no_dns, "https://a.example/", "https://b.example/", "https://slow.example/")

    assert {result.verdict for result in run.results} == {Verdict.ERROR}
    assert run.notes == (OFFLINE_NOTE.format(hosts=3, links=3),)


def test_a_name_that_does_not_exist_is_broken_when_other_hosts_answer(server: LinkServer):
    async def lookup(host: str, port: int) -> list[str]:
        if host == "gone.example":
            raise NameNotFound(f"DNS name not found: {host}")
        return ["127.0.0.1"]

    run = run_with(lookup, "https://gone.example/", server.url("/ok"))

    assert {result.url: result.verdict for result in run.results} == {
        "https://gone.example/": Verdict.BROKEN, server.url("/ok"): Verdict.OK}
    assert run.notes == ()
