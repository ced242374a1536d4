"""GitHub REST API client: stars and last commit of a code repository."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from generator.lookup.found import MalformedAnswer, NotFound
from generator.lookup.http import Answer, HttpClient

_REPOSITORY = re.compile(
    r"^https?://(?:www\.)?github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class RepositoryFacts:
    """What GitHub says about a repository."""

    stars: int
    last_commit: dt.date | None


def github_repository(url: str) -> tuple[str, str] | None:
    """(owner, name) of a github.com repository URL, or None for other URLs."""
    match = _REPOSITORY.match(url)
    return (match["owner"], match["name"]) if match else None


def fetch_repository(client: HttpClient, base_url: str, owner: str, name: str) -> RepositoryFacts:
    """Stars and date of the last commit on the default branch of `owner/name`."""
    base = f"{base_url.rstrip('/')}/repos/{owner}/{name}"
    repository = _json(client.get("github", base), f"{owner}/{name}")
    commits = _json(client.get("github", f"{base}/commits", {"per_page": "1"}), f"{owner}/{name} commits")
    try:
        stars = int(repository["stargazers_count"])
        date = commits[0]["commit"]["committer"]["date"] if commits else None
        return RepositoryFacts(stars, dt.date.fromisoformat(date[:10]) if date else None)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise MalformedAnswer(
            f"GitHub sent an answer for {owner}/{name} that cannot be read ({error!r})"
        ) from None


def _json(answer: Answer, what: str) -> Any:
    if answer.status == 404:
        raise NotFound(f"GitHub has no repository {what}")
    try:
        return json.loads(answer.text)
    except ValueError as error:
        raise MalformedAnswer(f"GitHub sent JSON for {what} that cannot be read ({error})") from None
