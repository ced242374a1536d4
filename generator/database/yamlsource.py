"""Read one YAML record file safely, keeping the line of every field."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from generator.errors import CurateError

try:  # The C parser is several times faster; construction stays in Python either way.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from generator.problems import Problem, shown

MAX_RECORD_BYTES = 1_000_000
"""A record is a few kilobytes; anything above this is refused unread."""

FieldPath = tuple[str | int, ...]


class SourceRecord:
    """The raw data of one YAML file, with the line where each field is written."""

    __slots__ = ("path", "data", "_text", "_lines")

    def __init__(self, path: str, data: dict[str, Any], text: str) -> None:
        self.path = path
        """Path relative to the project root."""
        self.data = data
        self._text = text
        self._lines: dict[FieldPath, int] | None = None

    @property
    def lines(self) -> dict[FieldPath, int]:
        """Line of every key and list item, computed on first use (only errors need it)."""
        if self._lines is None:
            self._lines = _line_map(self._text)
        return self._lines

    def line_of(self, field_path: FieldPath) -> int:
        """Return the line of the deepest written part of `field_path` (1 for the file)."""
        lines = self.lines
        for end in range(len(field_path), 0, -1):
            line = lines.get(tuple(field_path[:end]))
            if line is not None:
                return line
        return 1


class YamlProblem(CurateError):
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
        raw = read_regular_file(file_path, MAX_RECORD_BYTES)
    except RefusedFile as refused:
        return [Problem(display_path, 0, "", str(refused))]
    except OSError as error:
        return [Problem(display_path, 0, "", f"cannot read file: {error.strerror or error}")]
    try:
        return parse_record(raw, display_path)
    except YamlProblem as first:
        return [
            Problem(display_path, problem.line, problem.field_path, problem.message)
            for problem in (first, *first.more)
        ]


class RefusedFile(CurateError):
    """A path that is not a regular file, or is larger than a record may be; never read."""


def read_regular_file(file_path: Path, limit: int) -> bytes:
    """The bytes of `file_path`, refusing symbolic links, devices, FIFOs and sockets unread.

    The file is opened without following a link and without blocking on a FIFO, checked
    through the open descriptor (so it cannot be swapped in between), and read `limit + 1`
    bytes at most whatever its size claims: /dev/zero or a growing file cannot hang the run.
    """
    kind = special_kind(os.lstat(file_path).st_mode)
    if kind:
        raise RefusedFile(_refusal(kind))
    descriptor = os.open(file_path, os.O_RDONLY | _NO_FOLLOW | os.O_NONBLOCK | _BINARY)
    try:
        opened = os.fstat(descriptor)
        kind = special_kind(opened.st_mode)
        if kind:
            raise RefusedFile(_refusal(kind))
        if opened.st_size > limit:
            raise RefusedFile(_too_large(f"{opened.st_size / 1_000_000:.1f} MB", limit))
        chunks, total = [], 0
        wanted = opened.st_size + 1  # one read, and one that finds the end, when stat is right
        while total <= limit:
            chunk = os.read(descriptor, min(wanted, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            wanted = 65_536
    finally:
        os.close(descriptor)
    if total > limit:
        raise RefusedFile(_too_large(f"more than {_megabytes(limit)}", limit))
    return b"".join(chunks)


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def special_kind(mode: int) -> str:
    """What a file of `mode` is when it is not a regular file ('' when it is)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"


def _refusal(kind: str) -> str:
    return f"is {kind}, not a regular file; a record must be a plain file inside the project (not read)"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


def _too_large(size: str, limit: int) -> str:
    return (
        f"file is {size}; a record may be at most {_megabytes(limit)} "
        "(split it, or move data out of it)"
    )


def parse_record(raw: bytes, display_path: str) -> SourceRecord:
    """Parse YAML bytes into a `SourceRecord`; raise `YamlProblem` when impossible."""
    text = _decode(raw)
    _reject_tab_indentation(text)
    node, loader = _compose(text)
    try:
        data = _FastBuilder(loader).build(node)
    except _NeedsCarefulRead:  # Read again with lines, to locate what is wrong.
        data = _DataBuilder(loader).build_checked(node)
    finally:
        loader.dispose()
    return SourceRecord(display_path, data, text)


def _compose(text: str) -> tuple[yaml.MappingNode, _RecordLoader]:
    """Compose the node tree of a record; it must be one mapping."""
    loader = _RecordLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        loader.dispose()
        raise _syntax_problem(error, text) from None
    except yaml.reader.ReaderError as error:
        loader.dispose()
        raise _character_problem(text, error) from None
    except yaml.YAMLError as error:
        loader.dispose()
        raise YamlProblem(1, f"invalid YAML: {' '.join(str(error).split())}") from None
    if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
        loader.dispose()
        raise YamlProblem(1, "file is empty; expected a mapping of fields such as 'id: my-paper'")
    if not isinstance(node, yaml.MappingNode):
        loader.dispose()
        raise YamlProblem(
            node.start_mark.line + 1,
            f"expected a mapping of fields (key: value), got {_node_kind(node)}",
        )
    return node, loader


