"""A paper recorded twice is reported at the newer record, which the contributor should merge
into the older one and delete: the one git's HEAD does not hold yet, else the one added later,
else the later file name. A pull request's annotation lands on the file it adds."""

from __future__ import annotations

import subprocess
from pathlib import Path

FICKLENET_AGAIN = """\
id: ficklenet-again
title: FickleNet again
links:
  arxiv: '1902.10421'
topics: [affinity]
added: 2019-01-01
"""
PSA_AGAIN = FICKLENET_AGAIN.replace("ficklenet-again", "a-psa").replace("1902.10421", "1803.10464")


def git(project: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", str(project), *arguments],
        check=True, capture_output=True, timeout=60,
    )


def test_a_record_not_yet_committed_is_the_newer_one_whatever_its_name_and_date(minimal_project, curate):
    git(minimal_project, "init", "-q")
    git(minimal_project, "add", ".")
    git(minimal_project, "commit", "-qm", "the list")
    (minimal_project / "papers" / "papers" / "a-psa.yaml").write_text(PSA_AGAIN)
    git(minimal_project, "add", ".")  # staged is not committed

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == (
        "papers/papers/a-psa.yaml:4: links.arxiv: same arXiv id as papers/papers/psa.yaml:9; "
        "a paper is one record: add this record's topics to that one and delete this file\n"
    )
    assert result.exit_code == 1


def test_among_committed_records_the_later_added_date_is_the_newer_one(minimal_project, curate):
    (minimal_project / "papers" / "papers" / "a-psa.yaml").write_text(PSA_AGAIN)
    psa = minimal_project / "papers" / "papers" / "psa.yaml"
    psa.write_text(psa.read_text().replace("added: 2019-10-01", "added: 2020-02-02"))
    git(minimal_project, "init", "-q")
    git(minimal_project, "add", ".")
    git(minimal_project, "commit", "-qm", "both records")

    result = curate("-C", minimal_project, "validate")

    assert result.stdout == (
        "papers/papers/psa.yaml:9: links.arxiv: same arXiv id as papers/papers/a-psa.yaml:4; "
        "a paper is one record: add this record's topics to that one and delete this file\n"
    )
