"""Exclude patterns, matched in linear time: they come from a pull request's own list.yaml.

Python's `re` backtracks, so a pattern such as '(a+)+b' takes exponential time on a long URL.
RE2 (Google's automaton-based engine, `google-re2`) guarantees time linear in the URL's
length and refuses the constructs that need backtracking (look-around, back-references).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import re2  # type: ignore[import-untyped]

from generator.errors import CurateError

MAX_PATTERN_CHARS = 1000
MAX_URL_CHARS = 8192
"""URLs longer than this are matched on their first MAX_URL_CHARS characters only."""
_MAX_PROGRAM_BYTES = 8 << 20
"""Memory RE2 may use for one compiled pattern: bounds a pattern such as 'a{1000}{1000}'."""


class PatternError(CurateError, ValueError):
    """A pattern RE2 cannot compile (a syntax error, look-around, a back-reference...)."""


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False  # Our message says what is wrong; no C++ log on stderr.
    options.max_mem = _MAX_PROGRAM_BYTES
    return options


@lru_cache(maxsize=256)
def compiled(pattern: str) -> Any:
    """The RE2 program for `pattern`; raise PatternError when it is not one RE2 accepts."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(f"longer than {MAX_PATTERN_CHARS} characters")
    try:
        return re2.compile(pattern, options=_options())
    except re2.error as error:
        reason = error.args[0] if error.args else error
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(str(reason)) from None


def search(pattern: str, text: str) -> bool:
    """Whether `pattern` is found anywhere in `text`, in time linear in `text`."""
    return compiled(pattern).search(text[:MAX_URL_CHARS]) is not None
