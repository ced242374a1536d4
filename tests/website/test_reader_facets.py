"""The papers page in Chromium: every facet narrows the list, alone and combined, counts follow,
the address keeps the filters (shareable, Back undoes), no JavaScript shows every paper, the
page works from file://, and the shown papers export as BibTeX."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

from tests.website.test_tiny_site import ALPHA_TITLE

ALL = ["gamma-arxiv2021", "alpha-cvpr2020", "delta-tpami2019", "beta-eccv2018", "epsilon"]
"""Every paper of the tiny list, newest first."""


def shown(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#curate-paperlist li.curate-row:not([hidden])", "rows => rows.map(r => r.dataset.paper)")


def count_of(page: Page, name: str, value: str) -> int:
    option = page.locator(f"#curate-facets input[name='{name}'][value='{value}']")
    return int(option.locator("xpath=..").locator("[data-count]").inner_text())


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def summary(page: Page) -> str:
    return page.locator("#curate-facets-summary").inner_text()


def tick(page: Page, name: str, value: str) -> None:
    page.locator(f"#curate-facets input[name='{name}'][value='{value}']").check()


@pytest.fixture
def papers_page(page, tiny_url):
    page.goto(tiny_url + "papers.html")
    page.locator("#curate-facets").wait_for(state="visible")
    return page


def test_the_papers_page_lists_every_paper_newest_first_with_counts(papers_page):
    assert shown(papers_page) == ALL
    assert summary(papers_page) == "5 of 5 papers match"
    assert count_of(papers_page, "tag", "image-level") == 2
    assert count_of(papers_page, "tag", "box") == 1
    assert count_of(papers_page, "venue", "CVPR") == 1
    assert count_of(papers_page, "code", "1") == 2
    assert count_of(papers_page, "status", "read") == 2
    # Record text is shown as text: the title's markup characters are not interpreted.
    assert papers_page.locator("li[data-paper=alpha-cvpr2020] a.curate-row__title").inner_text() \
        == ALPHA_TITLE


@pytest.mark.parametrize(("name", "value", "expected", "param"), [
    ("tag", "box", ["beta-eccv2018"], {"tag": ["box"]}),
    ("tag", "image-level", ["alpha-cvpr2020", "beta-eccv2018"], {"tag": ["image-level"]}),
    ("venue", "TPAMI", ["delta-tpami2019"], {"venue": ["TPAMI"]}),
    ("code", "1", ["alpha-cvpr2020", "beta-eccv2018"], {"code": ["1"]}),
    ("status", "to-read", ["beta-eccv2018", "epsilon"], {"status": ["to-read"]}),
    ("status", "untracked", ["gamma-arxiv2021"], {"status": ["untracked"]}),
])
def test_each_facet_narrows_the_list_and_is_kept_in_the_address(
        papers_page, name, value, expected, param):
    tick(papers_page, name, value)

    assert shown(papers_page) == expected
    assert summary(papers_page) == f"{len(expected)} of 5 papers match"
    assert query(papers_page) == param


def test_the_year_range_keeps_papers_between_both_years(papers_page):
    papers_page.select_option("#curate-facets-from", "2019")
    papers_page.select_option("#curate-facets-to", "2020")

    assert shown(papers_page) == ["alpha-cvpr2020", "delta-tpami2019"]
    assert query(papers_page) == {"from": ["2019"], "to": ["2020"]}
    assert count_of(papers_page, "venue", "ECCV") == 0  # beta is from 2018


def test_free_text_finds_authors_titles_and_tags(papers_page):
    box = papers_page.locator("#curate-facets-q")
    box.fill("carla")
    assert shown(papers_page) == ["beta-eccv2018"]
    box.fill("bounding")  # the title of the tag 'box'
    assert shown(papers_page) == ["beta-eccv2018"]
    box.fill("journal extension")
    assert shown(papers_page) == ["delta-tpami2019"]
    box.fill("nothing like this")
    assert shown(papers_page) == []
    assert papers_page.locator("#curate-facets-empty").is_visible()
    box.press("Tab")
    assert query(papers_page) == {"q": ["nothing like this"]}


def test_facets_combine_and_counts_follow_the_other_facets(papers_page):
    tick(papers_page, "tag", "image-level")
    tick(papers_page, "code", "1")
    assert shown(papers_page) == ["alpha-cvpr2020", "beta-eccv2018"]
    # Counts say what ticking an option would show, given the other facets.
    assert count_of(papers_page, "status", "read") == 1
    assert count_of(papers_page, "status", "to-read") == 1
    assert count_of(papers_page, "venue", "TPAMI") == 0
    assert count_of(papers_page, "tag", "box") == 1

    tick(papers_page, "status", "read")
    assert shown(papers_page) == ["alpha-cvpr2020"]
    assert query(papers_page) == {"tag": ["image-level"], "code": ["1"], "status": ["read"]}

    # Two tags of one group widen the choice; two statuses too.
    tick(papers_page, "status", "to-read")
    assert shown(papers_page) == ["alpha-cvpr2020", "beta-eccv2018"]


def test_back_undoes_the_last_filter_and_a_shared_address_restores_them(papers_page, tiny_url):
    tick(papers_page, "tag", "image-level")
    tick(papers_page, "venue", "ECCV")
    assert shown(papers_page) == ["beta-eccv2018"]

    papers_page.go_back()
    assert query(papers_page) == {"tag": ["image-level"]}
    assert shown(papers_page) == ["alpha-cvpr2020", "beta-eccv2018"]
    assert not papers_page.locator("input[name=venue][value=ECCV]").is_checked()
    papers_page.go_back()
    assert shown(papers_page) == ALL
    papers_page.go_forward()
    assert shown(papers_page) == ["alpha-cvpr2020", "beta-eccv2018"]

    papers_page.goto(tiny_url + "papers.html?venue=CVPR&venue=arXiv&from=2021")
    assert shown(papers_page) == ["gamma-arxiv2021"]
    assert papers_page.locator("input[name=venue][value=CVPR]").is_checked()
    assert papers_page.locator("#curate-facets-from").input_value() == "2021"


def test_clear_all_filters_shows_every_paper_again(papers_page):
    tick(papers_page, "tag", "box")
    papers_page.get_by_role("button", name="Clear all filters").click()
    papers_page.wait_for_function("document.querySelectorAll('li.curate-row[hidden]').length === 0")
    assert shown(papers_page) == ALL
    assert query(papers_page) == {}


def exported_keys(page: Page, tmp_path) -> list[str]:
    """Click 'Export shown as BibTeX' and return the keys of the entries of the download."""
    with page.expect_download() as download:
        page.get_by_role("button", name="Export shown as BibTeX").click()
    assert download.value.suggested_filename == "papers.bib"
    path = tmp_path / "shown.bib"
    download.value.save_as(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("{")[1].rstrip(",") for line in lines if line.startswith("@")]


def test_the_shown_papers_export_as_bibtex(papers_page, tmp_path):
    tick(papers_page, "code", "1")

    assert exported_keys(papers_page, tmp_path) == ["alpha-cvpr2020", "beta-eccv2018"]


def test_without_javascript_every_paper_is_listed_and_no_dead_filters(browser, tiny_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(tiny_url + "papers.html?tag=box")

    assert page.locator("#curate-paperlist li.curate-row").count() == 5
    assert all(page.locator("#curate-paperlist li.curate-row").nth(i).is_visible() for i in range(5))
    assert not page.locator("#curate-facets").is_visible()
    assert page.locator("#curate-paperlist a", has_text="Beta Seeds").get_attribute("href") \
        == "papers/beta-eccv2018.html"
    context.close()


def test_the_facets_work_from_disk(page, tiny_site):
    page.goto((tiny_site.root / "papers.html").as_uri() + "?code=1")
    page.locator("#curate-facets").wait_for(state="visible")
    assert shown(page) == ["alpha-cvpr2020", "beta-eccv2018"]

    tick(page, "venue", "ECCV")
    assert shown(page) == ["beta-eccv2018"]
    assert summary(page) == "1 of 5 papers match"
    assert query(page) == {"venue": ["ECCV"], "code": ["1"]}
    page.go_back()
    assert shown(page) == ["alpha-cvpr2020", "beta-eccv2018"]
    page.go_forward()
    page.locator("#curate-paperlist a", has_text="Beta Seeds").click()
    assert page.url.endswith("/papers/beta-eccv2018.html")


@pytest.mark.parametrize(("address", "folded"), [("papers.html", True), ("papers.html?tag=box", False)])
def test_on_a_phone_the_filters_fold_unless_the_address_sets_some(browser, tiny_url, address, folded):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(tiny_url + address)
    page.locator("#curate-facets").wait_for(state="visible")

    assert page.locator("details.curate-facets__more").evaluate("d => !d.open") == folded
    assert page.locator("#curate-facets-q").is_visible()  # the search box is always there
    context.close()
