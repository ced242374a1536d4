"""Check URLs concurrently: politeness per host, retries, redirects, verdicts."""

from __future__ import annotations

import asyncio
import contextvars
import random
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import aiohttp
from yarl import URL

from generator.linkcheck.config import LinkCheckConfig
from generator.linkcheck.http import Reply, fetch, open_session, request_headers
from generator.linkcheck.resolver import CheckedResolver
from generator.linkcheck.results import Result, Verdict
from generator.linkcheck.safety import (
    AddressPolicy,
    Lookup,
    NameNotFound,
    UnsafeAddress,
    system_lookup,
)
from generator.retry_after import retry_after_seconds

GET_AFTER_HEAD = frozenset({400, 403, 404, 405, 406, 501})
"""HEAD answers that many servers give wrongly: ask again with GET before judging."""
BOT_WALL_STATUS = frozenset({403, 429, 999})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT = frozenset({301, 308})
_HOST = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?\.?|[0-9a-fA-F:.]+(?:%\w+)?")
"""A host as sent on the wire (IDNA-encoded name, IPv4, or IPv6 without brackets)."""
_requests_for_this_url: contextvars.ContextVar[int] = contextvars.ContextVar("requests", default=0)
BACKOFF_BASE = 0.2
"""Seconds before the first retry; doubled for each further one, plus jitter."""


