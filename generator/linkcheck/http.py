"""One HTTP request, made safely: no redirects followed, no body read beyond a small cap."""

from __future__ import annotations

import asyncio
import functools
import re
from dataclasses import dataclass

import aiohttp
from yarl import URL

from generator.linkcheck import walls
from generator.linkcheck.resolver import CheckedResolver

GITHUB_HOSTS = frozenset({"github.com", "api.github.com"})
_CHUNK = 65_536


@dataclass(frozen=True)
class Reply:
    """What one request learned: status, the headers that matter, and the anchor if sought."""

    status: int
    location: str | None = None
    retry_after: str | None = None
    is_html: bool = False
    fragment_found: bool | None = None
    """Whether the sought `#fragment` is in the page; None when not sought or not HTML."""
    wall: str | None = None
    """The bot wall this answer comes from ('Cloudflare challenge', ...), None if none."""
    body: bytes = b""
    """The body, for `fetch(..., read_body=N)` (API answers); else empty."""
    server: str = ""
    """The Server header(s), lower-cased, of a 429 or 503 answer (a bot wall's vendor?)."""


def open_session(
    resolver: CheckedResolver, concurrency: int, user_agent: str
) -> aiohttp.ClientSession:
    """A session that connects only to addresses `resolver` approved, keeps no cookies."""
    connector = aiohttp.TCPConnector(
        limit=concurrency, limit_per_host=0, resolver=resolver, use_dns_cache=False,
    )
    return aiohttp.ClientSession(
        connector=connector,
        cookie_jar=aiohttp.DummyCookieJar(),
        trust_env=False,  # Never send traffic through a proxy taken from the environment.
        headers={"User-Agent": user_agent, "Accept": "text/html,*/*;q=0.8"},
        auto_decompress=False,
    )


def request_headers(url: URL, github_token: str | None) -> dict[str, str]:
    """Extra headers for `url`: the GitHub token for GitHub's own hosts only."""
    if github_token and (url.host or "").lower() in GITHUB_HOSTS and url.scheme == "https":
        return {"Authorization": f"Bearer {github_token}"}
    return {}


async def fetch(
    session: aiohttp.ClientSession,
    method: str,
    url: URL,
    *,
    timeout: float,
    connect_timeout: float,
    headers: dict[str, str],
    fragment: str | None = None,
    fragment_bytes: int = 0,
    read_body: int = 0,
) -> Reply:
    """Send one request and close it; read at most `fragment_bytes` to look for `fragment`,
    the first bytes of an error page to recognise a bot wall's challenge, and with
    `read_body` that many bytes at most of the body (more is an error: a hostile answer)."""
    # The total is bounded by asyncio.timeout below: one timer per request, not two.
    client_timeout = _connect_timeout(connect_timeout)
    async with asyncio.timeout(timeout):  # Bounds a slow drip of headers or body too.
        response = await session.request(
            method, url.with_fragment(None), allow_redirects=False, headers=headers,
            timeout=client_timeout,
        )
        try:
            is_html = "html" in response.headers.get("Content-Type", "").lower()
            found, body = None, b""
            if fragment and is_html and method == "GET" and response.status < 300:
                found = await _page_has_anchor(response, fragment, fragment_bytes)
            elif read_body and method == "GET":
                body = await response.content.read(read_body + 1)
                if len(body) > read_body:
                    raise aiohttp.ClientPayloadError(f"answer longer than {read_body} bytes")
            elif response.status >= 400 and method == "GET":
                body = await response.content.read(walls.SNIFF_BYTES)
            wall = None
            if response.status >= 400 or any(name in response.headers
                                              for name in walls.CHALLENGE_HEADERS):
                headers = {name.lower(): value for name, value in response.headers.items()}
                wall = walls.challenge(response.status, headers, body)
            return Reply(
                status=response.status,
                location=response.headers.get("Location"),
                retry_after=response.headers.get("Retry-After"),
                is_html=is_html,
                fragment_found=found,
                wall=wall,
                server=" ".join(response.headers.getall("Server", ())).lower()
                if response.status in (429, 503) else "",
                body=body if read_body else b"",
            )
        finally:
            # Reuses the connection when the body is complete (HEAD, empty), else drops it
            # rather than read an unwanted body.
            response.release()


@functools.lru_cache(maxsize=8)
def _connect_timeout(seconds: float) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(total=None, connect=seconds)


async def _page_has_anchor(response: aiohttp.ClientResponse, fragment: str, cap: int) -> bool:
    # GitHub renders a README heading as id="user-content-NAME" and scrolls to #NAME.
    anchor = re.compile(
        rb"""\s(?:id|name)\s*=\s*["']?(?:user-content-)?""" + re.escape(fragment.encode())
        + rb"""(?:["'\s>/])""",
        re.IGNORECASE,
    )
    seen, read = b"", 0
    while read < cap:
        chunk = await response.content.read(min(_CHUNK, cap - read))
        if not chunk:
            break
        read += len(chunk)
        seen = seen[-512:] + chunk  # Keep a tail so an attribute split over chunks is found.
        if anchor.search(seen):
            return True
    return False
