"""The parts of one entry's text: title, links, venue mark and the notes after them.

Real lists write a paper as '[Title](url), notes', '**Title** *Authors. Venue.*', '"Title" VENUE',
'**DSRG:** "Title"', '**Name**: Title' or a title written as text (`entrytitle`); the tags and
venue before a title are read first (`entryforms`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from generator.importer.entryforms import dashed_label, take_lead, tidy, trailing_mark, venue_links
from generator.importer.entrytitle import (
    EntryText,
    clean_title,
    mark_and_note,
    plain_with_links,
    split_plain,
)
from generator.importer.inline import find_links, squeeze, strip_emphasis
from generator.importer.venues import VenueMark, VenueParser
from generator.importer.vocabulary import Vocabulary
from generator.text.urls import find_bare_urls

_STATED_YEAR = re.compile(r"\(((?:19|20)\d{2})\)|,\s*((?:19|20)\d{2})\.?\s*$")
_BOLD_START = re.compile(r"^\s*(\*\*|__)(.+?)\1")
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\\\[\s*\\\]|\[\s*\]")


def arxiv_id(url: str | None) -> str | None:
    """The arXiv id of an arxiv.org abs or pdf URL."""
    found = _ARXIV.search(url or "")
    return found.group(1) if found else None


def parse_entry(text: str, venues: VenueParser, vocabulary: Vocabulary) -> EntryText:
    """Split one entry's text into title, links, venue mark and notes."""
    lead, text = take_lead(tidy(text), venues)
    link_mark, link_url, text = venue_links(text, venues)
    text, code, pointers = _take_out_links(text, vocabulary)
    entry = _title_and_rest(text, venues, vocabulary)
    entry.sentence = strip_emphasis(entry.title).rstrip(" *_").endswith((".", "!"))
    entry.title = clean_title(entry.title)
    entry.code = code + entry.code
    entry.short_name = entry.short_name or lead.short_name
    entry.mark = _combined(lead.mark, entry.mark, link_mark, lead.year)
    stated = _STATED_YEAR.search(entry.note or "")
    if entry.mark is not None and entry.mark.year is None and stated:  # '*KDD* (2014).'
        entry.mark = replace(entry.mark, year=int(stated.group(1) or stated.group(2)))
    if lead.notes:
        entry.note = " ".join(filter(None, [*lead.notes, entry.note]))
    for label, url in [*(("link", url) for url in (lead.url, link_url) if url), *pointers]:
        if entry.url is None:
            entry.url = url
        else:
            entry.other.append({"label": label, "url": url})
    return entry


def _title_and_rest(text: str, venues: VenueParser, vocabulary: Vocabulary) -> EntryText:
    links = find_links(text)
    leading = links[0] if links and not text[: links[0].start].strip() else None
    bold = _BOLD_START.match(text)
    if leading is not None:
        title, short_name, mark = dashed_label(leading.plain_label, venues)
        entry = EntryText(title, url=leading.url, title_from_link=True, short_name=short_name)
        entry.mark, entry.note = mark_and_note(text[leading.end :], venues)
        entry.mark = mark or entry.mark or trailing_mark(text[leading.end :], venues)
    elif (
        bold is not None
        and bold.group(2).rstrip().endswith(":")
        and len(bold.group(2).split()) <= 3
    ):
        entry = split_plain(text[bold.end() :], venues, vocabulary)  # '**DSRG:** "Title"'
        entry.short_name = clean_title(bold.group(2))
    elif (
        bold is not None
        and text[bold.end() :].lstrip().startswith(":")
        and len(bold.group(2).split()) <= 3
    ):
        entry = plain_with_links(bold.group(2) + text[bold.end() :], venues, vocabulary, True)
        entry.short_name = clean_title(bold.group(2))  # '**CodeRL**: Mastering ...'
    elif bold is not None:
        entry = EntryText(squeeze(bold.group(2)))
        entry.mark, entry.note = mark_and_note(text[bold.end() :], venues)
        entry.mark = entry.mark or trailing_mark(text[bold.end() :], venues)
    else:
        entry = plain_with_links(text, venues, vocabulary)
    return entry


def _combined(
    lead: VenueMark | None, own: VenueMark | None, link: VenueMark | None, year: int | None
) -> VenueMark | None:
    """One mark from the tag before the title, the text after it and a venue link; a venue
    without a year takes the year stated elsewhere (`[2023/04] ... arXiv.`)."""
    marks = [mark for mark in (lead, own, link) if mark is not None]
    if not marks and year is None:
        return None
    venue = next((mark for mark in marks if mark.venue), None)
    first = venue or marks[0] if marks else VenueMark(None, year, None, 0, 0)
    found_year = next((mark.year for mark in [first, *marks] if mark.year), None) or year
    return VenueMark(first.venue, found_year, first.qualifier, first.start, first.end)


def _take_out_links(
    text: str, vocabulary: Vocabulary
) -> tuple[str, list[dict], list[tuple[str, str]]]:
    """Remove code links and pointer links ('link', 'pdf', bare URLs) from the text."""
    code: list[dict] = []
    pointers: list[tuple[str, str]] = []
    for link in reversed(find_links(text)):
        label = link.plain_label.lower()
        if label in vocabulary.code_labels:
            code.insert(
                0, {"url": link.url, **({"label": link.plain_label} if label != "code" else {})}
            )
        elif label in vocabulary.pointer_labels and text[: link.start].strip():
            pointers.insert(0, (link.plain_label, link.url))
        else:
            continue
        text = text[: link.start] + " " + text[link.end :]
    for start, end, found in reversed(list(find_bare_urls(text))):
        if _inside_link(text, start):
            continue
        urls = found.split(",")
        pointers[:0] = [("link", url) for url in urls if url.startswith("http")]
        text = text[:start] + " " + text[end:]
    return squeeze(_EMPTY_BRACKETS.sub(" ", text)), code, pointers


def _inside_link(text: str, position: int) -> bool:
    return any(link.start <= position < link.end for link in find_links(text))


