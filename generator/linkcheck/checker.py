"""Check URLs concurrently: politeness per host, retries, redirects, verdicts."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import itertools
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import quote, urlsplit

import aiohttp
from yarl import URL

from generator.linkcheck.apis import MAX_ANSWER_BYTES, ApiQuery, api_query, judge
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
from generator.linkcheck.settings import LinkCheckSettings
from generator.linkcheck.walls import (
    ADVICE,
    HOSTILE_STATUS,
    WALL_SERVERS,
    hostile_reason,
)
from generator.retry_after import retry_after_seconds

GET_AFTER_HEAD = frozenset({400, 403, 404, 405, 406, 501})
"""HEAD answers that many servers give wrongly: ask again with GET before judging."""
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECT = frozenset({301, 308})
_HOST = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?\.?|[0-9a-fA-F:.]+(?:%\w+)?")
"""A host as sent on the wire (IDNA-encoded name, IPv4, or IPv6 without brackets)."""
_requests_for_this_url: contextvars.ContextVar[int] = contextvars.ContextVar("requests", default=0)
LAUNCH_BATCH = 16
"""URL tasks set up per turn of the event loop (our own work on a URL, parsing, API rules,
the address check, is about 30 us), so answers are read while the rest are set up."""
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
    """A slot per host: at most N requests in flight, and a pause after each. A host that
    answers 429 is paused as a whole (its Retry-After, or a growing backoff), then asked one
    request at a time; after `rate_limit_answers` 429s it is not asked again in this run."""

    config: LinkCheckSettings
    _slots: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    _one_at_a_time: dict[str, asyncio.Lock] = field(default_factory=dict)
    _resume_at: dict[str, float] = field(default_factory=dict)
    _rate_limits: Counter[str] = field(default_factory=Counter)

    @staticmethod
    def host_of(url: URL) -> str:
        return (f"{url.host}:{url.port}" if url.explicit_port else (url.host or "")).lower()

    def rate_limited(self, url: URL, wait: float) -> None:
        """`url`'s host answered 429: pause it for `wait` seconds, then one request at a time."""
        host = self.host_of(url)
        self._rate_limits[host] += 1
        self._one_at_a_time.setdefault(host, asyncio.Lock())
        resume = asyncio.get_running_loop().time() + wait
        self._resume_at[host] = max(self._resume_at.get(host, 0.0), resume)

    def _give_up_on(self, host: str) -> None:
        count = self._rate_limits[host]
        if count >= self.config.rate_limit_answers:
            raise Retryable(f"rate limited (429): {host} answered 429 {count} times, "
                            "not asked again in this run", 429, give_up=True)

    def _limit(self, host: str) -> tuple[int, float]:
        for rule in self.config.hosts:
            if rule.host.lower() == host:
                return rule.concurrency, rule.delay
        return self.config.per_host_concurrency, self.config.per_host_delay

    async def run(self, url: URL, call: Callable[[], object]) -> Reply:
        host = self.host_of(url)
        concurrency, delay = self._limit(host)
        if host not in self._slots:
            self._slots[host] = asyncio.Semaphore(concurrency)
        self._give_up_on(host)
        async with self._slots[host]:
            calm = self._one_at_a_time.get(host) or contextlib.nullcontext()
            async with calm:
                self._give_up_on(host)
                pause = self._resume_at.get(host, 0.0) - asyncio.get_running_loop().time()
                if pause > 0:
                    await asyncio.sleep(pause)
                    self._give_up_on(host)
                try:
                    return await call()  # type: ignore[misc]
                finally:
                    if delay:
                        await asyncio.sleep(delay)


