"""Patching a record's text changes the lines of the changed fields and nothing else."""

from __future__ import annotations

import datetime as dt

import yaml

from generator.database.roundtrip import patch_record_text
from generator.models import Paper

HAND_WRITTEN = """\
# yaml-language-server: $schema=../schema/paper.schema.json
id: x   # my id
title: "A title"   # double quoted on purpose
authors: [A. One, B. Two]
links:
  url: https://example.org   # the PDF
  code:
    - url: https://github.com/a/b
      stars: 3
topics: [affinity]
notes: >-
  folded notes that
  go on
added: 2019-10-01
"""


def test_new_and_changed_fields_take_their_place_and_other_lines_stay_byte_for_byte():
    data = yaml.safe_load(HAND_WRITTEN)
    data["year"] = 2019
    data["links"]["code"][0]["stars"] = 10
    data["citations"] = 5

    patched = patch_record_text(HAND_WRITTEN, data, Paper)

    assert patched == HAND_WRITTEN.replace(
        "authors: [A. One, B. Two]\n", "authors: [A. One, B. Two]\nyear: 2019\n"
    ).replace("      stars: 3\n", "      stars: 10\n").replace(
        "added: 2019-10-01\n", "citations: 5\nadded: 2019-10-01\n"
    )


def test_unchanged_data_leaves_the_text_as_it_is():
    assert patch_record_text(HAND_WRITTEN, yaml.safe_load(HAND_WRITTEN), Paper) == HAND_WRITTEN


def test_a_record_written_as_one_flow_mapping_is_dumped_whole_and_still_holds_the_data():
    text = "{id: x, title: T, topics: [a], added: 2019-10-01}\n"
    data = {**yaml.safe_load(text), "year": 2020, "added": dt.date(2019, 10, 1)}

    patched = patch_record_text(text, data, Paper)

    assert yaml.safe_load(patched) == data
