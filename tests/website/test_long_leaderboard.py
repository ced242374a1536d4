"""A leaderboard longer than `site.leaderboard_page_rows`, read in Chromium: its page holds the
top rows and the all-rows chart; the other rows and the charts of other filter settings load
once the reader nears the end of the table, sorts, filters or clicks "Show all", and then sort,
rank and filter exactly as on a page that holds them all. A chart of more results than
`site.leaderboard_chart_marks` draws the results that set no record as plain dots."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.views import paths
from tests.website.conftest import DESKTOP, PHONE, VIEWPORTS, BuiltSite, build_site, make_project, serve
from tests.website.test_leaderboard_metrics_page import BOARD_PAGE as PANOPTIC_PAGE
from tests.website.test_leaderboard_metrics_page import PANOPTIC_PAPERS
from tests.website.test_leaderboard_page import BOARDS_PAPERS, rows, visible_chart

LONG_BOARD_SETTINGS = "site:\n  leaderboard_page_rows: 3\n  leaderboard_chart_marks: 4\n"
"""The boards fixture's 10 rows are then a long leaderboard: 3 in the page, 7 on demand, and
each chart (up to 20 results) draws only its records as marks."""
BOARD_PAGE = "leaderboards/voc.html"
ROWS_SCRIPT = paths.leaderboard_rows_script("voc")
EVERY_ROW_BY_TEST = [
    ["1", "Graph", "64.5", "65.6"], ["2", "SSDD", "64.9", "65.5"], ["3", "FickleNet", "64.9", "65.3"],
    ["4", "PSA", "61.7", "63.7"], ["5", "DSRG", "61.4", "63.2"], ["6", "WebS-i2", "63.0", "63.1"],
    ["7", "DCSP", "58.6", "59.2"], ["8", "AE-PSL", "55.0", "55.7"], ["9", "SEC", "50.7", "51.7"],
    ["10", "STC-long-name", "49.8", "51.2"]]
"""Every row of the fixture sorted by test, best first, as a page holding them all shows it."""


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    base = tmp_path_factory.mktemp("long-board")
    project = make_project(base / "project", BOARDS_PAPERS, LONG_BOARD_SETTINGS)
    return build_site(project, base / "public")


@pytest.fixture(scope="module")
def long_url(long_site: BuiltSite) -> Iterator[str]:
    with serve(long_site.root) as url:
        yield url


def open_board(browser: Browser, base: str, viewport: dict[str, int]) -> tuple[Page, list[str], list[str]]:
    """The leaderboard in a fresh tab, the script errors it raises and the rows scripts it loads."""
    page = browser.new_context(viewport=viewport).new_page()
    errors: list[str] = []
    loaded: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfinished", lambda request: loaded.append(request.url)
            if request.url.endswith(ROWS_SCRIPT) else None)
    page.goto(base + BOARD_PAGE)
    return page, errors, loaded


def every_row_loaded(page: Page) -> None:
    expect(page.locator(".curate-board-table tbody tr")).to_have_count(10)


def test_the_page_holds_the_top_rows_and_the_script_holds_the_others_once(long_site: BuiltSite):
    article = long_site.article(BOARD_PAGE)
    in_page = [row["data-row"] for row in article.select(".curate-board-table tbody tr")]
    script = (long_site.root / ROWS_SCRIPT).read_text(encoding="utf-8")
    on_demand = re.findall(r'data-row=\\"([^\\"]+)\\"', script)
    every_row = {f"{result.paper.id}-{result.index}" for result in long_site.database.rows_of("voc")}

    assert in_page == ["ssdd-arxiv2019-0", "ficklenet-cvpr2019-0", "graph-eccv2018-0"]
    assert len(on_demand) == 7 and set(in_page + on_demand) == every_row
    assert article.select_one(".curate-board-more").get_text(" ", strip=True) == (
        "The table lists the top 3 of 10 results by val; the others load with JavaScript."
        " Show all 10 results")
    # Only the chart a page opened afresh shows; the filters' other charts come with the rows.
    assert [chart["data-variants"] for chart in article.select(".curate-chart")] == ["*|with"]
    assert "|without" in script and "data-variants=\\\"web|" in script


def test_without_scrolling_near_the_end_nothing_more_loads(browser, long_url):
    page, errors, loaded = open_board(browser, long_url, {"width": 1366, "height": 400})
    page.wait_for_load_state("networkidle")
    shown_before = len(rows(page))

    page.locator(".curate-board-table tbody tr").last.scroll_into_view_if_needed()
    every_row_loaded(page)
    more_shown = page.locator(".curate-board-more").is_visible()
    page.context.close()

    assert shown_before == 3
    assert len(loaded) == 1 and not more_shown
    assert errors == []


def test_show_all_lists_every_row_in_rank_order(browser, long_url):
    page, errors, loaded = open_board(browser, long_url, {"width": 1366, "height": 400})
    page.wait_for_load_state("networkidle")
    shown_before, loaded_before = len(rows(page)), len(loaded)
    # A click as the keyboard gives it: scrolling to the button would load the rows by itself.
    page.get_by_role("button", name="Show all 10 results").evaluate("button => button.click()")
    every_row_loaded(page)
    shown = rows(page)
    page.context.close()

    assert (shown_before, loaded_before, len(loaded)) == (3, 0, 1)
    assert [row[1] for row in shown] == [
        "SSDD", "FickleNet", "Graph", "WebS-i2", "PSA", "DSRG", "DCSP", "AE-PSL", "SEC", "STC-long-name"]
    assert [row[0] for row in shown] == ["1", "1", "3", "4", "5", "6", "7", "8", "9", "10"]
    assert errors == []


@VIEWPORTS
def test_sorting_sorts_and_ranks_every_row_not_only_those_in_the_page(browser, long_url, viewport):
    page, errors, loaded = open_board(browser, long_url, viewport)
    page.locator(".curate-board-table thead th", has_text="test").click()
    every_row_loaded(page)
    expect(page.locator(".curate-board-table tbody tr").last.locator("th")).to_have_text("STC-long-name")
    by_test = rows(page)
    page.locator(".curate-board-table thead th", has_text="test").click()  # reverse
    reversed_rows = rows(page)
    caption = page.locator(".curate-board-table caption").inner_text()
    page.context.close()

    assert by_test == EVERY_ROW_BY_TEST
    assert [row[1] for row in reversed_rows] == [row[1] for row in EVERY_ROW_BY_TEST][::-1]
    assert [row[0] for row in reversed_rows] == [str(rank) for rank in range(10, 0, -1)]
    assert caption.endswith("ranked by test")
    assert len(loaded) == 1 and errors == []


def test_excluding_extra_data_filters_every_row_and_switches_the_chart(browser, long_url):
    page, errors, _ = open_board(browser, long_url, DESKTOP)
    page.get_by_label("include results with extra training data").uncheck()
    count = page.locator(".curate-board-filters__count")
    expect(count).to_have_text("Showing 8 of 10 results.")
    shown = rows(page)
    chart = visible_chart(page)
    variants, labels = chart.get_attribute("data-variants"), chart.locator(
        ".curate-chart__labels text").all_text_contents()
    page.context.close()

    methods = [row[1] for row in shown]
    assert len(methods) == 8 and "Graph" not in methods and "STC-long-name" not in methods
    assert "WebS-i2" in methods and "AE-PSL" in methods  # rows the page did not hold at first
    assert [row[0] for row in shown] == ["1", "1", "3", "4", "5", "6", "7", "8"]
    assert "*|without" in (variants or "") and "Graph" not in labels
    assert errors == []


def test_choosing_a_supervision_finds_rows_beyond_the_first_ones(browser, long_url):
    page, errors, _ = open_board(browser, long_url, PHONE)
    page.get_by_label("Web data (2)").check()
    expect(page.locator(".curate-board-filters__count")).to_have_text("Showing 2 of 10 results.")
    shown = rows(page)
    variants = visible_chart(page).get_attribute("data-variants") or ""
    page.context.close()

    assert [row[:2] for row in shown] == [["1", "WebS-i2"], ["2", "STC-long-name"]]
    assert variants.split(" ")[0].startswith("web|")
    assert errors == []


def test_a_failed_load_says_so_and_the_reader_can_try_again(browser, long_url):
    page = browser.new_context(viewport={"width": 1366, "height": 400}).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/" + ROWS_SCRIPT, lambda route: route.abort())  # the network fails once
    page.goto(long_url + BOARD_PAGE)
    page.get_by_label("include results with extra training data").uncheck()
    count = page.locator(".curate-board-filters__count")
    expect(count).to_have_text("Could not load every result: the filters are not applied.")
    button = page.locator(".curate-board-more button")
    expect(button).to_have_text("Loading failed: try again")

    page.unroute("**/" + ROWS_SCRIPT)
    button.evaluate("button => button.click()")
    every_row_loaded(page)
    page.get_by_label("include results with extra training data").check()
    expect(count).to_have_text("Showing 10 of 10 results.")
    page.context.close()

    assert errors == []


def dots_of(path: str) -> list[tuple[float, float]]:
    """The (x, y) of each zero-length stroke 'Mx,yh0' of a light layer's path."""
    return [(float(x), float(y)) for x, y in re.findall(r"M([-\d.]+),([-\d.]+)h0", path)]


