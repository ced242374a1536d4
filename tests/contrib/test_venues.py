"""Venue names as services write them map to venue ids of papers/list.yaml, or to nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.lookup.venues import VenueMatch, match_venue
from generator.models import ListConfig

LIST_FILE = Path(__file__).resolve().parents[2] / "papers" / "list.yaml"
VENUES = ListConfig.model_validate(yaml.safe_load(LIST_FILE.read_text(encoding="utf-8"))).venues


@pytest.mark.parametrize(
    ("raw", "venue_id"),
    [
        ("2019 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)", "CVPR"),
        ("Computer Vision and Pattern Recognition", "CVPR"),
        ("CVPR 2019", "CVPR"),
        ("IEEE International Conference on Computer Vision", "ICCV"),
        ("2019 IEEE/CVF International Conference on Computer Vision (ICCV)", "ICCV"),
        ("European Conference on Computer Vision", "ECCV"),
        ("Lecture Notes in Computer Science; Computer Vision – ECCV 2018", "ECCV"),
        ("Neural Information Processing Systems", "NIPS"),
        ("NeurIPS", "NIPS"),
        ("neurips", "NIPS"),
        ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI"),
        ("AAAI Conference on Artificial Intelligence", "AAAI"),
        ("Proceedings of the AAAI Conference on Artificial Intelligence", "AAAI"),
        ("arXiv", "arXiv"),
        ("ArXiv", "arXiv"),
        ("arXiv.org", "arXiv"),
        ("Neurocomputing", "Neurocomputing"),
    ],
)
def test_a_known_venue_is_found_by_id_alias_abbreviation_or_name(raw: str, venue_id: str) -> None:
    assert match_venue(raw, VENUES) == VenueMatch(venue_id)


def test_an_unknown_venue_is_left_empty_with_what_to_do() -> None:
    assert match_venue("IEEE International Conference on Image Processing", VENUES) == VenueMatch(
        None,
        "venue 'IEEE International Conference on Image Processing' is not among the venues of "
        "papers/list.yaml (AAAI, BMVC, CVPR, ECCV, ICCV, ICLR, ICML, IJCAI, ISVC, KDD, NIPS, "
        "TPAMI, "
        "WACV, CVIU, Neurocomputing, arXiv, preprint); left empty: add it there (or as an alias of a "
        "venue) "
        "and set 'venue:' in the record",
    )


def test_a_name_that_fits_two_venues_is_left_empty() -> None:
    assert match_venue("CVPR and ICCV joint workshop", VENUES) == VenueMatch(
        None, "venue 'CVPR and ICCV joint workshop' could be any of CVPR, ICCV; left empty"
    )


def test_no_venue_is_no_venue() -> None:
    assert match_venue(None, VENUES) == VenueMatch(None, None)
