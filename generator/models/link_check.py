"""`link_check:` in list.yaml: how `curate check-links` checks links, with its defaults."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from generator.models.fields import PlainText, Record


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a valid regular expression ({error}): {value!r}") from None
    return value


def _duration(value: str) -> str:
    parse_duration(value)
    return value


def _url_template(value: str) -> str:
    if "{id}" not in value or not value.startswith(("http://", "https://")):
        raise ValueError(f"expected an http(s) URL containing '{{id}}', got {value!r}")
    return value


Regex = Annotated[str, Field(min_length=1), AfterValidator(_regex)]
Duration = Annotated[str, AfterValidator(_duration)]
UrlTemplate = Annotated[str, AfterValidator(_url_template)]


class ExcludeRule(Record):
    """URLs that are not requested, and why."""

    pattern: Regex
    """Regular expression searched in the URL, e.g. '^https?://(www\\.)?linkedin\\.com/'."""
    reason: PlainText
    """Why these URLs are skipped; shown in the report next to each skipped URL."""


class HostLimit(Record):
    """Politeness towards one host: how many requests at once and the pause between them."""

    host: str = Field(min_length=1)
    """Host name as written in URLs, e.g. 'github.com' (a port may follow: 'localhost:8080')."""
    concurrency: int = Field(ge=1, le=64)
    """Requests to this host in flight at once."""
    delay: float = Field(default=0.0, ge=0, le=60)
    """Seconds to wait after each request to this host before its slot is reused."""


class LinkCheckConfig(Record):
    """How `curate check-links` checks links: limits, timeouts, exclusions, cache."""

    exclude: list[ExcludeRule] = []
    """URLs never requested, each pattern with the reason reported for it."""
    accepted_status: list[Annotated[int, Field(ge=100, le=999)]] = []
    """Status codes counted as ok besides 2xx, e.g. [403] for a site that refuses HEAD and GET."""
    concurrency: int = Field(default=256, ge=1, le=1024)
    """Requests in flight at once over all hosts."""
    per_host_concurrency: int = Field(default=16, ge=1, le=64)
    """Requests in flight at once to one host (unless `hosts` says otherwise)."""
    per_host_delay: float = Field(default=0.0, ge=0, le=60)
    """Seconds between two requests to one host (unless `hosts` says otherwise)."""
    hosts: list[HostLimit] = []
    """Per-host concurrency and delay for hosts that need gentler treatment."""
    bot_wall_hosts: list[str] = [
        "linkedin.com", "www.linkedin.com", "twitter.com", "x.com",
        "www.researchgate.net", "researchgate.net", "medium.com",
    ]
    """Hosts known to block robots: their 403, 429 and 999 are reported as 'blocked' warnings."""
    timeout: float = Field(default=10.0, gt=0, le=300)
    """Seconds allowed for one request, from connecting to reading the headers."""
    connect_timeout: float = Field(default=5.0, gt=0, le=300)
    """Seconds allowed to look up a host name, and to open a connection."""
    deadline: float = Field(default=300.0, gt=0)
    """Seconds for the whole run; links not finished by then are reported as errors."""
    retries: int = Field(default=2, ge=0, le=10)
    """Retries after a timeout, a connection error, a 5xx or a 429, with exponential backoff."""
    max_redirects: int = Field(default=10, ge=0, le=50)
    """Redirects followed before a link is reported as an error (a loop)."""
    max_retry_after: float = Field(default=10.0, ge=0, le=300)
    """Longest wait honoured for a 429's Retry-After; longer ones end as 'blocked' or 'error'."""
    fragment_bytes: int = Field(default=1_000_000, ge=1024)
    """Bytes of an HTML page read at most to find a `#fragment` anchor."""
    cache_path: str = ".cache/links.json"
    """Where results are kept between runs, relative to the project root."""
    max_age: Duration = "1d"
    """How long an ok result is reused without a request: '30m', '12h', '1d', '2w'."""
    arxiv_url: UrlTemplate = "https://arxiv.org/abs/{id}"
    """URL checked for a paper's arXiv id; '{id}' is replaced by the id."""
    doi_url: UrlTemplate = "https://doi.org/{id}"
    """URL checked for a paper's DOI; '{id}' is replaced by the DOI."""
    user_agent: str = "curate-link-checker/0.1 (+https://github.com/curate-awesome)"
    """User-Agent sent with every request, naming the tool and where to learn about it."""


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_duration(text: str) -> float:
    """Seconds in '90', '30s', '15m', '12h', '1d' or '2w'; raise ValueError otherwise."""
    match = _DURATION.match(text)
    if not match:
        raise ValueError(
            f"expected a duration such as '30m', '12h', '1d' or '2w', got {text!r}"
        )
    return float(match.group(1)) * _SECONDS[match.group(2)]
