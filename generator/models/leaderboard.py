"""A leaderboard: a dataset, the metrics and the splits it reports."""

from __future__ import annotations

from pydantic import ConfigDict, Field
from pydantic.config import JsonDict

from generator.models.fields import MarkdownText, PlainText, Record, RecordId, StoredRecord

ONE_METRIC_FORM: JsonDict = {"oneOf": [{"required": ["metric"]}, {"required": ["metrics"]}]}
"""For editors: `metric` or `metrics`, not both (curate validate says so with the line)."""


class Metric(Record):
    """One of the metrics a leaderboard with several reports."""

    name: PlainText
    """Name used as the key of the rows' scores and as a column heading, e.g. 'PQ'."""
    unit: PlainText | None = None
    """Unit of the values, e.g. '%'."""
    higher_is_better: bool = True
    """False for metrics where lower values win."""


class Leaderboard(StoredRecord):
    """A benchmark table; its rows live in the papers that report them."""

    model_config = ConfigDict(json_schema_extra=ONE_METRIC_FORM)

    id: RecordId
    """Record id, equal to the file name, e.g. 'pascal-voc2012'."""
    title: PlainText
    """Title shown on the site, e.g. 'PASCAL VOC2012'."""
    dataset: PlainText
    """Dataset name, e.g. 'PASCAL VOC 2012'."""
    task: PlainText
    """Task, e.g. 'weakly-supervised semantic segmentation'."""
    metric: PlainText | None = None
    """The metric of a one-metric leaderboard, e.g. 'mIoU' (rows give {val: 61.4}); a
    leaderboard with several names them in `metrics` instead."""
    unit: PlainText | None = None
    """Unit of the values of `metric`, e.g. '%'."""
    higher_is_better: bool = True
    """False when lower values of `metric` win."""
    metrics: list[Metric] = []
    """The metrics of a leaderboard with several, in column order, e.g. [{name: PQ, unit: '%'},
    {name: mIoU, unit: '%'}]; rows then give a score per split and metric:
    {val: {PQ: 61.4, mIoU: 70.2}}."""
    splits: list[PlainText] = Field(min_length=1)
    """Splits reported, in column order, e.g. [val, test]."""
    supervision: RecordId | None = None
    """Tag id of the supervision most rows use, e.g. 'image-level'; a row names its own when
    it differs, and readers can filter rows by it."""
    topics: list[RecordId] = []
    """Topics the leaderboard belongs to."""
    description: MarkdownText | None = None
    """What is compared and how (Markdown)."""

    @property
    def all_metrics(self) -> list[Metric]:
        """Every metric in column order: `metrics`, or the one of `metric`, `unit` and
        `higher_is_better`."""
        if self.metrics:
            return self.metrics
        return [Metric(name=self.metric or "score", unit=self.unit, higher_is_better=self.higher_is_better)]
