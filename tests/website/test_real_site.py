"""The repository's own list, built from its mkdocs.yml; expectations come from the database."""

from __future__ import annotations

from generator.views.topics import overall_progress
from tests.website.test_tiny_site import heading_text, texts


def test_every_paper_has_a_page_titled_with_its_title(real_site):
    for paper in real_site.database.papers.values():
        article = real_site.article(f"papers/{paper.id}.html")
        assert heading_text(article.h1) == paper.title


def test_every_leaderboard_lists_all_its_rows_best_first(real_site):
    for board in real_site.database.leaderboards.values():
        article = real_site.article(f"leaderboards/{board.id}.html")
        rows = [texts(row.find_all(["th", "td"])) for row in article.select(".curate-leaderboard tbody tr")]
        first_split = [float(row[2]) for row in rows if row[2]]
        expected = sorted(first_split, reverse=board.higher_is_better)

        assert len(rows) == len(real_site.database.rows_of(board.id))
        assert first_split == expected
        assert article.select_one("figure.curate-chart svg") is not None
        for column, split in enumerate(board.splits, start=2):
            values = [float(row[column]) for row in rows if row[column]]
            best = (max if board.higher_is_better else min)(values)
            shown = {float(cell.get_text()) for cell in article.select(".curate-best")
                     if cell.find_parent("td") and _column_of(cell) == column}
            assert shown == {best}, split


def _column_of(cell) -> int:
    td = cell.find_parent("td")
    return td.find_parent("tr").find_all(["th", "td"]).index(td)


def test_years_list_every_paper_once_newest_first(real_site):
    article = real_site.article("years.html")
    years = [heading_text(h) for h in article.find_all("h2")]
    dated = sorted({p.year for p in real_site.database.papers.values() if p.year}, reverse=True)

    assert years[:len(dated)] == [str(year) for year in dated]
    assert len(article.select("li")) == len(real_site.database.papers)


def test_topics_hold_each_paper_under_every_topic_it_names(real_site):
    overview = [a["href"] for a in real_site.article("topics.html").find_all("a", href=True)]
    for topic_id in real_site.database.topics():
        assert f"topics/{topic_id}.html" in overview, topic_id
    for paper in real_site.database.papers.values():
        for topic_id in paper.topics:
            links = [a["href"] for a in real_site.article(f"topics/{topic_id}.html").find_all("a")]
            assert f"../papers/{paper.id}.html" in links, (paper.id, topic_id)


def test_checklist_counts_match_the_database(real_site):
    article = real_site.article("checklist.html")
    database = real_site.database
    progress = overall_progress(database)

    assert f"have read {progress.read} of {progress.tracked} tracked papers" in article.get_text()
    for topic_id, topic in database.topics().items():
        tracked = [p for p in database.papers_in_topic(topic_id) if p.status != "untracked"]
        heading = article.find(id=f"checklist-{topic_id}")
        if not tracked:
            assert heading is None
            continue
        read = sum(1 for p in tracked if p.status == "read")
        assert heading_text(heading) == \
            f"{topic.title} · {read} of {len(tracked)} read by the curators"


def test_home_counts_match_the_database(real_site):
    database = real_site.database
    counts = texts(real_site.article("").select(".curate-counts li"))

    def count(number: int, noun: str) -> str:
        return f"{number} {noun}{'' if number == 1 else 's'}"

    assert counts == [
        count(len(database.papers), "paper"),
        f"{sum(1 for p in database.papers.values() if p.status == 'read')} read",
        count(len(database.leaderboards), "leaderboard"),
        count(len(database.implementations), "implementation"),
    ]
