"""Field types shared by every record kind: ids, URLs, plain text, identifiers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from generator.problems import shown

RECORD_CONFIG = ConfigDict(
    extra="forbid",
    frozen=True,
    use_attribute_docstrings=True,
    str_strip_whitespace=True,
)


class Record(BaseModel):
    """Base of every record model: unknown fields are errors, values are immutable."""

    model_config = RECORD_CONFIG


_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"

RecordId = Annotated[
    str,
    StringConstraints(pattern=_ID_PATTERN, max_length=80),
    Field(description="Lower-case letters, digits, '-', '_' and '.'; equal to the file name."),
]


class StoredRecord(Record):
    """Base of the records kept one per file under `papers/` (papers, leaderboards,
    implementations, resources): each is named by its id, which is its file name."""

    id: RecordId

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
"""C0 controls and DEL, and the bidirectional overrides and isolates that can make rendered
text read differently from what the record holds ('Trojan Source')."""


def _plain_text(value: str) -> str:
    if _HTML_TAG.search(value):
        raise ValueError(f"HTML markup is not allowed here; write plain text, got {shown(value)}")
    if _CONTROL.search(value) or "\n" in value:
        raise ValueError(f"expected a single line of text without control characters, got {shown(value)}")
    return value


PlainText = Annotated[str, StringConstraints(min_length=1, max_length=500), AfterValidator(_plain_text)]
"""One line of text shown as is: titles, names, labels."""


def _markdown_text(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("control characters are not allowed in text")
    return value


MarkdownText = Annotated[str, StringConstraints(max_length=20_000), AfterValidator(_markdown_text)]
"""Markdown text (notes, descriptions); raw HTML in it is shown as text, never as markup."""


def _http_url(value: str) -> str:
    if any(character.isspace() for character in value) or _CONTROL.search(value):
        raise ValueError(f"a URL cannot contain spaces or control characters, got {shown(value)}")
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError(f"URL must start with http:// or https://, got {shown(value)}")
    if not parts.hostname:
        raise ValueError(f"URL has no host name, got {shown(value)}")
    return value


HttpUrl = Annotated[str, StringConstraints(max_length=2000), AfterValidator(_http_url)]
"""An absolute http(s) URL."""


def _arxiv_id(value: str) -> str:
    value = value.removeprefix("arXiv:").removeprefix("arxiv:")
    if not re.fullmatch(r"\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7}", value):
        raise ValueError(
            f"expected an arXiv id without version such as '1902.10421', got {shown(value)}"
        )
    return value


ArxivId = Annotated[str, AfterValidator(_arxiv_id)]


def _doi(value: str) -> str:
    if not re.fullmatch(r"10\.\d{4,9}/\S+", value):
        raise ValueError(f"expected a DOI such as '10.1109/CVPR.2018.00733', got {shown(value)}")
    return value


Doi = Annotated[str, AfterValidator(_doi)]

EARLIEST_YEAR = 1950


def _plausible_year(value: int) -> int:
    latest = dt.date.today().year + 1
    if not EARLIEST_YEAR <= value <= latest:
        raise ValueError(f"year must be between {EARLIEST_YEAR} and next year, got {value}")
    return value


Year = Annotated[int, Field(strict=True), AfterValidator(_plausible_year)]

def _not_in_future(value: dt.date) -> dt.date:
    if value > dt.date.today() + dt.timedelta(days=1):  # a day of slack for time zones
        raise ValueError(f"date is in the future, got {value.isoformat()}; was {value.year} a typo?")
    return value


PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]
"""A date that has happened: when a record was added, when code last changed."""

Score = Annotated[float, Field(strict=True, allow_inf_nan=False)]
"""A number as written (61.4, 63): not text, not true/false, not .nan or .inf."""

Count = Annotated[int, Field(strict=True, ge=0)]
"""A whole number of zero or more, as written (not text, not true/false)."""


class NamedLink(Record):
    """A labelled link such as a video part or a slide deck."""

    label: PlainText
    """Text shown for the link, e.g. 'part 1' or 'slides'."""
    url: HttpUrl
    """Where the link points."""


def is_model(value: Any) -> bool:
    """Whether `value` is a pydantic model class (a record or a part of one)."""
    return isinstance(value, type) and issubclass(value, BaseModel)


def model_inside(annotation: Any) -> Any:
    """Unwrap list[X], X | None and similar to the first model type inside, or None."""
    if is_model(annotation):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = model_inside(argument)
        if found is not None:
            return found
    return None
