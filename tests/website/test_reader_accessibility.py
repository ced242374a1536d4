"""axe-core in Chromium on every kind of page, light and dark: no violation from our templates,
styles or scripts. Violations on elements the theme owns (its header, navigation, search,
footer and buttons) are listed in the output for the record, not counted against us."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
"""axe-core 4.14.1 from npm, vendored with its licence (see its README.md)."""

PAGES = {
    "home": "index.html",
    "papers": "papers/index.html",
    "topic": "topics/cams.html",
    "tag": "tags/image-level.html",
    "author": "authors/carla-coder.html",
    "checklist": "checklist.html",
    "paper": "papers/alpha-cvpr2020.html",
    "leaderboard": "leaderboards/voc.html",
}

THEME_OWNED = (
    ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, .md-dialog, "
    ".md-content__button, .md-clipboard, .md-tags, .md-source"
)
"""Material's own parts: a violation inside one is the theme's, not ours."""

RUN_AXE = """async (themeOwned) => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.flatMap(v => v.nodes.map(node => {
    const element = document.querySelector(node.target[0]);
    return {
      rule: v.id, impact: v.impact, target: node.target.join(" "),
      html: node.html.slice(0, 160),
      theme: Boolean(element && element.closest(themeOwned)),
    };
  }));
}"""


def violations(page: Page) -> list[dict[str, object]]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, THEME_OWNED)


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: Browser):
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_no_accessibility_violation_comes_from_our_pages(scheme_page, tiny_url, name):
    scheme_page.goto(tiny_url + PAGES[name])
    scheme_page.wait_for_load_state("load")
    if name in ("checklist", "paper", "papers"):
        scheme_page.locator("input.curate-mine__box").first.wait_for(state="attached")

    found = violations(scheme_page)

    theme = [f"{item['rule']} ({item['impact']}): {item['target']}" for item in found if item["theme"]]
    if theme:
        print(f"\ntheme-owned axe violations on {name}: {theme}")
    assert [item for item in found if not item["theme"]] == []
