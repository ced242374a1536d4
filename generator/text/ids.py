"""The one id policy for new records, used by `import`, `add` and `enrich`.

A paper is named by its short name, or else by the first three meaningful words of its title,
then its venue and year: `ficklenet-cvpr2019`, `learning-pixel-level-cvpr2018`. Other records
(topics, resources, implementations) are named by a slug of their title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

MAX_ID_LENGTH = 72
"""Room for a '-2' suffix within the 80 characters a record id may have."""
TITLE_WORDS_IN_ID = 3
MAX_SHORT_NAME = 24
STOP_WORDS = frozenset(
    "a an the of for with via on in and to from by using".split()
)


def _ascii_words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.replace("+", " plus ").replace("'", "").replace("’", "")
    return re.findall(r"[a-z0-9]+(?:[.][a-z0-9]+)*", ascii_text.lower())


def slug(text: str, max_words: int | None = None) -> str:
    """Lower-case ASCII words joined by '-': 'Few-shot segmentation' -> 'few-shot-segmentation'."""
    found = _ascii_words(text)
    if max_words is not None:
        found = found[:max_words]
    return "-".join(found)[:MAX_ID_LENGTH].strip("-.")


def name_slug(name: str, max_words: int = TITLE_WORDS_IN_ID) -> str:
    """The words a paper id starts with: little words left out, at most `max_words`."""
    words = [word for part in _ascii_words(name) for word in part.split(".") if word]
    meaningful = [word for word in words if word not in STOP_WORDS] or words
    return "-".join(meaningful[:max_words]) or "paper"


def short_name_of(title: str) -> str | None:
    """The short name a title starts with, e.g. 'CANet' in 'CANet: Class-Agnostic ...'.

    At most two words and 24 characters, written as a name: two capitals, a digit or a hyphen
    ('FickleNet', 'α-Net', 'DeepLabv3'), not a plain word such as 'Superpixels'.
    """
    head, colon, _ = title.partition(":")
    head = head.strip()
    if not colon or not head or len(head.split()) > 2 or len(head) > MAX_SHORT_NAME:
        return None
    capitals = sum(character.isupper() for character in head)
    named = capitals >= 2 or "-" in head or any(character.isdigit() for character in head)
    return head if named else None


def paper_id(title: str, short_name: str | None, venue: str | None, year: int | None) -> str:
    """Id of a paper: short name or first title words, then venue and year."""
    suffix = re.sub(r"[^a-z0-9]+", "", (venue or "").lower()) + (str(year) if year else "")
    stem = name_slug(short_name or title)
    return "-".join(part for part in (stem, suffix) if part)[:MAX_ID_LENGTH].strip("-")


def unique_id(candidate: str, taken: Collection[str]) -> str:
    """`candidate`, or `candidate-2`, `-3`... when already taken; added to `taken` if a set."""
    candidate = candidate or "entry"
    chosen, number = candidate, 2
    while chosen in taken:
        chosen = f"{candidate[:MAX_ID_LENGTH]}-{number}"
        number += 1
    if isinstance(taken, set):
        taken.add(chosen)
    return chosen


class IdAllocator:
    """Hands out unique ids in constant time each: `unique_id` for many records at once (a
    thousand papers named 'synthetic-paper-number-cvpr2018' must not cost a million checks)."""

    def __init__(self, taken: Collection[str] = ()) -> None:
        self.taken: set[str] = set(taken)
        self._next_suffix: dict[str, int] = {}

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.taken

    def allocate(self, candidate: str) -> str:
        """`candidate`, or the first `candidate-N` not yet taken."""
        candidate = candidate or "entry"
        chosen, number = candidate, self._next_suffix.get(candidate, 2)
        while chosen in self.taken:
            chosen = f"{candidate[:MAX_ID_LENGTH]}-{number}"
            number += 1
        self._next_suffix[candidate] = number
        self.taken.add(chosen)
        return chosen
