"""Pages stay light however long the list: with `site:` bounds in list.yaml (here two rows and
two entries a part, `PAGED_SETTINGS`), the papers page lists its newest rows and loads the others
on demand, and every other list goes on in parts linked by a pager, built by
`mkdocs build --strict` and read in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.website.test_reader_facets import ALL, count_of, exported_keys, shown, summary, tick
from tests.website.test_tiny_site import heading_text, texts


@pytest.fixture
def papers_page(page: Page, paged_url: str) -> Page:
    page.goto(paged_url + "papers.html")
    page.locator("#curate-facets").wait_for(state="visible")
    return page


def test_without_javascript_the_first_rows_are_listed_with_a_link_to_the_year_pages(browser, paged_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(paged_url + "papers.html")

    rows = page.locator("#curate-paperlist li.curate-row")
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.paper)") == ALL[:2]
    more = page.locator("#curate-paperlist-more")
    assert more.inner_text() \
        == "This page lists the newest 2 of 5 papers. Every paper is also listed by year."
    more.get_by_role("link", name="by year").click()
    assert page.url == paged_url + "years.html"
    context.close()


def test_more_rows_appear_on_demand_until_every_paper_is_listed(papers_page):
    assert shown(papers_page) == ALL[:2]
    assert papers_page.locator("#curate-paperlist-more").inner_text().startswith("Showing 2 of 5 papers.")

    papers_page.get_by_role("button", name="Show more").click()
    expect(papers_page.locator("#curate-paperlist li.curate-row:not([hidden])")).to_have_count(4)
    assert shown(papers_page) == ALL[:4]
    papers_page.get_by_role("button", name="Show more").click()
    expect(papers_page.locator("#curate-paperlist li.curate-row:not([hidden])")).to_have_count(5)
    assert shown(papers_page) == ALL
    assert papers_page.locator("#curate-paperlist-more").is_hidden()


def test_facet_counts_cover_every_paper_not_only_the_listed_rows(papers_page):
    assert summary(papers_page) == "5 of 5 papers match"
    assert count_of(papers_page, "tag", "box") == 1  # beta, not among the two listed rows
    assert count_of(papers_page, "venue", "ECCV") == 1
    assert count_of(papers_page, "status", "to-read") == 2
    assert count_of(papers_page, "code", "1") == 2


def test_a_filter_finds_papers_beyond_the_listed_rows(papers_page):
    tick(papers_page, "tag", "box")
    expect(papers_page.locator("#curate-paperlist li.curate-row:not([hidden])")).to_have_count(1)

    assert shown(papers_page) == ["beta-eccv2018"]
    assert summary(papers_page) == "1 of 5 papers match"
    row = papers_page.locator("li[data-paper=beta-eccv2018]")
    assert row.locator("a.curate-row__title").get_attribute("href") == "papers/beta-eccv2018.html"
    assert row.locator(".curate-row__authors").inner_text() == "Carla Coder"
    assert row.locator("input.curate-mine__box").count() == 1  # the reader's own tick, as on listed rows
    # Counts follow the filter over every paper.
    assert count_of(papers_page, "venue", "ECCV") == 1
    assert count_of(papers_page, "venue", "CVPR") == 0


def test_a_shared_address_with_filters_and_free_text_search_every_paper(papers_page, paged_url):
    papers_page.goto(paged_url + "papers.html?venue=TPAMI")
    expect(papers_page.locator("#curate-paperlist li.curate-row:not([hidden])")).to_have_count(1)
    assert shown(papers_page) == ["delta-tpami2019"]

    papers_page.goto(paged_url + "papers.html")
    papers_page.locator("#curate-facets-q").fill("epsilon")
    expect(papers_page.locator("#curate-paperlist li.curate-row:not([hidden])")).to_have_count(1)
    assert shown(papers_page) == ["epsilon"]


def test_rows_load_on_demand_from_disk_too(page: Page, paged_site):
    page.goto((paged_site.root / "papers.html").as_uri() + "?status=to-read")
    page.locator("#curate-facets").wait_for(state="visible")
    expect(page.locator("#curate-paperlist li.curate-row:not([hidden])")).to_have_count(2)

    assert shown(page) == ["beta-eccv2018", "epsilon"]


def test_the_matching_papers_export_as_bibtex_beyond_the_listed_rows(papers_page, tmp_path):
    tick(papers_page, "status", "to-read")

    assert exported_keys(papers_page, tmp_path) == ["beta-eccv2018", "epsilon"]


def test_a_pager_link_leads_to_part_2_of_a_list(page: Page, paged_url):
    page.goto(paged_url + "years.html")
    page.locator("article").get_by_role("link", name="Next part →").first.click()

    assert page.url == paged_url + "years/part-2.html"
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == "Papers by year (part 2 of 3)"
    assert page.locator("article a", has_text="Delta Journal Extension").count() == 1


def test_a_year_s_jump_link_leads_to_the_part_that_holds_it(page: Page, paged_url):
    page.goto(paged_url + "years.html")
    page.locator("article").get_by_role("link", name="2018", exact=True).click()

    assert page.url == paged_url + "years/part-2.html#year-2018"
    expect(page.locator("#year-2018")).to_be_in_viewport()


@pytest.mark.parametrize(("first", "parts"), [
    ("years.html", ["years/part-2.html", "years/part-3.html"]),
    ("venues.html", ["venues/part-2.html", "venues/part-3.html"]),
    ("checklist.html", ["checklist/part-2.html", "checklist/part-3.html"]),
    ("topics.html", ["topics/part-2.html"]),
    ("topics/cams.html", ["topics/cams/part-2.html"]),
    ("authors.html", ["authors/part-2.html", "authors/part-3.html"]),
])
def test_each_long_list_links_every_part_from_its_first(paged_site, first, parts):
    article = paged_site.article(first)
    pager = article.find("strong", string="Part 1 of " + str(len(parts) + 1)).parent
    folder = first.rsplit("/", 1)[0] + "/" if "/" in first else ""

    assert [folder + a["href"] for a in pager.find_all("a") if a.get_text() != "Next part →"] == parts
    for part in parts:
        assert (paged_site.root / part).is_file()


def test_no_entry_is_lost_or_repeated_across_the_parts(paged_site):
    years = ("years.html", "years/part-2.html", "years/part-3.html")
    papers = [a["href"].rsplit("/", 1)[-1] for page in years
              for a in paged_site.article(page).select("li > a:first-child")]
    assert sorted(papers) == sorted(f"{paper}.html" for paper in ALL)

    authors = [text for page in ("authors.html", "authors/part-2.html", "authors/part-3.html")
               for text in texts(paged_site.article(page).select("li"))]
    assert authors == [
        'Ann "<" Author · 1', "Bob & Builder · 1", "Carla Coder · 1", "Dan Dev · 1", "Eve Editor · 1"]
    assert heading_text(paged_site.article("checklist/part-2.html").h1) == "Reading checklist (part 2 of 3)"
