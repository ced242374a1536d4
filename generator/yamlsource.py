"""Read one YAML record file safely, keeping the line of every field."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # The C parser is several times faster; construction stays in Python either way.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from generator.problems import Problem

MAX_RECORD_BYTES = 1_000_000
"""A record is a few kilobytes; anything above this is refused unread."""

FieldPath = tuple[str | int, ...]


@dataclass
class SourceRecord:
    """The raw data of one YAML file, with the line where each field is written."""

    path: str
    """Path relative to the project root."""
    data: dict[str, Any]
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, field_path: FieldPath) -> int:
        """Return the line of the deepest written part of `field_path` (1 for the file)."""
        for end in range(len(field_path), 0, -1):
            line = self.lines.get(tuple(field_path[:end]))
            if line is not None:
                return line
        return self.lines.get((), 1)


class YamlProblem(Exception):
    """A file that cannot be read as a record; carries the line and message."""

    more: list[YamlProblem]

    def __init__(self, line: int, message: str, field_path: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field_path = field_path
        self.more = []


def read_record(file_path: Path, display_path: str) -> SourceRecord | list[Problem]:
    """Read `file_path` into a `SourceRecord`, or return the problems that stop it."""
    try:
        size = file_path.stat().st_size
        if size > MAX_RECORD_BYTES:
            return [Problem(
                display_path, 0, "",
                f"file is {size / 1_000_000:.1f} MB; a record may be at most "
                f"{MAX_RECORD_BYTES // 1_000_000} MB (split it, or move data out of it)",
            )]
        raw = file_path.read_bytes()
    except OSError as error:
        return [Problem(display_path, 0, "", f"cannot read file: {error.strerror}")]
    try:
        return parse_record(raw, display_path)
    except YamlProblem as first:
        return [
            Problem(display_path, problem.line, problem.field_path, problem.message)
            for problem in (first, *first.more)
        ]


def parse_record(raw: bytes, display_path: str) -> SourceRecord:
    """Parse YAML bytes into a `SourceRecord`; raise `YamlProblem` when impossible."""
    text = _decode(raw)
    if not text.strip() or all(_is_comment_or_blank(line) for line in text.splitlines()):
        raise YamlProblem(1, "file is empty; expected a mapping of fields such as 'id: my-paper'")
    _reject_tab_indentation(text)
    loader = _RecordLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlProblem(1, "file is empty; expected a mapping of fields such as 'id: my-paper'")
        if not isinstance(node, yaml.MappingNode):
            raise YamlProblem(
                node.start_mark.line + 1,
                f"expected a mapping of fields (key: value), got {_node_kind(node)}",
            )
        builder = _DataBuilder(loader)
        data = builder.build(node, ())
        if builder.duplicates:
            first, *more = builder.duplicates
            first.more = more
            raise first
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, f"invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise YamlProblem(1, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()
    builder.lines[()] = 1
    return SourceRecord(display_path, data, builder.lines)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlProblem(
            line,
            f"file is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "save it as UTF-8",
        ) from None


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped in ("---", "...")


_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


def _reject_tab_indentation(text: str) -> None:
    match = _TAB_INDENT.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise YamlProblem(line, "tab character used for indentation; YAML needs spaces")


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"a single value {node.value!r}" if isinstance(node, yaml.ScalarNode) else "something else"


class _RecordLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader whose only job here is composing the node tree."""


class _DataBuilder:
    """Turn a node tree into plain data, recording lines; refuse aliases and duplicate keys."""

    def __init__(self, loader: _RecordLoader) -> None:
        self.loader = loader
        self.lines: dict[FieldPath, int] = {}
        self.seen: set[int] = set()
        self.duplicates: list[YamlProblem] = []

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if id(node) in self.seen:
            raise YamlProblem(
                self.lines.get(path, node.start_mark.line + 1),
                "YAML anchors and aliases (&name / *name) are not allowed in records; "
                "write the value out",
                _dotted(path),
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = item.start_mark.line + 1
                items.append(self.build(item, (*path, index)))
            return items
        return self.loader.construct_object(node, deep=True)

    def _build_mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    "merge keys (<<) are not allowed in records; write the fields out",
                    _dotted(path),
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, "a key must be a plain name", _dotted(path))
            key = str(self.loader.construct_object(key_node))
            line = key_node.start_mark.line + 1
            if key in mapping:
                first = self.lines[(*path, key)]
                self.duplicates.append(YamlProblem(
                    line,
                    f"duplicate key '{key}' (first written on line {first}); "
                    "YAML would silently keep only the last one",
                    _dotted((*path, key)),
                ))
                continue
            self.lines[(*path, key)] = line
            mapping[key] = self.build(value_node, (*path, key))
        return mapping


def _dotted(path: FieldPath) -> str:
    return format_field_path(path)


def format_field_path(path: FieldPath | tuple[Any, ...]) -> str:
    """Render ('results', 0, 'values') as `results[0].values`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
