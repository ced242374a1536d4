"""Keep credentials written in URLs out of reports, logs and the cache."""

from __future__ import annotations

import re

_CREDENTIALS = re.compile(
    r"(?i)(?P<scheme>[a-z][a-z0-9+.-]*(?::|%3A)(?://|%2F%2F))"
    r"(?P<userinfo>(?:(?!%2F|%3F|%23)[^/?#\s])*)(?P<at>@|%40)"
)
"""'scheme://user:password@', plain or percent-encoded (a URL inside another's query string).
The user information runs to the LAST '@' before the path, so 'user:p@ss@host' is caught
whole; a password is never shown in part."""


def redact_text(text: str) -> str:
    """`text` with the user information of every URL in it replaced by '***', wherever the
    URL stands: alone, in a sentence, or percent-encoded in another URL's query string."""
    if "@" not in text and "%40" not in text:  # The pattern needs one: most text has none.
        return text
    return _CREDENTIALS.sub(lambda m: f"{m.group('scheme')}***{m.group('at')}", text)


def redacted(url: str) -> str:
    """`url` with any 'user:password@' replaced by '***@', its own and those of URLs in it."""
    return redact_text(url)