class Retryable(Exception):
    """An attempt that may succeed if tried again (timeout, connection lost, 5xx, 429)."""

    def __init__(
        self, message: str, status: int | None = None, wait: float | None = None,
        give_up: bool = False,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.wait = wait
        self.give_up = give_up


@dataclass
class Politeness:
    """A slot per host: at most N requests in flight, and a pause after each."""

    config: LinkCheckConfig
    _slots: dict[str, asyncio.Semaphore] = field(default_factory=dict)

    def _limit(self, host: str) -> tuple[int, float]:
        for rule in self.config.hosts:
            if rule.host.lower() == host:
                return rule.concurrency, rule.delay
        return self.config.per_host_concurrency, self.config.per_host_delay

    async def run(self, url: URL, call: Callable[[], object]) -> Reply:
        host = f"{url.host}:{url.port}" if url.explicit_port else (url.host or "")
        concurrency, delay = self._limit(host.lower())
        if host not in self._slots:
            self._slots[host] = asyncio.Semaphore(concurrency)
        async with self._slots[host]:
            try:
                return await call()  # type: ignore[misc]
            finally:
                if delay:
                    await asyncio.sleep(delay)


@dataclass
class LinkChecker:
    """Checks URLs with one session; use `check_all` inside a running event loop."""

    config: LinkCheckConfig
    policy: AddressPolicy = AddressPolicy()
    github_token: str | None = None
    lookup: Lookup = system_lookup
    requests: int = 0

    async def check_all(
        self, urls: Iterable[str], on_result: Callable[[Result], None] | None = None
    ) -> dict[str, Result]:
        """Check every URL; stop at the config's deadline, reporting unfinished ones as errors."""
        resolver = CheckedResolver(self.policy, self.lookup, self.config.connect_timeout)
        self._politeness = Politeness(self.config)
        session = open_session(resolver, self.config.concurrency, self.config.user_agent)
        async with session:
            self._session, self._resolver = session, resolver
            tasks = {asyncio.ensure_future(self.check(url)): url for url in dict.fromkeys(urls)}
            for task in tasks:
                if on_result:
                    task.add_done_callback(lambda t: t.cancelled() or on_result(t.result()))
            done, pending = await asyncio.wait(tasks, timeout=self.config.deadline) if tasks else (
                set(), set())
            for task in pending:
                task.cancel()
            results = {tasks[task]: task.result() for task in done}
            for task in pending:
                url = tasks[task]
                results[url] = Result(url, Verdict.ERROR, message=(
                    f"not finished before the run's deadline ({self.config.deadline:g} s)"))
                if on_result:
                    on_result(results[url])
            await resolver.close()
        return results

    async def check(self, url: str) -> Result:
        """The verdict on one URL, never raising."""
        started = time.monotonic()
        _requests_for_this_url.set(0)  # Each URL is checked in its own task, so its own context.
        try:
            result = await self._judge(url)
        except Exception as error:  # A hostile answer must not stop the run.
            result = Result(url, Verdict.ERROR, message=f"unexpected failure: {_describe(error)}")
        result.elapsed = time.monotonic() - started
        result.requests = _requests_for_this_url.get()
        result.checked_at = time.time()
        return result

    async def _judge(self, url: str) -> Result:
        try:
            current = URL(url, encoded=False)
            if current.scheme not in ("http", "https") or not current.host:
                raise ValueError("expected an http(s) URL with a host name")
            if not _HOST.fullmatch(current.raw_host or ""):
                raise ValueError(f"{current.raw_host!r} is not a host name")
            current.port  # noqa: B018 - raises on a malformed port
        except (ValueError, TypeError) as error:
            return Result(url, Verdict.BROKEN, message=f"malformed URL: {error}")
        return await self._follow(url, current)

    async def _follow(self, url: str, current: URL) -> Result:
        seen = {str(current.with_fragment(None))}
        moved = False
        for hop in range(self.config.max_redirects + 1):
            refused = await self._refusal(current, hop)
            if refused is not None:
                refused.url = url
                return refused
            try:
                reply = await self._request_with_retries(current)
            except Retryable as error:
                return self._after_retries(url, current, error)
            except (aiohttp.ClientError, OSError, ValueError) as error:
                return Result(url, Verdict.ERROR, message=_describe(error))
            if reply.status in REDIRECT_STATUS and reply.location:
                moved = moved or (hop == 0 and reply.status in PERMANENT_REDIRECT)
                try:
                    current = _redirect_target(current, reply.location)
                except ValueError:
                    return Result(url, Verdict.BROKEN, reply.status,
                                  message=f"redirect to a malformed URL {reply.location!r}")
                if str(current.with_fragment(None)) in seen:
                    return Result(url, Verdict.ERROR, reply.status, final_url=str(current),
                                  message="redirect loop")
                seen.add(str(current.with_fragment(None)))
                continue
            return self._verdict(url, current, reply, hop, moved)
        return Result(url, Verdict.ERROR, message=(
            f"more than {self.config.max_redirects} redirects"))

    async def _refusal(self, current: URL, hop: int) -> Result | None:
        """A verdict when `current` must not or cannot be requested; None to go ahead."""
        if current.scheme not in ("http", "https"):
            return Result("", Verdict.BROKEN, message=f"redirects to a {current.scheme}: URL")
        try:
            await self._resolver.addresses(current.host or "", current.port or 0)
        except UnsafeAddress as error:
            where = f"redirects to {current.host}, which" if hop else "host"
            return Result("", Verdict.EXCLUDED, final_url=str(current) if hop else None,
                          message=f"private address: {where} resolves to {error.why} "
                          f"address {error.address} (use --allow-private to check it)")
        except NameNotFound:
            return Result("", Verdict.BROKEN, message=f"DNS name not found: {current.host}")
        except OSError as error:
            return Result("", Verdict.ERROR, message=str(error))
        return None

    async def _request_with_retries(self, url: URL) -> Reply:
        for attempt in range(self.config.retries + 1):
            try:
                return await self._politeness.run(url, lambda: self._attempt(url))
            except Retryable as error:
                if attempt == self.config.retries or error.give_up:
                    raise
                wait = error.wait if error.wait is not None else (
                    BACKOFF_BASE * 2**attempt * (1 + random.random()))
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _attempt(self, url: URL) -> Reply:
        fragment = _checkable_fragment(url)
        methods = ("GET",) if fragment else ("HEAD", "GET")
        reply = Reply(0)
        for method in methods:
            reply = await self._send(method, url, fragment)
            if method == "HEAD" and reply.status not in GET_AFTER_HEAD:
                break
        if reply.status == 429:
            raise Retryable("rate limited (429)", 429, self._retry_after(reply.retry_after))
        if reply.status >= 500:
            raise Retryable(f"server error {reply.status}", reply.status)
        return reply

    async def _send(self, method: str, url: URL, fragment: str | None) -> Reply:
        self.requests += 1
        _requests_for_this_url.set(_requests_for_this_url.get() + 1)
        try:
            return await fetch(
                self._session, method, url,
                timeout=self.config.timeout, connect_timeout=self.config.connect_timeout,
                headers=request_headers(url, self.github_token),
                fragment=fragment, fragment_bytes=self.config.fragment_bytes,
            )
        except TimeoutError:
            raise Retryable(f"timed out after {self.config.timeout:g} s") from None
        except aiohttp.ClientSSLError:
            raise  # A bad certificate stays bad: no retry, reported as an error.
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError, ConnectionError) as e:
            raise Retryable(_describe(e)) from None

    def _retry_after(self, header: str | None) -> float:
        """Seconds to wait for a 429: its Retry-After, bounded; beyond the bound, give up."""
        seconds = retry_after_seconds(header)
        if seconds is None:
            seconds = 1.0
        if seconds > self.config.max_retry_after:
            raise Retryable(
                f"rate limited (429), asked to wait {seconds:.0f} s", 429, give_up=True)
        return max(0.0, seconds)

    def _after_retries(self, url: str, current: URL, error: Retryable) -> Result:
        tries = f"after {self.config.retries + 1} tries" if self.config.retries else ""
        if error.status in BOT_WALL_STATUS and self._is_bot_wall(current):
            return Result(url, Verdict.BLOCKED, error.status, message="host blocks robots")
        return Result(url, Verdict.ERROR, error.status, message=f"{error} {tries}".strip())

    def _is_bot_wall(self, url: URL) -> bool:
        host = (url.host or "").lower()
        return any(host == wall or host.endswith("." + wall) for wall in self.config.bot_wall_hosts)

    def _verdict(self, url: str, final: URL, reply: Reply, hops: int, moved: bool) -> Result:
        status = reply.status
        final_url = str(final) if hops else None
        if 200 <= status < 300 or status in self.config.accepted_status:
            result = Result(url, Verdict.REDIRECTED if hops else Verdict.OK, status, final_url)
            if moved:
                result.warning = f"moved: update to {final}"
            if reply.fragment_found is False:
                result.warning = f"fragment #{final.fragment} not found in the page"
            return result
        if status in BOT_WALL_STATUS and self._is_bot_wall(final):
            return Result(url, Verdict.BLOCKED, status, final_url, message="host blocks robots")
        if status in (404, 410):
            return Result(url, Verdict.BROKEN, status, final_url,
                          message="not found" if status == 404 else "gone")
        if status in REDIRECT_STATUS:
            return Result(url, Verdict.BROKEN, status, final_url,
                          message="redirect without Location")
        return Result(url, Verdict.BROKEN, status, final_url, message=f"HTTP {status}")


def _redirect_target(current: URL, location: str) -> URL:
    """Where a redirect points, keeping the original fragment unless it names its own."""
    target = current.join(URL(location))
    if not target.fragment and current.fragment:
        target = target.with_fragment(current.fragment)
    target.port  # noqa: B018 - raises on a malformed port
    return target


def _checkable_fragment(url: URL) -> str | None:
    """The fragment to look for in the page; None for none or for script routes ('#!/', '#/')."""
    fragment = url.fragment
    if not fragment or fragment.startswith(("!", "/", ":~:")):
        return None
    return fragment


def _describe(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) < 200 else text[:197] + "..."
