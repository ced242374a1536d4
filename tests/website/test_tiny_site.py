"""The site of the tiny fixture list, built with `mkdocs build --strict`, page by page."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import yaml

from generator.render.json_export import export_json
from tests.website.conftest import BuiltSite, build_site, make_project

ALPHA_TITLE = "Alpha & Beta | *Stars* [v2] < 1 `tick` _under_ #hash"
ALPHA_NOTE = "<script>alert(1)</script> and <img src=x onerror=alert(2)> **bold** [bad](javascript:alert(3))"


def texts(elements) -> list[str]:
    return [" ".join(element.get_text().split()) for element in elements]


def heading_text(element) -> str:
    """A heading's text without MkDocs' permalink sign."""
    return element.get_text("", strip=True).removesuffix("¶").strip()


def table_rows(site: BuiltSite, page: str) -> list[list[str]]:
    table = site.article(page).select_one(".curate-leaderboard table")
    return [texts(row.find_all(["th", "td"])) for row in table.select("tbody tr")]


def test_every_generated_page_and_file_is_built(tiny_site):
    pages = [
        "index.html", "leaderboards/index.html", "leaderboards/voc.html", "leaderboards/errors.html",
        "years.html", "venues.html", "topics.html", "checklist.html", "implementations.html",
        "resources.html", "tags.html",
        *(f"papers/{paper_id}.html" for paper_id in tiny_site.database.papers),
    ]
    for page in pages:
        assert (tiny_site.root / page).is_file(), page
    for name in ("papers.json", "papers.bib", "feed.xml", "assets/curate/curate.js"):
        assert (tiny_site.root / name).is_file(), name


def test_every_paper_page_is_titled_with_its_paper_title(tiny_site):
    for paper in tiny_site.database.papers.values():
        page = tiny_site.html(f"papers/{paper.id}.html")

        assert heading_text(page.select_one("article h1")) == paper.title
        assert page.title.get_text() == f"{paper.title} - {tiny_site.database.config.title}"


def test_leaderboard_ranks_rows_by_the_first_split_and_shows_every_column(tiny_site):
    table = tiny_site.article("leaderboards/voc.html").select_one(".curate-leaderboard table")

    # Scores come right after the method, so a phone shows them first; columns no row fills
    # (supervision, source) are left out.
    assert texts(table.select("thead th")) == [
        "Rank", "Method", "val", "test", "Venue", "Year", "Backbone", "Extra data", "Code", "Notes",
    ]
    assert table_rows(tiny_site, "leaderboards/voc.html") == [
        ["1", "Gamma (ours)", "72.25", "", "arXiv", "2021", "", "", "", ""],
        ["2", "Alpha|A", "70.50", "71.00", "CVPR", "2020", "ResNet-38", "", "code (pytorch)",
         "uses <b>tags</b> | pipes"],
        ["3", "Beta", "65.00", "66.50", "ECCV", "2018", "", "ImageNet subset", "code (caffe)", ""],
    ]


def test_leaderboard_links_methods_to_paper_pages_and_code_to_its_repository(tiny_site):
    rows = tiny_site.article("leaderboards/voc.html").select(".curate-leaderboard tbody tr")

    assert [row.select_one("th.curate-method a")["href"] for row in rows] == [
        "../papers/gamma-arxiv2021.html", "../papers/alpha-cvpr2020.html", "../papers/beta-eccv2018.html",
    ]
    assert rows[1].find_all("td")[7].a["href"] == "https://github.com/example/alpha"


def test_leaderboard_highlights_the_best_value_of_each_split(tiny_site):
    best = tiny_site.article("leaderboards/voc.html").select(".curate-leaderboard .curate-best")

    assert texts(best) == ["72.25", "71.00"]


def test_lower_is_better_leaderboard_ranks_the_smallest_value_first(tiny_site):
    rows = table_rows(tiny_site, "leaderboards/errors.html")

    assert [(row[0], row[1], row[2]) for row in rows] == [("1", "Beta", "2.25"), ("2", "Alpha|A", "3.50")]
    best = tiny_site.article("leaderboards/errors.html").select(".curate-best")
    assert texts(best) == ["2.25"]


def test_leaderboard_chart_is_an_inline_svg_with_one_line_per_split(tiny_site):
    figure = tiny_site.article("leaderboards/voc.html").select_one("figure.curate-chart")
    svg = figure.find("svg")

    assert svg.title.get_text() == "State of the art on VOC & friends by year"
    assert len(svg.select(".curate-chart__series path")) == 2
    assert texts(figure.select(".curate-chart__legend li"))[:2] == ["best val so far", "best test so far"]
    records = [c.title.get_text() for c in svg.select(".curate-chart__series--0 .curate-chart__mark")
               if c.get("r") == "5" or c.get("width") == "10"]
    assert records == ["Beta (ECCV 2018): 65.00 val (extra training data)", "Alpha|A (CVPR 2020): 70.50 val",
                       "Gamma (ours) (arXiv 2021): 72.25 val"]


def test_leaderboards_index_lists_each_board_with_its_best_values(tiny_site):
    rows = tiny_site.article("leaderboards/index.html").select("table tbody tr")

    assert [texts(row.find_all("td"))[0] for row in rows] == ["Error rate", "VOC & friends"]
    assert texts(rows[1].find_all("td"))[4:] == ["3", "val 72.25 (Gamma (ours)), test 71.00 (Alpha|A)"]


def test_years_are_newest_first_and_grouped_by_venue(tiny_site):
    article = tiny_site.article("years.html")

    assert [heading_text(h) for h in article.find_all("h2")] == ["2021", "2020", "2019", "2018", "2017"]
    assert [heading_text(h) for h in article.find_all("h3")] == [
        "arXiv", "CVPR", "TPAMI", "ECCV", "Venue unknown"]
    assert len(article.select("li")) == len(tiny_site.database.papers)


def test_venues_follow_the_list_order_with_unknown_last(tiny_site):
    article = tiny_site.article("venues.html")

    assert [heading_text(h) for h in article.find_all("h2")] == [
        "CVPR", "ECCV", "TPAMI", "arXiv", "Venue unknown"]


def test_topics_follow_the_taxonomy_and_a_paper_appears_under_each_of_its_topics(tiny_site):
    article = tiny_site.article("topics.html")

    assert [a["href"] for a in article.select("li > a")] == [
        "topics/cams.html", "topics/affinity.html", "topics/empty-topic.html", "topics/other.html"]
    assert "Nothing here yet · no papers yet" in texts(article.find_all("li"))

    def papers_under(topic_id: str) -> list[str]:
        heading = tiny_site.article(f"topics/{topic_id}.html").find(id="papers")
        return [li.a["href"] for li in heading.find_next("ul").find_all("li", recursive=False)]

    assert papers_under("cams") == [
        "../papers/alpha-cvpr2020.html", "../papers/delta-tpami2019.html",
        "../papers/beta-eccv2018.html"]
    assert papers_under("affinity") == [
        "../papers/gamma-arxiv2021.html", "../papers/alpha-cvpr2020.html"]
    assert "Seeds from <em>CAMs</em>." in texts(tiny_site.article("topics/cams.html").find_all("p"))


def test_checklist_marks_read_papers_and_counts_progress_per_topic(tiny_site):
    article = tiny_site.article("checklist.html")

    assert [heading_text(h) for h in article.find_all("h3")] == [
        "Class activation maps · 2 of 3 read by the curators",
        "Affinity · 1 of 1 read by the curators", "Other | odd · 0 of 1 read by the curators"]
    cams = article.find(id="checklist-cams").find_next("ul")
    marks = [(li.a.get_text(), li.select_one(".curate-status").get_text())
             for li in cams.find_all("li")]
    assert marks == [(ALPHA_TITLE, "read by the curators"),
                     ("Delta Journal Extension", "read by the curators"),
                     ("Beta Seeds for Segmentation", "to read")]
    assert "have read 2 of 4 tracked papers" in article.get_text()


def test_paper_page_shows_metadata_links_topics_tags_results_and_bibtex(tiny_site):
    page = tiny_site.html("papers/alpha-cvpr2020.html")
    article = page.select_one("article")

    assert heading_text(article.h1) == ALPHA_TITLE
    assert 'Ann "<" Author, Bob & Builder' in texts(article.find_all("p"))
    buttons = [(a.get_text(), a["href"]) for a in article.select("a.md-button")]
    assert buttons == [
        ("paper", "https://example.org/alpha?x=1&y=%282%29"),
        ("arXiv", "https://arxiv.org/abs/2001.00001"),
        ("code (pytorch)", "https://github.com/example/alpha"),
    ]
    assert texts(article.select("p a[href^='../topics/']")) == ["Class activation maps", "Affinity"]
    assert texts(page.select(".md-tag")) == ["Image-level labels"]
    results = texts(article.find(id="results").find_next("ul").find_all("li"))
    assert results == [
        "Error rate: rank 2 of 2 · test 3.50",
        "VOC & friends: rank 2 of 3 · val 70.50 · test 71.00 (best) · ResNet-38 · uses <b>tags</b> | pipes",
    ]
    edit = page.select_one("a.md-content__button[title='Edit this page']")["href"]
    assert edit.endswith("/edit/main/papers/papers/alpha-cvpr2020.yaml")
    bibtex = article.select_one("div.highlight code").get_text()
    assert bibtex.startswith("@inproceedings{alpha-cvpr2020,\n  title = {Alpha \\& Beta")


def test_implementations_are_grouped_by_framework(tiny_site):
    article = tiny_site.article("implementations.html")

    assert [heading_text(h) for h in article.find_all("h2")] == ["Caffe", "pytorch"]
    assert texts(article.find_all("li")) == [
        "SEC: SEC original",
        "alpha-torch · score 70.1% · implements Alpha|A A <b>port</b> of Alpha with training code.",
    ]


def test_resources_are_grouped_by_kind_with_all_their_links(tiny_site):
    article = tiny_site.article("resources.html")

    assert [heading_text(h) for h in article.find_all("h2")] == ["Tutorials"]
    entry = article.find("li")
    assert entry.strong.get_text() == "Weak Supervision Tutorial: 1 < 2 & 3 > 2"
    assert [(a.get_text(), a["href"]) for a in entry.find_all("a")] == [
        ("part 1", "https://example.org/t1"), ("part 2", "https://example.org/t2")]


def test_home_shows_counts_latest_additions_and_links_to_every_index_and_export(tiny_site):
    article = tiny_site.article("")

    assert texts(article.select(".curate-counts li")) == [
        "5 papers", "2 read", "2 leaderboards", "2 implementations"]
    latest = article.find(id="latest-additions").find_next("ul").find_all("li")
    assert [li.a["href"] for li in latest] == [
        "papers/gamma-arxiv2021.html", "papers/alpha-cvpr2020.html", "papers/beta-eccv2018.html",
        "papers/delta-tpami2019.html", "papers/epsilon.html"]
    links = {a["href"] for a in article.find_all("a")}
    assert {"leaderboards/index.html", "years.html", "venues.html", "topics.html", "checklist.html",
            "implementations.html", "resources.html", "tags.html", "papers.json", "papers.bib",
            "feed.xml"} <= links


def test_exports_are_served_with_the_site(tiny_site):
    served = json.loads((tiny_site.root / "papers.json").read_text())
    assert served == json.loads(export_json(tiny_site.database))
    assert served["list"]["title"] == "Tiny & *List*"
    bib = (tiny_site.root / "papers.bib").read_text()
    assert re.findall(r"^@\w+\{([^,]+),", bib, re.MULTILINE) == sorted(tiny_site.database.papers)
    feed = ET.parse(tiny_site.root / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.find(f"{atom}title").text for entry in feed.iter(f"{atom}entry")]
    assert titles[:2] == ["Gamma Rays of Attention", ALPHA_TITLE]
    assert len(titles) == len(tiny_site.database.papers)
    site_path = urlsplit(yaml.safe_load((tiny_site.project / "mkdocs.yml").read_text())["site_url"]).path
    for entry in feed.iter(f"{atom}entry"):
        page = urlsplit(entry.find(f"{atom}link").get("href")).path.removeprefix(site_path)
        assert (tiny_site.root / page).is_file(), page
    announced = tiny_site.html("").select_one("link[rel=alternate][type='application/atom+xml']")
    assert announced["href"] == "./feed.xml"


def test_record_text_is_shown_as_text_never_as_markup(tiny_site):
    for path in tiny_site.html_files():
        page = tiny_site.html(str(path.relative_to(tiny_site.root)))
        for script in page.find_all("script"):
            assert "alert(" not in script.get_text(), path
        assert not page.select("img[src=x]"), path
        assert not page.select("article b, article i"), path
        assert not [em for em in page.select("article em") if em.get_text() in ("CAMs", "as reported")]
        for link in page.find_all("a", href=True):
            assert urlsplit(link["href"]).scheme in ("", "http", "https"), (path, link["href"])
    notes = tiny_site.article("papers/alpha-cvpr2020.html").find(id="notes").find_next("p")
    assert notes.get_text().startswith(ALPHA_NOTE.replace("**bold**", "bold"))


def test_every_link_inside_the_site_leads_to_a_built_file(tiny_site):
    for path in tiny_site.html_files():
        if path.name == "404.html":  # links from the site's absolute URL, wherever it is served
            continue
        page_url = "/" + path.relative_to(tiny_site.root).as_posix()
        for link in tiny_site.html(str(path.relative_to(tiny_site.root))).find_all("a", href=True):
            target = urlsplit(urljoin(page_url, link["href"]))
            if target.netloc or not target.path:
                continue
            local = tiny_site.root / target.path.lstrip("/")
            assert local.is_file(), (path, link["href"])  # from disk a folder shows no page


def navigation_targets(site: BuiltSite, page: str) -> list[str]:
    """Where the links of a page's navigation drawer lead, as site paths (without the table of
    contents that the drawer shows under the page it is on)."""
    drawer = site.html(page).select_one('[data-md-type="navigation"] nav.md-nav--primary')
    for contents in drawer.select("nav.md-nav--secondary"):
        contents.decompose()
    return [urlsplit(urljoin("/" + page, link["href"])).path for link in drawer.select("a[href]")]


def test_pages_outside_the_navigation_show_the_same_navigation_from_their_own_folder(tmp_path):
    # Pages outside the navigation (papers, topics, authors, a hand-written page left out of
    # `nav`) reuse one rendering of it per folder depth; the home page is rendered on its own.
    project = make_project(tmp_path / "project")
    (project / "site" / "colophon.md").write_text("# Colophon\n\nNot in the navigation.\n")
    site = build_site(project, tmp_path / "public")
    paper = next(iter(site.database.papers))
    home = navigation_targets(site, "index.html")
    assert len(home) > 5
    for page in (f"papers/{paper}.html", "colophon.html"):
        assert navigation_targets(site, page) == home, page
    drawer = site.html(f"papers/{paper}.html").select_one('[data-md-type="navigation"]')
    assert not drawer.select(".md-nav__link--active")
