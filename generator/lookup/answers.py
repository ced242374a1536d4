"""Read a service's answer within bounds: a byte cap before and after decompression, and a
deadline for the whole request, so a hostile or broken service cannot exhaust memory or time.
"""

from __future__ import annotations

import codecs
import contextlib
import signal
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType
from urllib.parse import urljoin

import requests
from requests.structures import CaseInsensitiveDict

from generator.errors import CurateError

MAX_ANSWER_BYTES = 8_000_000
"""Largest answer read, compressed or not: a paper's metadata is a few kilobytes, an arXiv
feed of one entry a few more."""
_CHUNK_BYTES = 64 * 1024


class UnreadableAnswer(CurateError):
    """The answer is too large, or compressed in a way curate does not unpack."""


class DeadlinePassed(BaseException):
    """The request took longer than its deadline (raised by the alarm, anywhere inside it).

    A BaseException, so that no `except Exception` on the way (in urllib3, in requests)
    mistakes it for a network error and retries.
    """


@dataclass(frozen=True)
class Received:
    """Status line, headers and body text of one answer, read whole."""

    status: int
    reason: str
    headers: CaseInsensitiveDict[str]
    text: str


@contextlib.contextmanager
def within_seconds(seconds: float) -> Iterator[None]:
    """Raise `DeadlinePassed` in the block once `seconds` have passed, even while it waits
    in a socket read (a server that sends one byte every few seconds never times out a read).

    Uses SIGALRM, so only in the main thread of a POSIX system; elsewhere the reading loop's
    own deadline checks and the per-read timeout remain.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise DeadlinePassed

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler if previous_handler is not None else signal.SIG_DFL)
        if previous_delay:  # someone else's alarm was running: give it back what is left
            left = max(previous_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, previous_interval)


def fetch(session: requests.Session, url: str, timeout: float, service: str) -> Received:
    """GET `url` and read the answer whole, following at most `MAX_REDIRECTS` redirects
    ourselves: requests reads a redirect's body whole, however large (even with
    `allow_redirects=False`), to reuse the connection; here it is never read."""
    deadline = time.monotonic() + timeout
    asked = url
    for _ in range(MAX_REDIRECTS + 1):
        request = session.prepare_request(requests.Request("GET", asked, headers=_ENCODINGS))
        settings = session.merge_environment_settings(asked, {}, True, None, None)  # proxies, CA
        response = session.get_adapter(asked).send(
            request, timeout=(timeout, timeout), **settings  # stream=True is among them
        )
        with response:
            if not response.is_redirect:
                return read_answer(response, service, url, deadline)
            asked = urljoin(asked, response.headers["Location"])
    raise UnreadableAnswer(f"{service} redirected {url} more than {MAX_REDIRECTS} times; try again later")


MAX_REDIRECTS = 5
_ENCODINGS = {"Accept-Encoding": "gzip, deflate"}
"""The compressions `read_answer` unpacks itself, within its size cap."""


def read_answer(response: requests.Response, service: str, url: str, deadline: float) -> Received:
    """The whole answer of `response` (opened with `stream=True`), unpacked and decoded.

    Raises `UnreadableAnswer` past `MAX_ANSWER_BYTES` (on the wire or unpacked) and
    `DeadlinePassed` past `deadline` (a `time.monotonic()` value).
    """
    too_large = UnreadableAnswer(
        f"{service} sent more than {MAX_ANSWER_BYTES // 1_000_000} MB for {url}; "
        "that cannot be one paper's metadata, so it was not read"
    )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_ANSWER_BYTES:
        raise too_large
    unpack = _unpacker(response.headers.get("Content-Encoding", ""), service, url)
    body, received = bytearray(), 0
    for chunk in response.raw.stream(_CHUNK_BYTES, decode_content=False):
        received += len(chunk)
        if received > MAX_ANSWER_BYTES:
            raise too_large
        body += unpack(chunk, MAX_ANSWER_BYTES + 1 - len(body))
        if len(body) > MAX_ANSWER_BYTES:
            raise too_large
        if time.monotonic() > deadline:
            raise DeadlinePassed
    return Received(
        response.status_code, response.reason or "", response.headers, _decode(bytes(body), response)
    )


class _Unpacker:
    """Unpack a gzip or deflate body chunk by chunk, never more than the room left."""

    def __init__(self, encoding: str, service: str, url: str) -> None:
        self.window = zlib.MAX_WBITS if encoding == "deflate" else 16 + zlib.MAX_WBITS
        self.stream = zlib.decompressobj(self.window)
        self.may_be_raw = encoding == "deflate"
        self.damaged = f"{service} sent a damaged compressed answer for {url}"

    def __call__(self, chunk: bytes, room: int) -> bytes:
        """What `chunk` unpacks to; one byte more than `room` when it would not fit."""
        unpacked = bytearray()
        while chunk:
            try:
                unpacked += self.stream.decompress(chunk, max(room - len(unpacked), 1))
            except zlib.error:
                if not self.may_be_raw:
                    raise UnreadableAnswer(self.damaged) from None
                # Some servers send raw deflate without the zlib header: read it so.
                self.stream, self.may_be_raw = zlib.decompressobj(-zlib.MAX_WBITS), False
                continue
            self.may_be_raw = False
            if self.stream.unconsumed_tail:  # more than `room` would come out: the cap is passed
                return bytes(unpacked) + b"\0"
            if not (self.stream.eof and self.stream.unused_data):
                break
            chunk = self.stream.unused_data  # gzip allows several members in a row
            self.stream = zlib.decompressobj(self.window)
        return bytes(unpacked)


def _unpacker(encoding: str, service: str, url: str) -> Callable[[bytes, int], bytes]:
    """A function (chunk, room) -> unpacked bytes for the Content-Encoding `encoding`."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return lambda chunk, room: chunk
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise UnreadableAnswer(
            f"{service} sent its answer for {url} compressed as {encoding[:40]!r}, "
            "which curate does not unpack"
        )
    return _Unpacker(encoding, service, url)


def _decode(body: bytes, response: requests.Response) -> str:
    """Text of `body` in the charset the answer names (UTF-8 when it names none or a bad one)."""
    charset = requests.utils.get_encoding_from_headers(response.headers)
    if charset == "ISO-8859-1" and "charset" not in response.headers.get("Content-Type", "").lower():
        charset = None  # requests' default for text/*, not what the service said
    try:
        codecs.lookup(charset or "utf-8")
    except LookupError:
        charset = None
    return body.decode(charset or "utf-8", errors="replace")
