"""The JSON Schema of the playbook format, generated from the typed model (never hand-kept).

The model's field descriptions (Finnish — Swedish) become what an editor shows on hover. On top
of what pydantic derives, editors get: the national role ids to complete wherever a role is
named, the legal-basis ids and warning signs with their words in both languages, and the rules
the model checks across fields (one form of a limit, ``role:`` or ``roles:``, ``weeks:`` with
a rolling window), so that an editor underlines what ``sky check`` would refuse.
"""

from __future__ import annotations

import json
import re
from typing import Any

from generator.messages.ladder_words import trigger_words
from generator.playbook.legal import PROVISIONS
from generator.playbook.model import TRIGGERS, Playbook
from generator.playbook.roles import NATIONAL_ROLES

SCHEMA_ID = "https://sky-playbooks.example/schema/playbook.schema.json"
# Where a project keeps the schema that its playbooks' first line points editors at.
SCHEMA_FILE = "schema/playbook.schema.json"

_ID_PATTERN = "^[a-z0-9]+(?:[_-][a-z0-9]+)*$"
# Fields that name a role: a national one (completed from the list) or one under roles:.
_ROLE_FIELDS = (
    ("Step", "role"),
    ("Step", "roles"),
    ("Stage", "responsible"),
    ("AutomaticMessage", "to"),
    ("Contact", "role"),
    ("LeaveRule", "granted_by"),
    ("LeaveException", "granted_by"),
)
_LEGAL_FIELDS = (("Step", "legal_basis"), ("Stage", "legal_basis"))
# What the model's validators demand across fields, in the schema's words.
_CROSS_FIELD_RULES: dict[str, dict[str, Any]] = {
    "Limit": {
        "oneOf": [{"required": ["over"]}, {"required": ["at"]}, {"required": ["from", "to"]}]
    },
    "Step": {
        "not": {
            "anyOf": [
                {"required": ["role", "roles"]},
                {"required": ["within_school_days", "deadline"]},
            ]
        }
    },
    "Stage": {"anyOf": [{"required": ["threshold"]}, {"required": ["triggers"]}]},
    "Measure": {
        "if": {"properties": {"per": {"const": "rolling_weeks"}}, "required": ["per"]},
        "then": {"required": ["weeks"]},
        "else": {"not": {"required": ["weeks"]}},
    },
}


def playbook_schema() -> dict[str, Any]:
    schema = Playbook.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "SKY playbook"
    definitions: dict[str, Any] = schema["$defs"]
    for model, field in _ROLE_FIELDS:
        _replace_ids(definitions[model]["properties"], field, _role_choice())
    for model, field in _LEGAL_FIELDS:
        _replace_ids(definitions[model]["properties"], field, _legal_choice())
    _describe_values(definitions["Stage"]["properties"]["triggers"]["items"], _trigger_names())
    for model, rules in _CROSS_FIELD_RULES.items():
        definitions[model].update(rules)
    _one_line_descriptions(schema)
    return schema


def _role_choice() -> dict[str, Any]:
    """Editors complete role ids from this list; a local role declared under roles: is allowed
    too, so the list is a suggestion (anyOf), not a closed enum."""
    return {
        "anyOf": [
            {"enum": list(NATIONAL_ROLES), "description": "Kansallinen rooli. — Nationell roll."},
            {"type": "string", "pattern": _ID_PATTERN},
        ]
    }


def _legal_choice() -> dict[str, Any]:
    """The catalogue is closed: an id outside it is an error of ``sky check`` too."""
    choice: dict[str, Any] = {"enum": [entry.id for entry in PROVISIONS]}
    _describe_values(
        choice,
        [
            f"{entry.citation('fi')}: {entry.subject('fi')} — "
            f"{entry.citation('sv')}: {entry.subject('sv')}"
            for entry in PROVISIONS
        ],
    )
    return choice


def _trigger_names() -> list[str]:
    return [f"{trigger_words(t, 'fi')} — {trigger_words(t, 'sv')}" for t in TRIGGERS]


def _describe_values(choice: dict[str, Any], descriptions: list[str]) -> None:
    """What each value of an enum means, for the completion list of editors that show it (the
    YAML and JSON language servers read ``enumDescriptions``; validators ignore it)."""
    assert len(descriptions) == len(choice["enum"])
    choice["enumDescriptions"] = descriptions


def _replace_ids(properties: dict[str, Any], field: str, choice: dict[str, Any]) -> None:
    """Put ``choice`` where the field's schema has a plain id (itself, a list's items, or one
    option of an optional field), keeping its description, examples and the rest."""
    properties[field] = _with_choice(properties[field], choice)


def _with_choice(node: dict[str, Any], choice: dict[str, Any]) -> dict[str, Any]:
    if node.get("type") == "string" and node.get("pattern") == _ID_PATTERN:
        rest = {key: value for key, value in node.items() if key not in {"type", "pattern"}}
        return {**rest, **choice}
    if "items" in node:
        return {**node, "items": _with_choice(node["items"], choice)}
    if "anyOf" in node:
        options: list[dict[str, Any]] = []
        for option in node["anyOf"]:
            chosen = _with_choice(option, choice)
            # An optional role (id or nothing) lists the role options beside null, one level.
            flat = chosen is not option and set(chosen) == {"anyOf"}
            options += chosen["anyOf"] if flat else [chosen]
        return {**node, "anyOf": options}
    return node


def _one_line_descriptions(node: object) -> None:
    """Docstrings wrap at the code's width; a hover text should not break mid-sentence."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                node[key] = re.sub(r"\s+", " ", value).strip()
            else:
                _one_line_descriptions(value)
    elif isinstance(node, list):
        for item in node:
            _one_line_descriptions(item)


def schema_text() -> str:
    return json.dumps(playbook_schema(), ensure_ascii=False, indent=2) + "\n"
