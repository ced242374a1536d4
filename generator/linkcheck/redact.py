"""Keep credentials written in URLs out of reports, logs and the cache."""

from __future__ import annotations

import re

_USERINFO = re.compile(r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<userinfo>[^/?#@]*)@")


def redacted(url: str) -> str:
    """`url` with any 'user:password@' replaced by '***@'."""
    return _USERINFO.sub(lambda match: f"{match.group('scheme')}***@", url, count=1)


def redact_text(text: str) -> str:
    """`text` with the credentials of every URL in it replaced by '***'."""
    return re.sub(r"([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@\s]*@", r"\1***@", text)
