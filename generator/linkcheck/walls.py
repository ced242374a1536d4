"""Bot walls: answers that say "you look like a robot", not "this page is gone".

Two kinds of evidence make a link `blocked` (a warning: check it by hand) instead of broken:
what the answer itself says (the challenge headers and pages of Cloudflare, Akamai,
DataDome, PerimeterX, Imperva, AWS WAF, Sucuri, Kasada, DDoS-Guard; LinkedIn's status 999),
and a 401, 403 or 429 from a host listed as robot-hostile in a data file, each with a reason
(read by `hostile_file` when first needed).
"""

from __future__ import annotations

from collections.abc import Mapping

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


def hostile_reason(host: str, hostile: Mapping[str, str]) -> str | None:
    """Why `host` (or a domain it belongs to) is listed, or None."""
    host = host.lower().rstrip(".")
    while host:
        if host in hostile:
            return hostile[host]
        host = host.partition(".")[2]
    return None