_STARTED_THERE = ("while scanning a quoted scalar", "while scanning a simple key", "while parsing a flow")
"""Contexts whose mark is where the mistake was written (the problem mark is where it showed)."""

_SYNTAX_HINTS = {
    "mapping values are not allowed": (
        "quote a value that holds ': ' (title: 'FickleNet: Weakly ...'), "
        "and start the keys of a mapping in one column"
    ),
    "could not find expected ':'": "write 'key: value', with a space after the colon",
    "did not find expected key": (
        "start the keys of a mapping in one column, and quote a value that starts with [ or {"
    ),
    "found unexpected end of stream": "close the quote",
    "found character that cannot start any token": "quote a value that starts with @ or `",
    "block sequence entries are not allowed": "quote a value that starts with '- '",
    "did not find expected ',' or ']'": "close the list with ']', or quote the value",
    "exceeded maximum nesting depth": (
        "lists and mappings are nested too deeply; a record needs a few levels (check the brackets)"
    ),
    "but found another document": "a record is one YAML document; remove the second '---' line",
}


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """The line to fix and a message that says how, for a YAML syntax error."""
    problem = error.problem or error.context or "unreadable"
    mark = error.problem_mark or error.context_mark
    if error.context and error.context_mark and error.context.startswith(_STARTED_THERE):
        mark = error.context_mark
        problem = f"{problem} {error.context}"
    problem = " ".join(problem.split())  # PyYAML wraps some problems over two lines
    hint = next((text for start, text in _SYNTAX_HINTS.items() if problem.startswith(start)), "")
    if mark and problem.startswith("mapping values are not allowed"):
        hint = _over_indented_key(text.splitlines(), mark.line) or hint
    return YamlProblem(
        mark.line + 1 if mark else 1, f"invalid YAML: {problem}" + (f"; {hint}" if hint else "")
    )


_KEY_LINE = re.compile(r"^( *)([^\s#:][^:]*):(?:\s|$)")


def _over_indented_key(lines: list[str], index: int) -> str | None:
    """A hint for `  topics: [a]` written under `added: 2019-10-01`: a key indented deeper than
    the key above it, which YAML reads as part of that key's value."""
    here = _KEY_LINE.match(lines[index]) if index < len(lines) else None
    above = next((line for line in reversed(lines[:index]) if line.strip()), "")
    there = _KEY_LINE.match(above)
    if not (here and there and len(here[1]) > len(there[1]) and above[there.end():].strip()):
        return None
    return (
        f"'{here[2]}:' is indented deeper than '{there[2]}:' on the line above; "
        f"start it in the same column as '{there[2]}:'"
    )


def _character_problem(text: str, error: yaml.reader.ReaderError) -> YamlProblem:
    """A character YAML does not allow (a control character, U+FFFE), with its line."""
    before = text[: error.position]
    line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return YamlProblem(
        line,
        f"invalid YAML: the control character U+{ord(character):04X} (column {column}) is not "
        "allowed in a record; delete it",
    )


def _line_map(text: str) -> dict[FieldPath, int]:
    """Line of every key and list item of a record that parsed cleanly before."""
    node, loader = _compose(text)
    try:
        builder = _DataBuilder(loader)
        builder.build(node, ())
    finally:
        loader.dispose()
    return builder.lines


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


_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)


def _reject_tab_indentation(text: str) -> None:
    match = _TAB_INDENT.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise YamlProblem(line, "tab character used for indentation; YAML needs spaces")


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"a single value {shown(node.value)}" if isinstance(node, yaml.ScalarNode) else "something else"


_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NULL_TAG = "tag:yaml.org,2002:null"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_PLAIN_TAGS = frozenset({
    _STR_TAG, _INT_TAG, _NULL_TAG, _SEQ_TAG, _MAP_TAG,
    "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp",
})
"""Tags of plain text, numbers, booleans, dates, lists and mappings; any other (`!custom`,
`!!python/object`, `!!binary`, `!!set`) would be read as something a record cannot hold."""
_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
MAX_INTEGER_DIGITS = 30
"""Longer integers are kept as the text written: no record counts that high, and Python will
not even print an integer of more than 4,300 digits."""
_MAX_INTEGER_BITS = int(MAX_INTEGER_DIGITS * 3.33)
MAX_DEPTH = 50
"""Deepest nesting of lists and mappings read; records need a handful of levels."""


def _implicit_resolvers_by_first_character() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """PyYAML's implicit scalar resolvers, each first character's list joined with the wildcard's."""
    table = _BaseLoader.yaml_implicit_resolvers
    wildcard = table.get(None, [])
    return {first: tuple(resolvers + wildcard) for first, resolvers in table.items() if first is not None}


_IMPLICIT_RESOLVERS = _implicit_resolvers_by_first_character()
_WILDCARD_RESOLVERS = tuple(_BaseLoader.yaml_implicit_resolvers.get(None, []))