@dataclass
class LinkChecker:
    """Checks URLs with one session; use `check_all` inside a running event loop."""

    config: LinkCheckSettings
    policy: AddressPolicy = AddressPolicy()
    github_token: str | None = None
    lookup: Lookup = system_lookup
    requests: int = 0
    hostile: dict[str, str] | None = None
    """Robot-hostile hosts and why: their 401, 403 and 429 mean 'blocked'. None reads the
    file shipped with curate (plus `config.bot_wall_hosts`) when first needed."""
    clock: Callable[[], float] = time.time
    suggest_archived: bool = False
    """Ask the Wayback Machine for an archived copy of each broken link."""

    async def check_all(
        self, urls: Iterable[str], on_result: Callable[[Result], None] | None = None
    ) -> dict[str, Result]:
        """Check every URL; stop at the config's deadline, reporting unfinished ones as errors."""
        resolver = CheckedResolver(self.policy, self.lookup, self.config.connect_timeout)
        self._politeness = Politeness(self.config)
        session = open_session(resolver, self.config.concurrency, self.config.user_agent)
        deadline = asyncio.get_running_loop().time() + self.config.deadline
        async with session:
            self._session, self._resolver = session, resolver
            tasks = await self._launch(host_order(urls), on_result)
            left = max(0.0, deadline - asyncio.get_running_loop().time())  # Launching counts.
            done, pending = await asyncio.wait(tasks, timeout=left) if tasks else (set(), set())
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

    async def _launch(
        self, urls: list[str], on_result: Callable[[Result], None] | None
    ) -> dict[asyncio.Task[Result], str]:
        """A task per URL, started LAUNCH_BATCH at a time with a turn of the event loop
        between batches: the first requests go out (and their answers are read) while the
        later URLs are still being set up, instead of after all of them."""
        tasks = {}
        for start in range(0, len(urls), LAUNCH_BATCH):
            for url in urls[start:start + LAUNCH_BATCH]:
                task = asyncio.ensure_future(self.check(url))
                if on_result:
                    task.add_done_callback(lambda t: t.cancelled() or on_result(t.result()))
                tasks[task] = url
            await asyncio.sleep(0)
        return tasks

    async def check(self, url: str) -> Result:
        """The verdict on one URL, never raising."""
        started = time.monotonic()
        _requests_for_this_url.set(0)  # Each URL is checked in its own task, so its own context.
        try:
            result = await self._judge(url)
            if (result.verdict is Verdict.BROKEN and self.suggest_archived
                    and self.config.wayback_url):
                result.suggestion = await self._archived_copy(url)
        except Exception as error:  # A hostile answer must not stop the run.
            result = Result(url, Verdict.ERROR, message=f"unexpected failure: {_describe(error)}")
        result.elapsed = time.monotonic() - started
        result.requests = _requests_for_this_url.get()
        result.checked_at = self.clock()
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
        query = api_query(url, self.config, self.github_token)
        answered = await self._ask_api(url, query) if query else None
        return answered or await self._follow(url, current)

    async def _ask_api(self, url: str, query: ApiQuery) -> Result | None:
        """The verdict of the API that knows what `url` names; None when it could not say."""
        api = URL(query.api_url, encoded=True)
        for _ in range(4):  # GitHub answers a renamed repository with a 301 to /repositories/N.
            if await self._refusal(api, 0) is not None:
                return None
            try:
                reply = await self._request_with_retries(api, for_api=True)
            except (Retryable, aiohttp.ClientError, OSError, ValueError):
                return None
            if reply.status in REDIRECT_STATUS and reply.location:
                try:
                    target = _redirect_target(api, reply.location)
                except ValueError:
                    return None
                if self._politeness.host_of(target) != self._politeness.host_of(api):
                    return None
                api = target
                continue
            answer = judge(query, reply.status, reply.body)
            if answer.verdict is None:
                return None
            return Result(url, answer.verdict, reply.status, answer.final_url,
                          message=answer.message, warning=answer.warning)
        return None

    async def _archived_copy(self, url: str) -> str:
        """'archived copy: URL (YYYY-MM-DD)' from the Wayback availability API, or ''."""
        api = URL(f"{self.config.wayback_url}?url={quote(url, safe='')}", encoded=True)
        if await self._refusal(api, 0) is not None:
            return ""
        try:
            reply = await self._politeness.run(api, lambda: self._send(
                "GET", api, None, read_body=MAX_ANSWER_BYTES))
            document = json.loads(reply.body.decode("utf-8")) if reply.status == 200 else {}
            closest = document["archived_snapshots"]["closest"]
            snapshot, stamp = closest["url"], str(closest.get("timestamp", ""))
        except (Retryable, aiohttp.ClientError, OSError, ValueError, RecursionError, KeyError,
                TypeError, AttributeError):
            return ""
        if (not isinstance(snapshot, str) or not re.fullmatch(r"https?://[^\s<>\"']{1,2000}",
                                                               snapshot)
                or closest.get("available") is False):
            return ""
        try:
            when = f" ({datetime.strptime(stamp[:8], '%Y%m%d').date().isoformat()})"
        except ValueError:
            when = ""
        return f"archived copy: {snapshot}{when}"

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

    async def _request_with_retries(self, url: URL, for_api: bool = False) -> Reply:
        for attempt in range(self.config.retries + 1):
            try:
                return await self._politeness.run(url, lambda: self._attempt(url, for_api))
            except Retryable as error:
                if attempt == self.config.retries or error.give_up:
                    raise
                wait = error.wait if error.wait is not None else (
                    BACKOFF_BASE * 2**attempt * (1 + random.random()))
                if error.status == 429:
                    self._politeness.rate_limited(url, wait)  # The whole host waits.
                else:
                    await asyncio.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _attempt(self, url: URL, for_api: bool = False) -> Reply:
        fragment = None if for_api else _checkable_fragment(url)
        methods = ("GET",) if fragment or for_api else ("HEAD", "GET")
        reply = Reply(0)
        for method in methods:
            reply = await self._send(method, url, fragment,
                                     read_body=MAX_ANSWER_BYTES if for_api else 0)
            if method == "HEAD" and (reply.wall or (reply.status not in GET_AFTER_HEAD and not (
                    reply.status in (429, 503) and _wall_server(reply.server)))):
                break
        if reply.wall or (reply.status in HOSTILE_STATUS and self._hostile(url) and not for_api):
            return reply  # A bot wall says the same thing every time: never retried.
        if reply.status == 429:
            wait = retry_after_seconds(reply.retry_after)
            if wait is not None and wait > self.config.max_retry_after:
                raise Retryable(f"rate limited (429), asked to wait {wait:.0f} s", 429,
                                give_up=True)
            raise Retryable("rate limited (429)", 429, wait)
        if reply.status >= 500:
            raise Retryable(f"server error {reply.status}", reply.status)
        return reply

    async def _send(
        self, method: str, url: URL, fragment: str | None, read_body: int = 0
    ) -> Reply:
        self.requests += 1
        _requests_for_this_url.set(_requests_for_this_url.get() + 1)
        try:
            return await fetch(
                self._session, method, url,
                timeout=self.config.timeout, connect_timeout=self.config.connect_timeout,
                headers=self._headers(url, read_body > 0),
                fragment=fragment, fragment_bytes=self.config.fragment_bytes,
                read_body=read_body,
            )
        except TimeoutError:
            raise Retryable(f"timed out after {self.config.timeout:g} s") from None
        except aiohttp.ClientSSLError:
            raise  # A bad certificate stays bad: no retry, reported as an error.
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError, ConnectionError) as e:
            raise Retryable(_describe(e)) from None

    def _headers(self, url: URL, for_api: bool) -> dict[str, str]:
        """Headers for `url`: the token for GitHub (and the configured GitHub API), JSON for
        APIs, uncompressed (the session does not decompress)."""
        headers = request_headers(url, self.github_token)
        if for_api:
            headers.update({"Accept": "application/json, application/atom+xml;q=0.9",
                            "Accept-Encoding": "identity"})
            api = URL(self.config.github_api_url)
            if self.github_token and (url.host, url.port) == (api.host, api.port):
                headers["Authorization"] = f"Bearer {self.github_token}"
        return headers

    def _after_retries(self, url: str, current: URL, error: Retryable) -> Result:
        if error.status == 429:  # Rate limited: the link may well work, it is not dead.
            return Result(url, Verdict.BLOCKED, 429, message=f"{error}; {ADVICE}")
        tries = f"after {self.config.retries + 1} tries" if self.config.retries else ""
        return Result(url, Verdict.ERROR, error.status, message=f"{error} {tries}".strip())

    def _hostile(self, url: URL) -> str | None:
        if self.hostile is None:  # Most runs see no 401/403/429: the file is read on demand.
            from generator.linkcheck.hostile_file import hostile_hosts

            self.hostile = hostile_hosts("", self.config.bot_wall_hosts, None)
        return hostile_reason(url.host or "", self.hostile)

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
        if reply.wall:
            return Result(url, Verdict.BLOCKED, status, final_url,
                          message=f"blocked for robots ({reply.wall}); {ADVICE}")
        reason = self._hostile(final)
        if status in HOSTILE_STATUS and reason:
            return Result(url, Verdict.BLOCKED, status, final_url,
                          message=f"blocked for robots ({reason}); {ADVICE}")
        if status in (404, 410):
            return Result(url, Verdict.BROKEN, status, final_url,
                          message="not found" if status == 404 else "gone")
        if status in REDIRECT_STATUS:
            return Result(url, Verdict.BROKEN, status, final_url,
                          message="redirect without Location")
        return Result(url, Verdict.BROKEN, status, final_url, message=f"HTTP {status}")


def host_order(urls: Iterable[str]) -> list[str]:
    """`urls` without repeats, one host at a time in turn: the first URL of every host,
    then the second of every host, and so on. Started in this order, the first requests
    fill every host's slots at once, whatever the order the links are written in."""
    by_host: dict[str, list[str]] = {}
    for url in dict.fromkeys(urls):
        by_host.setdefault(_host_key(url), []).append(url)
    rounds = itertools.zip_longest(*by_host.values())
    return [url for round_ in rounds for url in round_ if url is not None]


def _host_key(url: str) -> str:
    try:
        return urlsplit(url).netloc.rpartition("@")[2].lower()
    except ValueError:  # A malformed URL is judged by `check`; any group will do.
        return ""


def _wall_server(server: str) -> bool:
    return any(name in server for name in WALL_SERVERS)


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
