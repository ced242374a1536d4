"""Pages that place the reader: a page per topic and tag, authors by initial, and paper pages with their
breadcrumb, active tab, previous/next, links to tags and authors, citation meta tags and own
description; a 404 page that is styled wherever it is served."""

from __future__ import annotations

import shutil

from playwright.sync_api import Page, expect

from tests.website.conftest import serve
from tests.website.test_tiny_site import ALPHA_TITLE, heading_text, texts


def entries(article) -> list[str]:
    return [li.a["href"] for li in article.find(id="papers").find_next("ul").find_all("li", recursive=False)]


def test_a_topic_page_counts_its_papers_newest_first_with_leaderboards_and_resources(tiny_site):
    article = tiny_site.article("topics/cams.html")

    assert heading_text(article.h1) == "Class activation maps"
    assert "3 papers · 2 read by the curators · 2020: 1, 2019: 1, 2018: 1" in texts(article.find_all("p"))
    assert entries(article) == [
        "../papers/alpha-cvpr2020.html", "../papers/delta-tpami2019.html", "../papers/beta-eccv2018.html"]
    assert [a["href"] for a in article.find("strong", string="Leaderboards:").parent.find_all("a")] \
        == ["../leaderboards/voc.html"]
    assert [a["href"] for a in article.find("strong", string="Resources:").parent.find_all("a")] \
        == ["https://example.org/t1"]


def test_an_empty_topic_says_so_instead_of_an_empty_heading(tiny_site):
    article = tiny_site.article("topics/empty-topic.html")

    assert [heading_text(h) for h in article.find_all(["h1", "h2"])] == ["Nothing here yet"]
    assert "This topic has no papers yet." in texts(article.find_all("p"))


def test_a_tag_page_and_the_tags_overview_count_papers(tiny_site):
    article = tiny_site.article("tags/image-level.html")
    assert heading_text(article.h1) == "Image-level labels"
    assert entries(article) == ["../papers/alpha-cvpr2020.html", "../papers/beta-eccv2018.html"]

    overview = tiny_site.article("tags.html")
    assert texts(overview.select("h2 + ul li")) == [
        "Image-level labels · 2 papers", "Bounding boxes · 1 paper"]
    assert [a["href"] for a in overview.select("h2 + ul a")] == ["tags/image-level.html", "tags/box.html"]


def test_authors_have_a_section_on_their_initial_s_page_linked_from_paper_pages(tiny_site):
    article = tiny_site.article("authors/a.html")
    assert heading_text(article.h1) == "Authors: A"
    ann = article.find(id="ann-author")
    assert heading_text(ann) == 'Ann "<" Author'
    assert [li.a["href"] for li in ann.find_next("ul").find_all("li", recursive=False)] \
        == ["../papers/alpha-cvpr2020.html"]

    authors = tiny_site.article("authors.html")
    assert texts(authors.find_all("li")) == [
        'Ann "<" Author · 1', "Bob & Builder · 1", "Carla Coder · 1", "Dan Dev · 1", "Eve Editor · 1"]
    assert [a["href"] for a in authors.select("li a")] == [
        "authors/a.html#ann-author", "authors/b.html#bob-builder", "authors/c.html#carla-coder",
        "authors/d.html#dan-dev", "authors/e.html#eve-editor"]
    paper = tiny_site.article("papers/alpha-cvpr2020.html")
    assert [(a.get_text(), a["href"]) for a in paper.select("a[href^='../authors/']")] == [
        ('Ann "<" Author', "../authors/a.html#ann-author"),
        ("Bob & Builder", "../authors/b.html#bob-builder")]


def test_an_author_link_lands_on_the_person_s_section(page: Page, tiny_url):
    page.goto(tiny_url + "papers/beta-eccv2018.html")
    page.locator("article a", has_text="Carla Coder").click()

    assert page.url == tiny_url + "authors/c.html#carla-coder"
    heading = page.locator("#carla-coder")
    expect(heading).to_be_in_viewport()
    assert heading.inner_text().rstrip("¶").strip() == "Carla Coder"


def test_a_paper_page_has_a_breadcrumb_the_active_tab_and_links_to_its_tags(tiny_site):
    page = tiny_site.html("papers/beta-eccv2018.html")

    crumbs = page.select("nav.curate-breadcrumb a")
    assert [(a.get_text(), a["href"]) for a in crumbs] == [
        ("Papers", "../papers.html"), ("Methods & [Tricks]", "../topics.html#methods"),
        ("Class activation maps", "../topics/cams.html")]
    assert page.select_one(".md-tabs__item--active").get_text(strip=True) == "Papers"
    tags = page.find("strong", string="Tags:").parent
    assert [(a.get_text(), a["href"]) for a in tags.find_all("a")] == [
        ("Image-level labels", "../tags/image-level.html"), ("Bounding boxes", "../tags/box.html")]


