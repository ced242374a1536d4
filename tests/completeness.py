"""Is a Markdown list wholly in a project's database? A line scanner independent of the importer.

It reads the list line by line and the database as plain YAML (no generator code), and reports
each entry, URL or checkbox state of the list that the database does not hold:

- an entry line (bullet, table row, line of text) must be held by one record that contains
  every word and every URL of the line: a record whose title, short name, name or table method
  name starts the line, or, for a line that names no record, one holding its URLs (a code link
  '+ https://github.com/x/y [Keras]'); a line without either must be written, as is, in a
  description (topic content such as '- [ ] dilated convolution');
- a paper's status must be what its boxes say: read when any of its lines is `[x]`, to read
  when one is `[ ]`, not tracked when none has a box;
- every heading must be a section, topic, group or leaderboard title, or listed as an attribute
  heading (a venue heading such as 'ICCV2019').

Run it by hand: `python tests/completeness.py LIST.md PROJECT_DIR [--attribute-heading ICCV2019]`.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+(?:\[([ xX])\]\s+)?(.*)$")
_LINK = re.compile(r"\[((?:\[[^\]]*\]|[^\[\]])*)\]\(([^)\s]+)\)")
_URL = re.compile(r"https?://[^\s)\]>|]+")
_POINTER_LABELS = {"link", "code", "code?", "web", "pdf"}
_RANK = {"untracked": 0, "to-read": 1, "read": 2}
_STATUS = {"x": "read", "X": "read", " ": "to-read", None: "untracked"}
_FOLDERS = ("papers", "leaderboards", "implementations", "resources")

SOURCE_LIST = Path(__file__).resolve().parent / "data" / "lists" / "weakly-segmentation-source.md"
"""The Markdown list our seed database was imported from, kept in the repository so that a
fresh clone can check the database against it (a byte-for-byte copy of the original list)."""


@dataclass
class SourceLine:
    number: int
    text: str
    box: str | None
    urls: list[str]
    heading: str | None = None
    """The level-1 or level-2 heading the line sits under."""


@dataclass
class DatabaseView:
    """Every record as plain data, with the words and strings of each."""

    records: dict[str, dict] = field(default_factory=dict)
    """'folder/id' -> record data."""
    headings: set[str] = field(default_factory=set)
    descriptions: list[str] = field(default_factory=list)


def scan_source(path: Path) -> tuple[list[SourceLine], list[tuple[int, str]]]:
    """Entry lines of the list, and its headings as (line, text); TOC and table rules left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    entries, headings, top = [], [], None
    for index, raw in enumerate(lines):
        stripped = raw.strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if not stripped or "](#" in stripped or re.fullmatch(r"[|\s:-]+", stripped):
            continue
        html_heading = re.fullmatch(r"<h([1-6])[^>]*>(.*?)</h\1>", stripped)
        if stripped.startswith("#") or html_heading:
            level = int(html_heading.group(1)) if html_heading else len(stripped) - len(stripped.lstrip("#"))
            text = html_heading.group(2).strip() if html_heading else stripped.lstrip("#").strip()
            headings.append((index + 1, text))
            top = text if level <= 2 else top
            continue
        if stripped.startswith("|"):
            if re.fullmatch(r"[|\s:-]+", following):
                continue  # table header
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", stripped.strip("|"))]
            text = " ".join(cells).replace("\\|", "|")
            entries.append(SourceLine(index + 1, text, None, _urls(stripped), top))
            continue
        item = _ITEM.match(raw)
        box, text = (item.group(1), item.group(2)) if item else (None, stripped)
        entries.append(SourceLine(index + 1, text.strip(), box, _urls(stripped), top))
    return entries, headings


def _urls(line: str) -> list[str]:
    return [url for found in _URL.findall(line) for url in found.split(",") if url]


def read_database(project: Path) -> DatabaseView:
    """Every record under `project/papers`, read as plain YAML."""
    view = DatabaseView()
    config = yaml.safe_load((project / "papers" / "list.yaml").read_text(encoding="utf-8"))
    view.headings.add(config["title"].casefold())
    view.descriptions.append(config.get("description") or "")
    for section in config["sections"]:
        view.headings.add(section["title"].casefold())
        view.descriptions.append(section.get("description") or "")
        for topic in section.get("topics", []):
            view.headings.update({topic["title"].casefold(), (topic.get("group") or "").casefold()})
            view.descriptions.append(topic.get("description") or "")
    aliases = {venue["id"]: venue.get("aliases", []) for venue in config.get("venues", [])}
    for folder in _FOLDERS:
        for file in sorted((project / "papers" / folder).glob("*.yaml")):
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
            data["venue_aliases"] = aliases.get(data.get("venue"), [])
            view.records[f"{folder}/{file.stem}"] = data
            if folder == "leaderboards":
                view.headings.add(data["title"].casefold())
            view.descriptions += [data.get("description") or "", data.get("notes") or ""]
    return view


