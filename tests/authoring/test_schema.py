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
from generator.messages.ladder_words import trigger_words
from generator.playbook.legal import PROVISION_IDS, provision
from generator.playbook.model import TRIGGERS
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
        ("Measure.unit", "hours", "tunnit"),
        ("Measure.per", "rolling_weeks", "month"),
        ("Ladder.counts", "lateness", "late"),
        ("Step.deadline", "before_next_stage", "soon"),
        ("School.report_by", "07.30", "7:3"),
        ("School.office_phone", "+358 6 123 4567", "06-123 4567"),
        ("LeaveRule.request", "written", "email"),
        ("School.language", "sv", "en"),
        ("Accessibility.method", "external", "audit"),
    ],
)
def test_editors_flag_what_the_check_refuses(name: str, good: str, bad: str) -> None:
    assert _accepts(name, good)
    assert not _accepts(name, bad)


def test_role_ids_are_completed_from_the_national_list() -> None:
    for name in ("Step.role", "Stage.responsible", "Contact.role", "LeaveRule.granted_by"):
        enum = PROPERTIES[name]["anyOf"][0]["enum"]
        assert enum == list(NATIONAL_ROLES)
        assert _accepts(name, "attendance_coordinator")  # a local role declared under roles:
        assert not _accepts(name, "Rehtori")
    assert _accepts("LeaveException.granted_by", "vice_principal")
    assert not _accepts("LeaveException.granted_by", "Vararehtori")
    for name, value in (("Step.roles", "school_nurse"), ("AutomaticMessage.to", "guardian")):
        assert _accepts(name, ["class_teacher", value])
        assert not _accepts(name, ["class_teacher", "Kuraattori"])


def test_format_2_is_what_the_schema_describes() -> None:
    # The parametrised tests above cover every property found, so they must find format 2's.
    for name in (
        "Playbook.ladders",
        "Playbook.prevention",
        "Playbook.forms",
        "Ladder.measures",
        "Ladder.equivalence",
        "Measure.weeks",
        "Equivalence.percent",
        "Threshold.times",
        "Limit.over",
        "Limit.at",
        "Limit.from",
        "Limit.to",
        "ByGrades.grades_7_9",
        "Stage.triggers",
        "Stage.for_guardians",
        "Stage.automatic_messages",
        "Step.roles",
        "Step.condition",
        "Step.legal_basis",
        "AutomaticMessage.text",
        "Form.url",
        "LocalUrl.sv",
        "Guardians.leave_notes",
        "Guardians.late_counts_as_absence_after_minutes",
        "LeaveException.grades",
        "School.report_by",
        "Approval.also_approved_by",
        "CommonModel.origin",
    ):
        assert name in PROPERTIES, name
    assert SCHEMA["properties"]["schema_version"]["examples"] == [2]
    assert "Monitoring.unit" not in PROPERTIES


def test_a_range_is_written_from_and_to() -> None:
    limit = SCHEMA["$defs"]["Limit"]["properties"]
    assert list(limit) == ["over", "at", "from", "to"]
    assert limit["from"]["description"] == (
        "Välin alku: porras voi alkaa välin sisällä henkilöstön harkinnan mukaan. — Intervallets "
        "början: steget kan börja inom intervallet enligt personalens bedömning."
    )
    assert "from_" not in json.dumps(SCHEMA)


def _valid(definition: str, value: object) -> bool:
    checker = jsonschema.Draft202012Validator(
        {"$ref": f"#/$defs/{definition}", "$defs": SCHEMA["$defs"]}
    )
    return checker.is_valid(value)


@pytest.mark.parametrize(
    ("definition", "good", "bad"),
    [
        ("Limit", {"over": 30}, {"over": 30, "at": 30}),
        ("Limit", {"from": 25, "to": 30}, {"from": 25}),
        ("Limit", {"at": 30}, {"to": 30}),
        ("Threshold", {"hours": {"grades_1_6": 30, "grades_7_9": {"over": 40}}}, {"hours": "30"}),
        (
            "Measure",
            {"unit": "times", "per": "rolling_weeks", "weeks": 6},
            {"unit": "times", "per": "rolling_weeks"},
        ),
        ("Measure", {"unit": "hours", "per": "term"}, {"unit": "hours", "per": "term", "weeks": 6}),
        (
            "Step",
            {"roles": ["class_teacher", "school_nurse"], "action": {"fi": "Soita."}},
            {
                "role": "principal",
                "roles": ["class_teacher", "school_nurse"],
                "action": {"fi": "Soita."},
            },
        ),
        (
            "Step",
            {"action": {"fi": "Soita."}, "deadline": "same_day"},
            {"action": {"fi": "Soita."}, "deadline": "same_day", "within_school_days": 1},
        ),
        (
            "Stage",
            {
                "id": "huoli",
                "title": {"fi": "Huoli"},
                "triggers": ["repeated_lateness"],
                "steps": [{"action": {"fi": "Soita."}}],
            },
            {"id": "huoli", "title": {"fi": "Huoli"}, "steps": [{"action": {"fi": "Soita."}}]},
        ),
    ],
)
def test_editors_flag_what_the_model_refuses_across_fields(
    definition: str, good: object, bad: object
) -> None:
    assert _valid(definition, good)
    assert not _valid(definition, bad)


def test_legal_basis_ids_come_from_the_catalogue_with_their_citation() -> None:
    for name in ("Step.legal_basis", "Stage.legal_basis"):
        items = PROPERTIES[name]["items"]
        assert items["enum"] == list(PROVISION_IDS)
        assert _accepts(name, ["child_welfare_act_25"])
        assert not _accepts(name, ["pupil_welfare_act_18"])
    described = dict(zip(items["enum"], items["enumDescriptions"], strict=True))
    assert described["pupil_and_student_welfare_act_19"] == (
        "Oppilas- ja opiskelijahuoltolaki (1287/2013) 19 §: Yksittäistä opiskelijaa koskevan "
        "opiskeluhuoltoasian käsittely — Lagen om elev- och studerandevård (1287/2013) 19 §: "
        "Behandling av elevhälsoärenden som gäller enskilda studerande"
    )
    entry = provision("basic_education_act_26")
    assert described[entry.id].startswith(f"{entry.citation('fi')}: {entry.subject('fi')} — ")


def test_warning_signs_are_listed_with_their_words() -> None:
    items = PROPERTIES["Stage.triggers"]["items"]
    assert items["enum"] == list(TRIGGERS)
    described = dict(zip(items["enum"], items["enumDescriptions"], strict=True))
    assert described["repeated_lateness"] == "toistuvat myöhästymiset — upprepade förseningar"
    for trigger in TRIGGERS:
        assert (
            described[trigger] == f"{trigger_words(trigger, 'fi')} — {trigger_words(trigger, 'sv')}"
        )


def test_no_description_breaks_a_line() -> None:
    assert "\\n" not in json.dumps(
        [d.get("description", "") for d in SCHEMA["$defs"].values()], ensure_ascii=False
    )


def test_languages_are_a_closed_set() -> None:
    assert PROPERTIES["Municipality.languages"]["items"]["enum"] == ["fi", "sv"]
