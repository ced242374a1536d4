"""A real HTTP server on a loopback address that behaves like the web's good and bad sites.

Every request is counted by path, so tests can prove a URL was (or was never) requested.
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

PAGE = b"""<!doctype html><html><head><title>page</title></head>
<body><h1 id="present">Here</h1><a name="old-style">old</a><p>text</p>
<h2 id="user-content-install">Install</h2></body></html>"""
HUGE_BYTES = 1_000_000_000
SLOW_SECONDS = 3.0


class LinkServer:
    """A threaded HTTP/1.1 server on `host`, with the routes below; stop with `close()`."""

    def __init__(self, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> None:
        self.host = host
        self.scheme = "https" if tls else "http"
        self.hits: Counter[str] = Counter()
        self.methods: list[tuple[str, str]] = []
        self.huge_bytes_sent = 0
        self.headers: dict[str, dict[str, str]] = {}
        """Headers of the last request to each path."""
        self.in_flight = 0
        self.switch_down = True
        """Whether '/switch' answers 404 (True) or 200: a link that dies and comes back."""
        self.most_in_flight = 0
        self._lock = threading.Lock()
        server_class = _IPv6Server if ":" in host else _Server
        self._server = server_class((host, 0), _handler_for(self))
        self.port = self._server.server_address[1]
        if tls:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @property
    def total_hits(self) -> int:
        return sum(self.hits.values())

    def url(self, path: str = "/") -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}{path}"

    def record(self, method: str, path: str, headers: dict[str, str]) -> int:
        """Count a request; return how many times this path was asked before."""
        with self._lock:
            before = self.hits[path]
            self.hits[path] += 1
            self.methods.append((method, path))
            self.headers[path] = headers
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
            return before

    def done(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False


class _IPv6Server(_Server):
    address_family = socket.AF_INET6


def _handler_for(server: LinkServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # Quiet: the tests read the hit counter, not a log.

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve("HEAD")

        def do_GET(self) -> None:  # noqa: N802
            self._serve("GET")

        def _serve(self, method: str) -> None:
            path = self.path.split("?", 1)[0]
            before = server.record(method, path, dict(self.headers.items()))
            route = ROUTES.get(path.rstrip("0123456789") if path.startswith("/endless/") else path)
            prefix = next((p for p in PREFIX_ROUTES if path.startswith(p)), None)
            route = ROUTES[prefix] if prefix else route
            try:
                if route is None:
                    self.answer(404)
                else:
                    route(self, method, before, server)
            except (BrokenPipeError, ConnectionResetError):
                pass  # The checker hung up, as it should on bodies it does not want.
            finally:
                server.done()

        def answer(self, status: int, body: bytes = b"", **headers: str) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return Handler


def _ok(h, method, before, server):
    h.answer(200, b"ok", Content_Type="text/plain")


def _busy(h, method, before, server):
    time.sleep(0.2)
    h.answer(200)


def _page(h, method, before, server):
    h.answer(200, PAGE, Content_Type="text/html; charset=utf-8")


def _status(code: int):
    return lambda h, method, before, server: h.answer(code)


def _redirect(code: int, target: str):
    return lambda h, method, before, server: h.answer(code, Location=target)


def _flaky(h, method, before, server):
    h.answer(500 if before == 0 else 200)


def _rate_limited(h, method, before, server):
    if before == 0:
        h.answer(429, Retry_After="1")
    else:
        h.answer(200)


def _rate_limited_long(h, method, before, server):
    h.answer(429, Retry_After="3600")


def _no_head(h, method, before, server):
    h.answer(405 if method == "HEAD" else 200, b"ok")


def _slow(h, method, before, server):
    time.sleep(SLOW_SECONDS)
    h.answer(200)


def _huge(h, method, before, server):
    """HEAD refused, so a GET comes; then a 1 GB body the checker must not read."""
    if method == "HEAD":
        h.answer(405)
        return
    h.send_response(200)
    h.send_header("Content-Type", "application/octet-stream")
    h.send_header("Content-Length", str(HUGE_BYTES))
    h.end_headers()
    chunk = b"\0" * 65536
    while server.huge_bytes_sent < HUGE_BYTES:
        h.wfile.write(chunk)
        server.huge_bytes_sent += len(chunk)


def _endless(h, method, before, server):
    number = int(h.path.rsplit("/", 1)[1] or 0)
    h.answer(302, Location=f"/endless/{number + 1}")


def _redirect_to_query(h, method, before, server):
    """'/to?url=...' redirects wherever it is told: an open redirect, as on many real sites."""
    target = parse_qs(urlsplit(h.path).query)["url"][0]
    h.answer(302, Location=target)


def _slow_drip(h, method, before, server):
    """Headers one byte at a time, a byte every 0.2 s, for longer than any timeout."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Drip: " + b"." * 200:
        h.wfile.write(bytes([byte]))
        h.wfile.flush()
        time.sleep(0.2)


def _garbage(h, method, before, server):
    h.wfile.write(b"HTTP/1.1 200 OK\r\n\x00\x01\xff: \xfe\xfd\r\nContent-Length: x\r\n\r\n")
    h.wfile.flush()
    h.close_connection = True


# Bot walls: what Cloudflare, LinkedIn, Akamai, DataDome and PerimeterX answer a robot.

CLOUDFLARE_PAGE = (b"<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
                   b"<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1\">"
                   b"</script></head><body><div id=\"cf-chl-widget\"></div></body></html>")
AKAMAI_PAGE = (b"<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>"
               b"You don't have permission to access this server.<P>Reference #18.5c3c1002"
               b"<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;5c3c1002</BODY>"
               b"</HTML>")


def _cloudflare_challenge(h, method, before, server):
    h.answer(403, CLOUDFLARE_PAGE, Server="cloudflare", cf_mitigated="challenge",
             Content_Type="text/html; charset=UTF-8")


