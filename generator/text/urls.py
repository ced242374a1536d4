"""Find bare http(s) URLs in prose, the way readers see them: sentence punctuation after a URL
and a ')' closing an enclosing parenthesis are not part of it; balanced ones are
('https://en.wikipedia.org/wiki/CRF_(statistics)')."""

from __future__ import annotations

import re
from collections.abc import Iterator

_BARE_URL = re.compile(r"""https?://[^\s<>"'`\]\[{}|\\^]+""", re.IGNORECASE)
_TRAILING = ".,;:!?*_~"


def trim_url(url: str) -> str:
    """Drop punctuation that ends a sentence, and a ')' that closes an enclosing '('."""
    while url:
        if url[-1] in _TRAILING or url[-1] == ")" and url.count(")") > url.count("("):
            url = url[:-1]
        else:
            break
    return url if len(url) > len("https://") else ""


def find_bare_urls(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, url) of every http(s) URL written in `text`, trimmed as `trim_url` does."""
    for match in _BARE_URL.finditer(text):
        url = trim_url(match.group(0))
        if url:
            yield match.start(), match.start() + len(url), url
