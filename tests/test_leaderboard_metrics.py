"""A leaderboard may report several metrics: it lists them in `metrics`, and each row gives a
score per split and metric. The one-metric form (`metric`, rows with one number per split)
stays as it was. Wrong forms are reported by tests/bad_records/*metric*."""

from __future__ import annotations

from pathlib import Path

from generator.database.assemble import build_database
from generator.models import Leaderboard
from generator.models.leaderboard import Metric
from generator.models.paper import ResultRow
from generator.project import Project

PANOPTIC = """\
id: panoptic
title: Panoptic
dataset: COCO panoptic
task: panoptic segmentation
metrics:
- {name: PQ, unit: '%'}
- {name: RMSE, higher_is_better: false}
splits: [val, test]
"""
PAPER = """\
id: two-metrics
title: A paper with two metrics
topics: [affinity]
added: 2020-01-01
results:
- leaderboard: panoptic
  values:
    val: {PQ: 50.1, RMSE: 3.2}
    test: null
  source: Table 3, p. 7
"""


def with_panoptic_board(project: Path) -> None:
    (project / "papers" / "leaderboards" / "panoptic.yaml").write_text(PANOPTIC)
    (project / "papers" / "papers" / "two-metrics.yaml").write_text(PAPER)


def test_a_board_with_several_metrics_and_its_rows_are_valid(minimal_project, curate):
    with_panoptic_board(minimal_project)

    result = curate("-C", minimal_project, "validate")

    assert (result.exit_code, result.stdout) == (
        0, "ok: 3 papers, 2 leaderboards, 1 implementation, 1 resource\n")


def test_a_row_gives_its_score_by_split_and_metric(minimal_project):
    with_panoptic_board(minimal_project)

    database = build_database(Project(minimal_project))
    row = next(iter(database.rows_of("panoptic"))).row

    assert [(m.name, m.unit, m.higher_is_better) for m in database.leaderboards["panoptic"].all_metrics] == [
        ("PQ", "%", True), ("RMSE", None, False)]
    assert (row.score("val", "PQ"), row.score("val", "RMSE"), row.score("test", "PQ")) == (50.1, 3.2, None)
    assert row.source == "Table 3, p. 7"


def test_a_one_metric_board_is_a_board_of_one_metric():
    board = Leaderboard(id="voc", title="VOC", dataset="VOC", task="segmentation", metric="mIoU",
                        unit="%", higher_is_better=False, splits=["val"])

    assert board.all_metrics == [Metric(name="mIoU", unit="%", higher_is_better=False)]


def test_a_one_metric_row_has_one_score_per_split_whatever_the_metric_is_called():
    row = ResultRow(leaderboard="voc", values={"val": 61.4, "test": None})

    scores = (row.score("val", "mIoU"), row.score("test", "mIoU"), row.score("train", "mIoU"))

    assert scores == (61.4, None, None)