def test_a_chart_of_many_results_draws_records_as_marks_and_the_rest_as_dots(long_site: BuiltSite):
    chart = long_site.article(BOARD_PAGE).select_one(".curate-chart")
    marks = chart.select(".curate-chart__mark")
    tooltips = [mark.title.get_text() for mark in marks]
    dots = [dot for path in chart.select(".curate-chart__others path") for dot in dots_of(path["d"])]
    legend = [item.get_text(" ", strip=True) for item in chart.select(".curate-chart__legend li")]

    assert all(mark["fill"] != "#ffffff" for mark in marks)  # every mark is a record
    assert "SSDD (arXiv 2019): 64.9 val" in tooltips
    assert "Graph (ECCV 2018): 65.6 test (extra training data)" in tooltips
    assert len(marks) + len(dots) == 20  # each of the 10 rows on both splits
    assert legend == ["best val so far", "best test so far", "new record", "other result",
                      "used extra training data"]


@VIEWPORTS
def test_no_label_overlaps_a_dot_of_the_light_layer(browser, long_url, viewport):
    page, errors, _ = open_board(browser, long_url, viewport)
    found = page.evaluate("""() => {
      const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const found = [];
      for (const figure of document.querySelectorAll('.curate-chart')) {
        const svg = figure.querySelector('svg');
        const matrix = svg.getScreenCTM();
        const dots = [];
        for (const layer of figure.querySelectorAll('.curate-chart__others')) {
          const width = parseFloat(layer.querySelector('g').getAttribute('stroke-width')) * matrix.a;
          const d = layer.querySelector('path').getAttribute('d');
          for (const [, x, y] of d.matchAll(/M([-\\d.]+),([-\\d.]+)h0/g)) {
            const point = new DOMPoint(parseFloat(x), parseFloat(y)).matrixTransform(matrix);
            dots.push({left: point.x - width / 2, right: point.x + width / 2,
                       top: point.y - width / 2, bottom: point.y + width / 2});
          }
        }
        for (const label of figure.querySelectorAll('.curate-chart__labels text')) {
          const box = label.getBoundingClientRect();
          dots.forEach(dot => { if (hit(box, dot)) found.push(label.textContent); });
        }
      }
      return [found, document.querySelectorAll('.curate-chart__others path').length];
    }""")
    page.context.close()

    overlapping, layers = found
    assert layers >= 2  # both splits have results drawn as dots
    assert overlapping == []
    assert errors == []


