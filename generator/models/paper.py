"""A paper (or preprint, survey, family of papers) and its leaderboard results."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, PlainValidator, TypeAdapter

from generator.models.fields import (
    ArxivId,
    Count,
    Doi,
    HttpUrl,
    MarkdownText,
    NamedLink,
    PastDate,
    PlainText,
    Record,
    RecordId,
    Score,
    StoredRecord,
    Year,
)


class CodeLink(Record):
    """A code repository implementing the paper."""

    url: HttpUrl
    """Repository URL."""
    framework: PlainText | None = None
    """Framework it is written with, e.g. 'pytorch', 'caffe', 'mxnet'."""
    official: bool | None = None
    """True when released by the authors; false for third-party ports."""
    label: PlainText | None = None
    """Text the list shows for the link when it is not just 'code', e.g. 'code?'."""
    stars: Count | None = None
    """Repository stars when last enriched."""
    last_commit: PastDate | None = None
    """Date of the last commit when last enriched."""
    archived: bool | None = None
    """True when GitHub marks the repository archived (read-only), when last enriched."""


class PaperLinks(Record):
    """Where to read the paper and its code."""

    url: HttpUrl | None = None
    """Main link: the paper's page or PDF."""
    arxiv: ArxivId | None = None
    """arXiv id without version, e.g. '1902.10421'."""
    doi: Doi | None = None
    """DOI, e.g. '10.1109/CVPR.2019.00536'."""
    code: list[CodeLink] = []
    """Code repositories, official first."""
    project: HttpUrl | None = None
    """Project page."""
    other: list[NamedLink] = []
    """Further labelled links: slides, video, supplementary material."""


ScoresByMetric = dict[PlainText, Score | None]
"""A split's score per metric on a leaderboard with several, e.g. {PQ: 61.4, mIoU: null}."""

_ONE_SCORE: TypeAdapter[float | None] = TypeAdapter(Score | None)
_SCORES_BY_METRIC: TypeAdapter[dict[str, float | None]] = TypeAdapter(ScoresByMetric)


def _split_value(value: Any) -> float | None | dict[str, float | None]:
    """A mapping is read as scores by metric, anything else as one score, so a wrong value
    gets the one message of the form it was written in."""
    if isinstance(value, dict):
        return _SCORES_BY_METRIC.validate_python(value)
    return _ONE_SCORE.validate_python(value)


SplitValue = Annotated[
    Score | None | ScoresByMetric,
    PlainValidator(_split_value, json_schema_input_type=Score | None | ScoresByMetric),
]
"""A split's value in a row: one score, or a score per metric."""


class ResultRow(Record):
    """One row of a leaderboard reported by this paper."""

    leaderboard: RecordId
    """Id of the leaderboard (a file under `papers/leaderboards/`)."""
    values: dict[PlainText, SplitValue] = Field(min_length=1)
    """Score per split, e.g. {val: 61.4, test: 63.2}: every split of the leaderboard, with
    `null` for one the paper does not report ({val: 61.4, test: null}); on a leaderboard with
    several `metrics`, a score per split and metric ({val: {PQ: 61.4, mIoU: null}})."""
    method: PlainText | None = None
    """Name shown in the table when not the paper's short name."""
    url: HttpUrl | None = None
    """Link the row points to when it differs from the paper's main link (e.g. its code)."""
    backbone: PlainText | None = None
    """Backbone network, e.g. 'ResNet-38', 'VGG-16 LargeFOV'."""
    extra_data: PlainText | None = None
    """Extra training data beyond the benchmark's own, e.g. 'ImageNet subset'."""
    supervision: RecordId | None = None
    """Tag id of the supervision this result used, when it differs from the leaderboard's
    (e.g. 'web' on an image-level board); readers can filter rows by it."""
    source: PlainText | None = None
    """Where the paper reports the number, e.g. 'Table 3, p. 7'."""
    highlight: bool = False
    """The source list set this row in bold."""
    notes: MarkdownText | None = None
    """Short notes shown in the table (Markdown)."""

    def score(self, split: str, metric: str) -> float | None:
        """The score on `split` for `metric` (a one-metric leaderboard's rows give one score per
        split, whatever its metric's name); None when not reported."""
        value = self.values.get(split)
        return value.get(metric) if isinstance(value, dict) else value


class Paper(StoredRecord):
    """A paper on the list: one record, however many topics list it."""

    id: RecordId
    """Record id, equal to the file name, e.g. 'dsrg-cvpr2018'."""
    title: PlainText
    """Full title as published."""
    short_name: PlainText | None = None
    """Name used in tables, e.g. 'DSRG'."""
    aliases: list[PlainText] = []
    """Other names the paper goes by, e.g. a misspelling a source list used ('BDSSW');
    `curate import` recognises the paper under each of them."""
    authors: list[PlainText] = []
    """Authors in publication order."""
    venue: PlainText | None = None
    """Venue id from `papers/list.yaml`, e.g. 'CVPR'; unknown when empty."""
    venue_note: PlainText | None = None
    """Qualifier of the venue as written, e.g. 'Workshop'."""
    year: Year | None = None
    """Year of publication."""
    kind: Literal["paper", "preprint", "survey", "family"] = "paper"
    """`family` groups several papers under one entry, e.g. 'Deeplab v1, v2, v3, v3+'."""
    links: PaperLinks = PaperLinks()
    """Paper, arXiv, DOI, code and project links."""
    topics: list[RecordId] = Field(min_length=1)
    """Topic ids from the taxonomy; a paper listed under two topics names both."""
    tags: list[RecordId] = []
    """Tags from the vocabulary in `papers/list.yaml`, e.g. 'image-level', 'semantic'."""
    status: Literal["read", "to-read", "untracked"] = "untracked"
    """Reading status for the checklists."""
    notes: MarkdownText | None = None
    """Reading notes in Markdown; sub-points as nested bullets."""
    abstract: MarkdownText | None = None
    """Abstract, when looked up."""
    citations: Count | None = None
    """Citation count when last enriched."""
    refreshed: PastDate | None = None
    """Date `curate enrich --refresh` last updated the citations and the code repositories'
    stars, last commit and archived state."""
    added: PastDate
    """Date the paper was added to the list."""
    results: list[ResultRow] = []
    """Leaderboard rows this paper reports."""
