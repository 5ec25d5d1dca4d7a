"""Open data of format 2: each municipality's ladders, stages, thresholds, leave and schools as
JSON (valid against its generated schema) and CSV, the same for a version-1 file and the same
file migrated to version 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from conftest import TESTS, VALID_PLAYBOOK, vary, write_playbook
from generator.playbook.loader import load_playbook
from generator.playbook.upgrade import upgrade
from generator.portal.opendata import (
    CSV_COLUMNS,
    current_records,
    open_data_csv,
    open_data_json,
    open_data_schema,
    record_of,
)

PLAYBOOKS = TESTS / "portal" / "playbooks"

CLASS_TEACHER = {
    "id": "class_teacher",
    "name": {"fi": "Luokanopettaja tai luokanohjaaja", "sv": "Klasslärare eller klassföreståndare"},
}
PRINCIPAL = {"id": "principal", "name": {"fi": "Rehtori", "sv": "Rektor"}}
SURVEY = {
    "id": "kysely",
    "name": {"fi": "Poissaolokysely", "sv": "Frånvaroenkät"},
    "url": {
        "fi": "https://www.kaksikko.example/kysely",
        "sv": "https://www.kaksikko.example/kysely",
    },
}
WELFARE_18 = {
    "id": "pupil_and_student_welfare_act_18",
    "citation": {
        "fi": "Oppilas- ja opiskelijahuoltolaki (1287/2013) 18 §",
        "sv": "Lagen om elev- och studerandevård (1287/2013) 18 §",
    },
    "url": {
        "fi": "https://www.finlex.fi/fi/lainsaadanto/2013/1287",
        "sv": "https://www.finlex.fi/sv/lagstiftning/2013/1287",
    },
}


def _record(path: Path) -> dict[str, Any]:
    return record_of(load_playbook(path).playbook)


def _threshold(unit: str, grades: str, comparison: str, **numbers: float) -> dict[str, Any]:
    return {
        "unit": unit,
        "grades": grades,
        "comparison": comparison,
        "amount": numbers.get("amount"),
        "from": numbers.get("low"),
        "to": numbers.get("high"),
    }


def test_a_municipality_gives_its_ladders_with_units_windows_and_equivalence() -> None:
    record = _record(PLAYBOOKS / "kaksikko.yml")
    assert record["ladders"] == [
        {
            "id": "kaikki",
            "counts": "all",
            "name": {"fi": "Kaikki poissaolot", "sv": "All frånvaro"},
            "measures": [
                {
                    "unit": "hours",
                    "window": {
                        "per": "school_year",
                        "weeks": None,
                        "words": {"fi": "lukuvuoden aikana", "sv": "under läsåret"},
                    },
                },
                {
                    "unit": "percent",
                    "window": {
                        "per": "period",
                        "weeks": None,
                        "words": {"fi": "arviointijakson aikana", "sv": "under bedömningsperioden"},
                    },
                },
            ],
            "equivalence": {"hours": 100, "percent": 10},
        },
        {
            "id": "luvattomat",
            "counts": "unauthorised",
            "name": {"fi": "Luvattomat tunnit", "sv": "Olovliga timmar"},
            "measures": [
                {
                    "unit": "hours",
                    "window": {
                        "per": "term",
                        "weeks": None,
                        "words": {"fi": "lukukaudessa", "sv": "per termin"},
                    },
                }
            ],
            "equivalence": None,
        },
    ]
    fjardby = _record(PLAYBOOKS / "fjardby.yml")
    assert [ladder["measures"] for ladder in fjardby["ladders"]] == [
        [
            {
                "unit": "percent",
                "window": {
                    "per": "rolling_weeks",
                    "weeks": 12,
                    "words": {
                        "fi": "viimeisten 12 kouluviikon aikana",
                        "sv": "under de senaste 12 skolveckorna",
                    },
                },
            }
        ],
        [
            {
                "unit": "times",
                "window": {
                    "per": "term",
                    "weeks": None,
                    "words": {"fi": "lukukaudessa", "sv": "per termin"},
                },
            }
        ],
        [{"unit": "days", "window": {"per": None, "weeks": None, "words": {"fi": "", "sv": ""}}}],
    ]
    assert [ladder["name"]["fi"] for ladder in fjardby["ladders"]] == [
        "Kaikki poissaolot",
        "Myöhästymiset",
        "Muut huolestuttavat poissaolot, myös koulukieltäytyminen",
    ]


def test_a_stage_gives_each_threshold_per_unit_and_grade_group_with_its_comparison() -> None:
    stages = _record(PLAYBOOKS / "kaksikko.yml")["stages"]
    assert [(s["id"], s["ladder"], s["sky_tier"]) for s in stages] == [
        ("huoli", "kaikki", 1),
        ("tuki", "kaikki", 2),
        ("verkosto", "kaikki", 3),
        ("luvaton", "luvattomat", None),
    ]
    assert [s["thresholds"] for s in stages] == [
        [_threshold("hours", "all", "at", amount=0)],
        [
            _threshold("hours", "grades_1_6", "at", amount=30),
            _threshold("hours", "grades_7_9", "over", amount=40),
            _threshold("percent", "all", "over", amount=10),
        ],
        [
            _threshold("hours", "all", "range", low=180, high=200),
            _threshold("percent", "all", "over", amount=20),
        ],
        [_threshold("hours", "all", "at", amount=10)],
    ]
    assert [s["starts"] for s in stages] == [
        {
            "fi": "ensimmäisestä huolestuttavasta poissaolosta tai varoitusmerkit",
            "sv": "från den första oroväckande frånvaron eller varningstecken",
        },
        {
            "fi": "vuosiluokat 1–6: 30 tuntia; vuosiluokat 7–9: yli 40 tuntia lukuvuoden aikana "
            "tai yli 10 % kouluajasta arviointijakson aikana",
            "sv": "årskurs 1–6: 30 timmar; årskurs 7–9: över 40 timmar under läsåret eller över "
            "10 % av skoltiden under bedömningsperioden",
        },
        {
            "fi": "180–200 tuntia lukuvuoden aikana tai yli 20 % kouluajasta arviointijakson aikana",
            "sv": "180–200 timmar under läsåret eller över 20 % av skoltiden under "
            "bedömningsperioden",
        },
        {"fi": "10 tuntia lukukaudessa", "sv": "10 timmar per termin"},
    ]
    assert stages[0]["triggers"] == [
        {
            "id": "repeated_lateness",
            "name": {"fi": "toistuvat myöhästymiset", "sv": "upprepade förseningar"},
        },
        {
            "id": "same_weekday_or_lesson",
            "name": {
                "fi": "poissaoloja samana viikonpäivänä tai samalta oppitunnilta",
                "sv": "frånvaro på samma veckodag eller från samma lektion",
            },
        },
    ]
    assert [s["responsible"] for s in stages] == [
        CLASS_TEACHER,
        CLASS_TEACHER,
        PRINCIPAL,
        PRINCIPAL,
    ]


def test_a_stage_gives_its_steps_actors_deadlines_forms_and_legal_basis() -> None:
    stages = _record(PLAYBOOKS / "kaksikko.yml")["stages"]
    assert stages[1]["steps"] == [
        {
            "actors": [
                CLASS_TEACHER,
                {"id": "school_social_worker", "name": {"fi": "Kuraattori", "sv": "Kurator"}},
            ],
            "action": {"fi": "Kutsu koolle tapaaminen.", "sv": "Sammankalla ett möte."},
            "condition": None,
            "deadline": {"kind": "school_days", "days": 5},
            "forms": [SURVEY],
            "legal_basis": [WELFARE_18],
        }
    ]
    assert stages[1]["forms"] == [SURVEY]
    assert stages[1]["legal_basis"] == [
        {
            "id": "basic_education_act_26",
            "citation": {
                "fi": "Perusopetuslaki (628/1998) 26 §",
                "sv": "Lagen om grundläggande utbildning (628/1998) 26 §",
            },
            "url": {
                "fi": "https://www.finlex.fi/fi/lainsaadanto/1998/628",
                "sv": "https://www.finlex.fi/sv/lagstiftning/1998/628",
            },
        },
        WELFARE_18,
    ]
    assert stages[2]["steps"] == [
        {
            "actors": [],
            "action": {"fi": "Kirjaa tapaaminen.", "sv": "Dokumentera mötet."},
            "condition": {
                "fi": "jos huoltaja antaa suostumuksen",
                "sv": "om vårdnadshavaren samtycker",
            },
            "deadline": {"kind": "before_next_stage", "days": None},
            "forms": [],
            "legal_basis": [],
        }
    ]
    assert [s["steps"][0]["deadline"] for s in stages] == [
        {"kind": "same_day", "days": None},
        {"kind": "school_days", "days": 5},
        {"kind": "before_next_stage", "days": None},
        {"kind": "school_days", "days": 1},
    ]
    fjardby = _record(PLAYBOOKS / "fjardby.yml")["stages"]
    assert [s["steps"][0]["deadline"] for s in fjardby] == [
        {"kind": "school_days", "days": 2},
        {"kind": "after_follow_up", "days": None},
        None,
        {"kind": "same_day", "days": None},
    ]


def test_a_stage_of_warning_signs_only_has_no_threshold() -> None:
    stage = _record(PLAYBOOKS / "fjardby.yml")["stages"][3]
    assert (stage["ladder"], stage["sky_tier"], stage["thresholds"]) == ("oro", None, [])
    assert [trigger["id"] for trigger in stage["triggers"]] == [
        "single_worrying_absence",
        "vague_explanations",
    ]
    assert stage["starts"] == {
        "fi": "varoitusmerkit, ei lukumäärärajaa",
        "sv": "varningstecken, ingen gräns i antal",
    }
    assert (stage["responsible"], stage["steps"][0]["actors"]) == (None, [])


def test_leave_rules_caps_exceptions_and_notes() -> None:
    guardians = _record(PLAYBOOKS / "kaksikko.yml")["guardians"]
    leave_form = {
        "id": "loma-anomus",
        "name": {"fi": "Loma-anomus", "sv": "Anhållan om ledighet"},
        "url": {
            "fi": "https://www.kaksikko.example/loma",
            "sv": "https://www.kaksikko.example/sv/ledighet",
        },
    }
    vice_principal = {
        "id": "vice_principal",
        "name": {"fi": "Apulaisrehtori", "sv": "Biträdande rektor"},
    }
    assert guardians == {
        "leave": [
            {"up_to_days": 3, "granted_by": CLASS_TEACHER, "request": "oral", "form": None},
            {"up_to_days": None, "granted_by": PRINCIPAL, "request": "written", "form": leave_form},
        ],
        "leave_days_per_school_year": 10,
        "leave_exceptions": [
            {"schools": None, "grades": [1, 6], "granted_by": vice_principal, "up_to_days": 5},
            {
                "schools": ["rantakoulu"],
                "grades": None,
                "granted_by": PRINCIPAL,
                "up_to_days": None,
            },
        ],
        "leave_notes": [
            {
                "id": "guardian_cannot_grant",
                "text": {
                    "fi": "Huoltaja ei voi itse myöntää lapselleen vapaata koulusta.",
                    "sv": "Vårdnadshavaren kan inte själv bevilja sitt barn ledighet från skolan.",
                },
            },
            {
                "id": "refusal_appealable",
                "text": {
                    "fi": "Jos vapaata ei myönnetä, saat siitä päätöksen, johon voit hakea muutosta.",
                    "sv": "Om ledigheten inte beviljas får du ett beslut som du kan överklaga.",
                },
            },
        ],
        "explain_within_school_days": 3,
        "late_counts_as_absence_after_minutes": 15,
        "forms": [leave_form],
    }
    assert _record(PLAYBOOKS / "fjardby.yml")["guardians"] == {
        "leave": [],
        "leave_days_per_school_year": None,
        "leave_exceptions": [],
        "leave_notes": [],
        "explain_within_school_days": None,
        "late_counts_as_absence_after_minutes": None,
        "forms": [],
    }


def test_schools_decisions_and_a_common_model() -> None:
    record = _record(PLAYBOOKS / "kaksikko.yml")
    assert record["schools"] == [
        {
            "id": "rantakoulu",
            "name": {"fi": "Rannan koulu", "sv": "Strandens skola"},
            "language": "fi",
            "grades": [1, 9],
            "url": None,
            "report_by": "07.30",
            "office_phone": "+358 6 123 4567",
        },
        {
            "id": "skolan",
            "name": {"fi": "Tvåbyn koulu", "sv": "Tvåby skola"},
            "language": "sv",
            "grades": [1, 6],
            "url": None,
            "report_by": None,
            "office_phone": None,
        },
    ]
    assert record["approved_by"] == [
        {
            "body": {
                "fi": "Kasvatus- ja opetuslautakunta",
                "sv": "Fostrans- och utbildningsnämnden",
            },
            "date": "2026-05-20",
            "section": "§ 40",
        },
        {
            "body": {"fi": "Ruotsinkielinen jaosto", "sv": "Svenska sektionen"},
            "date": "2026-05-27",
            "section": "§ 12",
        },
    ]
    assert record["common_model"] == {
        "name": {"fi": "Rannikon yhteinen malli", "sv": "Kustens gemensamma modell"},
        "origin": {
            "fi": "Laadittu seudun kuntien yhteistyönä.",
            "sv": "Utarbetad av kommunerna i regionen tillsammans.",
        },
        "url": "https://www.rannikko.example/malli",
    }
    assert (record["window"], record["effective_from"], record["system"]) == (
        None,
        "2026-08-01",
        "Wilma",
    )
    fjardby = _record(PLAYBOOKS / "fjardby.yml")
    assert (fjardby["schools"], fjardby["common_model"], fjardby["languages"]) == (
        [],
        None,
        ["sv", "fi"],
    )


def _migrated(source: Path, folder: Path) -> Path:
    """``source`` rewritten as version 2 the way ``sky migrate`` does: the upgrade applied to
    the file's round-trip tree, written back with its comments."""
    yaml = YAML()
    tree = yaml.load(source.read_text(encoding="utf-8"))
    upgrade(tree, CommentedMap, CommentedSeq)
    target = folder / source.name
    with target.open("w", encoding="utf-8") as file:
        yaml.dump(tree, file)
    return target


