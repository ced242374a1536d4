"""The robot-hostile hosts file: host -> reason, read when an answer first needs it.

Its own module so that a run that meets no 401, 403 or 429 builds neither its models nor
imports YAML.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import Field, ValidationError

from generator.models.fields import PlainText, Record

DEFAULT_HOSTS_FILE = Path(__file__).with_name("data") / "robot-hostile-hosts.yaml"


class HostileHost(Record):
    """A host that answers robots with 401, 403 or 429, and how we know."""

    host: str = Field(min_length=1, max_length=253, pattern=r"^[a-z0-9.-]+$")
    """Host name; its subdomains are covered too."""
    reason: PlainText
    """Why it is listed: what it answers robots."""


class HostileHostsFile(Record):
    hosts: list[HostileHost]


MAX_FILE_BYTES = 1 << 20


def load_hostile_hosts(path: Path) -> dict[str, str]:
    """Host -> reason from a robot-hostile hosts file; raise ValueError on a bad file (the
    message quotes no line of it: the path comes from a pull request's list.yaml)."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ValueError(f"{path}: larger than {MAX_FILE_BYTES >> 20} MB")
        document = yaml.safe_load(raw.decode("utf-8"))
        return {entry.host: entry.reason
                for entry in HostileHostsFile.model_validate(document).hosts}
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise ValueError(f"{path}: cannot read the robot-hostile hosts ({reason})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ValueError(f"{path}{line}: not valid YAML") from None
    except (ValidationError, RecursionError) as error:
        first = error.errors()[0] if isinstance(error, ValidationError) else {
            "loc": (), "msg": "nested too deeply"}
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"{path}: {where}: {first['msg']}") from None


def hostile_hosts(config_file: str, extra: Iterable[str], root: Path | None) -> dict[str, str]:
    """The hosts of `config_file` (relative to `root`; empty: the shipped file), plus
    `extra` (link_check.bot_wall_hosts); raise ValueError on a bad file."""
    if not config_file:
        return {**load_hostile_hosts(DEFAULT_HOSTS_FILE), **_listed(extra)}
    base = (root or Path.cwd()).resolve()
    path = base / config_file
    if (Path(config_file).is_absolute() or ".." in Path(config_file).parts
            or path.is_symlink() or not path.resolve().is_relative_to(base)):
        raise ValueError(f"link_check.robot_hostile_hosts: {config_file[:80]!r} is not a file "
                         "inside the project")
    return {**load_hostile_hosts(path), **_listed(extra)}


def _listed(extra: Iterable[str]) -> dict[str, str]:
    return {host.lower(): "listed in link_check.bot_wall_hosts" for host in extra}
