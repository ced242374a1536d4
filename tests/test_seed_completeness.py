"""The seed database holds the whole source list: every entry, URL and checkbox state.

The check (`tests/completeness.py`) re-reads the source with its own line scanner, not with the
importer, and reads `papers/` as plain YAML.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.database.assemble import build_database
from generator.project import Project
from tests.completeness import SOURCE_LIST, missing_entries
from tests.conftest import REPO_ROOT

VENUE_HEADINGS = {"ICCV2019", "CVPR2019"}
"""Headings of the source that give their entries a venue instead of naming a topic."""
KINDS = {"Implementation": "implementations", "Resources": "resources"}


def missing_in(project: Path) -> list[str]:
    return missing_entries(SOURCE_LIST, project, kinds=KINDS, attribute_headings=VENUE_HEADINGS)


@pytest.fixture
def scratch_copy(tmp_path: Path) -> Path:
    """A copy of the seed database to break."""
    shutil.copytree(REPO_ROOT / "papers", tmp_path / "papers")
    return tmp_path


def test_the_seed_database_holds_every_entry_url_and_checkbox_of_the_source():
    assert missing_in(REPO_ROOT) == []


def test_a_deleted_paper_is_reported_at_each_line_that_lists_it(scratch_copy: Path):
    (scratch_copy / "papers" / "papers" / "segan-cvpr2018.yaml").unlink()

    assert missing_in(scratch_copy) == [
        "line 252: no record holds 'SeGAN: Segmenting and Generating the Invisible'",
        "line 266: no record holds 'SeGAN: Segmenting and Generating the Invisible: CVPR2018, "
        "generate occ'",
    ]


def test_a_deleted_implementation_or_resource_is_reported(scratch_copy: Path):
    (scratch_copy / "papers" / "implementations" / "sec-tensorflow.yaml").unlink()
    (scratch_copy / "papers" / "resources" / "unsupervised-visual-learning-tutorial.yaml").unlink()

    assert missing_in(scratch_copy) == [
        "line 82: no record holds "
        "'Unsupervised Visual Learning Tutorial. CVPR 2018  part 1   part 2'",
        "line 118: implementations/sec-original lacks words ['tensorflow'] / URLs "
        "['https://github.com/xtudbxk/SEC-tensorflow'] of 'SEC-tensorflow : tensorflow'",
    ]


def test_a_lost_url_or_checkbox_state_is_reported(scratch_copy: Path):
    stc = scratch_copy / "papers" / "papers" / "stc-tpami2017.yaml"
    stc.write_text(stc.read_text().replace("status: read", "status: to-read"))
    sse = scratch_copy / "papers" / "papers" / "self-supervised-scale-equivariant-network-for.yaml"
    sse.write_text(sse.read_text().replace("pdf/1909.03714.pdf", "abs/1909.03714"))

    assert missing_in(scratch_copy) == [
        "line 149: papers/self-supervised-scale-equivariant-network-for lacks words [] / URLs "
        "['https://arxiv.org/pdf/1909.03714.pdf'] of 'Self-supervised Scale Equivariant Network "
        "for Weakly Supervi'",
        "line 175: checkbox says 'read' but papers/stc-tpami2017 has 'to-read'",
    ]


def test_topic_content_that_is_not_a_paper_is_checked_too(scratch_copy: Path):
    list_file = scratch_copy / "papers" / "list.yaml"
    list_file.write_text(list_file.read_text().replace("      - GrabCut\n", ""))

    assert missing_in(scratch_copy) == ["line 292: no record holds 'GrabCut'"]


def test_the_seed_database_validates_and_has_the_lists_parts():
    database = build_database(Project(REPO_ROOT))
    rows = database.rows_of("pascal-voc2012")
    graph = database.papers["graph-eccv2018"]
    sec_ports = [i.name for i in database.implementations.values() if i.group == "SEC"]

    assert len(database.papers) == 100
    assert len(rows) == 15
    assert [row.row.extra_data for row in rows if row.paper is graph] == [
        None,
        "ImageNet (simple images)",
    ]
    assert len(database.implementations) == 17
    assert sorted(sec_ports) == ["BDSSW", "SEC-tensorflow", "original"]
    assert {paper.id for paper in database.papers_in_topic("by-years")} == {
        "ficklenet-cvpr2019",
        "oaa-iccv2019",
        "joint-learning-of-saliency-detection-and-iccv2019",
        "self-supervised-difference-detection-for-weakly-iccv2019",
    }
    assert database.papers["deeplab-v1-v2-v3-v3-plus"].kind == "family"
    assert sorted(database.resources) == [
        "awesome-semantic-segmentation",
        "learning-a-discriminative-feature-network-for",
        "segmentation.x",
        "unsupervised-visual-learning-tutorial",
        "weakly-supervised-learning-for-computer-vision",
        "weaksupervisedsegmentationlist",
    ]


@pytest.mark.parametrize("keyword", ["dilated convolution", "Otsu", "GrabCut", "CRF", "crf"])
def test_bullets_that_are_not_papers_are_topic_content_not_papers(keyword: str):
    database = build_database(Project(REPO_ROOT))
    descriptions = [topic.description or "" for topic in database.topics().values()]

    assert not [
        p.id for p in database.papers.values() if p.title.lower().startswith(keyword.lower())
    ]
    assert any(keyword in description for description in descriptions)


def test_one_paper_listed_under_several_headings_is_one_record_with_their_topics():
    papers = {
        path.stem: yaml.safe_load(path.read_text())
        for path in (REPO_ROOT / "papers" / "papers").glob("*.yaml")
    }

    assert papers["psa-cvpr2018"]["topics"] == ["by-dataset", "affinity", "diffusion"]
    assert papers["gain-cvpr2018"]["topics"] == ["by-dataset", "localization"]
    assert papers["adaptive-affinity-field-for-semantic-segmentation-eccv2018"]["topics"] == [
        "affinity",
        "generative-adversarial",
    ]
    assert papers["segan-cvpr2018"]["topics"] == ["scene-understanding", "application"]
    assert papers["segan-cvpr2018"]["status"] == "read"  # '[ ]' in one topic, '[x]' in the other
    assert papers["image-level-to-pixel-wise-labeling-ijcai2018"]["notes"] == (
        "fully, analysis the effect of image labels on seg results. add a generator(recover "
        "original image). image label(binary, use a threshold small than 0.5, eg:0.25)\n\n"
        "analysis: analysis the effectiveness of class-level labels for segmentation(GT, predicted)"
    )
