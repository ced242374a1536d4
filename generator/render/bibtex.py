"""BibTeX entries of papers, keyed by paper id so keys never change."""

from __future__ import annotations

import re

from generator.database.assemble import Database
from generator.models import Paper
from generator.models.listconfig import Venue

_ESCAPES = str.maketrans({
    **{character: "\\" + character for character in "&%$#_"},
    # BibTeX counts every brace, escaped or not, so a lone '\{' would end or swallow the
    # entry: braces are written as commands whose own braces pair up.
    "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
})
_AND = re.compile(r"(?<=\s)and(?=\s)", re.IGNORECASE)
"""BibTeX splits an author list on the word 'and'."""


def escape_bibtex(text: str) -> str:
    """Text safe inside a braced BibTeX value: LaTeX specials escaped, braces balanced."""
    return text.translate(_ESCAPES)


def _author_list(authors: list[str]) -> str:
    """Authors joined by 'and'; an 'and' inside one name is braced so it does not split it."""
    return " and ".join(_AND.sub(r"{\g<0>}", escape_bibtex(author)) for author in authors)


_INNER_CAPITAL = re.compile(r"(?<![\\{\w])(\w*[A-Z]\w*[A-Z]\w*|\w+[A-Z]\w*)")


def _protect_capitals(title: str) -> str:
    """Brace words with capitals past their first letter ('FickleNet', 'CNN', 'mIoU'), so
    styles that lower-case titles keep them as written."""
    return _INNER_CAPITAL.sub(r"{\1}", title)


def _verbatim(value: str) -> str:
    return value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def bibtex_entry(paper: Paper, venues: dict[str, Venue]) -> str:
    """One `@inproceedings`/`@article`/`@misc` entry for `paper`."""
    venue = venues.get(paper.venue) if paper.venue else None
    entry_type, venue_fields = _type_and_venue(paper, venue)
    fields = [("title", _protect_capitals(escape_bibtex(paper.title)))]
    if paper.authors:
        fields.append(("author", _author_list(paper.authors)))
    fields += [(name, escape_bibtex(value)) for name, value in venue_fields]
    if paper.year:
        fields.append(("year", str(paper.year)))
    lines = [f"@{entry_type}{{{paper.id},"]
    lines += [f"  {name} = {{{value}}}," for name, value in fields]
    # URL-like fields are read verbatim by BibTeX styles: only braces would break them.
    verbatim = [("doi", paper.links.doi), ("url", paper.links.url)]
    lines += [f"  {name} = {{{_verbatim(value)}}}," for name, value in verbatim if value]
    lines.append("}")
    return "\n".join(lines)


def _type_and_venue(paper: Paper, venue: Venue | None) -> tuple[str, list[tuple[str, str]]]:
    if paper.links.arxiv and (venue is None or venue.kind == "preprint"):
        return "misc", [("eprint", paper.links.arxiv), ("archiveprefix", "arXiv")]
    if venue is None or venue.kind in ("preprint", "other") or paper.kind == "family":
        return "misc", [("howpublished", venue.name or venue.id)] if venue else []
    name = venue.name or venue.id
    if paper.venue_note:
        name = f"{name} ({paper.venue_note})"
    if venue.kind == "journal":
        return "article", [("journal", name)]
    return "inproceedings", [("booktitle", name)]


def bibtex_database(database: Database) -> str:
    """Every paper's entry, in id order, as one `.bib` file."""
    venues = database.venues()
    entries = [bibtex_entry(database.papers[key], venues) for key in sorted(database.papers)]
    return "\n\n".join(entries) + "\n"