class _RecordLoader(_BaseLoader):
    """Safe loader whose only job here is composing the node tree.

    The C composer calls back into Python to resolve the tag of every scalar and to track
    path resolvers; records use no path resolvers, so those calls are skipped, and a scalar's
    tag is looked up by its first character in one prepared table (same result as PyYAML).
    """

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if implicit[0]:
            for tag, pattern in _IMPLICIT_RESOLVERS.get(value[:1], _WILDCARD_RESOLVERS):
                if pattern.match(value):
                    return tag
        return _STR_TAG


def _scalar(loader: _RecordLoader, node: yaml.Node) -> Any:
    """Construct a scalar; plain strings and decimal integers skip PyYAML's dispatch. Text that
    only looks typed (e.g. '2019-13-01') stays text, so validation reports it against its field."""
    if node.tag == _STR_TAG:
        return node.value
    if node.tag == _INT_TAG and _PLAIN_INT.fullmatch(node.value):
        return int(node.value) if len(node.value) <= MAX_INTEGER_DIGITS else node.value
    if node.tag == _INT_TAG and len(node.value) > 4 * MAX_INTEGER_DIGITS:
        return node.value  # e.g. 0x followed by 10,000 digits: not worth converting
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.YAMLError):
        return node.value
    if isinstance(value, int) and value.bit_length() > _MAX_INTEGER_BITS:  # str() of one may fail
        return node.value
    return value


class _NeedsCarefulRead(Exception):
    """The fast read met an alias, a merge key, a complex key or a duplicate key."""


class _FastBuilder:
    """Turn a node tree into plain data without recording lines (the common, clean case)."""

    def __init__(self, loader: _RecordLoader) -> None:
        self.loader = loader
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, depth: int = 0) -> Any:
        if depth > MAX_DEPTH:
            raise _NeedsCarefulRead
        node_id = id(node)
        if node_id in self.seen:
            raise _NeedsCarefulRead
        self.seen.add(node_id)
        if node.tag not in _PLAIN_TAGS:
            raise _NeedsCarefulRead
        node_type = type(node)
        if node_type is yaml.ScalarNode:
            return _scalar(self.loader, node)
        if node_type is yaml.SequenceNode:
            return [self.build(item, depth + 1) for item in node.value]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag == _MERGE_TAG:
                raise _NeedsCarefulRead
            key = key_node.value  # as written: 'null:' is the key 'null', not 'None'
            if key in mapping:
                raise _NeedsCarefulRead
            mapping[key] = self.build(value_node, depth + 1)
        return mapping


class _DataBuilder:
    """Turn a node tree into plain data, recording lines; refuse aliases and duplicate keys."""

    def __init__(self, loader: _RecordLoader) -> None:
        self.loader = loader
        self.lines: dict[FieldPath, int] = {}
        self.seen: set[int] = set()
        self.duplicates: list[YamlProblem] = []

    def build_checked(self, node: yaml.Node) -> Any:
        """Build with lines; raise the first problem (with the others attached)."""
        data = self.build(node, ())
        if self.duplicates:
            first, *more = self.duplicates
            first.more = more
            raise first
        return data

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if id(node) in self.seen:
            raise YamlProblem(
                self.lines.get(path, node.start_mark.line + 1),
                "YAML anchors and aliases (&name / *name) are not allowed in records; "
                "write the value out",
                format_field_path(path),
            )
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise YamlProblem(
                node.start_mark.line + 1,
                f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; "
                "a record needs a few levels (check the brackets and the indentation)",
                format_field_path(path[:3]) + ("..." if len(path) > 3 else ""),
            )
        if node.tag not in _PLAIN_TAGS:
            shown_tag = shown(node.tag.replace("tag:yaml.org,2002:", "!!"))
            raise YamlProblem(
                node.start_mark.line + 1,
                f"YAML tag {shown_tag} is not allowed in records; write a plain value "
                "(text, number, date, list or mapping)",
                format_field_path(path),
            )
        if isinstance(node, yaml.MappingNode):
            return self._build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[(*path, index)] = item.start_mark.line + 1
                items.append(self.build(item, (*path, index)))
            return items
        return _scalar(self.loader, node)

    def _build_mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    "merge keys (<<) are not allowed in records; write the fields out",
                    format_field_path(path),
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    key_node.start_mark.line + 1, "a key must be a plain name", format_field_path(path)
                )
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in mapping:
                first = self.lines[(*path, key)]
                self.duplicates.append(YamlProblem(
                    line,
                    f"duplicate key {shown(key)} (first written on line {first}); "
                    "YAML would silently keep only the last one",
                    format_field_path((*path, key)),
                ))
                continue
            self.lines[(*path, key)] = line
            mapping[key] = self.build(value_node, (*path, key))
        return mapping


def format_field_path(path: FieldPath | tuple[Any, ...]) -> str:
    """Render ('results', 0, 'values') as `results[0].values`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = str(part)
            name = name if len(name) <= SHOWN_KEY_LENGTH else f"{name[:SHOWN_KEY_LENGTH - 3]}..."
            text += f".{name}" if text else name
    return text


SHOWN_KEY_LENGTH = 80
"""A key longer than this (only a hostile or broken file has one) is cut in messages."""
