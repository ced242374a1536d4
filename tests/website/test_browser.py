"""The built site in headless Chromium: sorting, search, the BibTeX copy button, a screenshot."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.website.conftest import serve

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def method_column(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        ".curate-leaderboard tbody tr", "rows => rows.map(row => row.cells[1].innerText.trim())")


def test_clicking_a_column_header_sorts_the_leaderboard(page, tiny_url):
    page.goto(tiny_url + "leaderboards/voc.html")
    assert method_column(page) == ["Gamma (ours)", "Alpha|A", "Beta"]

    val = page.locator(".curate-leaderboard thead th", has_text="val")
    val.click()  # a higher-is-better score sorts best first
    assert method_column(page) == ["Gamma (ours)", "Alpha|A", "Beta"]
    assert val.get_attribute("aria-sort") == "descending"
    val.click()
    assert method_column(page) == ["Beta", "Alpha|A", "Gamma (ours)"]
    assert val.get_attribute("aria-sort") == "ascending"

    page.locator(".curate-leaderboard thead th", has_text="test").click()
    assert method_column(page) == ["Alpha|A", "Beta", "Gamma (ours)"]  # no value sorts last
    page.locator(".curate-leaderboard thead th", has_text="Method").click()
    assert method_column(page) == ["Alpha|A", "Beta", "Gamma (ours)"]


def test_a_lower_is_better_score_sorts_lowest_first(page, tiny_url):
    page.goto(tiny_url + "leaderboards/errors.html")
    header = page.locator(".curate-leaderboard thead th", has_text="test")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    values = page.eval_on_selector_all(
        ".curate-leaderboard tbody td.curate-value", "cells => cells.map(c => parseFloat(c.innerText))")
    assert values == sorted(values)


@pytest.mark.parametrize(("query", "paper_id", "title"), [
    ("Beta Seeds", "beta-eccv2018", "Beta Seeds for Segmentation"),  # title
    ("Gamma", "gamma-arxiv2021", "Gamma Rays of Attention"),  # short name
])
def test_the_search_box_finds_a_paper(page, tiny_url, query, paper_id, title):
    page.goto(tiny_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)

    # Results follow each keystroke: wait for those of the whole query, not the first ones.
    result = page.locator(".md-search-result__item a").first
    expect(result).to_have_attribute(
        "href", re.compile(rf"^{re.escape(tiny_url)}papers/{re.escape(paper_id)}\.html([?#].*)?$"),
        timeout=10_000)
    expect(result).to_contain_text(title)


def test_paper_page_offers_a_copy_button_for_its_bibtex(page, tiny_url):
    page.goto(tiny_url + "papers/alpha-cvpr2020.html")
    code = page.locator("#cite ~ div.highlight")

    button = code.locator("button[data-md-type=copy], button.md-clipboard")
    button.wait_for(state="attached", timeout=10_000)
    assert button.count() == 1
    assert button.get_attribute("title") == "Copy to clipboard"
    assert code.locator("code").inner_text().startswith("@inproceedings{alpha-cvpr2020,")


def test_screenshot_of_the_leaderboard_page_is_a_png(page, tiny_url, tmp_path):
    page.goto(tiny_url + "leaderboards/voc.html")
    screenshot = tmp_path / "leaderboard.png"

    page.screenshot(path=str(screenshot), full_page=True)

    data = screenshot.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 10_000


@pytest.mark.parametrize("title", [
    "Adaptive Affinity Field for Semantic Segmentation",
    "Learning Pixel-level Semantic Affinity with Image-level Supervision for Weakly Supervised "
    "Semantic Segmentation",
])
def test_searching_a_whole_title_lists_that_paper_first(page, real_site, title):
    with serve(real_site.root) as url:
        page.goto(url)
        page.locator("input.md-search__input").click()
        page.keyboard.type(title)

        result = page.locator(".md-search-result__item a").first
        expect(result).to_contain_text(title, timeout=10_000)
        assert urlsplit(result.get_attribute("href")).path.startswith("/papers/")


def test_the_leaderboard_sorts_from_the_keyboard(page, tiny_url):
    page.goto(tiny_url + "leaderboards/voc.html")
    val = page.locator(".curate-leaderboard thead th", has_text="val")
    for _ in range(100):  # Tab through the page until the 'val' header has the focus.
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "val":
            break

    page.keyboard.press("Enter")
    assert method_column(page) == ["Gamma (ours)", "Alpha|A", "Beta"]
    assert val.get_attribute("aria-sort") == "descending"
    scrolled = page.evaluate("window.scrollY")
    page.keyboard.press(" ")
    assert method_column(page) == ["Beta", "Alpha|A", "Gamma (ours)"]
    assert page.evaluate("window.scrollY") == scrolled  # Space sorts; it does not scroll


def test_the_chart_keeps_its_series_colours_in_the_dark_scheme(browser, tiny_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(tiny_url + "leaderboards/voc.html")

    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    label = page.locator(".curate-chart:not([hidden]) .curate-chart__labels text").first
    fill = label.evaluate("text => getComputedStyle(text).fill")
    stroke = page.locator(".curate-chart:not([hidden]) .curate-chart__series--0 path").evaluate(
        "path => getComputedStyle(path).stroke")
    context.close()

    assert scheme == "slate"
    assert fill == stroke  # the record holder's name is written in its series' colour


def test_on_a_phone_the_chart_labels_stay_readable_and_only_the_chart_scrolls(browser, tiny_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(tiny_url + "leaderboards/voc.html")

    smallest_label = page.eval_on_selector_all(
        ".curate-chart:not([hidden]) svg text",
        "texts => Math.min(...texts.map(t => t.getBoundingClientRect().height))")
    page_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    context.close()

    assert smallest_label >= 10
    assert page_width[0] == page_width[1]
