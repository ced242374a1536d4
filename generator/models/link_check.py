"""`link_check:` in list.yaml: how `curate check-links` checks links, with its defaults.

The validators of the list's configuration. The defaults and the plain values the checker
works on are `generator.linkcheck.settings` (no pydantic there): `settings()` converts."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from generator.linkcheck import settings as plain
from generator.linkcheck.settings import AUTO, DEFAULTS, LinkCheckSettings, parse_duration
from generator.models.fields import PlainText, Record
from generator.text import patterns


def _regex(value: str) -> str:
    try:
        patterns.compiled(value)  # RE2: linear-time matching, no pattern can hang a run.
    except patterns.PatternError as error:
        raise ValueError(f"not a valid regular expression (RE2: {error}): {value[:80]!r}") from None
    return value


def _duration(value: str) -> str:
    if value != AUTO:
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

    def settings(self) -> plain.ExcludeRule:
        """The rule as the checker reads it."""
        return plain.ExcludeRule(self.pattern, self.reason)


class HostLimit(Record):
    """Politeness towards one host: how many requests at once and the pause between them."""

    host: str = Field(min_length=1)
    """Host name as written in URLs, e.g. 'github.com' (a port may follow: 'localhost:8080')."""
    concurrency: int = Field(ge=1, le=64)
    """Requests to this host in flight at once."""
    delay: float = Field(default=plain.HostLimit.delay, ge=0, le=60)
    """Seconds to wait after each request to this host before its slot is reused."""

    def settings(self) -> plain.HostLimit:
        """The limit as the checker reads it."""
        return plain.HostLimit(self.host, self.concurrency, self.delay)


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise ValueError(f"expected an http(s) URL, got {value[:80]!r}")
    return value.rstrip("/")


HttpUrlText = Annotated[str, AfterValidator(_http_url)]


class ReportAfter(Record):
    """A failing link is reported broken once it failed on `runs` runs in a row spanning at
    least `days` days; before that it is a warning ("failing since ... (1 run)")."""

    runs: int = Field(default=plain.ReportAfter.runs, ge=1, le=100)
    days: float = Field(default=plain.ReportAfter.days, ge=0, le=365)

    @classmethod
    def of(cls, rule: plain.ReportAfter) -> ReportAfter:
        """The model holding the values of `rule` (the defaults' single source)."""
        return cls(runs=rule.runs, days=rule.days)

    def settings(self) -> plain.ReportAfter:
        """The rule as the checker reads it."""
        return plain.ReportAfter(self.runs, self.days)


class LinkCheckConfig(Record):
    """How `curate check-links` checks links: limits, timeouts, exclusions, cache."""

    exclude: list[ExcludeRule] = []
    """URLs never requested, each pattern with the reason reported for it."""
    accepted_status: list[Annotated[int, Field(ge=100, le=999)]] = list(DEFAULTS.accepted_status)
    """Status codes counted as ok besides 2xx, e.g. [403] for a site that refuses HEAD and GET."""
    concurrency: int = Field(default=DEFAULTS.concurrency, ge=1, le=1024)
    """Requests in flight at once over all hosts."""
    per_host_concurrency: int = Field(default=DEFAULTS.per_host_concurrency, ge=1, le=64)
    """Requests in flight at once to one host (unless `hosts` says otherwise)."""
    per_host_delay: float = Field(default=DEFAULTS.per_host_delay, ge=0, le=60)
    """Seconds between two requests to one host (unless `hosts` says otherwise)."""
    hosts: list[HostLimit] = []
    """Per-host concurrency and delay for hosts that need gentler treatment."""
    bot_wall_hosts: list[str] = list(DEFAULTS.bot_wall_hosts)
    """More hosts known to block robots, besides `robot_hostile_hosts`: their 401, 403 and
    429 are reported as 'blocked' warnings."""
    timeout: float = Field(default=DEFAULTS.timeout, gt=0, le=300)
    """Seconds allowed for one request, from connecting to reading the headers."""
    connect_timeout: float = Field(default=DEFAULTS.connect_timeout, gt=0, le=300)
    """Seconds allowed to look up a host name, and to open a connection."""
    deadline: float = Field(default=DEFAULTS.deadline, gt=0)
    """Seconds for the whole run; links not finished by then are reported as errors."""
    retries: int = Field(default=DEFAULTS.retries, ge=0, le=10)
    """Retries after a timeout, a connection error, a 5xx or a 429, with exponential backoff."""
    max_redirects: int = Field(default=DEFAULTS.max_redirects, ge=0, le=50)
    """Redirects followed before a link is reported as an error (a loop)."""
    max_retry_after: float = Field(default=DEFAULTS.max_retry_after, ge=0, le=300)
    """Longest wait honoured for a 429's Retry-After; longer ones end as 'blocked' or 'error'."""
    fragment_bytes: int = Field(default=DEFAULTS.fragment_bytes, ge=1024)
    """Bytes of an HTML page read at most to find a `#fragment` anchor."""
    cache_path: str = DEFAULTS.cache_path
    """Where results are kept between runs, relative to the project root."""
    max_age: Duration = DEFAULTS.max_age
    """How long an ok result is reused without a request: '30m', '12h', '1d', '2w', or
    'auto': 0.5 to 1.5 times the interval between runs learnt from the state file (a weekly
    job checks about half its links each week), at least a day."""
    arxiv_url: UrlTemplate = DEFAULTS.arxiv_url
    """URL checked for a paper's arXiv id; '{id}' is replaced by the id."""
    doi_url: UrlTemplate = DEFAULTS.doi_url
    """URL checked for a paper's DOI; '{id}' is replaced by the DOI."""
    user_agent: str = DEFAULTS.user_agent
    """User-Agent sent with every request, naming the tool and where to learn about it."""
    robot_hostile_hosts: str = DEFAULTS.robot_hostile_hosts
    """A YAML file of hosts that answer robots 401/403/429 (`hosts: [{host, reason}]`),
    relative to the project root; empty takes the one shipped with curate."""
    doi_api_url: UrlTemplate = DEFAULTS.doi_api_url
    """The DOI handle API: a doi.org link is checked by asking whether its DOI exists."""
    arxiv_api_url: UrlTemplate = DEFAULTS.arxiv_api_url
    """The arXiv API: an arXiv link is checked by asking whether its id exists."""
    github_api_url: HttpUrlText = DEFAULTS.github_api_url
    """The GitHub REST API, asked about github.com repository links when GITHUB_TOKEN is set."""
    wayback_url: HttpUrlText | Literal[""] = DEFAULTS.wayback_url
    """The Wayback Machine's availability API, asked for an archived copy of each dead link
    ('' to not ask)."""
    report_after: ReportAfter = ReportAfter.of(DEFAULTS.report_after)
    """When a failing link is reported broken in a run with a state file."""
    report_after_changed: ReportAfter = ReportAfter.of(DEFAULTS.report_after_changed)
    """The same for `--changed-since` (a pull request's new links): at once by default."""
    rate_limit_answers: int = Field(default=DEFAULTS.rate_limit_answers, ge=1, le=100)
    """429 answers from one host after which it is not asked again in this run."""

    def settings(self) -> LinkCheckSettings:
        """The validated values as the checker reads them (plain, immutable, no pydantic)."""
        values = dict(self)
        values.update(
            exclude=tuple(rule.settings() for rule in self.exclude),
            accepted_status=tuple(self.accepted_status),
            hosts=tuple(limit.settings() for limit in self.hosts),
            bot_wall_hosts=tuple(self.bot_wall_hosts),
            report_after=self.report_after.settings(),
            report_after_changed=self.report_after_changed.settings(),
        )
        return LinkCheckSettings(**values)