def test_a_version_1_playbook_and_the_same_file_migrated_give_the_same_record(
    tmp_path: Path,
) -> None:
    version_1 = PLAYBOOKS / "vanhala.yml"
    by_hand = PLAYBOOKS / "migrated" / "vanhala.yml"
    assert "schema_version: 1" in version_1.read_text(encoding="utf-8")
    record = _record(version_1)
    assert _record(by_hand) == record
    migrated = _migrated(version_1, tmp_path)
    assert "schema_version: 2" in migrated.read_text(encoding="utf-8")
    assert _record(migrated) == record
    # What the version-1 file said, as version 2 says it.
    assert [(ladder["id"], ladder["counts"]) for ladder in record["ladders"]] == [
        ("all", "all"),
        ("unauthorised", "unauthorised"),
    ]
    assert [(s["ladder"], s["thresholds"]) for s in record["stages"]] == [
        ("all", [_threshold("hours", "all", "at", amount=0)]),
        (
            "all",
            [
                _threshold("hours", "grades_1_6", "at", amount=30),
                _threshold("hours", "grades_7_9", "at", amount=40),
            ],
        ),
        ("unauthorised", [_threshold("hours", "all", "at", amount=10)]),
    ]
    assert record["window"] == {"fi": "Lukukausi", "sv": "Terminen"}
    assert record["guardians"]["leave"] == [
        {"up_to_days": 1, "granted_by": CLASS_TEACHER, "request": None, "form": None},
        {"up_to_days": None, "granted_by": PRINCIPAL, "request": None, "form": None},
    ]
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    pikkula = write_playbook(tmp_path / "v1", VALID_PLAYBOOK)
    assert _record(_migrated(pikkula, tmp_path / "v2")) == _record(pikkula)


