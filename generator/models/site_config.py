"""`site:` in list.yaml: how big a generated page may grow before it is split, with defaults
that keep a first visit light at 10,000 papers."""

from __future__ import annotations

from pydantic import Field

from generator.models.fields import Record


class SiteConfig(Record):
    """Bounds on the generated pages, so their size does not grow with the list."""

    papers_page_rows: int = Field(default=50, ge=1, le=5000)
    """Rows the papers page renders in its HTML (newest first); the script loads the rest when
    the reader filters, searches or asks for more."""
    list_part_entries: int = Field(default=100, ge=1, le=5000)
    """Entries (papers, topics or authors) on one part of a list page (years, venues, topics,
    tags, checklist, the authors index, author pages); a longer list continues on
    `part-2`, `part-3`, ... linked by a pager."""
    leaderboard_page_rows: int = Field(default=50, ge=1, le=5000)
    """Rows a leaderboard page renders in its HTML (best first); on a longer leaderboard the
    script loads the other rows, and the charts of the reader's other filter settings, when
    the reader reaches the end of the table, sorts, filters or asks for every row."""
    leaderboard_chart_marks: int = Field(default=200, ge=1, le=100000)
    """Results a state-of-the-art chart draws as marks with a tooltip; on a chart with more,
    only the record-setting results are, and the others are plain dots."""
