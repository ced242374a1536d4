"""Safe by default: private addresses are never requested, by name, literal or redirect."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Iterator

import pytest

from generator.linkcheck.resolver import CheckedResolver
from generator.linkcheck.results import Location, Result, Verdict
from generator.linkcheck.run import CheckRequest, check_links
from generator.linkcheck.safety import (
    AddressPolicy,
    UnsafeAddress,
    address_class,
    system_lookup,
)
from generator.linkcheck.settings import LinkCheckSettings
from tests.link_server import LinkServer

PUBLIC_STAND_IN = "127.0.0.2"
"""A loopback address the tests' policy treats as public, standing in for the internet."""


@pytest.fixture
def public_server() -> Iterator[LinkServer]:
    instance = LinkServer(PUBLIC_STAND_IN)
    yield instance
    instance.close()


@pytest.fixture
def ipv6_server() -> Iterator[LinkServer]:
    instance = LinkServer("::1")
    yield instance
    instance.close()


def names(table: dict[str, list[str]]):
    """A DNS stand-in: the test's names, then the system resolver (for 'localhost')."""

    async def lookup(host: str, port: int) -> list[str]:
        return table[host] if host in table else await system_lookup(host, port)

    return lookup


def check(*urls: str, lookup=system_lookup) -> dict[str, Result]:
    policy = AddressPolicy(treat_as_public=frozenset({PUBLIC_STAND_IN}))
    links = {url: [Location("links.md", 1)] for url in urls}
    config = LinkCheckSettings(timeout=2, retries=0)
    run = check_links(CheckRequest(links, config, policy, lookup=lookup))
    return {result.url: result for result in run.results}


@pytest.mark.parametrize(("address", "why"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("192.168.1.1", "private"),
    ("100.64.0.1", "private"), ("fd00::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("240.0.0.1", "reserved"), ("192.0.2.1", "private"), ("::ffff:127.0.0.1", "loopback"),
    ("93.184.216.34", None), ("2606:4700:4700::1111", None),
])
def test_addresses_are_classified(address: str, why: str | None) -> None:
    assert address_class(ipaddress.ip_address(address)) == why


def test_private_urls_are_refused_without_any_connection(
    server: LinkServer, ipv6_server: LinkServer, outbound_connections: list[object]
) -> None:
    urls = {
        server.url("/ok"): "127.0.0.1, which is loopback",
        "http://10.0.0.1/admin": "10.0.0.1, which is private",
        "http://169.254.169.254/latest/meta-data/": "169.254.169.254, which is link-local",
        ipv6_server.url("/ok"): "::1, which is loopback",
        f"http://localhost:{server.port}/ok": "localhost, which resolves to loopback",
        "http://0.0.0.0:80/": "0.0.0.0, which is unspecified",
    }
    results = check(*urls)
    for url in urls:
        assert results[url].verdict is Verdict.EXCLUDED, url
        assert results[url].message.startswith("private address: host"), results[url].message
        assert results[url].message.endswith("(use --allow-private to check it)")
        assert results[url].requests == 0
    assert server.total_hits == ipv6_server.total_hits == 0
    assert outbound_connections == []


def test_the_refusal_names_the_address_class(server: LinkServer) -> None:
    result = check(f"http://localhost:{server.port}/ok")[f"http://localhost:{server.port}/ok"]
    assert result.message == (
        "private address: host resolves to loopback address 127.0.0.1 "
        "(use --allow-private to check it)")


def test_a_public_url_redirecting_to_loopback_is_refused_at_the_redirect(
    server: LinkServer, public_server: LinkServer, outbound_connections: list[object]
) -> None:
    to_literal = f"http://links.example:{public_server.port}/to?url={server.url('/ok')}"
    to_name = (f"http://links.example:{public_server.port}/to?url="
               f"http://localhost:{server.port}/ok")
    results = check(to_literal, to_name, lookup=names({"links.example": [PUBLIC_STAND_IN]}))
    assert results[to_literal].verdict is Verdict.EXCLUDED
    assert results[to_literal].message == (
        "private address: redirects to 127.0.0.1, which resolves to loopback address "
        "127.0.0.1 (use --allow-private to check it)")
    assert results[to_literal].final_url == server.url("/ok")
    assert results[to_name].verdict is Verdict.EXCLUDED
    assert public_server.hits["/to"] == 2
    assert server.total_hits == 0
    assert {address[0] for address in outbound_connections} == {PUBLIC_STAND_IN}


def test_a_name_is_resolved_once_so_a_rebinding_dns_cannot_switch_it(
    server: LinkServer, public_server: LinkServer
) -> None:
    answers = iter([[PUBLIC_STAND_IN], ["127.0.0.1"], ["127.0.0.1"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    urls = [f"http://rebind.example:{public_server.port}/ok?n={n}" for n in range(3)]
    results = check(*urls, lookup=rebinding)
    assert {result.verdict for result in results.values()} == {Verdict.OK}
    assert public_server.hits["/ok"] == 3
    assert server.total_hits == 0
    assert next(answers) == ["127.0.0.1"]  # Only the first answer was ever asked for.


def test_the_connector_resolver_refuses_a_private_answer() -> None:
    resolver = CheckedResolver(AddressPolicy(), names({"evil.example": ["10.1.2.3"]}))
    with pytest.raises(UnsafeAddress, match="evil.example resolves to private address 10.1.2.3"):
        asyncio.run(resolver.resolve("evil.example", 80))
    allowed = CheckedResolver(
        AddressPolicy(allow_private=True), names({"lan.example": ["10.1.2.3"]}))
    answer = asyncio.run(allowed.resolve("lan.example", 80))
    assert [entry["host"] for entry in answer] == ["10.1.2.3"]


def test_a_dns_server_that_never_answers_cannot_stall_the_run() -> None:
    lookups = []

    async def silent(host: str, port: int) -> list[str]:
        lookups.append(host)
        await asyncio.sleep(30)
        return []

    urls = [f"http://slow-dns.example/{n}" for n in range(20)]
    started = time.monotonic()
    run = check_links(CheckRequest(
        {url: [Location("links.md", 1)] for url in urls},
        LinkCheckSettings(connect_timeout=0.3), lookup=silent))
    assert time.monotonic() - started < 2
    assert lookups == ["slow-dns.example"]  # One lookup per host, however many links.
    assert {(r.verdict, r.message) for r in run.results} == {
        (Verdict.ERROR, "DNS lookup for slow-dns.example timed out after 0.3 s")}


def test_allow_private_lets_loopback_through(server: LinkServer) -> None:
    url = server.url("/ok")
    run = check_links(CheckRequest(
        {url: [Location("links.md", 1)]}, LinkCheckSettings(), AddressPolicy(allow_private=True)))
    assert run.results[0].verdict is Verdict.OK
    assert server.hits["/ok"] == 1
