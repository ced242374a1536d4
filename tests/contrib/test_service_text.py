"""What a service says is stored as plain text: no tag a browser or the record check would
read, no control or bidirectional character, one line, within the record's length."""

from __future__ import annotations

import re
import time

import pytest

from generator.lookup.found import abstract_text, count, one_line
from generator.models.fields import _HTML_TAG

BROWSER_TAG = re.compile(r"<[A-Za-z!?/]")


@pytest.mark.parametrize(
    ("given", "plain", "abstract"),
    [
        ("Fickle<b>Net</b>: Weakly", "FickleNet: Weakly", "FickleNet: Weakly"),
        ("H<sub>2</sub>O", "H2O", "H2O"),
        ("&lt;img src=x onerror=alert(1)&gt; hi", "hi", "hi"),
        ("<<b>script>alert(1)<</b>/script>", "script>alert(1)/script>", "script>alert(1)/script>"),
        ("Foo <img src=x onerror=alert(1) x=", "Foo", "Foo"),
        ("<!-- note -->x<?php echo 1 ?>", "x", "x"),
        ("k < n and m > 2", "k 2", "k < n and m > 2"),
        ("a < b", "a b", "a < b"),
        ("line\nbreak\r\n\ttab\u2028sep", "line break tab sep", "line break tab sep"),
        ("a\u202eb\u2066c\u200fd\u061ce\ufeff", "a b c d e", "a b c d e"),
        ("bell\x07 esc\x1b[31m csi\x9b1m nul\x00", "bell esc [31m csi 1m nul", "bell esc [31m csi 1m nul"),
        ("zero\u200dwidth joiner stays", "zero\u200dwidth joiner stays", "zero\u200dwidth joiner stays"),
        ("<b></b>", None, None),
        ("AT&amp;T", "AT&T", "AT&T"),
    ],
)
def test_service_text_becomes_plain_text(given, plain, abstract):
    assert (one_line(given), abstract_text(given)) == (plain, abstract)


def test_text_is_cut_to_what_a_record_holds():
    assert one_line("x" * 600) == "x" * 499 + "\u2026"
    assert len(abstract_text("word " * 10_000)) == 20_000


def test_something_else_than_text_is_refused():
    with pytest.raises(TypeError):
        one_line(["a", "list"])


@pytest.mark.parametrize(
    "hostile",
    [
        "<" * 40_000 + "a>" * 40_000,
        "< " * 40_000,
        ("<" + " " * 100) * 700,
        "<" + " " * 70_000 + "x",
        "<a" * 40_000,
        "<" * 80_000 + "a",
    ],
    ids=["nested tags", "spaced brackets", "bracket then spaces", "long gap", "unclosed", "run"],
)
def test_hostile_brackets_leave_no_tag_and_end_promptly(hostile):
    started = time.monotonic()  # a termination guard, not a speed measurement

    results = [one_line(hostile), abstract_text(hostile)]

    assert time.monotonic() - started < 5
    for text in results:
        assert not BROWSER_TAG.search(text or "")
    assert not _HTML_TAG.search(results[0] or "")


@pytest.mark.parametrize(
    ("given", "kept"),
    [(12, 12), (0, 0), (-1, None), (True, None), ("12", None), (1e300, None), (10**13, None)],
)
def test_a_count_is_kept_only_when_it_is_a_plausible_whole_number(given, kept):
    assert count(given) == kept
