"""A leaderboard's page and, for a leaderboard longer than `site.leaderboard_page_rows`, the
script of what the page leaves out: the other rows and the charts of the reader's other
filter settings, as HTML that `leaderboard.js` inserts when the reader reaches the end of the
table, sorts, filters or asks for every row."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from generator.views import paths
from generator.views.leaderboards import LeaderboardView
from generator.views.sota_chart import chart_variants, shown_first

Render = Callable[..., str]
"""Render a template (name, then its context) for the leaderboard's page."""


@dataclass(frozen=True)
class LeaderboardPage:
    markdown: str
    rows_script: str | None
    """Text of the script at `paths.leaderboard_rows_script`; None when the page holds it all."""


def leaderboard_page(
    board: LeaderboardView, page: Render, markup: Render, directory_urls: bool
) -> LeaderboardPage:
    """The page of `board` (Markdown with its filters, charts and table) and its rows script.
    `page` renders the Markdown page, `markup` an HTML part of it."""
    charts = [
        (shown_first(board, variant), Markup(markup(
            "site/sota_chart.svg.j2", chart=variant.chart, keys=variant.keys, index=index,
            metric=variant.metric, hidden=not shown_first(board, variant))))
        for index, variant in enumerate(chart_variants(board))
    ]
    complete = not board.more_rows
    script = paths.url_from(board.page, paths.leaderboard_rows_script(board.id), directory_urls)
    markdown = page(
        "site/leaderboard.md.j2", board=board,
        filters=Markup(markup("site/leaderboard_filters.html.j2")),
        charts=[chart for shown, chart in charts if shown or complete],
        table=Markup(markup("site/leaderboard_table.html.j2", rows_script=None if complete else script)),
    )
    if complete:
        return LeaderboardPage(markdown, None)
    data = {
        "rows": markup("site/leaderboard_rows.html.j2", rows=board.more_rows),
        "charts": "".join(chart for shown, chart in charts if not shown),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return LeaderboardPage(
        markdown, f"(window.curateBoards = window.curateBoards || {{}})[{json.dumps(board.id)}] = {text};\n")
