"""The parts of one entry's text: title, links, venue mark and the notes after them.

Real lists write a paper as 'Title, CVPR2018', 'Title: CVPR 2018. notes', '[Title](url), notes',
'**Title**:CVPR2017, notes' or 'Title: notes'. A colon followed by a lower-case word ends the
title; a colon followed by a capital ('Simple Does It: Weakly Supervised ...') belongs to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from generator.importer.entryforms import (
    dashed_label,
    take_lead,
    tidy,
    trailing_mark,
    unnamed_venue,
    venue_links,
)
from generator.importer.inline import find_links, squeeze, strip_emphasis
from generator.importer.venues import VenueMark, VenueParser
from generator.importer.vocabulary import Vocabulary
from generator.text.urls import find_bare_urls

_TRAILING = " \t,:;，：-–|*[("
_LEADING = " \t,.:;，：-–|)]"
_NOTE_COLON = re.compile(r"\s*[:：]\s*")
_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
_TRAILING_TAG = re.compile(r"\[([^\[\]]{1,30})\]\s*$")
_STATED_YEAR = re.compile(r"\(((?:19|20)\d{2})\)|,\s*((?:19|20)\d{2})\.?\s*$")
_LINKS_OUT = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^()\s]*\)")
_BOLD_START = re.compile(r"^\s*(\*\*|__)(.+?)\1")
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
_EMPTY_BRACKETS = re.compile(r"\\\[\s*\\\]|\[\s*\]")


@dataclass
class EntryText:
    """What one line says about one paper."""

    title: str
    url: str | None = None
    title_from_link: bool = False
    short_name: str | None = None
    sentence: bool = False
    """The title as written ends like a sentence ('.', '!'): prose without a venue or link."""
    code: list[dict] = field(default_factory=list)
    other: list[dict] = field(default_factory=list)
    mark: VenueMark | None = None
    note: str | None = None

    def looks_like_paper(self) -> bool:
        """A titled entry, not prose or a keyword ('dilated convolution', 'CRF')."""
        if not any(character.isalnum() for character in self.title):
            return False  # '•', '/', '-'
        if self.title_from_link or self.mark or self.url or self.code:
            return True
        title = self.title
        if "](" in title or _SENTENCE.search(title) or self.sentence:
            return False
        return (
            bool(title) and (title[0].isupper() or title[0].isdigit()) and len(title.split()) >= 3
        )


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
    entry.title = _clean_title(entry.title)
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
        entry.mark, entry.note = _mark_and_note(text[leading.end :], venues)
        entry.mark = mark or entry.mark or trailing_mark(text[leading.end :], venues)
    elif (
        bold is not None
        and bold.group(2).rstrip().endswith(":")
        and len(bold.group(2).split()) <= 3
    ):
        entry = _split_plain(text[bold.end() :], venues, vocabulary)  # '**DSRG:** "Title"'
        entry.short_name = _clean_title(bold.group(2))
    elif (
        bold is not None
        and text[bold.end() :].lstrip().startswith(":")
        and len(bold.group(2).split()) <= 3
    ):
        entry = _plain_with_links(bold.group(2) + text[bold.end() :], venues, vocabulary, True)
        entry.short_name = _clean_title(bold.group(2))  # '**CodeRL**: Mastering ...'
    elif bold is not None:
        entry = EntryText(squeeze(bold.group(2)))
        entry.mark, entry.note = _mark_and_note(text[bold.end() :], venues)
        entry.mark = entry.mark or trailing_mark(text[bold.end() :], venues)
    else:
        entry = _plain_with_links(text, venues, vocabulary)
    return entry


def _plain_with_links(
    text: str, venues: VenueParser, vocabulary: Vocabulary, named: bool = False
) -> EntryText:
    """A title written as text: links after it are the paper's links, not words of its title."""
    links = [link for link in find_links(text) if text[: link.start].strip()]
    if not links or not _title_like(text[: links[0].start]):
        return _split_plain(text, venues, vocabulary, named)
    tail = text[links[0].start :]
    entry = _split_plain(text[: links[0].start], venues, vocabulary, named)
    for link in find_links(tail):
        host = (urlsplit(link.url).hostname or "").removeprefix("www.")
        if host in vocabulary.code_hosts:
            entry.code.append({"url": link.url, "label": link.plain_label or "code"})
        elif entry.url is None:
            entry.url = link.url
        else:
            entry.other.append({"label": link.plain_label or "link", "url": link.url})
    words = _LINKS_OUT.sub(" ", tail).strip(" /•|,;.-")
    entry.mark = entry.mark or trailing_mark(words, venues)
    if words:
        entry.note = " ".join(filter(None, [entry.note, squeeze(words)]))
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


