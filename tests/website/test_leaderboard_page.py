"""A leaderboard page as a researcher reads it, on a 390 px phone and a 1366 px desktop: the
scores in view, a chart that shows the latest record, filters for supervision and extra
data that change table and chart together, rank by the sorted split, labels that never
overlap, and no chart text in the search index."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import TESTS_DIR
from tests.website.conftest import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    VIEWPORTS,
    BuiltSite,
    build_fixture_site,
    serve,
)

BOARDS_PAPERS = TESTS_DIR / "fixtures" / "boards" / "papers"


@pytest.fixture(scope="module")
def boards_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The boards fixture: one leaderboard of 10 rows, 2 web-supervised, 2 with extra data."""
    return build_fixture_site(tmp_path_factory, "boards", BOARDS_PAPERS)


@pytest.fixture(scope="module")
def boards_url(boards_site: BuiltSite) -> Iterator[str]:
    with serve(boards_site.root) as url:
        yield url + "leaderboards/voc.html"


def open_board(browser: Browser, url: str, viewport: dict[str, int]) -> Page:
    page = browser.new_context(viewport=viewport).new_page()
    page.goto(url)
    return page


def rows(page: Page) -> list[list[str]]:
    """The visible rows as [rank, method, val, test]."""
    return page.eval_on_selector_all(
        ".curate-board-table tbody tr:not([hidden])",
        "rows => rows.map(row => [0, 1, 2, 3].map(i => row.cells[i].innerText.trim()))")


def visible_chart(page: Page):
    charts = page.locator(".curate-chart:not([hidden])")
    assert charts.count() == 1
    return charts.first


def box(locator) -> dict[str, float]:
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); "
                            "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }")


def test_on_a_phone_a_score_is_on_the_first_screen_of_the_table(browser, boards_url):
    page = open_board(browser, boards_url, PHONE)
    page.locator(".curate-board-table").scroll_into_view_if_needed()
    first_score = box(page.locator(".curate-board-table tbody tr").first.locator("td.curate-value").first)
    page.context.close()

    assert first_score["left"] >= 0 and first_score["right"] <= PHONE["width"]
    assert first_score["top"] >= 0 and first_score["bottom"] <= PHONE["height"]


def test_on_a_phone_the_header_and_method_column_stay_while_the_table_scrolls(browser, boards_url):
    page = open_board(browser, boards_url, PHONE)
    scroller = page.locator(".curate-leaderboard")
    scroller.scroll_into_view_if_needed()
    method_before = box(page.locator(".curate-board-table tbody th.curate-method").first)
    scroller.evaluate("box => { box.scrollTop = 120; box.scrollLeft = 400; }")
    scrolled = scroller.evaluate("box => [box.scrollTop, box.scrollLeft]")
    header_after = box(page.locator(".curate-board-table thead th").first)
    method_after = box(page.locator(".curate-board-table tbody th.curate-method").first)
    frame = box(scroller)
    page.context.close()

    assert scrolled[0] > 0 and scrolled[1] > 0  # the table really scrolls both ways on a phone
    assert abs(header_after["top"] - frame["top"]) <= 1  # the header row sticks to the top
    assert method_after["left"] == method_before["left"]


@VIEWPORTS
def test_the_charts_latest_record_is_in_view(browser, boards_url, viewport):
    page = open_board(browser, boards_url, viewport)
    chart = visible_chart(page)
    scroller = box(chart.locator(".curate-chart__scroll"))
    latest = chart.locator(".curate-chart__series--0 .curate-chart__mark[fill]:not([fill='#ffffff'])").last
    record = box(latest)
    cue = chart.evaluate("figure => figure.classList.contains('curate-chart--scrolls')")
    page.context.close()

    assert scroller["left"] <= record["left"] and record["right"] <= scroller["right"]
    assert cue == (viewport is PHONE)  # on the phone the chart says earlier years lie left


