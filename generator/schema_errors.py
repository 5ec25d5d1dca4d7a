"""Turn the typed model's validation errors into messages an education officer can act on.

Pydantic reports errors in its own words and with the internal names of union members in the
location. Here each error is mapped back to the key path the author wrote, to the line and
column where it was written, and to a message that says what was expected and what was found.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.problems import Problem
from generator.yamlsource import PathKey, SourceDocument, render_path

# Error types that only say "this union member did not match the input's type".
_TYPE_MISMATCH = {
    "model_type",
    "model_attributes_type",
    "dict_type",
    "string_type",
    "float_type",
    "int_type",
    "list_type",
    "tuple_type",
    "float_parsing",
    "int_parsing",
    "none_required",
}


def translate(
    error: ValidationError, document: SourceDocument, root: type[BaseModel]
) -> list[Problem]:
    by_path: dict[PathKey, list[ErrorDetails]] = {}
    for detail in error.errors(include_url=False):
        path = _data_path(detail["loc"], document.data)
        by_path.setdefault(path, []).append(detail)
    problems = []
    for path, details in by_path.items():
        for detail in _relevant(details):
            problems.append(_problem(detail, path, document, root))
    return problems


def _data_path(loc: tuple[int | str, ...], data: Any) -> PathKey:
    """Keep the parts of a pydantic location that exist in the data (drops union tags)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and not _is_union_tag(part):
            path.append(part)  # a missing key: the path names it
            node = None
    return tuple(path)


def _is_union_tag(part: str) -> bool:
    return (
        part[:1].isupper()
        or part in {"float", "int", "str", "list", "dict", "tuple", "none", "bool"}
        or "[" in part
        or part.startswith(("function-", "constrained-", "lax-", "json-"))
    )


def _relevant(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """From the alternatives of a union, keep the errors that explain the real problem."""
    meaningful = [d for d in details if d["type"] not in _TYPE_MISMATCH]
    if meaningful:
        unique: dict[tuple[str, str], ErrorDetails] = {}
        for detail in meaningful:
            unique.setdefault((detail["type"], str(detail["loc"][-1:])), detail)
        return list(unique.values())
    if len(details) > 1:
        combined = dict(details[0])
        combined["type"] = "union_mismatch"
        combined["ctx"] = {"expected": sorted({_expected_of(d) for d in details})}
        return [typing.cast(ErrorDetails, combined)]
    return details[:1]


def _expected_of(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        class_name = str((detail.get("ctx") or {}).get("class_name"))
        return _MODEL_SHAPES.get(class_name, "keys on their own lines (like 'key: value')")
    if kind in {"float_type", "float_parsing"}:
        return "a number"
    if kind in {"int_type", "int_parsing"}:
        return "a whole number"
    if kind in {"list_type", "tuple_type"}:
        return "a list"
    if kind == "none_required":
        return "nothing"
    return "text"


_COMMA_DECIMAL = re.compile(r"-?[0-9]+,[0-9]+")


def _bound(ctx: dict[str, Any], inclusive: str, exclusive: str) -> str:
    value = ctx.get(inclusive, ctx.get(exclusive))
    return f"{value:g}" if isinstance(value, float) else str(value)


_MODEL_SHAPES = {
    "LocalText": "texts in each language (fi: and sv:)",
    "GradeSplit": "a number per grade group (grades_1_6: and grades_7_9:)",
}


def _found(value: Any) -> str:
    if isinstance(value, dict):
        return "keys (a mapping)"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _problem(
    detail: ErrorDetails, path: PathKey, document: SourceDocument, root: type[BaseModel]
) -> Problem:
    kind = detail["type"]
    got = detail.get("input")
    ctx = detail.get("ctx") or {}
    field = render_path(path)
    location = document.value_location(path)
    code = "invalid-value"
    if kind == "missing":
        code = "missing-key"
        parent = path[:-1]
        location = document.location(parent)
        message = f"the required key '{path[-1]}' is missing; add '{path[-1]}:' here"
    elif kind == "extra_forbidden":
        code = "unknown-key"
        location = document.location(path)
        message = _unknown_key_message(path, root)
    elif isinstance(got, str) and _COMMA_DECIMAL.fullmatch(got):
        message = (
            f"expected a number with a decimal point, like {got.replace(',', '.')}, got '{got}'"
        )
    elif kind == "union_mismatch":
        expected = " or ".join(ctx["expected"])
        message = f"expected {expected}, got {_found(got)}"
    elif kind in {"model_type", "model_attributes_type", "dict_type"}:
        message = f"expected {_expected_of(detail)}, got {_found(got)}"
    elif kind in {"list_type", "tuple_type"}:
        message = f"expected a list (items on lines starting with '- '), got {_found(got)}"
    elif kind == "string_type":
        message = f"expected text, got {_found(got)}"
    elif kind in {"float_parsing", "float_type"}:
        message = f"expected a number like 30 or 12.5 (with a point), got {_found(got)}"
    elif kind in {"int_parsing", "int_type", "int_from_float"}:
        message = f"expected a whole number like 3, got {_found(got)}"
    elif kind.startswith("date") or kind.startswith("datetime"):
        message = f"expected a date written as YYYY-MM-DD, like 2026-08-01, got {_found(got)}"
    elif kind == "literal_error":
        message = f"expected one of {ctx.get('expected', '')}, got {_found(got)}"
    elif kind in {"greater_than_equal", "greater_than"}:
        message = f"expected a value of at least {_bound(ctx, 'ge', 'gt')}, got {_found(got)}"
    elif kind in {"less_than_equal", "less_than"}:
        message = f"expected a value of at most {_bound(ctx, 'le', 'lt')}, got {_found(got)}"
    elif kind == "too_short":
        message = (
            "must not be empty; write at least one item"
            if isinstance(got, list)
            else "must not be empty"
        )
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "too_long":
        message = f"has too many items: at most {ctx.get('max_length')}"
    else:
        message = detail["msg"].removeprefix("Value error, ")
    return Problem(code, location, field, message)


def _unknown_key_message(path: PathKey, root: type[BaseModel]) -> str:
    key = str(path[-1])
    allowed = _allowed_keys(path[:-1], root)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{key}'; did you mean '{close[0]}'?"
    if allowed:
        return f"unknown key '{key}'; the keys allowed here are: {', '.join(allowed)}"
    return f"unknown key '{key}'"


def _allowed_keys(path: PathKey, root: type[BaseModel]) -> list[str]:
    model: Any = root
    for part in path:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            return []
        model = _model_in(fields[part].annotation)
        if model is None:
            return []
    return list(getattr(model, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as ``list[Stage]`` or ``LocalText | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None
