"""`curate import` on other people's lists: excerpts written in the style of three public
awesome lists of the field (bare URLs with code sub-bullets; a results table with row groups
and papers by year; task-list boxes, HTML headings and comment paragraphs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.importer import import_list
from tests.completeness import missing_entries

LISTS = Path(__file__).parent / "data" / "lists"
ADDED = dt.date(2020, 1, 1)


def records(project: Path, folder: str) -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text())
        for path in sorted((project / "papers" / folder).glob("*.yaml"))
    }


@pytest.mark.parametrize("name", ["architectures.md", "wsss-by-year.md", "by-supervision.md"])
def test_every_line_is_placed_or_reported_and_the_result_validates(name, tmp_path: Path, curate):
    source = LISTS / name
    outcome = import_list(source, tmp_path, allow_skips=True, added=ADDED)
    line_count = len(source.read_text().splitlines())

    accounted = set(outcome.drafts.placed) | {skipped.line for skipped in outcome.skipped}
    assert accounted == set(range(1, line_count + 1))
    assert curate("-C", tmp_path, "validate").exit_code == 0


def test_bare_urls_and_code_sub_bullets(tmp_path: Path):
    source = LISTS / "architectures.md"
    outcome = import_list(source, tmp_path, added=ADDED)
    papers = records(tmp_path, "papers")

    assert outcome.skipped == []
    assert missing_entries(source, tmp_path) == []
    assert sorted(papers) == ["erfnet", "pspnet-2017", "sec", "segnet-2016", "u-net-2015"]
    assert papers["u-net-2015"]["links"] == {
        "url": "https://arxiv.org/pdf/1505.04597.pdf",
        "arxiv": "1505.04597",
        "code": [
            {"url": "https://github.com/zhixuhao/unet", "label": "Keras"},
            {"url": "https://github.com/jakeret/tf_unet", "label": "Tensorflow"},
        ],
    }
    assert papers["u-net-2015"]["notes"] == (
        "- https://lmb.informatik.uni-freiburg.de/people/ronneber/u-net/ [Caffe + Matlab]"
    )
    assert papers["pspnet-2017"]["links"]["other"] == [
        {"label": "link", "url": "https://hszhao.github.io/projects/pspnet/"}
    ]
    assert sorted(records(tmp_path, "implementations")) == ["pix2pixhd", "pydensecrf"]
    assert sorted(records(tmp_path, "resources")) == [
        "densecrf",
        "pascal-context",
        "stanford-background-dataset",
    ]


def test_a_results_table_becomes_a_leaderboard_and_papers_by_year_join_its_rows(tmp_path: Path):
    source = LISTS / "wsss-by-year.md"
    outcome = import_list(source, tmp_path, allow_skips=True, added=ADDED)
    papers = records(tmp_path, "papers")
    board = records(tmp_path, "leaderboards")["1.1-results-on-pascal-voc-2012-dataset"]

    assert [(s.line, s.reason) for s in outcome.skipped] == [
        (38, "table row has no number in the score columns")
    ]
    assert board["splits"] == ["val", "test"]
    assert sum(len(paper.get("results", [])) for paper in papers.values()) == 6
    assert papers["aisi-eccv2018"]["title"] == (
        "Associating Inter-Image Salient Instances for Weakly Supervised Semantic Segmentation"
    )
    assert papers["aisi-eccv2018"]["results"][1] == {
        "leaderboard": "1.1-results-on-pascal-voc-2012-dataset",
        "values": {"val": 64.5, "test": 65.6},
        "backbone": "ResNet101",
        "highlight": True,
        "notes": "Image-level w/; Sup.: **I**; Extra data: Saliency<br/>24KImageNet",
    }
    assert papers["song-et-al-cvpr2019"]["results"][0]["values"] == {"val": 70.2, "test": None}  # empty cell
    assert (papers["puzzlenet-arxiv2018"]["venue"], papers["puzzlenet-arxiv2018"]["year"]) == (
        "arXiv",
        2018,
    )
    assert missing_entries(source, tmp_path, attribute_headings={"Table of Contents", "2019", "2018"}) == [
        "line 38: no record holds 'Scribblesup   S'"
    ]


def test_task_list_boxes_become_reading_status(tmp_path: Path):
    source = LISTS / "by-supervision.md"
    import_list(source, tmp_path, allow_skips=True, added=ADDED)
    papers = records(tmp_path, "papers")
    config = yaml.safe_load((tmp_path / "papers" / "list.yaml").read_text())

    assert {paper_id: paper.get("status", "untracked") for paper_id, paper in papers.items()} == {
        "adversarial-learning-semi-arxiv2018": "untracked",
        "deepcut-object-segmentation-2017": "untracked",
        "learning-weak-noisy-tpami2017": "to-read",
        "learning-segment-every-cvpr2018": "read",
        "learning-segment-cut-arxiv2018": "untracked",
        "seed-expand-constrain-eccv2016": "read",
        "simple-does-it-cvpr2017": "to-read",
    }
    assert papers["simple-does-it-cvpr2017"]["notes"] == (
        "comments: Grabcut+(HED boundary) and MCG, train the segmentation network directly on generated masks"
    )
    assert "- [x] Paper list\n\t- [x] box\n\t- [ ] one-shot" in config["description"]
    assert [section["title"] for section in config["sections"]] == [
        "1.Bounding box supervision",
        "2.Image label supervision",
    ]
    assert missing_entries(source, tmp_path, attribute_headings={"Typical weak supervision problems"}) == [
        'line 24: no record holds \'<img src="img/instance.PNG" alt="instance segmentation" width="450" />\''
    ]


def test_a_skipped_line_stops_the_import_unless_allowed(tmp_path: Path, curate):
    source = tmp_path / "by-supervision.md"
    text = (LISTS / "by-supervision.md").read_text(encoding="utf-8")
    source.write_text(text.replace(
        '<img src="img/instance.PNG" alt="instance segmentation" width="450" />',
        '<img src="https://example.org/instance.png" alt="instance segmentation" />',
    ), encoding="utf-8")
    result = curate("-C", tmp_path / "p", "import", source)

    assert result.exit_code == 1
    assert not (tmp_path / "p" / "papers").exists()
    assert result.stdout.splitlines() == [
        f"{source}:24: skipped: html line: no entry made: "
        '<img src="https://example.org/instance.png" alt="instance segmentation" />',
        "found 7 papers (2 read, 2 to read, 3 not tracked), 0 leaderboards with 0 rows, "
        "0 implementations, 0 resources, 2 topics, 12 URLs",
        "skipped 1 line; nothing written (use --allow-skips to write anyway)",
    ]
    assert curate("-C", tmp_path / "p", "import", source, "--allow-skips").exit_code == 0
    assert len(records(tmp_path / "p", "papers")) == 7


def test_a_picture_from_the_repository_is_layout_not_a_skip(tmp_path: Path, curate):
    result = curate("-C", tmp_path, "import", LISTS / "by-supervision.md")

    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "skipped 0 lines"
