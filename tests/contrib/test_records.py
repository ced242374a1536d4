"""Readable record ids and short names for new papers."""

from __future__ import annotations

import pytest

from generator.lookup.records import readable_id, short_name_of


@pytest.mark.parametrize(
    ("name", "venue", "year", "taken", "expected"),
    [
        ("FickleNet", "CVPR", 2019, set(), "ficklenet-cvpr2019"),
        ("Puzzle-CAM", None, 2021, set(), "puzzle-cam-2021"),
        ("STC", "TPAMI", 2017, set(), "stc-tpami2017"),
        (
            "Weakly Supervised Learning of Instance Segmentation with Inter-pixel Relations",
            "CVPR",
            2019,
            set(),
            "weakly-supervised-learning-cvpr2019",
        ),
        ("The Devil is in the Details", None, None, set(), "devil-is-details"),
        ("Écrire: Über Naïve Fusion", "arXiv", 2020, set(), "ecrire-uber-naive-arxiv2020"),
        ("FickleNet", "CVPR", 2019, {"ficklenet-cvpr2019"}, "ficklenet-cvpr2019-2"),
        (
            "FickleNet",
            "CVPR",
            2019,
            {"ficklenet-cvpr2019", "ficklenet-cvpr2019-2"},
            "ficklenet-cvpr2019-3",
        ),
        ("日本語のタイトル", "ECCV", 2018, set(), "paper-eccv2018"),
    ],
)
def test_ids_are_name_words_venue_and_year_and_never_taken(name, venue, year, taken, expected) -> None:
    assert readable_id(name, venue, year, taken) == expected


@pytest.mark.parametrize(
    ("title", "short_name"),
    [
        ("FickleNet: Weakly and Semi-supervised Semantic Image Segmentation", "FickleNet"),
        ("Puzzle-CAM: Improved localization via matching partial and full features", "Puzzle-CAM"),
        ("Deep Seeded Region Growing: a study", None),
        ("Weakly-Supervised Semantic Segmentation Network with Deep Seeded Region Growing", None),
    ],
)
def test_the_name_before_a_colon_is_the_short_name_when_it_is_short(title, short_name) -> None:
    assert short_name_of(title) == short_name
