"""Pages written as HTML: what MkDocs' own Markdown pass would have taken from them."""

from __future__ import annotations

from generator.render.pre_rendered import (
    MARKER,
    anchor_ids,
    html_of,
    is_pre_rendered,
    outline,
    page_title,
    searched_part,
    with_heading_ids,
)
from generator.render.templates import heading_id

PAGE = (
    '<h1 id="a-b">A &amp; <em>B</em><a class="headerlink" href="#a-b" title="Permanent link">'
    "&para;</a></h1>\n"
    '<p id="intro">text</p>\n'
    '<h2 id="results" data-search-exclude>Results<a class="headerlink" href="#results">&para;</a></h2>\n'
    '<h3 id="val">val<a class="headerlink" href="#val">&para;</a></h3>\n'
    '<section id="panel"><h2 id="panel-title">Not in the outline: no permalink, as raw HTML</h2></section>\n'
    '<h2 id="cite">Cite<a class="headerlink" href="#cite">&para;</a></h2>\n'
)


def test_a_page_is_pre_rendered_when_its_body_starts_with_the_marker():
    assert is_pre_rendered(f"\n{MARKER}\n<p>x</p>")
    assert not is_pre_rendered(f"# Title\n\n{MARKER}")
    assert html_of(f"\n{MARKER}\n<p>x</p>") == "<p>x</p>"


def test_headings_nest_by_level_as_the_table_of_contents_lists_them():
    (title,) = outline(PAGE)
    assert (title.level, title.id, title.name) == (1, "a-b", "A &amp; B")
    assert [child.id for child in title.children] == ["results", "cite"]
    assert [child.id for child in title.children[0].children] == ["val"]
    token = title.toc_token()
    assert token["children"][0]["children"][0]["name"] == "val"  # type: ignore[index]


def test_the_title_is_the_first_h1_without_tags_or_permalink_with_entities_kept():
    assert page_title(PAGE) == "A &amp; B"
    assert page_title('<h2 id="x">Not a title</h2>') is None


def test_every_id_of_the_page_can_be_linked_to():
    assert anchor_ids(PAGE) == {"a-b", "intro", "results", "val", "panel", "panel-title", "cite"}


def test_heading_ids_are_the_ones_python_markdown_gives():
    assert heading_id("Alpha & Beta | *Stars* [v2]") == "alpha-beta-stars-v2"
    assert heading_id("日本語") == "title"



def test_headings_without_id_get_the_ids_python_markdown_would_give_them():
    page = (
        '<h1 data-curate-id>Papers by year (part 2 of 3)</h1>\n'
        '<h2 id="year-2020">2020</h2>\n'
        '<h3 data-curate-id>CVPR</h3>\n<h3 data-curate-id>CVPR</h3>\n'
        '<h3 data-curate-id data-search-exclude>A &amp; <em>B</em></h3>\n'
        '<h3 data-curate-id>2020</h3>\n'
    )
    def permalink(heading_id: str) -> str:
        return f'<a class="headerlink" href="#{heading_id}" title="Permanent link">&para;</a>'

    assert with_heading_ids(page) == (
        '<h1 id="papers-by-year-part-2-of-3">Papers by year (part 2 of 3)'
        f'{permalink("papers-by-year-part-2-of-3")}</h1>\n'
        '<h2 id="year-2020">2020</h2>\n'
        f'<h3 id="cvpr">CVPR{permalink("cvpr")}</h3>\n'
        f'<h3 id="cvpr_1">CVPR{permalink("cvpr_1")}</h3>\n'
        f'<h3 id="a-b" data-search-exclude>A &amp; <em>B</em>{permalink("a-b")}</h3>\n'
        f'<h3 id="2020">2020{permalink("2020")}</h3>\n'
    )
    assert with_heading_ids("<p>no heading to name</p>") == "<p>no heading to name</p>"


def test_search_reads_a_page_up_to_the_excluded_headings_that_no_searched_heading_follows():
    head = '<h1 id="t">T</h1>\n<p>authors</p>\n<p data-search-exclude>links</p>\n'
    tail = ('<h2 id="results" data-search-exclude>Results</h2>\n<ul><li>r</li></ul>\n'
            '<h2 data-search-exclude id="cite">C</h2>\n')
    assert searched_part(head + tail) == head
    searched_again = '<h2 id="more">More</h2>\n<p>text</p>\n'
    assert searched_part(head + tail + searched_again) is None
    assert searched_part(head) is None
