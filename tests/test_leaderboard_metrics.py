"""A leaderboard may report several metrics: it lists them in `metrics`, and each row gives a
score per split and metric. The one-metric form (`metric`, rows with one number per split)
stays as it was. Wrong forms are reported by tests/bad_records/*metric*."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from generator.database.assemble import build_database
from generator.models import Leaderboard
from generator.models.leaderboard import Metric
from generator.models.paper import ResultRow
from generator.project import Project
from generator.views.list_views import list_views
from generator.views.sota_chart import chart_variants
from tests.conftest import REPO_ROOT, TESTS_DIR

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


MIXED = """\
id: mixed
title: Mixed
dataset: Somewhere
task: depth and segmentation
metrics:
- {name: mIoU, unit: '%'}
- {name: RMSE, higher_is_better: false}
splits: [val]
"""


def mixed_board_view(project: Path, rows: dict[str, str]):
    (project / "papers" / "leaderboards" / "mixed.yaml").write_text(MIXED)
    for paper_id, values in rows.items():
        (project / "papers" / "papers" / f"{paper_id}.yaml").write_text(
            f"id: {paper_id}\ntitle: Paper {paper_id}\nyear: 2019\ntopics: [affinity]\nadded: 2020-01-01\n"
            f"results:\n- leaderboard: mixed\n  values: {{val: {values}}}\n")
    return next(board for board in list_views(build_database(Project(project))).boards if board.id == "mixed")


def test_each_metric_has_its_columns_direction_best_value_and_decimals(minimal_project):
    board = mixed_board_view(minimal_project, {
        "first": "{mIoU: 61.25, RMSE: 3.5}",
        "second": "{mIoU: 64.0, RMSE: 4.0}",
        "third": "{mIoU: null, RMSE: 2.0}",
    })

    assert [(c.heading, c.metric.higher_is_better) for c in board.columns] == [
        ("mIoU val", True), ("RMSE val", False)]
    assert board.metric_summary == "mIoU (%), higher is better; RMSE, lower is better"
    assert [(row.rank, row.method, [v.text for v in row.values]) for row in board.rows] == [
        (1, "Paper second", ["64.00", "4.0"]),
        (2, "Paper first", ["61.25", "3.5"]),
        (None, "Paper third", ["", "2.0"]),  # no mIoU: unranked, last
    ]
    assert [(best.column, best.text, best.method) for best in board.best] == [
        ("mIoU val", "64.00", "Paper second"), ("RMSE val", "2.0", "Paper third")]


def test_each_metric_gets_its_own_chart_of_its_own_values(minimal_project):
    board = mixed_board_view(minimal_project, {"first": "{mIoU: 61.25, RMSE: 3.5}"})

    charts = [(variant.metric, variant.chart.metric_label, [s.label for s in variant.chart.series])
              for variant in chart_variants(board)]

    assert charts == [("mIoU", "mIoU (%)", ["mIoU val"]), ("RMSE", "RMSE", ["RMSE val"])]


def schema_errors(record: Path) -> list[str]:
    """What the committed leaderboard schema (as an editor uses it) says of `record`."""
    schema = json.loads((REPO_ROOT / "papers" / "schema" / "leaderboard.schema.json").read_text())
    data = yaml.safe_load(record.read_text())
    return [error.message for error in Draft202012Validator(schema).iter_errors(data)]


def test_editors_accept_either_metric_form_and_refuse_neither_or_both():
    bad = TESTS_DIR / "bad_records" / "metric-not-declared" / "papers" / "leaderboards"
    panoptic = TESTS_DIR / "fixtures" / "panoptic" / "papers" / "leaderboards" / "coco-panoptic.yaml"

    assert schema_errors(REPO_ROOT / "papers" / "leaderboards" / "pascal-voc2012.yaml") == []
    assert schema_errors(panoptic) == []
    assert len(schema_errors(bad / "nometric.yaml")) == 1
    assert len(schema_errors(bad / "both.yaml")) == 1
