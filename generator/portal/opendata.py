"""Open data: every municipality's thresholds and rules as JSON and CSV, with a schema.

The records are what the national portal compares. Their shape is a typed model, so the JSON
Schema published beside the data is generated, never hand-kept.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from generator.messages.page_words import role_name
from generator.playbook.model import GradeSplit, Playbook

DATA_FORMAT_VERSION = 1


class Texts(BaseModel):
    model_config = ConfigDict(frozen=True)
    fi: str = Field(description="Finnish")
    sv: str = Field(description="Swedish")


class StageRecord(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str = Field(description="The stage's id in the playbook")
    title: Texts = Field(description="The stage's title")
    sky_tier: int = Field(description="SKY tier 1-3")
    absences: str = Field(description="Which absences count: 'all' or 'unauthorised'")
    grades_1_6: float = Field(description="Threshold for grades 1-6, in the municipality's unit")
    grades_7_9: float = Field(description="Threshold for grades 7-9, in the municipality's unit")


class LeaveRecord(BaseModel):
    model_config = ConfigDict(frozen=True)
    up_to_days: int | None = Field(description="Longest leave (school days); null: no limit")
    granted_by: str = Field(description="Role id of who grants it")
    granted_by_name: Texts = Field(description="Name of that role")


class MunicipalityRecord(BaseModel):
    """One municipality's absence rules, as published."""

    model_config = ConfigDict(frozen=True)
    slug: str = Field(description="Identifier; the site is at <slug>/ beside the portal")
    code: str | None = Field(description="Three-digit municipality code")
    name: Texts = Field(description="Name of the municipality")
    provider: Texts = Field(description="The education provider")
    languages: list[str] = Field(description="Languages of the site, main language first")
    version: str = Field(description="Version of the rules")
    approved_by: Texts = Field(description="The body that approved the rules")
    approval_date: str = Field(description="Date of approval (YYYY-MM-DD)")
    effective_from: str = Field(description="Date the rules take effect (YYYY-MM-DD)")
    system: str = Field(description="Where absences are recorded")
    unit: str = Field(description="'hours' or 'percent': the unit of every threshold")
    window: Texts = Field(description="The counting period, in words")
    stages: list[StageRecord] = Field(description="The escalation ladder, in order")
    leave: list[LeaveRecord] = Field(description="Who grants leave, shortest first")


class OpenData(BaseModel):
    model_config = ConfigDict(frozen=True)
    format_version: int = Field(description="Version of this data format")
    municipalities: list[MunicipalityRecord]


def _texts(value: Any) -> Texts:
    return Texts(fi=value.get("fi"), sv=value.get("sv"))


def record_of(playbook: Playbook) -> dict[str, Any]:
    """The facts of ``playbook`` that the portal compares, as plain JSON-ready data."""
    stages = []
    for stage in playbook.stages:
        value = stage.threshold.value
        if not isinstance(value, GradeSplit):
            value = GradeSplit(grades_1_6=value, grades_7_9=value)
        stages.append(
            StageRecord(
                id=stage.id,
                title=_texts(stage.title),
                sky_tier=stage.sky_tier,
                absences=stage.threshold.absences,
                grades_1_6=value.grades_1_6,
                grades_7_9=value.grades_7_9,
            )
        )
    municipality, approval = playbook.municipality, playbook.approval
    record = MunicipalityRecord(
        slug=municipality.slug,
        code=municipality.code,
        name=_texts(municipality.name),
        provider=_texts(municipality.provider),
        languages=list(municipality.languages),
        version=approval.version,
        approved_by=_texts(approval.body),
        approval_date=approval.date.isoformat(),
        effective_from=approval.effective_from.isoformat(),
        system=playbook.monitoring.system,
        unit=playbook.monitoring.unit,
        window=_texts(playbook.monitoring.window),
        stages=stages,
        leave=[
            LeaveRecord(
                up_to_days=rule.up_to_days,
                granted_by=rule.granted_by,
                granted_by_name=Texts(
                    fi=role_name(rule.granted_by, playbook, "fi"),
                    sv=role_name(rule.granted_by, playbook, "sv"),
                ),
            )
            for rule in playbook.guardians.leave
        ],
    )
    return record.model_dump(mode="json")


def open_data_json(records: list[dict[str, Any]]) -> str:
    data = OpenData(
        format_version=DATA_FORMAT_VERSION,
        municipalities=[MunicipalityRecord.model_validate(r) for r in records],
    )
    return json.dumps(data.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def open_data_schema() -> str:
    schema = OpenData.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


CSV_COLUMNS = (
    "slug",
    "code",
    "name_fi",
    "name_sv",
    "version",
    "effective_from",
    "system",
    "unit",
    "stage_number",
    "stage_id",
    "stage_title_fi",
    "stage_title_sv",
    "sky_tier",
    "absences",
    "threshold_grades_1_6",
    "threshold_grades_7_9",
    "leave",
)


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP: CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """``cell``, with a leading ``'`` when a spreadsheet would read the text as a formula.

    The quote is what spreadsheets themselves use to mark "text, not a formula"; it is shown
    in the file, which is why the open-data page explains it. Numbers are written as they are.
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def open_data_csv(records: list[dict[str, Any]]) -> str:
    """One row per stage of every municipality; the municipality's columns repeat.

    Every text cell goes through :func:`spreadsheet_safe`: the names and titles come from
    playbooks, which anyone may write.
    """
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        leave = "; ".join(
            f"{rule['granted_by']}:{rule['up_to_days'] if rule['up_to_days'] else '-'}"
            for rule in record["leave"]
        )
        for number, stage in enumerate(record["stages"], start=1):
            writer.writerow(
                spreadsheet_safe(cell)
                for cell in (
                    record["slug"],
                    record["code"] or "",
                    record["name"]["fi"],
                    record["name"]["sv"],
                    record["version"],
                    record["effective_from"],
                    record["system"],
                    record["unit"],
                    number,
                    stage["id"],
                    stage["title"]["fi"],
                    stage["title"]["sv"],
                    stage["sky_tier"],
                    stage["absences"],
                    f"{stage['grades_1_6']:g}",
                    f"{stage['grades_7_9']:g}",
                    leave,
                )
            )
    return output.getvalue()
