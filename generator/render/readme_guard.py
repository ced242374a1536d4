"""Hand edits between README.md's markers are noticed, not silently thrown away.

`curate readme` signs the block it writes with a checksum line just above the end marker. A
block whose text no longer matches its checksum was edited by hand since; `curate readme`
then refuses to overwrite it (unless forced) and names the lines it would lose.
"""

from __future__ import annotations

import difflib
import hashlib
import re

from generator.render.readme import END_MARKER, README_FILE, START_MARKER

_CHECKSUM = re.compile(r"^<!-- curate:readme:checksum ([0-9a-f]{16}) .*-->\n", re.MULTILINE)
_NOTE = "(written by 'curate readme' from papers/: edit the records, not the lines above) -->"


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def _block_span(text: str) -> tuple[int, int] | None:
    """Offsets of the block's body: after the start marker's line, up to the end marker."""
    start, end = text.find(START_MARKER), text.find(END_MARKER)
    if start < 0 or end < start:
        return None
    return text.index("\n", start) + 1, end


def sign(text: str) -> str:
    """README text with a checksum line of its block's body just above the end marker."""
    span = _block_span(text)
    if span is None:
        return text
    body = text[span[0]:span[1]]
    return text[:span[1]] + f"<!-- curate:readme:checksum {_digest(body)} {_NOTE}\n" + text[span[1]:]


def edited_by_hand(text: str) -> bool:
    """True when the block carries a checksum that its body no longer matches. A block without
    one (written before checksums, or by hand) cannot be judged and counts as not edited."""
    span = _block_span(text)
    if span is None:
        return False
    block = text[span[0]:span[1]]
    found = _CHECKSUM.search(block)
    if found is None:
        return False
    body = block[:found.start()] + block[found.end():]
    return found[1] != _digest(body)


def lost_lines(current: str, fresh: str) -> list[int]:
    """Line numbers of `current` (1-based) between the markers that `fresh` does not keep."""
    old, new = current.splitlines(), fresh.splitlines()
    first = next((n for n, line in enumerate(old) if line == START_MARKER), 0)
    last = next((n for n, line in enumerate(old) if line == END_MARKER), len(old))
    lost = []
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            lost += [n + 1 for n in range(i1, i2) if first < n < last and not _CHECKSUM.match(old[n] + "\n")]
    return lost


def line_ranges(numbers: list[int]) -> str:
    """'3, 7-9, 12' for [3, 7, 8, 9, 12]."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)


def unified_diff(current: str, fresh: str) -> str:
    """What `curate readme` would change, as `git diff` shows it."""
    return "".join(difflib.unified_diff(
        current.splitlines(keepends=True), fresh.splitlines(keepends=True),
        fromfile=f"a/{README_FILE}", tofile=f"b/{README_FILE}",
    ))
