"""A leaderboard with two metrics (PQ and mIoU on COCO panoptic), built into a real site and
read in Chromium at 390 px and 1366 px: a column per metric and split, sorting by the second
metric ranks by it, the chart's metric choice switches what is plotted; the paper pages, the
README and the export carry every metric, and each row's cited source."""

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
    make_project,
    serve,
)

PANOPTIC_PAPERS = TESTS_DIR / "fixtures" / "panoptic" / "papers"
BOARD_PAGE = "leaderboards/coco-panoptic.html"
README_MARKERS = "# Panoptic\n\n<!-- curate:readme:start -->\n<!-- curate:readme:end -->\n"


@pytest.fixture(scope="module")
def panoptic_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The panoptic fixture: one leaderboard, PQ and mIoU on val and test, five rows."""
    return build_fixture_site(tmp_path_factory, "panoptic", PANOPTIC_PAPERS)


@pytest.fixture(scope="module")
def board_url(panoptic_site: BuiltSite) -> Iterator[str]:
    with serve(panoptic_site.root) as url:
        yield url + BOARD_PAGE


def open_board(browser: Browser, url: str, viewport: dict[str, int]) -> tuple[Page, list[str]]:
    """The leaderboard in a fresh tab, and the script errors it raises."""
    page = browser.new_context(viewport=viewport).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    return page, errors


def ranked(page: Page) -> list[list[str]]:
    """The rows as [rank, method, PQ val, PQ test, mIoU val, mIoU test], in table order."""
    return page.eval_on_selector_all(
        ".curate-board-table tbody tr:not([hidden])",
        "rows => rows.map(row => [0, 1, 2, 3, 4, 5].map(i => row.cells[i].innerText.trim()))")


def chart_marks(page: Page) -> tuple[str | None, list[str]]:
    """The metric of the one visible chart and the tooltips of its marks."""
    charts = page.locator(".curate-chart:not([hidden])")
    assert charts.count() == 1
    chart = charts.first
    return chart.get_attribute("data-metric"), chart.locator(".curate-chart__mark title").all_text_contents()


def test_the_table_has_a_column_per_metric_and_split(panoptic_site: BuiltSite):
    table = panoptic_site.article(BOARD_PAGE).select_one("table.curate-board-table")
    headings = [th.get_text(strip=True) for th in table.select("thead th.curate-value")]
    first_row = [td.get_text(strip=True) for td in table.select("tbody tr")[0].select("td.curate-value")]

    assert headings == ["PQ val", "PQ test", "mIoU val", "mIoU test"]
    assert first_row == ["47.2", "47.9", "69.0", ""]  # Delta reports no mIoU on test
    assert table.caption.get_text() == "PQ (%), mIoU (%) on COCO panoptic: 5 results, ranked by PQ val"


def test_each_cited_source_is_a_cite_in_the_table(panoptic_site: BuiltSite):
    table = panoptic_site.article(BOARD_PAGE).select_one("table.curate-board-table")
    cited = {row.th.get_text(strip=True): [cite.get_text() for cite in row.select("cite")]
             for row in table.select("tbody tr")}

    assert cited == {"Delta": ["Table 1, p. 5"], "Epsilon": [], "Beta": ["Table 3"], "Gamma": [],
                     "Alpha": ["Table 2, p. 6"]}


@VIEWPORTS
def test_sorting_by_the_second_metric_ranks_by_it(browser, board_url, viewport):
    page, errors = open_board(browser, board_url, viewport)
    before = [row[:2] for row in ranked(page)]

    page.locator(".curate-board-table thead th[data-metric='mIoU'][data-split='val']").click()
    after = ranked(page)
    caption = page.locator(".curate-board-table caption").inner_text()
    page.context.close()

    assert before == [["1", "Delta"], ["2", "Epsilon"], ["3", "Beta"], ["4", "Gamma"], ["5", "Alpha"]]
    assert [row[:2] for row in after] == [
        ["1", "Epsilon"], ["2", "Gamma"], ["3", "Alpha"], ["4", "Delta"], ["5", "Beta"]]
    assert [row[4] for row in after] == ["75.1", "73.5", "70.0", "69.0", "66.0"]
    assert caption.endswith("ranked by mIoU val")
    assert errors == []


def test_rows_without_a_value_in_the_sorted_column_go_last_unranked(browser, board_url):
    page, errors = open_board(browser, board_url, DESKTOP)
    page.locator(".curate-board-table thead th[data-metric='mIoU'][data-split='test']").click()
    after = ranked(page)
    page.context.close()

    assert [row[:2] for row in after] == [
        ["1", "Epsilon"], ["2", "Gamma"], ["3", "Alpha"], ["—", "Delta"], ["—", "Beta"]]
    assert errors == []


@VIEWPORTS
def test_the_charts_metric_choice_switches_the_plotted_values(browser, board_url, viewport):
    page, errors = open_board(browser, board_url, viewport)
    metric_before, marks_before = chart_marks(page)

    page.get_by_role("radio", name="mIoU (%)").check()
    metric_after, marks_after = chart_marks(page)
    chart = page.locator(".curate-chart:not([hidden])").first
    legend = chart.locator(".curate-chart__legend li").all_inner_texts()
    axis = chart.locator(".curate-chart__grid text").last.text_content()
    scroller, latest = (chart.locator(".curate-chart__scroll").bounding_box(),
                        chart.locator(".curate-chart__series--0 .curate-chart__mark").last.bounding_box())
    page.context.close()

    assert metric_before == "PQ" and "Delta (ECCV 2020): 47.2 PQ val" in marks_before
    assert metric_after == "mIoU" and "Epsilon (CVPR 2021): 75.1 mIoU val" in marks_after
    assert not any("PQ" in mark for mark in marks_after)
    assert [item.strip() for item in legend[:2]] == ["best mIoU val so far", "best mIoU test so far"]
    assert axis == "mIoU (%)"
    assert scroller and latest and latest["x"] + latest["width"] <= scroller["x"] + scroller["width"]
    assert errors == []


def test_a_paper_page_lists_every_metric_and_the_source(panoptic_site: BuiltSite):
    results = panoptic_site.article("papers/alpha-cvpr2017.html").select_one("#results").find_next("ul")

    assert results.get_text(" ", strip=True).split(" · ") == [
        "COCO panoptic : rank 5 of 5", "PQ val 40.0", "PQ test 41.0", "mIoU val 70.0", "mIoU test 71.0",
        "Table 2, p. 6"]
    assert results.cite.get_text() == "Table 2, p. 6"


def test_the_readme_table_shows_every_metric_and_source(panoptic_site: BuiltSite, curate, tmp_path):
    project = make_project(tmp_path / "project", PANOPTIC_PAPERS)
    (project / "README.md").write_text(README_MARKERS)

    assert curate("-C", project, "readme").exit_code == 0
    lines = (project / "README.md").read_text().splitlines()
    header = next(line for line in lines if line.startswith("| # | Method |"))
    alpha = next(line for line in lines if "[Alpha]" in line or "| Alpha" in line)

    assert header == "| # | Method | PQ val | PQ test | mIoU val | mIoU test | Backbone | Source | Notes |"
    assert alpha.endswith("| 40.0 | 41.0 | 70.0 | 71.0 |  | <cite>Table 2, p. 6</cite> |  |")
    assert ("COCO panoptic · panoptic segmentation · PQ (%) and mIoU (%), higher is better; "
            "best value of each column in bold.") in lines


def test_the_export_carries_the_metrics_and_the_scores(curate, tmp_path):
    project = make_project(tmp_path / "project", PANOPTIC_PAPERS)

    board = json.loads(curate("-C", project, "export").stdout)["leaderboards"][0]

    assert board["metrics"] == [{"name": "PQ", "unit": "%", "higher_is_better": True},
                                {"name": "mIoU", "unit": "%", "higher_is_better": True}]
    delta = next(row for row in board["results"] if row["paper"] == "delta-eccv2020")
    assert (delta["values"], delta["source"]) == (
        {"val": {"PQ": 47.2, "mIoU": 69.0}, "test": {"PQ": 47.9, "mIoU": None}}, "Table 1, p. 5")


def test_screenshots_of_a_two_metric_leaderboard(browser, board_url):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page, _ = open_board(browser, board_url, viewport)
        page.get_by_role("radio", name="mIoU (%)").check()
        page.locator(".curate-leaderboard").scroll_into_view_if_needed()
        path = SCREENSHOTS / f"leaderboard-metrics-{name}.png"
        page.screenshot(path=path, full_page=False)
        page.context.close()
        print(f"screenshot: {path}")
        assert path.read_bytes().startswith(b"\x89PNG")