def missing_entries(
    source: Path,
    project: Path,
    *,
    kinds: dict[str, str] | None = None,
    attribute_headings: set[str] = frozenset(),
) -> list[str]:
    """Everything of `source` that the database of `project` does not hold, one message each.

    `kinds` maps a top heading to the record folder its lines must be found in, e.g.
    {'Implementation': 'implementations'}.
    """
    entries, headings = scan_source(source)
    view = read_database(project)
    problems = [
        f"line {number}: heading '{text}' is no section, topic, group or leaderboard"
        for number, text in headings
        if text.casefold() not in view.headings and text not in attribute_headings
    ]
    expected: dict[str, tuple[str, int]] = {}
    for entry in entries:
        folder = (kinds or {}).get(entry.heading or "")
        owner, problem = _owner(entry, view, folder)
        if problem:
            problems.append(problem)
        if owner and owner.startswith("papers/"):
            status = _STATUS[entry.box]
            if owner not in expected or _RANK[status] > _RANK[expected[owner][0]]:
                expected[owner] = (status, entry.number)
    for owner, (status, number) in expected.items():
        actual = view.records[owner].get("status", "untracked")
        if actual != status:
            problems.append(f"line {number}: checkbox says '{status}' but {owner} has '{actual}'")
    return problems


def _owner(entry: SourceLine, view: DatabaseView, folder: str | None) -> tuple[str | None, str | None]:
    plain = _plain(entry.text)
    start = _norm(plain)
    candidates = sorted(
        (len(_norm(name)), key)
        for key, data in view.records.items()
        if folder is None or key.startswith(f"{folder}/")
        for name in _names(data)
        if len(_norm(name)) >= 3 and start.startswith(_norm(name))
    )
    if not candidates and entry.urls:  # a line naming no record: the record holding its URLs
        candidates = [
            (0, key)
            for key, data in view.records.items()
            if (folder is None or key.startswith(f"{folder}/"))
            and all(url in " ".join(_strings(data)) for url in entry.urls)
        ]
    for _, key in reversed(candidates):
        strings = " ".join(_strings(view.records[key]))
        if _words(plain) <= _words(strings) and all(url in strings for url in entry.urls):
            return key, None
    if any(_strip_marker(entry) in text for text in view.descriptions):
        return None, None
    if (
        not candidates
        and not entry.urls
        and any(  # a label row of a table, kept in row notes
            start in _norm(" ".join(_strings(data))) for data in view.records.values()
        )
    ):
        return None, None
    if candidates:
        key = candidates[-1][1]
        lost = sorted(_words(plain) - _words(" ".join(_strings(view.records[key]))))
        lost_urls = [url for url in entry.urls if url not in " ".join(_strings(view.records[key]))]
        return (
            None,
            f"line {entry.number}: {key} lacks words {lost} / URLs {lost_urls} of '{plain[:60]}'",
        )
    return None, f"line {entry.number}: no record holds '{plain[:70]}'"


def _strip_marker(entry: SourceLine) -> str:
    box = f"[{entry.box}] " if entry.box else ""
    return f"{box}{entry.text}"


def _names(data: dict) -> list[str]:
    names = [data.get(key) for key in ("title", "short_name", "name", "group")]
    names += [row.get("method") for row in data.get("results", [])]
    return [name for name in names if name]


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [str(value)]


def _plain(text: str) -> str:
    text = _LINK.sub(
        lambda m: " " if m.group(1).strip("[]").lower() in _POINTER_LABELS else f" {m.group(1).strip('[]')} ",
        text,
    )
    text = re.sub(r"</?sub>", " ", text)
    return re.sub(r"\*{1,2}", "", text).strip()


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def _words(text: str) -> set[str]:
    """Words and numbers; a four-digit year also stands for its short form ('2018', '18')."""
    found = set(re.findall(r"[a-z]+|\d+", text.casefold()))
    return found | {word[2:] for word in found if re.fullmatch(r"(19|20)\d\d", word)}


def main(argv: list[str] | None = None) -> int:
    """Print what the database lacks; exit 1 when anything."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the Markdown list")
    parser.add_argument("project", type=Path, help="the folder holding papers/")
    parser.add_argument(
        "--attribute-heading",
        action="append",
        default=[],
        metavar="TEXT",
        help="a heading that names no topic (a venue heading such as ICCV2019)",
    )
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="HEADING=FOLDER",
        help="lines under a top heading must be records of FOLDER",
    )
    args = parser.parse_args(argv)
    kinds = dict(item.split("=", 1) for item in args.kind)
    found = missing_entries(
        args.source, args.project, kinds=kinds, attribute_headings=set(args.attribute_heading)
    )
    print("\n".join(found) or "complete: every entry, URL and checkbox state is in the database")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
