"""Write records as YAML files in one canonical shape: schema comment, fields in model order."""

from __future__ import annotations

from typing import Any

import yaml

from generator.database.schema import schema_comment
from generator.models.fields import Record
from generator.project import RecordKind

try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _RecordDumper(_BaseDumper):
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
