"""One of each: one Markdown structure reader (generator/text/markdown.py) for the link checker
and the README, so they see fences and headings as GitHub does; one Retry-After reader; one
derivation of the views the site and the README share."""

from __future__ import annotations

import email.utils
import time

from generator.linkcheck.extract import urls_in_markdown
from generator.render.readme import heading_anchors, headings
from generator.retry_after import retry_after_seconds
from tests.test_architecture import MODULES, imported_modules

FENCE_IN_FENCE = """\
Before: https://example.org/before

````markdown
An example of a fence:
```
https://example.org/inside-example
```
````

After: https://example.org/after
"""


def test_a_three_backtick_line_inside_a_four_backtick_fence_neither_opens_nor_closes_it():
    assert list(urls_in_markdown(FENCE_IN_FENCE)) == [
        (1, "https://example.org/before"),
        (10, "https://example.org/after"),
    ]


def test_urls_in_indented_code_and_tilde_fences_are_examples_not_links():
    text = "Read https://a.example/\n\n    https://b.example/code\n\n~~~\nhttps://c.example/\n~~~\n- https://d.example/\n"
    assert [url for _, url in urls_in_markdown(text)] == ["https://a.example/", "https://d.example/"]


def test_an_unclosed_fence_runs_to_the_end_of_its_list_item_as_in_commonmark():
    text = "- item\n\n  ```\n  https://a.example/\n\nhttps://b.example/ after the list\n"
    assert [url for _, url in urls_in_markdown(text)] == ["https://b.example/"]


def test_readme_anchor_numbering_counts_setext_headings_above_the_list():
    above = "Papers\n======\n\nIntro.\n\nTools\n-----\n"
    body = "### Papers\n\n### Tools\n\n```\n### Not a heading\n```\n"
    assert heading_anchors(above, body) == [(3, "Papers", "papers-1"), (3, "Tools", "tools-1")]


def test_readme_headings_give_their_text_as_written_and_as_read():
    assert headings("## Tiny \\& \\*List\\* ##\n") == [(2, "Tiny \\& \\*List\\*", "Tiny & *List*")]
    assert heading_anchors("", "## Tiny \\& \\*List\\*\n") == [(2, "Tiny \\& \\*List\\*", "tiny--list")]


def test_the_link_checker_and_the_readme_read_markdown_through_the_one_reader():
    for name in ("generator.linkcheck.extract", "generator.render.readme"):
        assert "generator.text.markdown" in imported_modules(name, MODULES[name]), name


SHARED_VIEW_MODULES = {f"generator.views.{name}" for name in
                       ("catalog", "home", "indices", "leaderboards", "papers", "topics")}


def test_the_site_and_the_readme_take_their_shared_views_from_one_derivation():
    for name in ("generator.render.site_pages", "generator.render.readme"):
        imported = imported_modules(name, MODULES[name])
        assert "generator.views.list_views" in imported, name
        assert imported & SHARED_VIEW_MODULES == set(), name


def test_one_retry_after_reader_serves_the_link_checker_and_the_lookups():
    for name in ("generator.linkcheck.checker", "generator.lookup.http"):
        assert "generator.retry_after" in imported_modules(name, MODULES[name]), name
    assert retry_after_seconds("120") == 120.0
    in_two_seconds = email.utils.formatdate(time.time() + 2, usegmt=True)
    assert 0.0 <= retry_after_seconds(in_two_seconds) <= 2.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: now
    for hostile in ("soon", "-3", "1.5", "inf", "nan", "1e9", "\u0663", "", None):
        assert retry_after_seconds(hostile) is None, hostile
