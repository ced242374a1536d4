"""Conventions around an entry's title that real lists use, read before the title itself.

- a date or venue tag first: `[2023/04] **Title**`, `[KDD2018] [GAM] Title`, `**[ABBR]** Title`,
  `[[ICCV2021](url)] Title`, `[CP'2016] [Title](url)`, `**[12]** A. Author. "Title."`;
- a venue first: `ICML 2023 oral, Title, [arXiv](url)`, `arXiv 2023.10, Title`;
- a link label holding venue and year: `[Name - Title - CVPR - 2017](url)`;
- a link whose label is a venue: `[CHI 2024](url)`, `[Findings of ACL 2024](url)`;
- decoration: `<[Title](url)>`, `[Title]()`, `[Title] (url)`, `:star:` shortcodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.inline import find_links, squeeze, strip_emphasis
from generator.importer.venues import VenueMark, VenueParser

_SHORTCODE = re.compile(r":[a-z0-9_+-]{2,40}:")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_WRAPPED = re.compile(r"^(\*{3}|_{3})([^*_].*?)\1$")
_ADJACENT_BOLD = re.compile(r"(?<=[^*\s])\*\*\s+\*\*(?=[^*\s])")
_ANGLE_LINK = re.compile(r"<(\[[^\[\]]*\]\([^()\s]*\))>")
_EMPTY_TARGET = re.compile(r"(?<![!\]])\[([^\[\]]+)\]\(\s*\)")
_SPACED_TARGET = re.compile(r"\] \((https?://[^()\s]+)\)")
_LABEL_PREFIX = re.compile(r"^(?:paper|title)\s*[:：]\s*", re.IGNORECASE)
_DATE_TAG = re.compile(r"^(?:\*\*|__)?\[\s*((?:19|20)\d{2})(?:[./-]\d{1,2}){0,2}\s*\](?:\*\*|__)?\s*")
_BRACKET_TAG = re.compile(r"^(\*\*|__)?\[([^\[\]]{1,40})\](?!\()\1?\s*")
_LINK_TAG = re.compile(r"^\[\s*\[([^\[\]]{1,40})\]\(([^()\s]+)\)\s*\]\s*")
_LEADING_DATE = re.compile(r"^((?:19|20)\d{2})(?:[./]\d{1,2})?\s*,\s*")
_UNNAMED_VENUE = re.compile(
    r"[,(]\s*([A-Z][A-Za-z-]{1,15}(?: [A-Z][A-Za-z-]{1,15})?)\s*'?((?:19|20)\d{2})\)?\s*[.,]?\s*$"
)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)\d{2})(?![0-9])")
_MAX_TAG_WORDS = 3
_MAX_VENUE_LINK_EXTRA_WORDS = 4


@dataclass
class Lead:
    """What came before the title: venue mark, year, a short name, a link, notes."""

    mark: VenueMark | None = None
    year: int | None = None
    short_name: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


def tidy(text: str) -> str:
    """Drop decoration that hides the structure: shortcodes, angle brackets round a link,
    empty link targets, a space between a link's label and its target."""
    text = _SHORTCODE.sub(" ", text).replace("（", " (").replace("）", ") ")
    text = _BREAK_TAG.sub(" ", text)
    if text.lstrip().startswith("|") and text.count("|") >= 2:  # '| **[CVPR' 14]** | Title |'
        text = ", ".join(cell.strip() for cell in text.strip().strip("|").split("|"))
    wrapped = _WRAPPED.match(text.strip())
    if wrapped:  # '***Title (CIDR 2019)***'
        text = wrapped.group(2)
    text = _ANGLE_LINK.sub(r"\1", text)
    text = _ADJACENT_BOLD.sub(" ", text)  # '**A Title** **Written Over Two Lines**'

    text = _SPACED_TARGET.sub(r"](\1)", text)
    return squeeze(_EMPTY_TARGET.sub(r"\1", text))


def take_lead(text: str, venues: VenueParser) -> tuple[Lead, str]:
    """Take the tags and venue written before the title off `text`."""
    lead = Lead()
    while True:
        rest = _take_one(text, lead, venues)
        if rest is None:
            return lead, text
        text = rest


def _take_one(text: str, lead: Lead, venues: VenueParser) -> str | None:
    found = _LABEL_PREFIX.match(text)
    if found and text[found.end() :].strip():  # 'Paper: [Title](url)'
        return text[found.end() :]
    found = _DATE_TAG.match(text)
    if found:
        lead.year = lead.year or int(found.group(1))
        return text[found.end() :]
    found = _LINK_TAG.match(text)
    if found and venues.whole(found.group(1)):
        lead.mark = lead.mark or venues.whole(found.group(1))
        lead.url = lead.url or found.group(2)
        return text[found.end() :]
    found = _BRACKET_TAG.match(text)
    if found and text[found.end() :].strip():
        return _bracket_tag(found.group(2).strip(), text[found.end() :], lead, venues)
    if lead.mark is None:
        return _venue_first(text, lead, venues)
    return None


