"""The one reader of `Retry-After` (RFC 9110 10.2.3), for the link checker and the look-ups."""

from __future__ import annotations

import email.utils
import time


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delay seconds or an HTTP date; a date in the
    past is 0), or None when there is none or it is neither."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, moment.timestamp() - time.time())
