"""The JSON Schema that editors use: every field explained in Finnish and Swedish, with an
example that the schema itself accepts, closed sets as enums, and the same forms the typed
model demands (phones, e-mail and web addresses, colours, ids)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import jsonschema
import pytest

from conftest import REPO
from generator.playbook.roles import NATIONAL_ROLES

SCHEMA: dict[str, Any] = json.loads(
    (REPO / "schema" / "playbook.schema.json").read_text(encoding="utf-8")
)


def _properties() -> Iterator[tuple[str, dict[str, Any]]]:
    for name, prop in SCHEMA["properties"].items():
        yield f"Playbook.{name}", prop
    for model, definition in SCHEMA["$defs"].items():
        for name, prop in definition.get("properties", {}).items():
            yield f"{model}.{name}", prop


PROPERTIES = dict(_properties())


def _is_structure(prop: dict[str, Any]) -> bool:
    """A section made of other keys (documented key by key), not a value one writes."""
    refs = [prop.get("$ref"), prop.get("items", {}).get("$ref")]
    refs += [option.get("$ref") for option in prop.get("anyOf", [])]
    return any(ref and not ref.endswith("/LocalText") for ref in refs)


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_every_field_is_explained_in_finnish_and_swedish(name: str) -> None:
    description = PROPERTIES[name].get("description", "")
    finnish, _, swedish = description.partition(" — ")
    assert finnish and swedish and " — " not in swedish, description


@pytest.mark.parametrize("name", sorted(n for n, p in PROPERTIES.items() if not _is_structure(p)))
def test_every_value_has_an_example_the_schema_accepts(name: str) -> None:
    prop = PROPERTIES[name]
    assert prop.get("examples"), f"{name} has no example"
    checker = jsonschema.Draft202012Validator({**prop, "$defs": SCHEMA["$defs"]})
    for example in prop["examples"]:
        assert list(checker.iter_errors(example)) == [], (name, example)


def _accepts(name: str, value: object) -> bool:
    checker = jsonschema.Draft202012Validator(
        {**PROPERTIES[name], "$defs": SCHEMA["$defs"]},
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return checker.is_valid(value)


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("Contact.phone", "+358 40 123 4567", "040-123"),
        ("Contact.email", "kuraattori@kunta.fi", "kuraattori(at)kunta"),
        ("Municipality.site_url", "https://www.rantala.example/", "http://www.rantala.example/"),
        ("Municipality.color", "#0b5394", "blue"),
        ("Municipality.slug", "rantala", "../rantala"),
        ("Municipality.code", "091", "91"),
        ("School.id", "kirkonkylan-koulu", "Kirkonkylän koulu"),
        ("KnownIssue.criterion", "1.4.3", "AA"),
        ("Monitoring.unit", "hours", "tunnit"),
        ("School.language", "sv", "en"),
        ("Accessibility.method", "external", "audit"),
    ],
)
def test_editors_flag_what_the_check_refuses(name: str, good: str, bad: str) -> None:
    assert _accepts(name, good)
    assert not _accepts(name, bad)


def test_role_ids_are_completed_from_the_national_list() -> None:
    for name in ("Step.role", "Contact.role", "LeaveRule.granted_by"):
        enum = PROPERTIES[name]["anyOf"][0]["enum"]
        assert enum == list(NATIONAL_ROLES)
        assert _accepts(name, "attendance_coordinator")  # a local role declared under roles:
        assert not _accepts(name, "Rehtori")


def test_languages_are_a_closed_set() -> None:
    assert PROPERTIES["Municipality.languages"]["items"]["enum"] == ["fi", "sv"]
