"""A title written as text, and the text around a delimited title.

'Title, CVPR2018', 'Title: CVPR 2018. notes', 'Title (SIGMOD 2017)', 'Title. In *ICML 2018*.',
'Title, [arXiv](url) / [Github](url)'. A colon followed by a lower-case word ends the title; a
colon followed by a capital ('Simple Does It: Weakly Supervised ...') belongs to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from generator.importer.entryforms import trailing_mark, unnamed_venue
from generator.importer.inline import find_links, squeeze, strip_emphasis
from generator.importer.venues import VenueMark, VenueParser
from generator.importer.vocabulary import Vocabulary

_TRAILING = " \t,:;，：-–|*[("
_LEADING = " \t,.:;，：-–|)]"
_NOTE_COLON = re.compile(r"\s*[:：]\s*")
_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
_TRAILING_TAG = re.compile(r"\[([^\[\]]{1,30})\]\s*$")
_LINKS_OUT = re.compile(r"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^()\s]*\)")
_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


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


def plain_with_links(
    text: str, venues: VenueParser, vocabulary: Vocabulary, named: bool = False
) -> EntryText:
    """A title written as text: links after it are the paper's links, not words of its title."""
    links = [link for link in find_links(text) if text[: link.start].strip()]
    if not links or not _title_like(text[: links[0].start]):
        return split_plain(text, venues, vocabulary, named)
    tail = text[links[0].start :]
    entry = split_plain(text[: links[0].start], venues, vocabulary, named)
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


def mark_and_note(rest: str, venues: VenueParser) -> tuple[VenueMark | None, str | None]:
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


def split_plain(
    text: str, venues: VenueParser, vocabulary: Vocabulary, named: bool = False
) -> EntryText:
    """Title, mark and notes of text; `named` when it starts 'Name: ' (the colon is the title's)."""
    quoted = _QUOTED.search(text)
    if quoted and len(quoted.group(1).split()) >= 2:  # '"Title" *CVPR2022*'
        before, after = text[: quoted.start()], text[quoted.end() :]
        mark, note = mark_and_note(after, venues)
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


def clean_title(title: str) -> str:
    return squeeze(strip_emphasis(title)).strip(_TRAILING).rstrip(".").strip(_TRAILING)


def _clean_note(note: str) -> str | None:
    note = squeeze(note).lstrip(_LEADING).rstrip(" ,;:，").strip()
    note = note.lstrip("*").strip() if note.startswith("* ") else note
    return note if note.strip("*_ ") else None
