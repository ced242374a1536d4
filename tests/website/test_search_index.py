"""The search index holds what a reader searches for, and only the reader who searches loads it.

Paper pages contribute their title, short name, venue, year, authors and tags; list pages that
only repeat paper titles (years, venues, topics, checklist, tags) contribute nothing; the parts
of a paper page that are not looked up (links, notes, results, BibTeX) stay out.
"""

from __future__ import annotations

import html
import json

import yaml

from generator.render.site_pages import excluded_from_search, generate_site
from generator.views import paths

LIST_PAGES = (paths.YEARS, paths.VENUES, paths.TOPICS, paths.CHECKLIST, paths.TAGS)


def search_documents(site) -> list[dict]:
    return json.loads((site.root / "search" / "search_index.json").read_text("utf-8"))["docs"]


def page_of(document: dict) -> str:
    return document["location"].split("#")[0]


def front_matter(markdown: str) -> dict:
    assert markdown.startswith("---\n")
    return yaml.safe_load(markdown.split("---\n", 2)[1])


def test_every_paper_title_is_in_the_search_index(tiny_site):
    titles = {html.unescape(document["title"]) for document in search_documents(tiny_site)}
    assert tiny_site.database.papers
    for paper in tiny_site.database.papers.values():
        assert paper.title in titles


def test_a_paper_is_one_entry_with_its_short_name_venue_authors_and_tags(tiny_site):
    entries = [document for document in search_documents(tiny_site)
               if page_of(document) == "papers/beta-eccv2018.html"]
    assert len(entries) == 1  # no entries for the Results, Notes or Cite sections
    (entry,) = entries
    assert entry["title"] == "Beta Seeds for Segmentation"
    text = html.unescape(entry["text"])
    for searched in ("Beta", "ECCV 2018", "Carla Coder"):
        assert searched in text
    assert entry["tags"]
    for not_searched in ("@inproceedings", "arXiv", "Topics:"):  # BibTeX, link buttons, topics
        assert not_searched not in text


def test_list_pages_that_repeat_paper_titles_are_not_indexed(tiny_site):
    indexed = {page_of(document) for document in search_documents(tiny_site)}
    for page in LIST_PAGES:
        assert page.replace(".md", ".html") not in indexed
    assert "index.html" in indexed and "about.html" in indexed  # hand-written pages still are


def test_each_paper_adds_a_few_hundred_bytes_to_the_index(tiny_site):
    papers = [document for document in search_documents(tiny_site)
              if page_of(document).startswith("papers/")]
    size = len(json.dumps(papers, separators=(",", ":")).encode("utf-8"))
    assert size / len(papers) < 400


def test_generated_list_pages_say_so_in_their_own_front_matter(tiny_site):
    site = generate_site(tiny_site.database)
    for page in LIST_PAGES:
        assert front_matter(site.pages[page])["search"] == {"exclude": True}
    paper = front_matter(site.pages["papers/beta-eccv2018.md"])
    assert "search" not in paper and paper["hide"] == ["navigation"]


def test_exclusion_joins_a_page_s_existing_front_matter():
    page = "---\nhide:\n  - toc\n---\n# Title\n"
    assert front_matter(excluded_from_search(page)) == {
        "search": {"exclude": True}, "hide": ["toc"]}
    assert excluded_from_search("# Title\n").endswith("---\n# Title\n")


def test_a_first_visit_downloads_neither_index_nor_sitemap_until_the_reader_searches(page, tiny_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(tiny_url + "papers/beta-eccv2018.html", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in requested if "search_index" in url or "sitemap" in url]

    with page.expect_request(lambda request: "search/search_index.json" in request.url):
        page.locator("input.md-search__input").click()
    page.keyboard.type("Carla")
    result = page.locator(".md-search-result__item a").first
    assert "beta-eccv2018" in (result.get_attribute("href", timeout=10_000) or "")


def test_arriving_from_a_search_result_loads_the_index_to_highlight_the_words(page, tiny_url):
    with page.expect_request(lambda request: "search/search_index.json" in request.url):
        page.goto(tiny_url + "papers/beta-eccv2018.html?h=Seeds")
