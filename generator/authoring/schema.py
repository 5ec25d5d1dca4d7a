"""The JSON Schema of the playbook format, generated from the typed model (never hand-kept)."""

from __future__ import annotations

import json
from typing import Any

from generator.playbook.model import Playbook
from generator.playbook.roles import NATIONAL_ROLES

SCHEMA_ID = "https://sky-playbooks.example/schema/playbook.schema.json"
# Where a project keeps the schema that its playbooks' first line points editors at.
SCHEMA_FILE = "schema/playbook.schema.json"


def playbook_schema() -> dict[str, Any]:
    schema = Playbook.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "SKY playbook"
    # Editors complete role ids from this list; a local role declared under roles: is allowed
    # too, so the list is a suggestion (anyOf), not a closed enum.
    role_ref = {
        "anyOf": [
            {"enum": list(NATIONAL_ROLES), "description": "Kansallinen rooli. — Nationell roll."},
            {"type": "string", "pattern": "^[a-z0-9]+(?:[_-][a-z0-9]+)*$"},
        ]
    }
    definitions = schema["$defs"]
    for model, field in (("Step", "role"), ("Contact", "role"), ("LeaveRule", "granted_by")):
        properties = definitions[model]["properties"]
        properties[field] = {**properties[field], **role_ref}
        properties[field].pop("pattern", None)
        properties[field].pop("type", None)
    return schema


def schema_text() -> str:
    return json.dumps(playbook_schema(), ensure_ascii=False, indent=2) + "\n"
