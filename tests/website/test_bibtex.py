"""papers.bib and the paper pages' BibTeX: read back by a real BibTeX parser (pybtex)."""

from __future__ import annotations

import datetime as dt

from pybtex.database import parse_string

from generator.database.assemble import build_database
from generator.models import Paper
from generator.project import Project
from generator.render.bibtex import bibtex_database, bibtex_entry
from tests.conftest import REPO_ROOT


def parsed(entry: str):
    """The single entry of `entry` as pybtex reads it."""
    (read,) = parse_string(entry, "bibtex").entries.values()
    return read


def paper(**fields: object) -> Paper:
    return Paper(id="odd-paper", topics=["methods"], added=dt.date(2024, 1, 2), **fields)


def test_every_paper_of_the_list_is_one_readable_entry_keyed_by_its_id():
    database = build_database(Project(REPO_ROOT))

    entries = parse_string(bibtex_database(database), "bibtex").entries

    assert list(entries) == sorted(database.papers)
    for key, entry in entries.items():
        assert len(entry.persons.get("author", [])) == len(database.papers[key].authors)


def test_a_lone_brace_in_a_title_or_a_name_keeps_the_entry_readable():
    entry = bibtex_entry(paper(title="Sets {a, b and Maps}} ~50% of $5 #1 A_B \\ C",
                               authors=["Ann {Brace", "Bob} Close"]), {})

    read = parsed(entry)

    assert read.fields["title"] == (
        "Sets \\textbraceleft{}a, b and Maps\\textbraceright{}\\textbraceright{} "
        "\\textasciitilde{}50\\% of \\$5 \\#1 A\\_B \\textbackslash{} C")
    assert [str(person) for person in read.persons["author"]] == [
        "\\textbraceleft{}Brace, Ann", "Close, Bob\\textbraceright{}"]


def test_an_and_inside_one_author_name_does_not_split_it_in_two():
    read = parsed(bibtex_entry(paper(title="T", authors=["Research and Development Team", "Eve"]), {}))

    assert [str(person) for person in read.persons["author"]] == [
        "Team, Research {and} Development", "Eve"]


def test_words_with_inner_capitals_are_braced_so_styles_keep_their_case():
    entry = bibtex_entry(paper(title="FickleNet: Co-attention CNNs beat mIoU of Label-PEnet"), {})

    assert entry.splitlines()[1] == (
        "  title = {{FickleNet}: Co-attention {CNNs} beat {mIoU} of Label-{PEnet}},"
    )
    assert parsed(entry).fields["title"] == "{FickleNet}: Co-attention {CNNs} beat {mIoU} of Label-{PEnet}"
