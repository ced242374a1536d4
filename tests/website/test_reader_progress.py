"""A reader's own progress in Chromium: ticks kept in this browser across reloads and pages,
shown beside the curators' status, 'hide read', export as JSON or BibTeX, import."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

ALPHA = "alpha-cvpr2020"
BETA = "beta-eccv2018"


def mine(page: Page, paper_id: str):
    return page.locator(f"input.curate-mine__box[data-paper='{paper_id}']")


@pytest.fixture
def checklist(page, tiny_url):
    page.goto(tiny_url + "checklist.html")
    mine(page, BETA).wait_for(state="attached")
    return page


def test_every_checklist_entry_has_a_labelled_checkbox_beside_the_curators_status(checklist):
    boxes = checklist.locator("input.curate-mine__box")
    assert boxes.count() == 5  # alpha is listed under two topics
    expect(checklist.get_by_role("checkbox", name="I have read Beta Seeds for Segmentation")) \
        .not_to_be_checked()
    entry = checklist.locator("li", has=mine(checklist, BETA))
    assert entry.locator(".curate-status").inner_text() == "to read"
    expect(checklist.get_by_role("progressbar", name="My reading progress")).to_be_visible()
    expect(checklist.get_by_role("progressbar", name="The curators' reading progress")) \
        .to_have_attribute("aria-valuenow", "2")


def test_a_ticked_paper_stays_ticked_after_a_reload_and_on_its_own_page(checklist, tiny_url):
    mine(checklist, BETA).check()
    bar = checklist.get_by_role("progressbar", name="My reading progress")
    expect(bar).to_have_attribute("aria-valuenow", "1")
    assert checklist.locator("[data-curate-mine-count]").inner_text() == "1"

    checklist.reload()
    expect(mine(checklist, BETA)).to_be_checked()
    expect(mine(checklist, ALPHA).first).not_to_be_checked()

    checklist.goto(tiny_url + "papers/beta-eccv2018.html")
    own = checklist.get_by_role("checkbox", name="I have read this paper")
    expect(own).to_be_checked()
    own.uncheck()
    checklist.goto(tiny_url + "checklist.html")
    expect(mine(checklist, BETA)).not_to_be_checked()


def test_ticking_alpha_once_ticks_it_under_both_its_topics(checklist):
    mine(checklist, ALPHA).first.check()
    expect(mine(checklist, ALPHA).nth(1)).to_be_checked()
    assert checklist.locator("[data-curate-mine-count]").inner_text() == "1"  # of 4 papers


def test_hide_read_hides_the_papers_i_have_read(checklist):
    mine(checklist, BETA).check()
    checklist.get_by_label("Hide papers I have read").check()

    expect(checklist.locator("li", has=mine(checklist, BETA))).to_be_hidden()
    expect(checklist.locator("li", has=mine(checklist, "delta-tpami2019"))).to_be_visible()
    checklist.get_by_label("Hide papers I have read").uncheck()
    expect(checklist.locator("li", has=mine(checklist, BETA))).to_be_visible()


def test_my_list_exports_as_json_and_bibtex(checklist, tmp_path):
    mine(checklist, BETA).check()
    mine(checklist, "epsilon").check()

    with checklist.expect_download() as download:
        checklist.get_by_role("button", name="Export my list (JSON)").click()
    download.value.save_as(tmp_path / "mine.json")
    exported = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert [(item["id"], item["title"]) for item in exported["read"]] == [
        (BETA, "Beta Seeds for Segmentation"), ("epsilon", "Epsilon Without a Venue")]
    assert all(len(item["read_on"]) == 10 for item in exported["read"])

    with checklist.expect_download() as download:
        checklist.get_by_role("button", name="Export my list (BibTeX)").click()
    download.value.save_as(tmp_path / "mine.bib")
    bibtex = (tmp_path / "mine.bib").read_text(encoding="utf-8")
    assert [line for line in bibtex.splitlines() if line.startswith("@")] == [
        "@inproceedings{beta-eccv2018,", "@misc{epsilon,"]


def test_an_exported_list_imports_into_a_fresh_browser(browser, tiny_url, tmp_path):
    exported = tmp_path / "mine.json"
    exported.write_text(json.dumps({"version": 1, "read": [
        {"id": BETA, "read_on": "2024-01-02"}, {"id": "delta-tpami2019"},
        {"id": "<img src=x onerror=alert(1)>"}, 42]}), encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(tiny_url + "checklist.html")
    mine(page, BETA).wait_for(state="attached")

    page.get_by_label("Import my list").set_input_files(str(exported))

    expect(page.locator("[data-curate-message]")).to_have_text("Imported 2 papers (2 new).")
    expect(mine(page, BETA)).to_be_checked()
    expect(mine(page, "delta-tpami2019")).to_be_checked()
    assert page.locator("img").count() == 0
    context.close()


def test_a_file_that_is_not_a_reading_list_is_refused_with_a_message(checklist, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")

    checklist.get_by_label("Import my list").set_input_files(str(broken))

    expect(checklist.locator("[data-curate-message]")).to_have_text(
        "That file is not a reading list exported from this site.")
    assert checklist.locator("input.curate-mine__box:checked").count() == 0


def test_my_reading_filters_the_papers_page(page, tiny_url):
    page.goto(tiny_url + "papers/beta-eccv2018.html")
    page.get_by_role("checkbox", name="I have read this paper").check()
    page.goto(tiny_url + "papers.html?mine=read")

    page.locator("#curate-facets").wait_for(state="visible")
    assert page.eval_on_selector_all(
        "li.curate-row:not([hidden])", "rows => rows.map(r => r.dataset.paper)") == [BETA]
    expect(mine(page, BETA)).to_be_checked()
    mine(page, BETA).uncheck()  # unticking updates the list at once
    assert page.locator("li.curate-row:not([hidden])").count() == 0


def test_ticks_are_kept_from_disk_too(page, tiny_site):
    page.goto((tiny_site.root / "checklist.html").as_uri())
    mine(page, BETA).wait_for(state="attached")
    mine(page, BETA).check()
    page.reload()
    expect(mine(page, BETA)).to_be_checked()