def _bracket_tag(tag: str, rest: str, lead: Lead, venues: VenueParser) -> str | None:
    """`[KDD2018]` is a venue, `[GAM]` a short name, `[12]` a citation number, `[x]` none."""
    if tag.isdigit():
        return rest
    mark = venues.whole(tag.replace("'", " '")) or venues.whole(tag)
    if mark is not None and (mark.venue or mark.year):
        lead.mark = lead.mark or mark
        return rest
    year = _YEAR.search(tag)
    if year and len(tag.split()) <= _MAX_TAG_WORDS:  # [Springer-Book'2015]
        lead.year = lead.year or int(year.group(1))
        lead.notes.append(tag)
        return rest
    if len(tag.split()) <= _MAX_TAG_WORDS and tag.strip().lower() not in {"x", " "}:
        if lead.short_name is None and not tag.islower():
            lead.short_name = tag
        else:
            lead.notes.append(tag)
        return rest
    return None


def _venue_first(text: str, lead: Lead, venues: VenueParser) -> str | None:
    """`ICML 2023 oral, Title` or `2023.10, Title`: a venue and a comma before the title."""
    date = _LEADING_DATE.match(text)
    if date:
        lead.year = lead.year or int(date.group(1))
        return text[date.end() :]
    mark = venues.find(text, at_start=True)
    if mark is None or mark.start != 0 or mark.venue is None:
        return None
    comma = text.find(",", mark.end)
    between = text[mark.end : comma] if comma >= 0 else ""
    if comma < 0 or len(between.split()) > _MAX_TAG_WORDS or "[" in between:
        return None
    lead.mark = mark
    extra = between.strip(" .()")
    if extra and not _YEAR.fullmatch(extra.split(".")[0]):
        lead.notes.append(extra)
    return text[comma + 1 :]


def dashed_label(label: str, venues: VenueParser) -> tuple[str, str | None, VenueMark | None]:
    """`Name - Title - CVPR - 2017` -> ('Title', 'Name', CVPR 2017); other labels unchanged."""
    parts = [part.strip() for part in label.split(" - ")]
    if len(parts) < 3 or not _YEAR.fullmatch(parts[-1]):
        return label, None, None
    venue = venues.whole(f"{parts[-2]} {parts[-1]}")
    title_parts = parts[:-2] if venue else parts[:-1]
    mark = venue or VenueMark(None, int(parts[-1]), None, 0, 0)
    short_name = None
    if len(title_parts) >= 2 and len(title_parts[0].split()) <= 2:
        short_name, title_parts = title_parts[0], title_parts[1:]
    return " - ".join(title_parts), short_name, mark


def venue_links(text: str, venues: VenueParser) -> tuple[VenueMark | None, str | None, str]:
    """A link whose label is a venue (`[CHI 2024](url)`): its mark and URL, the text without it."""
    for link in find_links(text):
        label = strip_emphasis(link.plain_label)
        mark = venues.find(label, at_start=True)
        if mark is None or (mark.venue is None and mark.year is None):
            continue
        extra = (label[: mark.start] + " " + label[mark.end :]).split()
        if len(extra) <= _MAX_VENUE_LINK_EXTRA_WORDS and not link.url.startswith("#"):
            year = mark.year or _year_in(label)
            mark = VenueMark(mark.venue, year, mark.qualifier, mark.start, mark.end)
            return mark, link.url, text[: link.start] + " " + text[link.end :]
    return None, None, text


def _year_in(text: str) -> int | None:
    found = _YEAR.search(text)
    return int(found.group(1)) if found else None


def trailing_mark(rest: str, venues: VenueParser) -> VenueMark | None:
    """The venue and year stated somewhere after a delimited title: the first venue after a
    separator, with a year found later in the text when it has none (`*KDD* (2014).`)."""
    mark = venues.find(rest)
    year = None
    if mark is None or mark.year is None:
        years = _YEAR.findall(rest[mark.end :] if mark else rest)
        year = int(years[-1]) if years else None
    if mark is None:
        return VenueMark(None, year, None, 0, 0) if year else None
    return VenueMark(mark.venue, mark.year or year, mark.qualifier, mark.start, mark.end)


def unnamed_venue(text: str) -> tuple[VenueMark, int] | None:
    """', MIDL 2018' or '(DLMIA 2018)' at the end of a title: a venue the list's venues do not
    name, read as its year; and where it starts (the name stays in the notes)."""
    found = _UNNAMED_VENUE.search(text)
    if found is None:
        return None
    return VenueMark(None, int(found.group(2)), None, found.start(), found.end()), found.start()