def _cloudflare_page(h, method, before, server):
    """An older challenge: 503 and the page, without the cf-mitigated header."""
    h.answer(503, CLOUDFLARE_PAGE, Server="cloudflare",
             Content_Type="text/html; charset=UTF-8")


def _akamai(h, method, before, server):
    h.answer(403, AKAMAI_PAGE, Server="AkamaiGHost", Content_Type="text/html")


def _datadome(h, method, before, server):
    h.answer(403, b'<script src="https://ct.captcha-delivery.com/c.js"></script>',
             X_DataDome="protected", Content_Type="text/html")


def _perimeterx(h, method, before, server):
    h.answer(403, b'<html><body><div id="px-captcha"></div></body></html>',
             Content_Type="text/html")


def _switch(h, method, before, server):
    h.answer(404 if server.switch_down else 200)


def _storm(h, method, before, server):
    """Every request is rate limited, with a short Retry-After."""
    h.answer(429, Retry_After="0.2")


# The APIs a paper link is checked with: DOI handles, arXiv, GitHub; and the Wayback Machine.

def _json(h, status: int, document: object, **headers: str) -> None:
    h.answer(status, json.dumps(document).encode(), Content_Type="application/json", **headers)


def _doi_handle(h, method, before, server):
    doi = unquote(urlsplit(h.path).path.removeprefix("/api/handles/"))
    url = {"type": "URL", "index": 1, "data": {"format": "string", "value": "https://x.test/"}}
    if doi == "10.1234/exists":
        _json(h, 200, {"responseCode": 1, "handle": doi, "values": [url]})
    elif doi == "10.1234/alias":
        alias = {"type": "HS_ALIAS", "index": 1,
                 "data": {"format": "string", "value": "10.1234/exists"}}
        _json(h, 200, {"responseCode": 1, "handle": doi, "values": [alias]})
    else:
        _json(h, 404, {"responseCode": 100, "handle": doi})


ARXIV_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>arXiv Query</title>
<opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{total}
</opensearch:totalResults>{entries}</feed>"""
ARXIV_ENTRY = "<entry><id>{id}</id><title>{title}</title></entry>"


def _arxiv_api(h, method, before, server):
    arxiv_id = parse_qs(urlsplit(h.path).query).get("id_list", [""])[0]
    entries = {
        "2101.00001": ARXIV_ENTRY.format(id="http://arxiv.org/abs/2101.00001v2", title="A paper"),
        "1902.10421": ARXIV_ENTRY.format(id="http://arxiv.org/abs/1902.10421v1", title="Paper"),
        "2101.00002": ARXIV_ENTRY.format(id="http://arxiv.org/abs/2101.00003v1", title="Moved"),
        "bad-id": ARXIV_ENTRY.format(id="http://arxiv.org/api/errors#incorrect_id_format_for_x",
                                     title="Error"),
    }.get(arxiv_id, "")
    body = ARXIV_FEED.format(total=1 if entries else 0, entries=entries)
    h.answer(200, body.encode(), Content_Type="application/atom+xml")


GITHUB_REPOS = {
    "/repos/owner/exists": {"full_name": "owner/exists", "archived": False},
    "/repos/owner/archived": {"full_name": "owner/archived", "archived": True},
    "/repositories/42": {"full_name": "new-owner/new-name", "archived": False},
}


def _github_api(h, method, before, server):
    path = urlsplit(h.path).path
    if path == "/repos/owner/old-name":
        _json(h, 301, {"message": "Moved Permanently", "url": server.url("/repositories/42")},
              Location=server.url("/repositories/42"))
    elif path in GITHUB_REPOS:
        _json(h, 200, GITHUB_REPOS[path])
    else:
        _json(h, 404, {"message": "Not Found"})


def _wayback(h, method, before, server):
    url = parse_qs(urlsplit(h.path).query).get("url", [""])[0]
    snapshot = {"status": "200", "available": True, "timestamp": "20200102030405",
                "url": f"http://web.archive.org/web/20200102030405/{url}"}
    _json(h, 200, {"url": url, "archived_snapshots": {"closest": snapshot} if url else {}})


ROUTES = {
    "/ok": _ok,
    "/busy": _busy,
    "/page.html": _page,
    "/missing": _status(404),
    "/gone": _status(410),
    "/forbidden": _status(403),
    "/flaky": _flaky,
    "/moved": _redirect(301, "/ok"),
    "/chain-302": _redirect(302, "/chain-308"),
    "/chain-308": _redirect(308, "/chain-307"),
    "/chain-307": _redirect(307, "/ok"),
    "/loop-a": _redirect(302, "/loop-b"),
    "/loop-b": _redirect(302, "/loop-a"),
    "/rate-limited": _rate_limited,
    "/rate-limited-long": _rate_limited_long,
    "/no-head": _no_head,
    "/slow": _slow,
    "/huge": _huge,
    "/endless/": _endless,
    "/slow-drip": _slow_drip,
    "/garbage": _garbage,
    "/to": _redirect_to_query,
    "/cloudflare": _cloudflare_challenge,
    "/cloudflare-page": _cloudflare_page,
    "/linkedin": _status(999),
    "/akamai": _akamai,
    "/datadome": _datadome,
    "/perimeterx": _perimeterx,
    "/unauthorized": _status(401),
    "/storm": _storm,
    "/switch": _switch,
    "/api/handles/": _doi_handle,
    "/api/query": _arxiv_api,
    "/repos/": _github_api,
    "/repositories/": _github_api,
    "/wayback/available": _wayback,
}
PREFIX_ROUTES = ("/api/handles/", "/repos/", "/repositories/")
"""Routes that answer every path under them."""
