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
    "papers": "papers.html",
    "topic": "topics/cams.html",
    "tag": "tags/image-level.html",
    "author": "authors/c.html",
    "checklist": "checklist.html",
    "paper": "papers/alpha-cvpr2020.html",
    "leaderboard": "leaderboards/voc.html",
}

THEME_OWNED = (
    ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, .md-dialog, "
    ".md-content__button, .md-clipboard, .md-tags, .md-source"
)
"""Material's own parts: a violation inside one is the theme's, not ours."""
THEME_VIOLATIONS = {
    "aria-dialog-name": "the search box is a dialog without a name (.md-search)",
    "label-content-name-mismatch": "the footer's 'Previous' link is named by its aria-label",
    "landmark-unique": "the tags above a paper's title are an unnamed <nav> (.md-tags)",
}
"""What axe finds in Material's own parts today, for the record (printed with -s)."""

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
    assert {item["rule"] for item in found if item["theme"]} <= set(THEME_VIOLATIONS)


CONTRAST = """(selector) => {
  const channels = text => text.match(/[\\d.]+/g).map(Number);
  const luminance = rgb => rgb.slice(0, 3).map(v => v / 255)
    .map(c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const over = (top, bottom) => {
    const alpha = top.length > 3 ? top[3] : 1;
    return [0, 1, 2].map(i => top[i] * alpha + bottom[i] * (1 - alpha));
  };
  const background = element => {
    const layers = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const colour = channels(getComputedStyle(node).backgroundColor);
      if ((colour.length > 3 ? colour[3] : 1) > 0) layers.push(colour);
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
  };
  return Array.from(document.querySelectorAll(selector)).map(element => {
    const style = getComputedStyle(element);
    const isSvg = element instanceof SVGElement;
    const back = background(isSvg ? element.closest("figure") : element);
    const fore = over(channels(isSvg ? style.fill : style.color), back);
    const [a, b] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    return [element.textContent.trim().slice(0, 30), Math.round((a + 0.05) / (b + 0.05) * 100) / 100];
  });
}"""


@pytest.mark.parametrize(("path", "selector"), [
    ("leaderboards/voc.html", "strong.curate-best, .curate-chart__svg text"),
    ("papers.html", ".curate-chip, .curate-status, .curate-option__count"),
    ("checklist.html", ".curate-status"),
])
def test_chips_and_chart_text_have_at_least_4_5_to_1_contrast(scheme_page, tiny_url, path, selector):
    scheme_page.goto(tiny_url + path)

    ratios = scheme_page.evaluate(CONTRAST, selector)

    assert ratios, selector
    assert [(text, ratio) for text, ratio in ratios if ratio < 4.5] == []
