"""GitHub REST API client: stars, last commit and archived state of a code repository."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from generator.lookup.found import MalformedAnswer, NotFound, count, read_json
from generator.lookup.http import Answer, HttpClient
from generator.problems import shown

_REPOSITORY = re.compile(
    r"^https?://(?:www\.)?github\.com/(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$"
)


@dataclass(frozen=True)
class RepositoryFacts:
    """What GitHub says about a repository."""

    stars: int
    last_commit: dt.date | None
    archived: bool = False


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
        stars = count(repository["stargazers_count"])
        if stars is None:
            raise ValueError(f"stargazers_count is not a count: {shown(repository['stargazers_count'])}")
        date = commits[0]["commit"]["committer"]["date"] if commits else None
        archived = repository.get("archived") is True
        return RepositoryFacts(stars, dt.date.fromisoformat(date[:10]) if date else None, archived)
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise MalformedAnswer(
            f"GitHub sent an answer for {owner}/{name} that cannot be read ({error!r})"
        ) from None


def _json(answer: Answer, what: str) -> Any:
    if answer.status == 404:
        raise NotFound(f"GitHub has no repository {what}")
    return read_json(answer.text, f"GitHub sent JSON for {what}")