def _mark_and_note(rest: str, venues: VenueParser) -> tuple[VenueMark | None, str | None]:
    """Venue mark right after a title (only separators before it), then the notes."""
    mark = venues.find(rest, at_start=True)
    if mark is not None and rest[: mark.start].strip(_LEADING + "*"):
        mark = None
    note = rest[mark.end :] if mark else rest
    return mark, _clean_note(note)


def _unclosed_opening(head: str) -> int:
    """Where a parenthesis or an italic span that the venue sits in opens, or -1."""
    paren = head.rfind("(")
    if paren > 0 and ")" not in head[paren:]:
        return paren
    star = head.rfind(" *")
    if star > 0 and head[star + 2 : star + 3] not in ("*", " ", "") and "*" not in head[star + 2 :]:
        return star + 1
    return -1


def _title_like(head: str) -> bool:
    """Text that can be a title: three words or more, starting with a capital or digit, not
    ending like a sentence or a lead-in ('listed in :', 'see')."""
    plain = strip_emphasis(head).strip(" ,;-–|/")
    return (
        len(plain.split()) >= 3
        and (plain[:1].isupper() or plain[:1].isdigit())
        and not plain.endswith((":", "："))
        and not _SENTENCE.search(plain)
    )


def _split_plain(
    text: str, venues: VenueParser, vocabulary: Vocabulary, named: bool = False
) -> EntryText:
    """Title, mark and notes of text; `named` when it starts 'Name: ' (the colon is the title's)."""
    quoted = _QUOTED.search(text)
    if quoted and len(quoted.group(1).split()) >= 2:  # '"Title" *CVPR2022*'
        before, after = text[: quoted.start()], text[quoted.end() :]
        mark, note = _mark_and_note(after, venues)
        notes = [part for part in (_clean_note(before), note) if part]
        mark = mark or trailing_mark(after, venues)
        return EntryText(quoted.group(1), mark=mark, note=" ".join(notes) or None)
    mark = venues.find(text)
    head = _without_lead_words(text[: mark.start], vocabulary) if mark else text
    tail = text[mark.end :] if mark else ""
    unnamed = None if mark else unnamed_venue(text)
    if unnamed is not None:  # 'Title, MIDL 2018': the year, and the name as a note
        mark, head, tail = unnamed[0], text[: unnamed[1]], text[unnamed[1] :].strip(" ,()")
    opening = _unclosed_opening(head) if mark else -1
    if opening > 0:  # 'Title (Phd@PVLDB 2018 ...)', 'Title. *Authors et al. arXiv.*'
        head, tail = head[:opening], f"{head[opening + 1 :]} {tail}"
    tag = _TRAILING_TAG.search(head)
    if tag and _title_like(head[: tag.start()]):  # 'Title [Vision] (arXiv 2021)'
        head, tail = head[: tag.start()], f"{tag.group(1)} {tail}"
    title, head_note = head, ""
    lower_case_title = head.strip()[:1].islower()  # 'image level to ...: from theory ...'
    for colon in [] if lower_case_title or named else _NOTE_COLON.finditer(head):
        after = head[colon.end() :]
        if after[:1].islower():
            title, head_note = head[: colon.start()], after
            break
    notes = [part for part in (_clean_note(head_note), _clean_note(tail)) if part]
    return EntryText(title, mark=mark, note=" ".join(notes) or None)


def _without_lead_words(head: str, vocabulary: Vocabulary) -> str:
    """'Title. In *' -> 'Title.': words that introduce the venue end the title."""
    stripped = head.rstrip(" *_([")
    lowered = stripped.lower()
    for words in vocabulary.venue_lead_words:
        if lowered.endswith(" " + words) or lowered == words:
            return stripped[: len(stripped) - len(words)]
    return head


def _clean_title(title: str) -> str:
    return squeeze(strip_emphasis(title)).strip(_TRAILING).rstrip(".").strip(_TRAILING)


def _clean_note(note: str) -> str | None:
    note = squeeze(note).lstrip(_LEADING).rstrip(" ,;:，").strip()
    note = note.lstrip("*").strip() if note.startswith("* ") else note
    return note if note.strip("*_ ") else None
