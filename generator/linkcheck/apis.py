"""Check what a paper link means, not the publisher's HTML: a DOI exists, an arXiv id
exists, a GitHub repository exists (or was archived, or moved).

A doi.org link is asked of the DOI handle API, an arXiv link of the arXiv API, and a
github.com repository link of the GitHub REST API when a token is there. Each base URL
comes from the config, so tests point them at 127.0.0.1. An answer that says neither
"exists" nor "does not exist" (rate limits, server errors, garbage) leaves the link to the
ordinary check of its page: asking the API is an improvement, never a new way to fail.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from generator.linkcheck.results import Verdict
from generator.linkcheck.settings import LinkCheckSettings

MAX_ANSWER_BYTES = 1_000_000
DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})
GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})
API_HOSTS = DOI_HOSTS | ARXIV_HOSTS | GITHUB_HOSTS
_ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z][a-z.-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")
_DOI = re.compile(r"10\.\d{4,9}/\S{1,300}")
_GITHUB_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}")
_GITHUB_RESERVED = frozenset({"orgs", "settings", "marketplace", "sponsors", "topics",
                              "features", "about", "search", "collections", "explore"})


@dataclass(frozen=True)
class ApiQuery:
    """Which API to ask about a link, and what."""

    kind: str
    """'doi', 'arxiv' or 'github'."""
    ident: str
    """The DOI, the arXiv id, or 'owner/repo'."""
    api_url: str


@dataclass(frozen=True)
class ApiAnswer:
    """What the API said; verdict None when it said nothing definite (check the page)."""

    verdict: Verdict | None
    message: str = ""
    warning: str = ""
    final_url: str | None = None


def api_query(url: str, config: LinkCheckSettings, github_token: str | None) -> ApiQuery | None:
    """The API question that settles `url`, or None for a link checked as a page."""
    host = url.split("/", 3)[2].lower() if url.count("/") >= 2 else ""
    if host not in API_HOSTS and not url.startswith(
            (_prefix(config.doi_url), _prefix(config.arxiv_url))):
        return None  # Most links: decided without parsing the URL.
    doi = _after_prefix(url, config.doi_url) or _on_hosts(url, DOI_HOSTS, "/")
    if doi and _DOI.fullmatch(unquote(doi)):
        return ApiQuery("doi", unquote(doi),
                        config.doi_api_url.replace("{id}", quote(unquote(doi), safe="/")))
    arxiv = _after_prefix(url, config.arxiv_url) or _on_hosts(url, ARXIV_HOSTS, "/abs/") or (
        _on_hosts(url, ARXIV_HOSTS, "/pdf/").removesuffix(".pdf"))
    if arxiv and _ARXIV_ID.fullmatch(arxiv):
        return ApiQuery("arxiv", arxiv, config.arxiv_api_url.replace("{id}", quote(arxiv)))
    repository = _on_hosts(url, GITHUB_HOSTS, "/").removesuffix("/").removesuffix(".git")
    owner, _, name = repository.partition("/")
    if (github_token and _GITHUB_NAME.fullmatch(owner) and _GITHUB_NAME.fullmatch(name)
            and owner.lower() not in _GITHUB_RESERVED):
        return ApiQuery("github", f"{owner}/{name}",
                        f"{config.github_api_url}/repos/{owner}/{name}")
    return None


def _prefix(template: str) -> str:
    return template.partition("{id}")[0]


def _after_prefix(url: str, template: str) -> str:
    prefix, _, suffix = template.partition("{id}")
    if suffix or not url.startswith(prefix) or "#" in url:
        return ""
    return url[len(prefix):]


def _on_hosts(url: str, hosts: frozenset[str], path_prefix: str) -> str:
    """The rest of the path after `path_prefix` when `url` is on one of `hosts`, else ''."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if (parts.hostname or "") not in hosts or parts.query or parts.fragment:
        return ""
    return parts.path[len(path_prefix):] if parts.path.startswith(path_prefix) else ""


def judge(query: ApiQuery, status: int, body: bytes) -> ApiAnswer:
    """The verdict an API's answer gives on the link."""
    return {"doi": _doi, "arxiv": _arxiv, "github": _github}[query.kind](query, status, body)


def _json(body: bytes) -> dict | None:
    try:
        document = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return document if isinstance(document, dict) else None


def _doi(query: ApiQuery, status: int, body: bytes) -> ApiAnswer:
    document = _json(body) or {}
    code = document.get("responseCode")
    if status == 404 or code == 100:
        return ApiAnswer(Verdict.BROKEN, f"DOI {query.ident} does not exist (DOI handle API)")
    if status != 200 or code not in (1, 200):
        return ApiAnswer(None)
    values = document.get("values")
    for value in values if isinstance(values, list) else []:
        if isinstance(value, dict) and value.get("type") == "HS_ALIAS":
            data = value.get("data")
            target = data.get("value") if isinstance(data, dict) else None
            if isinstance(target, str) and _DOI.fullmatch(target):
                new = f"https://doi.org/{target}"
                return ApiAnswer(Verdict.REDIRECTED, "DOI is an alias",
                                 warning=f"moved: update to {new}", final_url=new)
    return ApiAnswer(Verdict.OK, "DOI exists")


def _arxiv(query: ApiQuery, status: int, body: bytes) -> ApiAnswer:
    if status != 200:
        return ApiAnswer(None)
    text = body.decode("utf-8", "replace")
    entries = re.findall(r"<entry>(.*?)</entry>", text, re.DOTALL)
    ids = [m.group(1).strip() for e in entries for m in [re.search(r"<id>([^<]{1,300})</id>", e)]
           if m]
    if not entries or any("/api/errors" in found for found in ids):
        return ApiAnswer(Verdict.BROKEN, f"arXiv has no paper {query.ident} (arXiv API)")
    if not ids:
        return ApiAnswer(None)
    found = re.sub(r"^https?://arxiv\.org/abs/", "", ids[0])
    if _unversioned(found) != _unversioned(query.ident):
        new = f"https://arxiv.org/abs/{_unversioned(found)}"
        return ApiAnswer(Verdict.REDIRECTED, f"arXiv answers with {found}",
                         warning=f"moved: update to {new}", final_url=new)
    return ApiAnswer(Verdict.OK, "arXiv id exists")


def _unversioned(arxiv_id: str) -> str:
    return re.sub(r"v\d+$", "", arxiv_id)


def _github(query: ApiQuery, status: int, body: bytes) -> ApiAnswer:
    if status in (404, 451):
        return ApiAnswer(Verdict.BROKEN, f"GitHub has no repository {query.ident} (GitHub API)"
                         if status == 404 else "repository unavailable for legal reasons")
    document = _json(body) if status == 200 else None
    if not document or not isinstance(document.get("full_name"), str):
        return ApiAnswer(None)
    full_name = document["full_name"]
    new = f"https://github.com/{full_name}"
    if full_name.lower() != query.ident.lower() and _GITHUB_NAME.fullmatch(
            full_name.partition("/")[0]) and _GITHUB_NAME.fullmatch(full_name.partition("/")[2]):
        return ApiAnswer(Verdict.REDIRECTED, f"repository renamed or transferred to {full_name}",
                         warning=f"moved: update to {new}", final_url=new)
    if document.get("archived") is True:
        return ApiAnswer(Verdict.OK, "repository exists", warning=(
            "archived: the repository is read-only and no longer maintained"))
    return ApiAnswer(Verdict.OK, "repository exists")