def test_the_latest_record_of_a_light_chart_is_in_view_on_a_phone(browser, long_url):
    page, errors, _ = open_board(browser, long_url, PHONE)
    chart = visible_chart(page)
    scroller = chart.locator(".curate-chart__scroll").bounding_box()
    latest = chart.locator(".curate-chart__series--0 .curate-chart__mark").last.bounding_box()
    page.context.close()

    assert scroller and latest
    assert scroller["x"] <= latest["x"] and latest["x"] + latest["width"] <= scroller["x"] + scroller["width"]
    assert errors == []


@pytest.fixture(scope="module")
def long_panoptic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The panoptic fixture (PQ and mIoU, five rows) with two rows in the page."""
    base = tmp_path_factory.mktemp("long-panoptic")
    project = make_project(base / "project", PANOPTIC_PAPERS, "site:\n  leaderboard_page_rows: 2\n")
    with serve(build_site(project, base / "public").root) as url:
        yield url + PANOPTIC_PAGE


def test_the_chart_of_another_metric_comes_with_the_rows(browser, long_panoptic_url):
    page = browser.new_context(viewport=PHONE).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(long_panoptic_url)
    charts_before = page.locator(".curate-chart").count()

    page.get_by_role("radio", name="mIoU (%)").check()
    chart = page.locator(".curate-chart:not([hidden])")
    expect(chart).to_have_attribute("data-metric", "mIoU")
    tooltips = chart.locator(".curate-chart__mark title").all_text_contents()
    page.locator(".curate-board-table thead th[data-metric='mIoU'][data-split='val']").click()
    ranked = [row[:2] for row in rows(page)]
    page.context.close()

    assert charts_before == 1
    assert "Epsilon (CVPR 2021): 75.1 mIoU val" in tooltips and not any("PQ" in tip for tip in tooltips)
    assert ranked == [["1", "Epsilon"], ["2", "Gamma"], ["3", "Alpha"], ["4", "Delta"], ["5", "Beta"]]
    assert errors == []
