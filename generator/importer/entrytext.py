"""The parts of one entry's text: title, links, venue mark and the notes after them.

Real lists write a paper as 'Title, CVPR2018', 'Title: CVPR 2018. notes', '[Title](url), notes',
'**Title**:CVPR2017, notes' or 'Title: notes'. A colon followed by a lower-case word ends the
title; a colon followed by a capital ('Simple Does It: Weakly Supervised ...') belongs to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.inline import Link, find_links, squeeze, strip_emphasis
from generator.importer.venues import VenueMark, VenueParser
from generator.importer.vocabulary import Vocabulary

_TRAILING = " \t,:;，：-–|*"
_LEADING = " \t,.:;，：-–|)"
_NOTE_COLON = re.compile(r"\s*[:：]\s*")
_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
_BOLD_START = re.compile(r"^\s*(\*\*|__)(.+?)\1")
_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})", re.IGNORECASE)


@dataclass
class EntryText:
    """What one line says about one paper."""

    title: str
    url: str | None = None
    title_from_link: bool = False
    code: list[dict] = field(default_factory=list)
    mark: VenueMark | None = None
    note: str | None = None

    def looks_like_paper(self) -> bool:
        """A titled entry, not prose or a keyword ('dilated convolution', 'CRF')."""
        if self.title_from_link or self.mark or self.url or self.code:
            return True
        title = self.title
        if "](" in title or _SENTENCE.search(title) or title.endswith((".", "!", "?")):
            return False
        return bool(title) and (title[0].isupper() or title[0].isdigit()) and len(title.split()) >= 3


def arxiv_id(url: str | None) -> str | None:
    """The arXiv id of an arxiv.org abs or pdf URL."""
    found = _ARXIV.search(url or "")
    return found.group(1) if found else None


def parse_entry(text: str, venues: VenueParser, vocabulary: Vocabulary) -> EntryText:
    """Split one entry's text into title, links, venue mark and notes."""
    text, code, pointer = _take_out_links(text, vocabulary)
    links = find_links(text)
    leading = links[0] if links and not text[: links[0].start].strip() else None
    if leading is not None:
        entry = EntryText(leading.plain_label, url=leading.url, title_from_link=True)
        entry.mark, entry.note = _mark_and_note(text[leading.end:], venues)
    elif (bold := _BOLD_START.match(text)) is not None:
        entry = EntryText(squeeze(bold.group(2)))
        entry.mark, entry.note = _mark_and_note(text[bold.end():], venues)
    else:
        entry = _split_plain(text, venues)
    entry.title = _clean_title(entry.title)
    entry.code = code
    if entry.url is None and pointer is not None:
        entry.url = pointer.url
    return entry


def _take_out_links(text: str, vocabulary: Vocabulary) -> tuple[str, list[dict], Link | None]:
    """Remove code links and 'link'/'pdf' pointer links from the text; return them apart."""
    code: list[dict] = []
    pointer: Link | None = None
    for link in reversed(find_links(text)):
        label = link.plain_label.lower()
        if label in vocabulary.code_labels:
            code.insert(0, {"url": link.url, **({"label": link.plain_label} if label != "code" else {})})
        elif label in vocabulary.pointer_labels and text[: link.start].strip():
            pointer = link
        else:
            continue
        text = text[: link.start] + " " + text[link.end:]
    return squeeze(text), code, pointer


def _mark_and_note(rest: str, venues: VenueParser) -> tuple[VenueMark | None, str | None]:
    """Venue mark right after a title (only separators before it), then the notes."""
    mark = venues.find(rest, at_start=True)
    if mark is not None and rest[: mark.start].strip(_LEADING + "*"):
        mark = None
    note = rest[mark.end:] if mark else rest
    return mark, _clean_note(note)


def _split_plain(text: str, venues: VenueParser) -> EntryText:
    mark = venues.find(text)
    head = text[: mark.start] if mark else text
    tail = text[mark.end:] if mark else ""
    title, head_note = head, ""
    lower_case_title = head.strip()[:1].islower()  # 'image level to ...: from theory ...'
    for colon in ([] if lower_case_title else _NOTE_COLON.finditer(head)):
        after = head[colon.end():]
        if after[:1].islower():
            title, head_note = head[: colon.start()], after
            break
    notes = [part for part in (_clean_note(head_note), _clean_note(tail)) if part]
    return EntryText(title, mark=mark, note=" ".join(notes) or None)


def _clean_title(title: str) -> str:
    return squeeze(strip_emphasis(title)).strip(_TRAILING).rstrip(".").strip(_TRAILING)


def _clean_note(note: str) -> str | None:
    note = squeeze(note).lstrip(_LEADING).rstrip(" ,;:，").strip()
    note = note.lstrip("*").strip() if note.startswith("* ") else note
    return note or None