@VIEWPORTS
def test_no_chart_label_overlaps_another_label_or_a_mark(browser, boards_url, viewport):
    page = open_board(browser, boards_url, viewport)
    overlaps = page.evaluate("""() => {
      const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const found = [];
      for (const figure of document.querySelectorAll('.curate-chart')) {
        figure.hidden = false;
        const labels = [...figure.querySelectorAll('.curate-chart__labels text')];
        const marks = [...figure.querySelectorAll('.curate-chart__mark')];
        labels.forEach((label, i) => {
          const r = label.getBoundingClientRect();
          labels.slice(i + 1).forEach(other => {
            if (hit(r, other.getBoundingClientRect())) found.push([label.textContent, other.textContent]);
          });
          marks.forEach(mark => {
            if (hit(r, mark.getBoundingClientRect())) found.push([label.textContent, mark.textContent]);
          });
        });
      }
      return [found, document.querySelectorAll('.curate-chart__labels text').length];
    }""")
    page.context.close()

    found, labels = overlaps
    assert labels >= 10  # both splits' record holders are named, in every variant
    assert found == []


def test_sorting_by_a_split_ranks_by_it_best_first(browser, boards_url):
    page = open_board(browser, boards_url, DESKTOP)
    assert [row[:2] for row in rows(page)][:3] == [["1", "SSDD"], ["1", "FickleNet"], ["3", "Graph"]]

    page.locator(".curate-board-table thead th", has_text="test").click()
    ranked = rows(page)
    caption = page.locator(".curate-board-table caption").inner_text()
    page.context.close()

    assert [row[:2] for row in ranked][:3] == [["1", "Graph"], ["2", "SSDD"], ["3", "FickleNet"]]
    assert [float(row[3]) for row in ranked] == sorted((float(row[3]) for row in ranked), reverse=True)
    assert caption.endswith("ranked by test")


def test_excluding_extra_data_changes_the_table_and_the_chart(browser, boards_url):
    page = open_board(browser, boards_url, DESKTOP)
    chart_before = visible_chart(page).get_attribute("data-variants")
    labels_before = visible_chart(page).locator(".curate-chart__labels text").all_text_contents()

    page.get_by_label("include results with extra training data").uncheck()
    shown = rows(page)
    chart_after = visible_chart(page).get_attribute("data-variants")
    labels_after = visible_chart(page).locator(".curate-chart__labels text").all_text_contents()
    count = page.locator(".curate-board-filters__count").inner_text()
    page.context.close()

    methods = [row[1] for row in shown]
    assert "Graph" not in methods and "STC-long-name" not in methods
    assert [row[0] for row in shown][:3] == ["1", "1", "3"]  # ranks close up over hidden rows
    assert count == "Showing 8 of 10 results."
    assert "*|with" in chart_before and "*|without" in chart_after
    assert "Graph" in labels_before and "Graph" not in labels_after  # no longer a record


def test_choosing_a_supervision_keeps_only_its_rows(browser, boards_url):
    page = open_board(browser, boards_url, DESKTOP)
    page.get_by_label("Web data (2)").check()
    methods = [row[1] for row in rows(page)]
    chart = visible_chart(page).get_attribute("data-variants")
    page.context.close()

    assert sorted(methods) == ["STC-long-name", "WebS-i2"]
    assert chart.split(" ")[0].startswith("web|")


def test_the_legend_names_every_kind_of_mark(boards_site: BuiltSite):
    figure = boards_site.article("leaderboards/voc.html").select_one(".curate-chart:not([hidden])")
    legend = [item.get_text(" ", strip=True) for item in figure.select(".curate-chart__legend li")]
    assert legend == ["best val so far", "best test so far", "new record", "other result",
                      "used extra training data"]


def test_chart_text_stays_out_of_the_search_index(boards_site: BuiltSite):
    index = json.loads((boards_site.root / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("leaderboards/voc"))
    assert "FickleNet" in text  # the table is searchable
    assert "so far" not in text and "State of the art on" not in text and "2016 2017" not in text


def test_screenshots_of_the_leaderboard_on_a_phone_and_a_desktop(browser, boards_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = open_board(browser, boards_url, viewport)
        path = SCREENSHOTS / f"leaderboard-{name}.png"
        page.locator(".curate-chart:not([hidden])").scroll_into_view_if_needed()
        page.screenshot(path=path, full_page=False)
        page.context.close()
        print(f"screenshot: {path}")
        assert path.read_bytes().startswith(b"\x89PNG")
