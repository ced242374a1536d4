"""Bot walls: answers that say "you look like a robot", not "this page is gone".

Two kinds of evidence make a link `blocked` (a warning: check it by hand) instead of broken:
what the answer itself says (the challenge headers and pages of Cloudflare, Akamai,
DataDome, PerimeterX, Imperva, AWS WAF, Sucuri, Kasada, DDoS-Guard; LinkedIn's status 999),
and a 401, 403 or 429 from a host listed as robot-hostile in a data file, each with a reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pydantic import Field, ValidationError

from generator.models.fields import PlainText, Record

DEFAULT_HOSTS_FILE = Path(__file__).with_name("data") / "robot-hostile-hosts.yaml"
HOSTILE_STATUS = frozenset({401, 403, 429})
"""What a robot-hostile host answers robots; from another host a 403 is taken at its word."""
SNIFF_BYTES = 32_768
"""Bytes of an error page read to recognise a challenge page."""
ADVICE = "check by hand or via its DOI"
WALL_SERVERS = ("cloudflare", "akamaighost", "ddos-guard", "datadome", "sucuri")
"""Server headers of bot-wall vendors: a 429 or 503 from them may be a challenge page, so its
page is read (one GET) instead of retrying."""
CHALLENGE_HEADERS = ("cf-mitigated", "x-amzn-waf-action")
"""Headers that mark a challenge whatever the status (checked on every answer)."""

_BODY_MARKS: tuple[tuple[str, tuple[bytes, ...]], ...] = (
    ("Cloudflare challenge", (b"<title>just a moment...</title>", b"cf-chl-", b"/cdn-cgi/challenge-platform/",
                              b"attention required! | cloudflare", b"cf_chl_opt")),
    ("DataDome", (b"captcha-delivery.com", b"datadome")),
    ("PerimeterX", (b"px-captcha", b"_pxappid", b"perimeterx", b"human-challenge")),
    ("Imperva", (b"incapsula incident id", b"_incapsula_resource")),
    ("Akamai", (b"errors.edgesuite.net", b"akamai bot manager")),
    ("Sucuri", (b"sucuri website firewall",)),
    ("DDoS-Guard", (b"ddos-guard",)),
    ("AWS WAF", (b"awswafintegration", b"aws-waf-token")),
)
"""Marks of challenge pages, looked for in the first bytes of an error page, lower-cased."""


def challenge(status: int, headers: Mapping[str, str], body: bytes = b"") -> str | None:
    """The bot wall this answer comes from ('Cloudflare challenge', 'status 999', ...), or
    None when it does not look like one. `headers` are lower-cased names."""
    if status == 999:
        return "status 999, LinkedIn's answer to robots"
    server = headers.get("server", "").lower()
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "Cloudflare challenge"
    if headers.get("x-amzn-waf-action", "").lower() in ("captcha", "challenge"):
        return "AWS WAF challenge"
    if status < 400:
        return None
    by_header = (
        ("DataDome", "x-datadome" in headers or "x-dd-b" in headers or server == "datadome"),
        ("Akamai", server.startswith("akamaighost") and status == 403),
        ("Imperva", "x-iinfo" in headers or "incapsula" in headers.get("x-cdn", "").lower()),
        ("Kasada", any(name.startswith("x-kpsdk-") for name in headers)),
        ("Sucuri", "x-sucuri-id" in headers and status == 403),
        ("DDoS-Guard", server.startswith("ddos-guard") and status in (403, 503)),
        ("PerimeterX", any(name.startswith("x-px") for name in headers) and status == 403),
    )
    for name, hit in by_header:
        if hit:
            return name
    text = body[:SNIFF_BYTES].lower()
    return next((name for name, marks in _BODY_MARKS if any(m in text for m in marks)), None)


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
    import yaml  # Here: most runs meet no 401, 403 or 429 and never read the file.

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


def hostile_reason(host: str, hostile: Mapping[str, str]) -> str | None:
    """Why `host` (or a domain it belongs to) is listed, or None."""
    host = host.lower().rstrip(".")
    while host:
        if host in hostile:
            return hostile[host]
        host = host.partition(".")[2]
    return None


def hostile_hosts(config_file: str, extra: list[str], root: Path | None) -> dict[str, str]:
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


def _listed(extra: list[str]) -> dict[str, str]:
    return {host.lower(): "listed in link_check.bot_wall_hosts" for host in extra}
