"""How links are checked, as plain values: what the checker, the cache and the report read.

The `link_check:` section of list.yaml is validated by the pydantic models in
`generator/models/link_check.py`, which take their defaults from here and convert to
`LinkCheckSettings`. The checker itself needs no validation library: checking a README outside
any project imports no pydantic (most of a small check's start-up time once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AUTO = "auto"
"""`max_age: auto`: ok results expire with the schedule the state file learnt (see cache.py)."""


@dataclass(frozen=True)
class ExcludeRule:
    """URLs that are not requested, and why."""

    pattern: str
    """RE2 expression searched in the URL."""
    reason: str
    """Shown in the report next to each skipped URL."""


@dataclass(frozen=True)
class HostLimit:
    """Politeness towards one host: how many requests at once and the pause between them."""

    host: str
    concurrency: int
    delay: float = 0.0


@dataclass(frozen=True)
class ReportAfter:
    """A failing link is reported broken once it failed on `runs` runs in a row spanning at
    least `days` days; before that it is a warning."""

    runs: int = 2
    days: float = 3.0


@dataclass(frozen=True)
class LinkCheckSettings:
    """How `curate check-links` checks links; each field is documented on its list.yaml
    counterpart (`generator.models.link_check.LinkCheckConfig`), whose defaults are these."""

    exclude: tuple[ExcludeRule, ...] = ()
    accepted_status: tuple[int, ...] = ()
    concurrency: int = 256
    per_host_concurrency: int = 16
    per_host_delay: float = 0.0
    hosts: tuple[HostLimit, ...] = ()
    bot_wall_hosts: tuple[str, ...] = ()
    timeout: float = 10.0
    connect_timeout: float = 5.0
    deadline: float = 300.0
    retries: int = 2
    max_redirects: int = 10
    max_retry_after: float = 10.0
    fragment_bytes: int = 1_000_000
    cache_path: str = ".cache/links.json"
    max_age: str = AUTO
    arxiv_url: str = "https://arxiv.org/abs/{id}"
    doi_url: str = "https://doi.org/{id}"
    user_agent: str = "curate-link-checker/0.1 (+https://github.com/curate-awesome)"
    robot_hostile_hosts: str = ""
    doi_api_url: str = "https://doi.org/api/handles/{id}"
    arxiv_api_url: str = "https://export.arxiv.org/api/query?id_list={id}"
    github_api_url: str = "https://api.github.com"
    wayback_url: str = "https://archive.org/wayback/available"
    report_after: ReportAfter = ReportAfter()
    report_after_changed: ReportAfter = ReportAfter(runs=1, days=0)
    rate_limit_answers: int = 5


DEFAULTS = LinkCheckSettings()
"""The defaults, read by the list.yaml models so that the two cannot differ."""

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
