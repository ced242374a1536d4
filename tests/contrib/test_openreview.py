"""OpenReview notes in both API shapes become the same facts."""

from __future__ import annotations

import json

from generator.lookup.found import Found
from generator.lookup.openreview import parse_openreview_notes

API_1_NOTE = {
    "notes": [
        {
            "id": "B1xSbx2cFX",
            "forum": "B1xSbx2cFX",
            "cdate": 1538087762000,
            "content": {
                "title": "A Paper Reviewed on OpenReview",
                "authors": ["Ada Lovelace", "Alan Turing"],
                "abstract": "Short. Code: https://github.com/example/reviewed.",
                "venue": "ICLR 2019 Poster",
            },
        }
    ]
}


def test_an_api_1_note_gives_title_authors_venue_year_and_code() -> None:
    assert parse_openreview_notes(json.dumps(API_1_NOTE), "B1xSbx2cFX") == Found(
        source="OpenReview",
        title="A Paper Reviewed on OpenReview",
        authors=["Ada Lovelace", "Alan Turing"],
        year=2019,
        venue="ICLR 2019 Poster",
        abstract="Short. Code: https://github.com/example/reviewed.",
        code_urls=["https://github.com/example/reviewed"],
    )


def test_without_a_year_in_the_venue_the_publication_date_gives_it() -> None:
    note = json.loads(json.dumps(API_1_NOTE))
    del note["notes"][0]["content"]["venue"]

    assert parse_openreview_notes(json.dumps(note), "B1xSbx2cFX").year == 2018
