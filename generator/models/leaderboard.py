"""A leaderboard: a dataset, a metric and the splits it reports."""

from __future__ import annotations

from pydantic import Field

from generator.models.fields import MarkdownText, PlainText, RecordId, StoredRecord


class Leaderboard(StoredRecord):
    """A benchmark table; its rows live in the papers that report them."""

    id: RecordId
    """Record id, equal to the file name, e.g. 'pascal-voc2012'."""
    title: PlainText
    """Title shown on the site, e.g. 'PASCAL VOC2012'."""
    dataset: PlainText
    """Dataset name, e.g. 'PASCAL VOC 2012'."""
    task: PlainText
    """Task, e.g. 'weakly-supervised semantic segmentation'."""
    metric: PlainText
    """Metric, e.g. 'mIoU'."""
    unit: PlainText | None = None
    """Unit of the values, e.g. '%'."""
    higher_is_better: bool = True
    """False for metrics where lower values win."""
    splits: list[PlainText] = Field(min_length=1)
    """Splits reported, in column order, e.g. [val, test]."""
    supervision: RecordId | None = None
    """Tag id of the supervision most rows use, e.g. 'image-level'; a row names its own when
    it differs, and readers can filter rows by it."""
    topics: list[RecordId] = []
    """Topics the leaderboard belongs to."""
    description: MarkdownText | None = None
    """What is compared and how (Markdown)."""
