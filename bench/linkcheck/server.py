"""The benchmark's web: 10 hosts (ports on 127.0.0.1), each answering after 100 ms.

Run as `python bench/linkcheck/server.py PORTFILE`: it writes its ports (one a line) to
PORTFILE once listening. The first host also serves the tricky cases and two control paths:
`/__stats` (requests per path, bytes of the huge body sent) and `/__reset`.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from pathlib import Path

from aiohttp import web

HOSTS = 10
LATENCY = 0.1
SLOW = 5.0
HUGE_BYTES = 1_000_000_000
PAGE = (b"<!doctype html><html><body><h1 id='present'>Here</h1>" + b"<p>text</p>" * 200
        + b"</body></html>")


class Stats:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.requests: Counter[str] = Counter()
        self.huge_bytes_sent = 0
        self.seen: Counter[str] = Counter()
        self.in_flight: Counter[int] = Counter()
        """Requests being answered now, by host (server port)."""
        self.most_in_flight: Counter[int] = Counter()
        self.connections: dict[int, set[int]] = {}
        """Client ports seen by each host: the connections a tool opened to it."""


STATS = Stats()


async def page(request: web.Request) -> web.Response:
    await asyncio.sleep(LATENCY)
    return web.Response(body=PAGE, content_type="text/html")


def status(code: int, **headers: str):
    async def handler(request: web.Request) -> web.Response:
        await asyncio.sleep(LATENCY)
        return web.Response(status=code, headers=headers)
    return handler


async def flaky(request: web.Request) -> web.Response:
    """500 to the first request of a run, 200 after: a passing server hiccup."""
    await asyncio.sleep(LATENCY)
    STATS.seen["flaky"] += 1
    return web.Response(status=500 if STATS.seen["flaky"] == 1 else 200)


async def rate_limited(request: web.Request) -> web.Response:
    """429 with Retry-After: 1 to the first request of a run, 200 after."""
    await asyncio.sleep(LATENCY)
    STATS.seen["rate"] += 1
    if STATS.seen["rate"] == 1:
        return web.Response(status=429, headers={"Retry-After": "1"})
    return web.Response(status=200)


async def no_head(request: web.Request) -> web.Response:
    await asyncio.sleep(LATENCY)
    return web.Response(status=405 if request.method == "HEAD" else 200, body=b"ok")


async def slow(request: web.Request) -> web.Response:
    await asyncio.sleep(SLOW)
    return web.Response(status=200)


async def huge(request: web.Request) -> web.StreamResponse:
    """A 1 GB body: a checker should close the connection, not read it."""
    if request.method == "HEAD":
        return web.Response(status=405)
    response = web.StreamResponse(headers={"Content-Type": "application/octet-stream"})
    response.content_length = HUGE_BYTES
    await response.prepare(request)
    chunk = b"\0" * 262_144
    try:
        while STATS.huge_bytes_sent < HUGE_BYTES:
            await response.write(chunk)
            STATS.huge_bytes_sent += len(chunk)
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    return response


CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<script src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1'></script>"
             b"</body></html>")


async def challenge(request: web.Request) -> web.Response:
    """A Cloudflare bot challenge: the page is there, a robot is not let in."""
    await asyncio.sleep(LATENCY)
    return web.Response(status=403, body=CHALLENGE, content_type="text/html",
                        headers={"Server": "cloudflare", "cf-mitigated": "challenge"})


async def stats(request: web.Request) -> web.Response:
    return web.json_response({
        "requests": STATS.requests, "huge_bytes_sent": STATS.huge_bytes_sent,
        "most_in_flight_per_host": max(STATS.most_in_flight.values(), default=0),
        "most_connections_per_host": max(map(len, STATS.connections.values()), default=0),
    })


async def reset(request: web.Request) -> web.Response:
    STATS.reset()
    return web.Response(text="reset")


@web.middleware
async def count(request: web.Request, handler):
    if request.path.startswith("/__"):
        return await handler(request)
    STATS.requests[f"{request.method} {request.path}"] += 1
    host = request.transport.get_extra_info("sockname")[1] if request.transport else 0
    peer = request.transport.get_extra_info("peername") if request.transport else None
    STATS.connections.setdefault(host, set()).add(peer[1] if peer else 0)
    STATS.in_flight[host] += 1
    STATS.most_in_flight[host] = max(STATS.most_in_flight[host], STATS.in_flight[host])
    try:
        return await handler(request)
    finally:
        STATS.in_flight[host] -= 1


def application(tricky: bool) -> web.Application:
    app = web.Application(middlewares=[count])
    app.router.add_route("*", "/page/{n}", page)
    if tricky:
        routes = {
            "/missing": status(404), "/gone": status(410),
            "/moved": status(301, Location="/page/moved-here"),
            "/chain": status(302, Location="/chain-2"),
            "/chain-2": status(307, Location="/page/chain-end"),
            "/loop-a": status(302, Location="/loop-b"), "/loop-b": status(302, Location="/loop-a"),
            "/flaky": flaky, "/rate-limited": rate_limited, "/no-head": no_head,
            "/slow": slow, "/huge": huge, "/fragment.html": page,
            "/challenge": challenge, "/status-999": status(999),
            "/__stats": stats, "/__reset": reset,
        }
        for path, handler in routes.items():
            app.router.add_route("*", path, handler)
    return app


async def serve(port_file: Path) -> None:
    ports = []
    for index in range(HOSTS):
        runner = web.AppRunner(application(tricky=index == 0), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        ports.append(runner.addresses[0][1])
    port_file.write_text("\n".join(map(str, ports)) + "\n")
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(serve(Path(sys.argv[1])))
