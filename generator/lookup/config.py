"""Where the look-up services live and how politely to ask them (`services:` in list.yaml).

The settings are part of the list's configuration and so live with the models
(`generator/models/services.py`); here is what the environment may change for one run.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.models.services import RequestIntervals, ServicesConfig

__all__ = ["ENVIRONMENT_OVERRIDES", "RequestIntervals", "ServicesConfig", "with_environment"]

ENVIRONMENT_OVERRIDES = {
    "CURATE_ARXIV_URL": "arxiv_url",
    "CURATE_CROSSREF_URL": "crossref_url",
    "CURATE_SEMANTIC_SCHOLAR_URL": "semantic_scholar_url",
    "CURATE_GITHUB_API_URL": "github_api_url",
    "CURATE_OPENREVIEW_URL": "openreview_url",
    "CURATE_CACHE_DIR": "cache_dir",
}
"""Environment variables that replace a field of `services`, e.g. to point tests at 127.0.0.1."""


def with_environment(config: ServicesConfig, environ: Mapping[str, str]) -> ServicesConfig:
    """`config` with the fields named by `CURATE_*_URL` / `CURATE_CACHE_DIR` variables replaced."""
    overrides = {field: environ[name] for name, field in ENVIRONMENT_OVERRIDES.items() if environ.get(name)}
    if not overrides:
        return config
    return ServicesConfig.model_validate({**config.model_dump(), **overrides})
