"""A venue may be written as one of its declared aliases; a result row gives every split of its
leaderboard, `null` for one the paper does not report."""

from __future__ import annotations

from pathlib import Path

from generator.database.assemble import build_database
from generator.project import Project

NIPS = "- {id: NIPS, name: Neural Information Processing Systems, aliases: [NeurIPS]}\n"
PAPER = """\
id: alias-paper
title: A paper at NeurIPS
venue: {venue}
year: 2019
topics: [affinity]
added: 2020-01-01
results:
- leaderboard: voc
  values: {{val: 60.5, test: null}}
"""


def with_paper(project: Path, venue: str) -> None:
    list_file = project / "papers" / "list.yaml"
    list_file.write_text(list_file.read_text().replace("venues:\n", "venues:\n" + NIPS))
    (project / "papers" / "papers" / "alias-paper.yaml").write_text(PAPER.format(venue=venue))


def test_a_declared_alias_in_any_case_is_accepted_and_read_as_the_venue_id(minimal_project, curate):
    with_paper(minimal_project, "neurips")

    result = curate("-C", minimal_project, "validate")

    assert (result.exit_code, result.stdout) == (
        0,
        "ok: 3 papers, 1 leaderboard, 1 implementation, 1 resource\n",
    )
    assert build_database(Project(minimal_project)).papers["alias-paper"].venue == "NIPS"


def test_a_split_written_null_is_not_reported_and_ranks_nothing(minimal_project):
    with_paper(minimal_project, "NIPS")

    database = build_database(Project(minimal_project))
    row = next(row for row in database.rows_of("voc") if row.paper.id == "alias-paper")

    assert row.row.values == {"val": 60.5, "test": None}
