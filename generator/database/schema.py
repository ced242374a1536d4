"""JSON Schemas of the record kinds, for editors (yaml-language-server) and tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.project import LIST_KIND, RECORD_KINDS, RecordKind

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(kind: RecordKind) -> dict:
    """JSON Schema of one record kind, with each field's docstring as its description."""
    schema = kind.model.model_json_schema()
    return {"$schema": SCHEMA_DIALECT, "$id": kind.schema_file, **schema}


ALL_KINDS: tuple[RecordKind[Any], ...] = (LIST_KIND, *RECORD_KINDS)


def schema_texts() -> dict[str, str]:
    """File name -> JSON text for every record kind and the list file."""
    return {
        kind.schema_file: json.dumps(schema_of(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in ALL_KINDS
    }


def write_schemas(schema_dir: Path) -> list[Path]:
    """Write every schema file into `schema_dir`; return the paths that changed."""
    schema_dir.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, text in _stale_texts(schema_dir).items():
        path = schema_dir / name
        path.write_text(text, encoding="utf-8")
        changed.append(path)
    return changed


def stale_schemas(schema_dir: Path) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    return list(_stale_texts(schema_dir))


def _stale_texts(schema_dir: Path) -> dict[str, str]:
    """Name -> up-to-date text of each schema file that is missing or differs."""
    return {
        name: text for name, text in schema_texts().items()
        if not (schema_dir / name).is_file() or (schema_dir / name).read_text(encoding="utf-8") != text
    }


def schema_comment(kind: RecordKind) -> str:
    """First line of a record file of `kind`, pointing editors at its schema."""
    prefix = "schema" if kind is LIST_KIND else "../schema"
    return f"# yaml-language-server: $schema={prefix}/{kind.schema_file}"