def test_previous_and_next_walk_through_the_first_topic_newest_first(tiny_site):
    def neighbours(paper_id: str) -> list[tuple[str, str, str]]:
        nav = tiny_site.html(f"papers/{paper_id}.html").select_one("nav.curate-prevnext")
        return [(a["rel"][0], a.get_text(), a["href"]) for a in nav.find_all("a")] if nav else []

    # cams, newest first: alpha (2020), delta (2019), beta (2018)
    assert neighbours("alpha-cvpr2020") == [("next", "Delta Journal Extension →", "delta-tpami2019.html")]
    assert neighbours("delta-tpami2019") == [
        ("prev", "← Alpha|A", "alpha-cvpr2020.html"), ("next", "Beta →", "beta-eccv2018.html")]
    assert neighbours("beta-eccv2018") == [("prev", "← Delta Journal Extension", "delta-tpami2019.html")]
    assert neighbours("epsilon") == []  # alone in its topic


def test_citation_meta_tags_are_read_back_from_the_page(page: Page, tiny_url):
    page.goto(tiny_url + "papers/alpha-cvpr2020.html")

    meta = page.eval_on_selector_all(
        "head meta[name^='citation_']", "tags => tags.map(t => [t.name, t.content])")
    assert meta == [
        ["citation_title", ALPHA_TITLE],
        ["citation_author", 'Ann "<" Author'],
        ["citation_author", "Bob & Builder"],
        ["citation_publication_date", "2020"],
        ["citation_conference_title", "IEEE/CVF Conference on Computer Vision and Pattern Recognition"],
        ["citation_pdf_url", "https://arxiv.org/pdf/2001.00001"],
        ["citation_arxiv_id", "2001.00001"],
    ]
    assert page.locator("head meta[name=description]").get_attribute("content") == (
        f"{ALPHA_TITLE} · CVPR 2020 · Ann \"<\" Author, Bob & Builder")

    page.goto(tiny_url + "papers/delta-tpami2019.html")
    journal = page.locator("head meta[name=citation_journal_title]").get_attribute("content")
    assert journal == "IEEE Transactions on Pattern Analysis and Machine Intelligence"
    assert page.locator("head meta[name=citation_doi]").get_attribute("content") == "10.1109/TPAMI.2019.0001"


def test_each_generated_page_has_its_own_description(tiny_site):
    def description(path: str) -> str:
        return tiny_site.html(path).select_one("meta[name=description]")["content"]

    found = {path: description(path) for path in (
        "papers.html", "topics/cams.html", "tags/box.html", "authors/d.html",
        "checklist.html", "papers/gamma-arxiv2021.html", "years.html", "venues.html", "topics.html",
        "tags.html", "authors.html", "implementations.html", "resources.html")}
    assert len(set(found.values())) == len(found)
    assert found["tags/box.html"] == "1 paper tagged Bounding boxes, newest first."


def test_the_404_page_is_styled_away_from_the_deployed_path(page: Page, tiny_site, tmp_path):
    elsewhere = tmp_path / "any" / "deep" / "path"
    elsewhere.mkdir(parents=True)
    shutil.copy2(tiny_site.root / "404.html", elsewhere / "missing.html")
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    with serve(tmp_path) as url:
        page.goto(url + "any/deep/path/missing.html")
        assert page.locator("h1").inner_text() == "Page not found"
        header = page.locator("header").evaluate("h => getComputedStyle(h).backgroundColor")
        assert header == "rgb(63, 81, 181)"  # styled: the list's primary colour
        assert page.locator("a", has_text="Go to the home page").get_attribute("href") \
            == "https://curate-awesome.github.io/weakly-segmentation/"
    assert failed == []


def test_searching_an_author_lists_their_papers(page: Page, tiny_url):
    """Author pages stay out of the search index (about three per paper would outgrow it;
    issue 15's 3 MB at 10,000 papers): the paper pages index every author's name."""
    page.goto(tiny_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Carla Coder")

    expect(page.locator(".md-search-result__item a[href*='papers/beta-eccv2018.html']").first) \
        .to_be_attached(timeout=10_000)
    assert page.locator(".md-search-result__item a[href*='authors/']").count() == 0
