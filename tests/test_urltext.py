"""Bare URLs in prose end where a reader sees them end; importer and link checker agree."""

from __future__ import annotations

import pytest

from generator.importer.inline import find_all_links
from generator.linkcheck.extract import urls_in_text
from generator.text.urls import find_bare_urls

CASES = [
    ("see https://en.wikipedia.org/wiki/CRF_(statistics), CVPR2018",
     "https://en.wikipedia.org/wiki/CRF_(statistics)"),
    ("(code at https://github.com/a/b)", "https://github.com/a/b"),
    ("read https://arxiv.org/abs/1902.10421.", "https://arxiv.org/abs/1902.10421"),
    ("<https://example.org/x>", "https://example.org/x"),
    ("[https://example.org/y]", "https://example.org/y"),
]


@pytest.mark.parametrize(("text", "url"), CASES)
def test_a_bare_url_keeps_balanced_parentheses_and_drops_closing_punctuation(text, url):
    assert [found for _, _, found in find_bare_urls(text)] == [url]
    assert [link.url for link in find_all_links(text)] == [url]
    assert [found for _, found in urls_in_text(text)] == [url]


def test_the_span_of_a_found_url_is_exactly_the_url():
    text = "(see https://en.wikipedia.org/wiki/CRF_(statistics))."

    ((start, end, url),) = find_bare_urls(text)

    assert text[start:end] == url == "https://en.wikipedia.org/wiki/CRF_(statistics)"
