"""Turn source records into typed records, translating pydantic errors into located problems."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.database.yamlsource import SourceRecord, format_field_path
from generator.models.fields import Record, is_model, model_inside
from generator.problems import SHOWN_LENGTH, Problem, closest, shown

RecordT = TypeVar("RecordT", bound=Record)


def validate_record(source: SourceRecord, model: type[RecordT]) -> RecordT | list[Problem]:
    """Validate `source` against `model`; return the record or every problem found."""
    try:
        return model.model_validate(source.data)
    except ValidationError as error:
        return [_problem_from_error(source, model, detail) for detail in error.errors()]


def error_messages(model: type[BaseModel], error: ValidationError) -> list[str]:
    """Each error of `error` as `field: message`, worded as `curate validate` words it."""
    return [
        f"{format_field_path(tuple(detail['loc']))}: {_describe(model, tuple(detail['loc']), detail)}"
        for detail in error.errors()
    ]


def _problem_from_error(source: SourceRecord, model: type[BaseModel], detail: Any) -> Problem:
    location = tuple(detail["loc"])
    parent = location[:-1]
    if detail["type"] == "missing":
        line = source.line_of(parent) if parent else 1
    else:
        line = source.line_of(location)
    return Problem(source.path, line, format_field_path(location), _describe(model, location, detail))


def _describe(model: type[BaseModel], location: tuple[Any, ...], detail: Any) -> str:
    error_type = detail["type"]
    received = detail.get("input")
    if error_type == "missing":
        return f"required field '{location[-1]}' is missing"
    if error_type == "string_too_short" and isinstance(received, str) and not received.strip():
        return "must not be empty"
    if error_type == "too_short" and isinstance(received, (dict, list)) and not received:
        example = _example_of(model, location)
        return f"must not be empty{f', e.g. {example}' if example else ''}, got {_show(received)}"
    if error_type == "string_too_long":
        limit = detail["ctx"]["max_length"]
        return f"text may be at most {limit} characters, got {len(received)}"
    if error_type == "extra_forbidden":
        return _unknown_field_message(model, location)
    if error_type == "value_error":
        return str(detail["ctx"]["error"])
    if error_type in ("literal_error", "enum"):
        return f"expected one of {detail['ctx']['expected']}, got {_show(received)}"
    if error_type == "string_pattern_mismatch":
        suggestion = _ID_SPOILERS.sub("-", str(received)[:SHOWN_LENGTH].lower()).strip("-._")
        hint = f"; did you mean '{suggestion}'?" if suggestion else ""
        return (
            f"expected lower-case letters, digits, '-', '_' or '.' (such as 'dsrg-cvpr2018'), "
            f"got {_show(received)}{hint}"
        )
    if error_type == "string_type" and isinstance(received, (bool, int, float, dt.date)):
        why = " (YAML reads an unquoted yes, no, on or off as true or false)"
        why = why if isinstance(received, bool) else ""
        return f"expected text, got {_show(received)}{why}; put the value in quotes to keep it as text"
    expected = _EXPECTED.get(error_type)
    if expected:
        return f"expected {expected}, got {_show(received)}"
    return f"{detail['msg'][0].lower()}{detail['msg'][1:]}, got {_show(received)}"


_ID_SPOILERS = re.compile(r"[^a-z0-9._-]+")

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date such as 2019-10-01",
    "date_parsing": "a date such as 2019-10-01",
    "date_from_datetime_parsing": "a date such as 2019-10-01",
    "date_from_datetime_inexact": "a date such as 2019-10-01, without a time",
}


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, bool):  # as YAML spells it
        return "true" if value else "false"
    if isinstance(value, dt.date):  # a date or a date with a time: show it as written
        return repr(str(value))
    return shown(value)


def _unknown_field_message(model: type[BaseModel], location: tuple[Any, ...]) -> str:
    name = str(location[-1])
    fields = _fields_at(model, location[:-1])
    if not fields:
        return f"unknown field {shown(name)}"
    close = closest(name[:SHOWN_LENGTH], fields)
    hint = f"did you mean '{close}'? " if close else ""
    return f"unknown field {shown(name)}; {hint}valid fields: {', '.join(fields)}"


def _fields_at(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """Field names of the model found at `location` inside `model`, if it is a model."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if is_model(current) else None
        if field is None:
            return []
        current = model_inside(field.annotation)
    return list(current.model_fields) if is_model(current) else []


_EXAMPLE = re.compile(r"e\.g\. (\{[^}]*\}|\[[^\]]*\]|'[^']*')")


def _example_of(model: type[BaseModel], location: tuple[Any, ...]) -> str | None:
    """The example ('e.g. {val: 61.4}') in the docstring of the field at `location`."""
    current: Any = model
    description = None
    for part in location:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if is_model(current) else None
        if field is None:
            return None
        description, current = field.description, model_inside(field.annotation)
    found = _EXAMPLE.search(description or "")
    return found[1] if found else None
