"""Stable, readable record ids: `dsrg-cvpr2018`, or a slug of the title's first words."""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LENGTH = 80
TITLE_WORDS_IN_ID = 6


def slug(text: str, max_words: int | None = None) -> str:
    """Lower-case ASCII words joined by '-': 'Few-shot segmentation' -> 'few-shot-segmentation'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("+", " plus ").replace("'", "").replace("’", "")
    found = re.findall(r"[a-z0-9]+(?:[.][a-z0-9]+)*", ascii_text.lower())
    if max_words is not None:
        found = found[:max_words]
    return "-".join(found)[:MAX_ID_LENGTH].strip("-.")


def short_name_of(title: str) -> str | None:
    """The short name a title starts with, e.g. 'CANet' in 'CANet: Class-Agnostic ...'."""
    head, colon, _ = title.partition(":")
    head = head.strip()
    if not colon or not head or len(head.split()) > 2:
        return None
    capitals = sum(character.isupper() for character in head)
    return head if capitals >= 2 else None


def paper_id(title: str, short_name: str | None, venue: str | None, year: int | None) -> str:
    """Id of a paper: short name or first title words, then venue and year."""
    stem = slug(short_name) if short_name else slug(title, TITLE_WORDS_IN_ID)
    suffix = slug(f"{venue or ''}{year or ''}")
    return f"{stem}-{suffix}"[:MAX_ID_LENGTH].strip("-") if suffix else stem or "entry"


def unique_id(candidate: str, taken: set[str]) -> str:
    """`candidate`, or `candidate-2`, `-3`... when already taken; the result is added to `taken`."""
    candidate = candidate or "entry"
    chosen, number = candidate, 2
    while chosen in taken:
        chosen = f"{candidate[: MAX_ID_LENGTH - 4]}-{number}"
        number += 1
    taken.add(chosen)
    return chosen
