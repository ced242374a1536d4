"""A web service that misbehaves on purpose, on 127.0.0.1: endless or huge bodies, gzip bombs,
answers that drip one byte at a time. Written on http.server, since it must misbehave below
what a WSGI framework lets an application do (send headers slowly, lie about lengths).
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import zlib
from collections.abc import Callable

Behaviour = Callable[[http.server.BaseHTTPRequestHandler, threading.Event], None]


class HostileServer:
    """One `behaviour` answers every request; the server stops when closed."""

    def __init__(self, behaviour: Behaviour) -> None:
        stopping = threading.Event()
        self.stopping = stopping
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                requests.append(self.path)
                behaviour(self, stopping)  # a client that hangs up ends it (see _QuietServer)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietServer(http.server.ThreadingHTTPServer):
    """Says nothing when a client hangs up mid-answer: that is what the tests make it do."""

    def handle_error(self, request: object, client_address: object) -> None:
        return None


def endless_body(declared_length: int | None) -> Behaviour:
    """Zeros until the client hangs up, saying `declared_length` bytes will come (or not saying)."""

    def behave(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        if declared_length is not None:
            handler.send_header("Content-Length", str(declared_length))
        handler.send_header("Connection", "close")
        handler.end_headers()
        zeros = b"0" * 65536
        sent = 0
        while not stopping.is_set() and sent < 2_000_000_000:
            handler.wfile.write(zeros)
            sent += len(zeros)

    return behave


def gzip_bomb(packed_megabytes: int) -> bytes:
    """About `packed_megabytes` MB of gzip that unpack to about a thousand times as much zeros:
    one member of 100 MB of zeros (97 kB packed), repeated (gzip allows many members)."""
    member = gzip.compress(bytes(100_000_000), compresslevel=9)
    return member * (packed_megabytes * 1_000_000 // len(member))


def compressed(body: bytes, encoding: str) -> Behaviour:
    """`body` sent whole, labelled with Content-Encoding `encoding`."""

    def behave(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Encoding", encoding)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return behave


def dripping(every_seconds: float, headers_too: bool) -> Behaviour:
    """One byte every `every_seconds`, for a minute: of the headers too, or only of the body."""

    def behave(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        if headers_too:
            handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
            text = b"X-Slow: " + b"a" * 1000 + b"\r\n"
        else:
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", "100000")
            handler.end_headers()
            text = b"[" * 100000
        handler.wfile.flush()
        deadline = time.monotonic() + 60
        for byte in text:
            if stopping.is_set() or time.monotonic() > deadline:
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(every_seconds)

    return behave


def deflated(body: bytes, raw: bool) -> bytes:
    """`body` as HTTP 'deflate': zlib-wrapped, or the raw stream some servers send."""
    if not raw:
        return zlib.compress(body)
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(body) + packer.flush()


def redirecting(final: bytes, hops: int) -> Behaviour:
    """`hops` redirects, each with an endless body, then `final` (with hops < 0: forever)."""

    def behave(handler: http.server.BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        hop = int(handler.path.rsplit("/", 1)[-1]) if handler.path.startswith("/hop/") else 0
        if hops < 0 or hop < hops:
            handler.send_response(302)
            handler.send_header("Location", f"/hop/{hop + 1}")
            handler.send_header("Connection", "close")
            handler.end_headers()
            zeros = b"0" * 65536
            for _ in range(30_000):  # 2 GB, unless the client hangs up first
                if stopping.is_set():
                    return
                handler.wfile.write(zeros)
            return
        compressed(final, "identity")(handler, stopping)

    return behave
