"""The services of one run: the HTTP client and the configuration it was made from."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from generator.errors import CurateError
from generator.lookup.config import ENVIRONMENT_OVERRIDES, ServicesConfig, with_environment
from generator.lookup.http import HttpClient, user_agent
from generator.models import ListConfig
from generator.problems import shown
from generator.project import Project


class ServicesMisconfigured(ValueError, CurateError):
    """An environment variable gives a value the `services` settings cannot take."""


@dataclass
class Services:
    """Everything a look-up needs: where the services are, and the client to ask them."""

    config: ServicesConfig
    client: HttpClient

    def close(self) -> None:
        self.client.close()


def open_services(
    project: Project, list_config: ListConfig, environ: Mapping[str, str] | None = None
) -> Services:
    """Services configured by `services:` in list.yaml and the `CURATE_*` environment variables."""
    environ = os.environ if environ is None else environ
    try:
        config = with_environment(list_config.services, environ)
    except ValidationError as error:
        given = [name for name in ENVIRONMENT_OVERRIDES if name in environ]
        names = ", ".join(f"{name}={shown(environ[name])}" for name in given)
        reason = error.errors()[0]["msg"]
        raise ServicesMisconfigured(f"environment: {names}: {reason}") from None
    cache_dir = Path(config.cache_dir)
    cache_dir = cache_dir if cache_dir.is_absolute() else project.root / cache_dir
    agent = user_agent(config.contact, list_config.repo_url)
    return Services(config, HttpClient(config, cache_dir, agent))
