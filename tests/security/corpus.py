"""A list project whose every text field of every record kind, and of list.yaml, holds an
injection vector: vector N goes into paper vNNN, leaderboard lbNNN, implementation imNNN,
resource rsNNN, and section, topic, venue and tag group N of list.yaml. Titles start with
'(pN) ', '(lN) '... to stay unique, so a vector ends them as it would end a heading."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.website.conftest import REPO_ROOT, SITE_FILES

LIST_TITLE = "Foo <img src=x onerror=alert(0) x="
"""The list title of the issue: no closing '>', once printed raw by the theme on every page."""
MARKDOWN_FIELDS = frozenset({"notes", "abstract", "description"})
"""Fields read as Markdown; every other text field is plain text."""
_PROBLEM = re.compile(r"^(?P<file>papers/\S+\.yaml):(?P<line>\d+): (?P<field>.+?): .+$")
_RECORD_INDEX = re.compile(r"(?:v|lb|im|rs)(\d{3})\.yaml$")
_LIST_INDEX = re.compile(r"^(?:sections|venues|tag_groups)\[(\d+)\]")


@dataclass
class Modes:
    """Where each vector goes: everywhere, only into Markdown fields, or nowhere (refused).
    Plain-text fields hold one line: the vector with its line breaks as spaces."""

    plain_refused: set[int] = field(default_factory=set)
    refused: set[int] = field(default_factory=set)
    vetted: bool = False
    """Set once `validate` has seen every vector: the list's description then holds them all."""

    def text(self, index: int, vector: str, *, markdown: bool) -> str:
        if index in self.refused or (not markdown and index in self.plain_refused):
            return f"plain {index}"
        return vector if markdown else " ".join(vector.splitlines())


def hostile_url(i: int, plain: str) -> str:
    """An http(s) URL whose path carries the vector, spaces as '/' (`<img/src=x/onerror=...>`)."""
    return f"https://example.org/u{i}/" + "/".join(plain.split())


def _paper(i: int, text: Callable[..., str]) -> dict[str, object]:
    plain = text(i, markdown=False)
    return {
        "id": f"v{i:03d}", "title": f"(p{i}) {plain}", "short_name": plain, "authors": [plain],
        "venue": f"V{i}", "venue_note": plain, "year": 2020, "kind": "paper",
        "links": {
            "url": hostile_url(i, plain), "project": hostile_url(i, plain) + "/project",
            "code": [{"url": hostile_url(i, plain) + "/code", "framework": plain, "label": plain}],
            "other": [{"label": plain, "url": f"https://example.org/p{i}/slides"}],
        },
        "topics": [f"t{i:03d}"], "tags": [f"tag{i:03d}"], "status": "read",
        "notes": text(i, markdown=True), "abstract": text(i, markdown=True),
        "added": "2020-01-01",
        "results": [{
            "leaderboard": f"lb{i:03d}", "method": plain, "source": plain,
            # Every other leaderboard has two metrics, the first named by the vector.
            "values": {plain: {plain: 1.5, "mIoU": 2.5}, "test": {plain: 3.5, "mIoU": None}}
            if i % 2 else {plain: 1.5, "test": 2.5},
            "backbone": plain, "extra_data": plain, "notes": text(i, markdown=True),
        }],
    }


def _leaderboard(i: int, text: Callable[..., str]) -> dict[str, object]:
    plain = text(i, markdown=False)
    return {
        "id": f"lb{i:03d}", "title": f"(l{i}) {plain}", "dataset": plain, "task": plain,
        **({"metrics": [{"name": plain, "unit": plain}, {"name": "mIoU"}]} if i % 2
           else {"metric": plain, "unit": plain}),
        "splits": [plain, "test"], "topics": [f"t{i:03d}"], "description": text(i, markdown=True),
    }


