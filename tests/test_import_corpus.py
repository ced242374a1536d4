"""Every excerpt of tests/data/lists/corpus (each in the style of a real paper list) imports
with its papers, venues, years, boxes and URLs as its truth file says (bench/import_corpus.py
prints the same scores as a table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.import_corpus import CORPUS, score_excerpt

EXCERPTS = sorted(CORPUS.glob("*.md"))


def test_the_corpus_covers_many_styles():
    assert len(EXCERPTS) >= 16
    assert all(source.with_suffix(".truth.yaml").is_file() for source in EXCERPTS)


@pytest.mark.parametrize("source", EXCERPTS, ids=[source.stem for source in EXCERPTS])
def test_each_excerpt_meets_the_import_targets(source: Path):
    score = score_excerpt(source)

    assert score.crashed is None
    assert (score.misses, score.extras) == ([], [])
    assert score.recall >= 0.95 and score.precision >= 0.95
    assert sum(score.years) >= 0.95 * len(score.years)
    assert all(score.boxes)
    assert score.urls_lost == []
