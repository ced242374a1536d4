"""Find a venue and year in an entry ('CVPR2018', 'ICML 2018', 'NIPS2016 workshop', '2014')."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.models.listconfig import Venue

_SEPARATORS = (",", ":", "，", "：", ".", ";", "(", "[", "*", "|", "-", "–", "/", "@")


@dataclass(frozen=True)
class VenueMark:
    """A venue mark found in text; `venue` is a venue id, None for a bare year."""

    venue: str | None
    year: int | None
    qualifier: str | None
    start: int
    end: int


class VenueParser:
    """Recognizes the venues of one list (ids and aliases, any case) followed by a year.

    Years are written '2018', '18', "'18", as year and month ('Arxiv1803': 2018), or before
    the venue ('2021arXiv').
    """

    def __init__(self, venues: Iterable[Venue], qualifiers: Iterable[str] = ()) -> None:
        self.venues = {venue.id: venue for venue in venues}
        self._ids = {}
        for venue in self.venues.values():
            for name in (venue.id, *venue.aliases):
                self._ids[name.casefold()] = venue.id
        names = sorted(self._ids, key=len, reverse=True)
        alternatives = "|".join(re.escape(name).replace(r"\ ", r"\s?") for name in names)
        self._pattern = (
            re.compile(
                rf"(?<![A-Za-z0-9])(?:(?P<venue>{alternatives})"
                r"(?:[ \t]?[,'’]?[ \t]?(?P<year>(?:19|20)\d{2}|\d{2})(?P<month>\d{2})?)?"
                rf"|(?P<first>(?:19|20)\d{{2}})[ \t]?(?P<after>{alternatives})"
                r"|(?P<bare>(?:19|20)\d{2}))(?![A-Za-z0-9])",
                re.IGNORECASE,
            )
            if names
            else re.compile(r"(?<![A-Za-z0-9.])(?P<bare>(?:19|20)\d{2})(?![A-Za-z0-9])")
        )
        qualifier_names = "|".join(re.escape(q) for q in sorted(qualifiers, key=len, reverse=True))
        self._qualifier = (
            re.compile(rf"\s*\b({qualifier_names})\b", re.IGNORECASE) if qualifier_names else None
        )

    def find(self, text: str, *, at_start: bool = False) -> VenueMark | None:
        """The first venue mark that follows a separator (or starts `text` when `at_start`)."""
        for match in self._pattern.finditer(text):
            if _inside_url(text, match.start()):
                continue
            before = text[: match.start()].rstrip()
            ends = not text[match.end() :].strip(" .,;:)]*_") and bool(match.group("year"))
            if before and not before.endswith(_SEPARATORS) and not ends:  # '... Title ECCV16'
                continue
            if not before and not at_start:
                continue
            return self._mark(text, match)
        return None

    def whole(self, text: str) -> VenueMark | None:
        """The venue mark when `text` is nothing else, as in a heading 'ICCV2019'."""
        text = text.strip().strip("*_").strip()
        match = self._pattern.fullmatch(text)
        return self._mark(text, match) if match else None

    def _mark(self, text: str, match: re.Match[str]) -> VenueMark:
        if match.group("bare"):
            return VenueMark(None, int(match.group("bare")), None, match.start(), match.end())
        if match.group("first"):  # '2021arXiv'
            venue = self._ids[re.sub(r"\s+", " ", match.group("after").casefold())]
            return VenueMark(venue, int(match.group("first")), None, match.start(), match.end())
        venue = self._ids[re.sub(r"\s+", " ", match.group("venue").casefold())]
        year_text = match.group("year")
        year = None
        if year_text:
            year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        end, qualifier = match.end(), None
        found = self._qualifier.match(text, end) if self._qualifier else None
        if found:
            end, qualifier = found.end(), found.group(1)
        return VenueMark(venue, year, qualifier, match.start(), end)

    def is_preprint(self, venue_id: str | None) -> bool:
        """True when the venue is a preprint server."""
        return venue_id is not None and self.venues[venue_id].kind == "preprint"


def _inside_url(text: str, position: int) -> bool:
    """True when `position` is inside a URL ('https://www.x.org' holds no venue 'WWW')."""
    word_start = max(text.rfind(" ", 0, position), text.rfind("(", 0, position)) + 1
    return "://" in text[word_start:position] or text[word_start:position].endswith(("/", "."))
