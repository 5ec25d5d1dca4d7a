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

from generator.messages import CATALOGUES, AnyOf, Msg, msg
from generator.playbook.fields import LANGUAGES
from generator.playbook.yamlsource import PathKey, SourceDocument, render_path, shown
from generator.problems import Problem

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
        expected = sorted({_expected_of(d) for d in details}, key=lambda m: m.render())
        combined["ctx"] = {"expected": expected}
        return [typing.cast(ErrorDetails, combined)]
    return details[:1]


def _expected_of(detail: ErrorDetails) -> Msg:
    kind = detail["type"]
    if kind in _MODEL_TYPES:
        class_name = str((detail.get("ctx") or {}).get("class_name"))
        return msg(_MODEL_SHAPES.get(class_name, "part.expect-keys"))
    if kind in {"float_type", "float_parsing"}:
        return msg("part.expect-number")
    if kind in {"int_type", "int_parsing"}:
        return msg("part.expect-whole-number")
    if kind in {"list_type", "tuple_type"}:
        return msg("part.expect-list")
    if kind == "none_required":
        return msg("part.expect-nothing")
    return msg("part.expect-text")


_COMMA_DECIMAL = re.compile(r"-?[0-9]+,[0-9]+")
_MODEL_TYPES = {"model_type", "model_attributes_type", "dict_type"}
_MODEL_SHAPES = {
    "LocalText": "part.expect-local-text",
    "GradeSplit": "part.expect-grade-split",
    "ByGrades": "part.expect-grade-split",
    "Limit": "part.expect-limit",
}
# Messages that only need to say what was found, by pydantic's error type.
_FOUND_MESSAGES = {
    "list_type": "invalid-value.list",
    "tuple_type": "invalid-value.list",
    "string_type": "invalid-value.text",
    "float_parsing": "invalid-value.number",
    "float_type": "invalid-value.number",
    "int_parsing": "invalid-value.whole-number",
    "int_type": "invalid-value.whole-number",
    "int_from_float": "invalid-value.whole-number",
    "finite_number": "invalid-value.finite-number",
}
_BOUND_MESSAGES = {
    "greater_than_equal": "invalid-value.minimum",
    "greater_than": "invalid-value.minimum",
    "less_than_equal": "invalid-value.maximum",
    "less_than": "invalid-value.maximum",
}


def _bound(ctx: dict[str, Any]) -> str:
    value = next((ctx[name] for name in ("ge", "gt", "le", "lt") if name in ctx), "")
    return f"{value:g}" if isinstance(value, float) else str(value)


def _found(value: Any) -> Msg:
    if isinstance(value, dict):
        return msg("part.found-mapping")
    if isinstance(value, list):
        return msg("part.found-list")
    if value is None:
        return msg("part.found-nothing")
    return msg("part.found-value", value=shown(value))


def _problem(
    detail: ErrorDetails, path: PathKey, document: SourceDocument, root: type[BaseModel]
) -> Problem:
    kind = detail["type"]
    field = render_path(path)
    if kind == "missing":
        key = path[-1]
        return Problem.of(
            "missing-key", document.location(path[:-1]), field, msg("missing-key", key=key)
        )
    if kind == "extra_forbidden":
        return Problem.of(
            "unknown-key", document.location(path), field, _unknown_key_message(path, root)
        )
    return Problem.of("invalid-value", document.value_location(path), field, _invalid_value(detail))


def _invalid_value(detail: ErrorDetails) -> Msg:
    kind = detail["type"]
    got = detail.get("input")
    ctx = detail.get("ctx") or {}
    found = _found(got)
    if isinstance(got, str) and _COMMA_DECIMAL.fullmatch(got):
        return msg("invalid-value.comma-decimal", fixed=got.replace(",", "."), got=shown(got))
    if kind == "union_mismatch":
        return msg("invalid-value.expected", expected=AnyOf(tuple(ctx["expected"])), found=found)
    if kind in _MODEL_TYPES:
        return msg("invalid-value.expected", expected=_expected_of(detail), found=found)
    if kind in _BOUND_MESSAGES:
        return msg(_BOUND_MESSAGES[kind], bound=_bound(ctx), found=found)
    if kind in _FOUND_MESSAGES:
        return msg(_FOUND_MESSAGES[kind], found=found)
    return _shaped_value(detail, found)


def _shaped_value(detail: ErrorDetails, found: Msg) -> Msg:
    """A value of the right kind but the wrong form: a date, a choice, a length, a check."""
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    if kind.startswith("date") or kind.startswith("datetime"):
        return msg("invalid-value.date", found=found)
    if kind == "literal_error":
        choices = AnyOf(tuple(re.findall(r"'[^']*'", ctx.get("expected", ""))), serial=True)
        message = msg("invalid-value.choice", choices=choices, found=found)
        return message if message.render() == _english(detail, found) else _other(detail)
    if kind == "too_short":
        empty_list = isinstance(detail.get("input"), list)
        return msg("invalid-value.empty-list" if empty_list else "invalid-value.empty")
    if kind == "string_too_short":
        return msg("invalid-value.empty")
    if kind == "too_long":
        return msg("invalid-value.too-many", limit=ctx.get("max_length"))
    return _custom(detail)


def _custom(detail: ErrorDetails) -> Msg:
    """The model's own checks (PydanticCustomError), in the catalogue under their type."""
    ctx = detail.get("ctx") or {}
    custom = f"invalid-value.{detail['type']}"
    if custom not in CATALOGUES["en"]:
        return _other(detail)
    # A translation is used only for the very message it translates.
    if msg(custom, **ctx).render() != detail["msg"]:
        return _other(detail)
    return msg(custom, **{name: _shown_param(value) for name, value in ctx.items()})


def _shown_param(value: Any) -> Any:
    return shown(value) if isinstance(value, str) else value


def _english(detail: ErrorDetails, found: Msg) -> str:
    expected = (detail.get("ctx") or {}).get("expected", "")
    return f"expected one of {expected}, got {found.render()}"


def _other(detail: ErrorDetails) -> Msg:
    detail_text = detail["msg"].removeprefix("Value error, ")
    return msg("invalid-value.other", detail=shown(detail_text, limit=300))


def _unknown_key_message(path: PathKey, root: type[BaseModel]) -> Msg:
    key = shown(path[-1])
    allowed = _allowed_keys(path[:-1], root)
    if allowed == list(LANGUAGES) and _cut_at_comma(str(path[-1])):
        return msg("unknown-key.comma", key=key)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return msg("unknown-key.suggest", key=key, suggestion=close[0])
    if allowed:
        return msg("unknown-key.allowed", key=key, allowed=", ".join(allowed))
    return msg("unknown-key", key=key)


def _cut_at_comma(key: str) -> bool:
    """Whether an unknown key of a text looks like the rest of a sentence after a comma: in
    ``{fi: Ota yhteyttä, vaikka syy on tiedossa., sv: ...}`` YAML ends the text at the comma."""
    return " " in key.strip() or key.rstrip().endswith((".", "!", "?"))


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
    fields = getattr(model, "model_fields", {})
    # A key written differently from its field's name ('from' of a range) is shown as written.
    return [field.alias or name for name, field in fields.items()]


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