def _all_records() -> list[dict[str, Any]]:
    return [_record(PLAYBOOKS / name) for name in ("kaksikko.yml", "fjardby.yml", "vanhala.yml")]


def test_the_json_follows_its_schema_and_every_field_is_described() -> None:
    data = json.loads(open_data_json(current_records(_all_records())))
    schema = json.loads(open_data_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["format_version"] == 2
    assert [m["slug"] for m in data["municipalities"]] == ["kaksikko", "fjardby", "vanhala"]
    assert data["municipalities"][0] == _record(PLAYBOOKS / "kaksikko.yml")
    undescribed = [
        f"{name}.{field}"
        for name, definition in schema["$defs"].items()
        for field, meaning in definition.get("properties", {}).items()
        if len(meaning.get("description", "")) < 10
    ]
    assert undescribed == []
    threshold = schema["$defs"]["Threshold"]["properties"]
    assert sorted(threshold) == ["amount", "comparison", "from", "grades", "to", "unit"]
    assert threshold["comparison"]["enum"] == ["at", "over", "range"]


def test_a_record_of_another_shape_is_left_out() -> None:
    old_shape = {"slug": "vanha", "unit": "hours", "stages": [], "leave": []}
    kept = current_records([old_shape, _record(PLAYBOOKS / "fjardby.yml")])
    assert [municipality.slug for municipality in kept] == ["fjardby"]


def _csv_rows(records: list[dict[str, Any]]) -> list[dict[str, str]]:
    text = open_data_csv(current_records(records))
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    return list(csv.DictReader(io.StringIO(text)))


def _cells(row: dict[str, str], *columns: str) -> tuple[str, ...]:
    return tuple(row[column] for column in columns)


THRESHOLD_COLUMNS = (
    "stage_id",
    "sky_tier",
    "unit",
    "per",
    "weeks",
    "grades",
    "comparison",
    "amount",
    "from",
    "to",
)


def test_the_csv_has_one_row_per_threshold() -> None:
    rows = _csv_rows([_record(PLAYBOOKS / "kaksikko.yml"), _record(PLAYBOOKS / "fjardby.yml")])
    assert [_cells(row, *THRESHOLD_COLUMNS) for row in rows] == [
        ("huoli", "1", "hours", "school_year", "", "all", "at", "0", "", ""),
        ("tuki", "2", "hours", "school_year", "", "grades_1_6", "at", "30", "", ""),
        ("tuki", "2", "hours", "school_year", "", "grades_7_9", "over", "40", "", ""),
        ("tuki", "2", "percent", "period", "", "all", "over", "10", "", ""),
        ("verkosto", "3", "hours", "school_year", "", "all", "range", "", "180", "200"),
        ("verkosto", "3", "percent", "period", "", "all", "over", "20", "", ""),
        ("luvaton", "", "hours", "term", "", "all", "at", "10", "", ""),
        ("niva-1", "1", "percent", "rolling_weeks", "12", "all", "at", "5", "", ""),
        ("niva-3", "3", "percent", "rolling_weeks", "12", "all", "over", "20", "", ""),
        ("myohastymiset", "", "times", "term", "", "all", "over", "5", "", ""),
        ("huoli", "", "", "", "", "", "", "", "", ""),
    ]
    assert rows[0] == {
        "slug": "kaksikko",
        "code": "999",
        "name_fi": "Kaksikko",
        "name_sv": "Tvåby",
        "version": "2026.2",
        "effective_from": "2026-08-01",
        "system": "Wilma",
        "ladder_id": "kaikki",
        "ladder_counts": "all",
        "ladder_name_fi": "Kaikki poissaolot",
        "ladder_name_sv": "All frånvaro",
        "stage_number": "1",
        "stage_id": "huoli",
        "stage_title_fi": "Huoli puheeksi",
        "stage_title_sv": "Ta upp oron",
        "sky_tier": "1",
        "unit": "hours",
        "per": "school_year",
        "weeks": "",
        "grades": "all",
        "comparison": "at",
        "amount": "0",
        "from": "",
        "to": "",
        "starts_fi": "ensimmäisestä huolestuttavasta poissaolosta tai varoitusmerkit",
        "starts_sv": "från den första oroväckande frånvaron eller varningstecken",
        "triggers": "repeated_lateness; same_weekday_or_lesson",
        "responsible": "class_teacher",
        "leave": "class_teacher:3; principal:-",
        "leave_days_per_school_year": "10",
    }
    warning_signs = rows[-1]
    assert _cells(
        warning_signs, "stage_number", "ladder_id", "ladder_counts", "ladder_name_sv"
    ) == (
        "4",
        "oro",
        "worrying",
        "Annan oroväckande frånvaro, också skolvägran",
    )
    assert _cells(warning_signs, "starts_fi", "triggers", "responsible", "leave") == (
        "varoitusmerkit, ei lukumäärärajaa",
        "single_worrying_absence; vague_explanations",
        "",
        "",
    )


def test_a_version_1_playbook_reaches_the_csv_with_its_ladders() -> None:
    rows = _csv_rows([_record(PLAYBOOKS / "vanhala.yml")])
    assert [
        _cells(row, "ladder_id", "stage_number", "unit", "per", "grades", "amount", "starts_fi")
        for row in rows
    ] == [
        ("all", "1", "hours", "", "all", "0", "ensimmäisestä huolestuttavasta poissaolosta"),
        (
            "all",
            "2",
            "hours",
            "",
            "grades_1_6",
            "30",
            "vuosiluokat 1–6: 30 tuntia; vuosiluokat 7–9: 40 tuntia",
        ),
        (
            "all",
            "2",
            "hours",
            "",
            "grades_7_9",
            "40",
            "vuosiluokat 1–6: 30 tuntia; vuosiluokat 7–9: 40 tuntia",
        ),
        ("unauthorised", "3", "hours", "", "all", "10", "10 tuntia"),
    ]
    assert {row["leave"] for row in rows} == {"class_teacher:1; principal:-"}


# A tab or a carriage return cannot start a playbook text (control-character); the
# neutralising of those is tested on its own in tests/test_security.py.
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_formula_in_a_ladder_name_or_stage_title_reaches_the_csv_as_text(
    tmp_path: Path, start: str
) -> None:
    text = (PLAYBOOKS / "kaksikko.yml").read_text(encoding="utf-8")
    formula = f"{start}HYPERLINK(1)"
    text = text.replace(
        "name: {fi: Luvattomat tunnit, sv: Olovliga timmar}",
        f"name: {{fi: {json.dumps(formula)}, sv: Olovliga timmar}}",
    )
    text = text.replace(
        "title: {fi: Luvattomat poissaolot, sv: Olovlig frånvaro}",
        f"title: {{fi: Luvattomat poissaolot, sv: {json.dumps(formula)}}}",
    )
    record = _record(write_playbook(tmp_path, text, "kaksikko"))
    (row,) = [row for row in _csv_rows([record]) if row["ladder_id"] == "luvattomat"]
    assert (row["ladder_name_fi"], row["stage_title_sv"]) == ("'" + formula, "'" + formula)
    assert (row["ladder_name_sv"], row["amount"]) == ("Olovliga timmar", "10")
    assert record["ladders"][1]["name"]["fi"] == formula, "the JSON keeps the text as written"


def test_an_amount_is_written_with_its_decimals_and_no_exponent(tmp_path: Path) -> None:
    text = vary("threshold: {hours: 50}", "threshold: {hours: 1234.5}")
    rows = _csv_rows([_record(write_playbook(tmp_path, text))])
    assert [row["amount"] for row in rows] == ["0", "1234.5"]
