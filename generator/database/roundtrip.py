"""Change some fields of a YAML record and keep everything else exactly as the curator wrote it.

`curate enrich` fills a few fields of a hand-written record. Rewriting the whole file from the
model would drop its comments, quoting, list style and line folding. Instead the file is read
with ruamel.yaml's round-trip loader (which keeps comments and styles), the new values are merged
in (new keys in the model's field order), and only the top-level fields whose values changed are
taken from ruamel's output: every other field keeps its original lines byte for byte.
"""

from __future__ import annotations

import io
import re
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from generator.models.fields import is_model, model_inside

_TOP_LEVEL_KEY = re.compile(r"^(?![#\s\-{\[?!&*%|>])([^:\s][^:]*):(?:\s|$)")
_BLOCK_LIST_UNDER_KEY = re.compile(r"^( *)[^\s#][^\n]*:[ \t]*\n( *)- ", re.MULTILINE)


def patch_record_text(old_text: str, new_data: dict[str, Any], model: type[BaseModel]) -> str:
    """`old_text` with its fields set to `new_data` (keys `new_data` lacks are removed); the
    lines of fields whose value did not change are kept as written."""
    yaml = _round_trip_yaml(old_text)
    document = yaml.load(old_text)
    if not isinstance(document, CommentedMap):
        raise ValueError("a record is a mapping of fields")
    old_keys = {str(key) for key in document}
    changed = {
        key for key in {*document, *new_data}
        if _merge_value(document, key, new_data, model)
    }
    if not changed:
        return old_text
    stream = io.StringIO()
    yaml.dump(document, stream)
    return _splice(old_text, stream.getvalue(), changed, (old_keys, {str(key) for key in document}))


def _round_trip_yaml(old_text: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100  # as generator/database/write.py folds long text
    found = _BLOCK_LIST_UNDER_KEY.search(old_text)
    offset = len(found[2]) - len(found[1]) if found else 0
    yaml.indent(mapping=2, sequence=2 + offset, offset=offset)  # the file's own list style
    return yaml


def _merge_value(target: Any, key: str, new: dict[str, Any], model: Any) -> bool:
    """Set `target[key]` to `new[key]` (or delete it), recursing into mappings and lists of
    mappings so that comments inside them survive; return whether anything changed."""
    if key not in new:
        if key in target:
            del target[key]
            return True
        return False
    value, inner = new[key], _model_of_field(model, key)
    if key not in target:
        target.insert(_position(target, key, model), key, value)
        return True
    old = target[key]
    if isinstance(old, dict) and isinstance(value, dict):
        return any([_merge_value(old, k, value, inner) for k in {*old, *value}])
    if _lists_of_mappings(old, value):
        return any([_merge_value(o, k, v, inner) for o, v in zip(old, value, strict=True) for k in {*o, *v}])
    if type(old) is not type(value) and not _same_scalar(old, value) or old != value:
        target[key] = value
        return True
    return False


def _lists_of_mappings(old: Any, new: Any) -> bool:
    return (
        isinstance(old, list) and isinstance(new, list) and len(old) == len(new)
        and all(isinstance(o, dict) and isinstance(n, dict) for o, n in zip(old, new, strict=True))
    )


def _same_scalar(old: Any, new: Any) -> bool:
    """ruamel's scalar types (ScalarFloat, quoted strings) stand for the plain Python ones."""
    return isinstance(old, type(new)) and not isinstance(old, bool) and not isinstance(new, bool)


def _position(target: CommentedMap, key: str, model: Any) -> int:
    """Where a new key goes: after the last existing key that comes before it in the model."""
    order = list(model.model_fields) if is_model(model) else []
    if key not in order:
        return len(target)
    before = set(order[: order.index(key)])
    existing = list(target)
    return max((index + 1 for index, name in enumerate(existing) if name in before), default=0)


def _model_of_field(model: Any, key: str) -> Any:
    field = model.model_fields.get(key) if is_model(model) else None
    return model_inside(field.annotation) if field is not None else None


def _blocks(text: str) -> tuple[str, dict[str, str]] | None:
    """The text before the first field, and each top-level field's lines (up to the next
    field); None when the fields are not one per line (a flow mapping, a document marker)."""
    preamble: list[str] = []
    blocks: dict[str, list[str]] = {}
    current: list[str] = preamble
    for line in text.splitlines(keepends=True):
        found = _TOP_LEVEL_KEY.match(line)
        if found:
            current = blocks.setdefault(found[1].strip("'\""), [])
            if current:
                return None  # the same key twice: not a shape this splice understands
        current.append(line)
    if not blocks or any(line.strip() == "---" for line in preamble):
        return None
    return "".join(preamble), {key: "".join(lines) for key, lines in blocks.items()}


def _splice(old_text: str, dumped: str, changed: set[str], keys: tuple[set[str], set[str]]) -> str:
    """`dumped`'s lines for the `changed` fields, the old lines for all others; `keys` are the
    fields before and after, which the line split must find (else `dumped` is returned whole)."""
    old, new = _blocks(old_text), _blocks(dumped)
    if old is None or new is None or set(old[1]) != keys[0] or set(new[1]) != keys[1]:
        return dumped
    preamble, old_blocks = old
    _, new_blocks = new
    parts = [preamble]
    for key, block in new_blocks.items():
        kept = old_blocks.get(key)
        if key in changed or kept is None:
            parts.append(_without_trailing_spaces(block))
        else:
            parts.append(kept if kept.endswith("\n") else kept + "\n")
    text = "".join(parts)
    return text if text.endswith("\n") else text + "\n"


def _without_trailing_spaces(block: str) -> str:
    """ruamel.yaml ends each folded line of a long plain value with a space; YAML drops it when
    reading, so it goes (the caller reads the result back to be sure nothing else changed)."""
    return "".join(line.rstrip(" ") + "\n" for line in block.splitlines())
