"""A paper link is checked for what it means: the DOI exists (DOI handle API), the arXiv id
exists (arXiv API), the GitHub repository exists, was archived or moved (GitHub API, with a
token). The APIs are real HTTP servers on 127.0.0.1, named by the config's base URLs."""

from __future__ import annotations

import pytest

from generator.linkcheck.results import Location, Result, Verdict
from generator.linkcheck.run import CheckRequest, check_links
from generator.linkcheck.safety import AddressPolicy, NameNotFound
from generator.linkcheck.settings import LinkCheckSettings
from tests.link_server import LinkServer


@pytest.fixture
def looked_up() -> list[str]:
    """Host names the checker tried to resolve: the public hosts must never be asked."""
    return []


def check(server: LinkServer, looked_up: list[str], *urls: str, token: str | None = "t0ken"
          ) -> dict[str, Result]:
    async def lookup(host: str, port: int) -> list[str]:
        looked_up.append(host)
        raise NameNotFound(f"DNS name not found: {host}")

    config = LinkCheckSettings(
        timeout=2, retries=0, doi_api_url=server.url("/api/handles/{id}"),
        arxiv_api_url=server.url("/api/query?id_list={id}"), github_api_url=server.url(""),
        wayback_url="")
    links = {url: [Location("paper.yaml", n)] for n, url in enumerate(urls, start=1)}
    run = check_links(CheckRequest(links, config, AddressPolicy(allow_private=True),
                                   github_token=token, lookup=lookup))
    return {result.url: result for result in run.results}


def test_dois_are_asked_of_the_handle_api_existing_missing_and_aliased(
        server: LinkServer, looked_up: list[str]) -> None:
    results = check(server, looked_up, "https://doi.org/10.1234/exists",
                    "https://doi.org/10.1234/missing", "https://dx.doi.org/10.1234/alias")

    exists = results["https://doi.org/10.1234/exists"]
    missing = results["https://doi.org/10.1234/missing"]
    alias = results["https://dx.doi.org/10.1234/alias"]
    assert (exists.verdict, exists.severity) == (Verdict.OK, "")
    assert (missing.verdict, missing.severity) == (Verdict.BROKEN, "error")
    assert missing.message == "DOI 10.1234/missing does not exist (DOI handle API)"
    assert (alias.verdict, alias.warning) == (
        Verdict.REDIRECTED, "moved: update to https://doi.org/10.1234/exists")
    assert looked_up == []  # doi.org itself was never asked: no publisher page, no bot wall.
    assert server.hits["/api/handles/10.1234/missing"] == 1


def test_arxiv_ids_are_asked_of_the_arxiv_api_existing_missing_and_moved(
        server: LinkServer, looked_up: list[str]) -> None:
    results = check(server, looked_up, "https://arxiv.org/abs/2101.00001",
                    "https://arxiv.org/pdf/2101.99999.pdf", "https://arxiv.org/abs/2101.00002")

    assert results["https://arxiv.org/abs/2101.00001"].verdict is Verdict.OK
    missing = results["https://arxiv.org/pdf/2101.99999.pdf"]
    assert (missing.verdict, missing.message) == (
        Verdict.BROKEN, "arXiv has no paper 2101.99999 (arXiv API)")
    moved = results["https://arxiv.org/abs/2101.00002"]
    assert (moved.verdict, moved.warning) == (
        Verdict.REDIRECTED, "moved: update to https://arxiv.org/abs/2101.00003")
    assert looked_up == []


def test_github_repositories_are_asked_of_the_api_with_the_token(
        server: LinkServer, looked_up: list[str]) -> None:
    results = check(server, looked_up, "https://github.com/owner/exists",
                    "https://github.com/owner/archived/", "https://github.com/owner/missing",
                    "https://github.com/owner/old-name")

    assert results["https://github.com/owner/exists"].verdict is Verdict.OK
    archived = results["https://github.com/owner/archived/"]
    assert (archived.verdict, archived.severity) == (Verdict.OK, "warning")
    assert archived.warning.startswith("archived:")
    missing = results["https://github.com/owner/missing"]
    assert (missing.verdict, missing.message) == (
        Verdict.BROKEN, "GitHub has no repository owner/missing (GitHub API)")
    moved = results["https://github.com/owner/old-name"]
    assert (moved.verdict, moved.final_url, moved.warning) == (
        Verdict.REDIRECTED, "https://github.com/new-owner/new-name",
        "moved: update to https://github.com/new-owner/new-name")
    assert server.hits["/repositories/42"] == 1  # The API's 301 was followed.
    headers = {name.lower(): value for name, value in server.headers["/repos/owner/exists"].items()}
    assert headers["authorization"] == "Bearer t0ken"
    assert looked_up == []


def test_without_a_token_github_links_are_checked_as_pages(
        server: LinkServer, looked_up: list[str]) -> None:
    results = check(server, looked_up, "https://github.com/owner/exists", token=None)

    assert server.total_hits == 0
    assert looked_up == ["github.com"]
    assert results["https://github.com/owner/exists"].message == "DNS name not found: github.com"


def test_an_api_that_cannot_answer_leaves_the_link_to_the_page_check(
        server: LinkServer) -> None:
    closed = LinkServer("127.0.0.1")
    closed.close()  # The DOI API is down: connection refused.
    config = LinkCheckSettings(timeout=1, retries=0, wayback_url="",
                             doi_url=server.url("/ok?doi={id}"),
                             doi_api_url=closed.url("/api/handles/{id}"))
    doi_link = server.url("/ok?doi=10.1234/exists")

    run = check_links(CheckRequest({doi_link: [Location("p.yaml", 1)]}, config,
                                   AddressPolicy(allow_private=True)))

    assert (run.results[0].verdict, run.results[0].status) == (Verdict.OK, 200)
    assert server.hits["/ok"] == 1  # The page itself was asked instead.
