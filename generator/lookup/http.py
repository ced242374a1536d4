"""One polite HTTP client for all services: cache, timeout, User-Agent, pacing, 429 back-off."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import requests

from generator import __version__
from generator.atomic import write_text_atomically
from generator.errors import CurateError
from generator.lookup.answers import (
    DeadlinePassed,
    Received,
    UnreadableAnswer,
    fetch,
    within_seconds,
)
from generator.lookup.config import ServicesConfig
from generator.retry_after import retry_after_seconds

SERVICE_NAMES = {
    "arxiv": "arXiv",
    "crossref": "Crossref",
    "semantic_scholar": "Semantic Scholar",
    "github": "GitHub",
    "openreview": "OpenReview",
}
"""Display name of each service key (the keys of `RequestIntervals`)."""
RETRY_STATUSES = (429, 503)
CACHED_STATUSES = (200, 404)
"""Answers worth keeping: a paper, or the service saying it has none."""


class LookupFailed(CurateError):
    """A service could not answer: timeout, connection error, server error, unreadable answer."""


class ServiceUnreachable(LookupFailed):
    """No answer at all (timeout, refused connection): asking it again now is pointless."""


@dataclass(frozen=True)
class Answer:
    """A service's answer: status and body text (from the network or the cache)."""

    url: str
    status: int
    text: str
    from_cache: bool = False


def user_agent(contact: str | None, repo_url: str | None) -> str:
    """A User-Agent that tells services who is asking and how to reach them."""
    details = "; ".join(
        part for part in (repo_url and f"+{repo_url}", contact and f"mailto:{contact}") if part
    )
    return f"curate/{__version__} ({details or 'awesome-list metadata look-up'})"


class HttpClient:
    """GET with a disk cache, a timeout, a descriptive User-Agent and per-service pacing."""

    def __init__(
        self,
        config: ServicesConfig,
        cache_dir: Path | None,
        agent: str,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.cache_dir = cache_dir if config.cache_days > 0 else None
        self.sleep = sleep
        self.session = requests.Session()
        self.session.headers["User-Agent"] = agent
        self._last_request: dict[str, float] = {}
        self.requests_sent = 0

    def close(self) -> None:
        self.session.close()

    def get(self, service: str, url: str, params: dict[str, str] | None = None) -> Answer:
        """GET `url` from `service`; return a 200 or 404 answer, raise `LookupFailed` otherwise."""
        full_url = f"{url}?{urlencode(sorted(params.items()))}" if params else url
        cached = self._read_cache(full_url)
        if cached is not None:
            return cached
        answer = self._fetch_with_retries(service, full_url)
        self._write_cache(answer)
        return answer

    def _fetch_with_retries(self, service: str, url: str) -> Answer:
        name = SERVICE_NAMES[service]
        for attempt in range(self.config.max_retries + 1):
            response = self._send(service, url)
            if response.status not in RETRY_STATUSES:
                break
            if attempt == self.config.max_retries:
                raise LookupFailed(
                    f"{name} still answers HTTP {response.status} {response.reason} "
                    f"after {self.config.max_retries} retries for {url}; wait a while and try again"
                )
            self.sleep(self._retry_wait(service, response, attempt))
        if response.status not in CACHED_STATUSES:
            raise LookupFailed(
                f"{name} answered HTTP {response.status} {response.reason} for {url}; try again later"
            )
        return Answer(url, response.status, response.text)

    def _send(self, service: str, url: str) -> Received:
        """One GET, read whole within `timeout_seconds` and `MAX_ANSWER_BYTES`."""
        self._pace(service)
        timeout = self.config.timeout_seconds
        name = SERVICE_NAMES[service]
        try:
            self.requests_sent += 1
            with within_seconds(timeout):
                return fetch(self.session, url, timeout, name)
        except UnreadableAnswer as error:
            raise LookupFailed(str(error)) from None
        except (requests.Timeout, DeadlinePassed):
            raise ServiceUnreachable(
                f"{name} did not answer within {timeout:g} s ({url}); try again later"
            ) from None
        except (requests.RequestException, OSError) as error:
            raise ServiceUnreachable(
                f"cannot reach {name} at {url} ({type(error).__name__}); check the network"
            ) from None
        finally:
            self._last_request[service] = time.monotonic()

    def _pace(self, service: str) -> None:
        interval = getattr(self.config.min_interval_seconds, service, 0.0)
        last = self._last_request.get(service)
        if last is not None:
            remaining = interval - (time.monotonic() - last)
            if remaining > 0:
                self.sleep(remaining)

    def _retry_wait(self, service: str, response: Received, attempt: int) -> float:
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None:
            wait = max(1.0, getattr(self.config.min_interval_seconds, service, 1.0)) * 2**attempt
        if wait > self.config.max_retry_wait_seconds:
            raise LookupFailed(
                f"{SERVICE_NAMES[service]} asks to wait {wait:g} s "
                f"(HTTP {response.status}, Retry-After); more than "
                f"max_retry_wait_seconds={self.config.max_retry_wait_seconds:g}: try later"
            )
        return wait

    def _cache_path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / f"{hashlib.sha256(url.encode()).hexdigest()}.json"

    def _read_cache(self, url: str) -> Answer | None:
        path = self._cache_path(url)
        if path is None or not path.is_file():
            return None
        if time.time() - path.stat().st_mtime > self.config.cache_days * 86_400:
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            return Answer(entry["url"], int(entry["status"]), entry["text"], from_cache=True)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # A damaged cache entry is fetched again.

    def _write_cache(self, answer: Answer) -> None:
        path = self._cache_path(answer.url)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"url": answer.url, "status": answer.status, "text": answer.text}
        write_text_atomically(path, json.dumps(entry, ensure_ascii=False))

