"""Write records as YAML files in one canonical shape: schema comment, fields in model order."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator.layout import RecordKind
from generator.models.fields import Record
from generator.schema import schema_comment

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _RecordDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Safe dumper that writes multi-line text as literal blocks."""


def _represent_text(dumper: _RecordDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_RecordDumper.add_representer(str, _represent_text)


def record_yaml(kind: RecordKind, record: Record) -> str:
    """The YAML text of `record`: schema comment, then fields that differ from defaults."""
    data = record.model_dump(mode="python", exclude_defaults=True)
    return record_yaml_from_data(kind, data)


def record_yaml_from_data(kind: RecordKind, data: dict[str, Any]) -> str:
    """YAML text for already-dumped record data."""
    body = yaml.dump(
        data, Dumper=_RecordDumper, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=False,
    )
    return f"{schema_comment(kind)}\n{body}"


def write_text_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file, so a crash never leaves half a file."""
    write_texts_atomically([(path, text)])


def write_texts_atomically(writes: list[tuple[Path, str]]) -> None:
    """Write every file to a temporary beside it first, then move them all in place: a file
    that cannot be written stops the whole set before any target is touched."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in writes:
            staged.append((_staged_copy(path, text), path))
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)


def _staged_copy(path: Path, text: str) -> str:
    """A temporary file beside `path` holding `text`; its name."""
    if path.is_dir():  # os.replace would fail naming the temporary file, not `path`
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary
