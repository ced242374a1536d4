"""`services:` in list.yaml: where the look-up services live and how politely to ask them
(used by `generator/lookup/`)."""

from __future__ import annotations

from pydantic import Field

from generator.models.fields import HttpUrl, PlainText, Record


class RequestIntervals(Record):
    """Least time between two requests to one service, in seconds (their published limits)."""

    arxiv: float = Field(default=3.0, ge=0)
    """arXiv asks for one request every three seconds."""
    crossref: float = Field(default=0.1, ge=0)
    """Crossref's public pool allows a few dozen requests per second."""
    semantic_scholar: float = Field(default=1.0, ge=0)
    """Semantic Scholar allows about one request per second without an API key."""
    github: float = Field(default=1.0, ge=0)
    """GitHub allows 60 unauthenticated requests per hour; be gentle."""
    openreview: float = Field(default=1.0, ge=0)
    """OpenReview publishes no limit for reading; one request per second is polite."""


class ServicesConfig(Record):
    """Base URLs and manners of the services `curate add` and `curate enrich` ask."""

    arxiv_url: HttpUrl = "https://export.arxiv.org"
    """arXiv API base URL; `/api/query` is appended."""
    crossref_url: HttpUrl = "https://api.crossref.org"
    """Crossref REST API base URL; `/works/DOI` is appended."""
    semantic_scholar_url: HttpUrl = "https://api.semanticscholar.org"
    """Semantic Scholar API base URL; `/graph/v1/paper/...` is appended."""
    github_api_url: HttpUrl = "https://api.github.com"
    """GitHub REST API base URL; `/repos/OWNER/NAME` is appended."""
    openreview_url: HttpUrl = "https://api2.openreview.net"
    """OpenReview API base URL; `/notes?id=FORUM` is appended (API 1: https://api.openreview.net)."""
    contact: PlainText | None = None
    """E-mail address sent in the User-Agent so services can reach the list's maintainers."""
    cache_dir: PlainText = ".cache/curate/http"
    """Folder (relative to the project root) where answers are kept between runs."""
    cache_days: float = Field(default=7.0, ge=0)
    """How long a cached answer is reused; 0 turns the cache off."""
    timeout_seconds: float = Field(default=20.0, gt=0)
    """Seconds to wait for a service to connect and to answer."""
    max_retries: int = Field(default=3, ge=0)
    """How often to retry after '429 Too Many Requests' or '503 Service Unavailable'."""
    max_retry_wait_seconds: float = Field(default=120.0, ge=0)
    """Longest wait honoured from a Retry-After header; longer waits give up at once."""
    min_interval_seconds: RequestIntervals = RequestIntervals()
    """Least time between two requests to the same service."""
    refresh_after_days: int = Field(default=28, ge=0)
    """`curate enrich --refresh` updates the counts of a paper refreshed longer ago than this."""
