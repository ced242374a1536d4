"""Screenshots of the reader's pages of the real list, desktop (1366 px) and phone (390 px), light,
written to tests/website/screenshots/ (git-ignored) and printed, to look at after a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.website.conftest import serve

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def busiest_topic(database) -> str:
    return max(database.topics(), key=lambda topic_id: len(database.papers_in_topic(topic_id)))


def richest_paper(database) -> str:
    return max(database.papers.values(),
               key=lambda paper: (len(paper.tags), len(paper.authors), len(paper.results))).id


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_screenshots_of_the_papers_page_filtered_a_topic_and_a_paper(
        browser, real_site, device, capsys):
    database = real_site.database
    tag = next(tag.id for group in database.config.tag_groups for tag in group.tags
               if any(tag.id in paper.tags for paper in database.papers.values()))
    shots = {
        "papers-filtered": f"papers.html?tag={tag}&code=1",
        "topic": f"topics/{busiest_topic(database)}.html",
        "paper": f"papers/{richest_paper(database)}.html",
    }
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=VIEWPORTS[device], color_scheme="light")
    page = context.new_page()
    written = []
    with serve(real_site.root) as url:
        for name, path in shots.items():
            page.goto(url + path)
            page.wait_for_load_state("load")
            target = SCREENSHOTS / f"{name}-{device}.png"
            page.screenshot(path=str(target), full_page=name != "papers-filtered")
            written.append(target)
    context.close()

    with capsys.disabled():
        for target in written:
            print(f"\nscreenshot: {target}")
    for target in written:
        data = target.read_bytes()
        assert data.startswith(PNG_SIGNATURE) and len(data) > 20_000, target
