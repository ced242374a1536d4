"""Map a venue as a service names it to a venue id of `papers/list.yaml` (ids, names, aliases)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.models.listconfig import Venue
from generator.problems import shown

# Words that dress a venue name up without telling venues apart (generic English, not subject).
_BOILERPLATE = {
    "the",
    "of",
    "on",
    "in",
    "and",
    "for",
    "proceedings",
    "conference",
    "international",
    "annual",
    "ieee",
    "cvf",
    "ieeecvf",
    "acm",
    "workshops",
    "symposium",
    "journal",
    "transactions",
}
_ORDINAL_OR_YEAR = re.compile(r"^(?:\d+(?:st|nd|rd|th)?|'\d\d)$")
_WORD = re.compile(r"[A-Za-z0-9']+")


@dataclass(frozen=True)
class VenueMatch:
    """The venue id found for a service's venue name, or None and why."""

    venue_id: str | None
    message: str | None = None


def match_venue(raw: str | None, venues: list[Venue]) -> VenueMatch:
    """The list's venue for `raw`: same id, alias or name; an (ABBREVIATION); same core words."""
    if not raw:
        return VenueMatch(None, None)
    for finder in (_by_whole_name, _by_abbreviation, _by_core_words):
        found = finder(raw, venues)
        if len(found) == 1:
            return VenueMatch(found.pop())
        if len(found) > 1:
            choices = ", ".join(sorted(found))
            return VenueMatch(None, f"venue {shown(raw)} could be any of {choices}; left empty")
    known = ", ".join(venue.id for venue in venues)
    return VenueMatch(
        None,
        f"venue {shown(raw)} is not among the venues of papers/list.yaml ({known}); left empty: "
        "add it there (or as an alias of a venue) and set 'venue:' in the record",
    )


def _spellings(venue: Venue) -> list[str]:
    return [venue.id, *venue.aliases]


def _by_whole_name(raw: str, venues: list[Venue]) -> set[str]:
    wanted = raw.casefold()
    return {v.id for v in venues if wanted in {s.casefold() for s in [*_spellings(v), v.name or ""]}}


def _by_abbreviation(raw: str, venues: list[Venue]) -> set[str]:
    """'2019 IEEE/CVF Conference on ... (CVPR)', 'CVPR 2019', 'arXiv.org' name a venue by a word."""
    words = set(_WORD.findall(raw))
    return {v.id for v in venues if any(spelling in words for spelling in _spellings(v))}


def _by_core_words(raw: str, venues: list[Venue]) -> set[str]:
    wanted = _core(raw)
    return {v.id for v in venues if wanted and v.name and _core(v.name) == wanted}


def _core(name: str) -> str:
    name = re.sub(r"\([^)]*\)", " ", name)
    words = [w.casefold() for w in _WORD.findall(name.replace("/", " "))]
    return " ".join(w for w in words if w not in _BOILERPLATE and not _ORDINAL_OR_YEAR.match(w))