def _implementation(i: int, text: Callable[..., str]) -> dict[str, object]:
    plain = text(i, markdown=False)
    return {
        "id": f"im{i:03d}", "name": plain, "url": hostile_url(i, plain) + "/im",
        "framework": plain, "description": text(i, markdown=True), "score": plain,
        "paper": f"v{i:03d}", "group": plain,
        "links": [{"label": plain, "url": f"https://example.org/im{i}/base"}],
    }


def _resource(i: int, text: Callable[..., str]) -> dict[str, object]:
    plain = text(i, markdown=False)
    return {
        "id": f"rs{i:03d}", "title": f"(r{i}) {plain}", "kind": "tutorial",
        "links": [{"label": plain, "url": hostile_url(i, plain) + "/r"},
                  {"label": "two", "url": f"https://example.org/r{i}/2"}],
        "description": text(i, markdown=True), "venue": f"V{i}", "year": 2019,
        "topics": [f"t{i:03d}"],
    }


def _list(count: int, text: Callable[..., str], title: str, description: str) -> dict[str, object]:
    indices = range(1, count + 1)
    return {
        "title": title, "description": description,
        "site_url": hostile_url(0, title), "repo_url": hostile_url(0, title) + "/repo",
        "sections": [{
            "id": f"s{i:03d}", "title": f"(s{i}) {text(i, markdown=False)}",
            "description": text(i, markdown=True),
            "topics": [{"id": f"t{i:03d}", "title": f"(t{i}) {text(i, markdown=False)}",
                        "description": text(i, markdown=True), "group": text(i, markdown=False)}],
        } for i in indices],
        "venues": [{"id": f"V{i}", "name": text(i, markdown=False)} for i in indices],
        "tag_groups": [{
            "id": f"g{i:03d}", "title": text(i, markdown=False),
            "tags": [{"id": f"tag{i:03d}", "title": f"(g{i}) {text(i, markdown=False)}",
                      "description": text(i, markdown=True)}],
        } for i in indices],
    }


RECORD_KINDS = {"papers": _paper, "leaderboards": _leaderboard,
                "implementations": _implementation, "resources": _resource}


def write_corpus(root: Path, vectors: Sequence[str], modes: Modes, *, list_title: str) -> Path:
    """Write the project at `root` (mkdocs.yml and site/ from the repository)."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in SITE_FILES:
        source = REPO_ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / name)

    def text(index: int, *, markdown: bool) -> str:
        return modes.text(index, vectors[index - 1], markdown=markdown)

    accepted = [text(i, markdown=True) for i in range(1, len(vectors) + 1)
                if modes.vetted and i not in modes.refused]
    _dump(root / "papers" / "list.yaml",
          _list(len(vectors), text, list_title, "\n\n".join(accepted) or "A list."))
    for folder, make in RECORD_KINDS.items():
        for index in range(1, len(vectors) + 1):
            record = make(index, text)
            _dump(root / "papers" / folder / f"{record['id']}.yaml", record)
    return root


def _dump(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000),
                    encoding="utf-8")


def parse_problems(output: str) -> list[re.Match[str]]:
    """Each `file:line: field: message` line of `curate validate`; fails on any other line."""
    lines = [line for line in output.splitlines() if line.strip()]
    matches = [_PROBLEM.match(line) for line in lines]
    unmatched = [line for line, match in zip(lines, matches, strict=True) if match is None]
    assert not unmatched, f"not file:line: field: message: {unmatched[:5]}"
    return [match for match in matches if match is not None]


def vector_of(problem: re.Match[str]) -> int:
    """The number of the vector a problem is about."""
    record = _RECORD_INDEX.search(problem["file"])
    if record:
        return int(record.group(1))
    listed = _LIST_INDEX.match(problem["field"])
    assert listed, f"a problem about no vector: {problem.group(0)}"
    return int(listed.group(1)) + 1


def is_markdown_field(field_path: str) -> bool:
    return re.split(r"[.\[]", field_path.split(".")[-1])[0] in MARKDOWN_FIELDS
