"""Open data: every municipality's ladders, thresholds and rules as JSON and CSV, with a schema.

The records are what the national portal compares (:mod:`generator.portal.facts` makes one
from a playbook). Their shape is a typed model (:mod:`generator.portal.records`), so the JSON
Schema published beside the data is generated, never hand-kept.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from generator.portal.facts import record_of
from generator.portal.records import (
    DATA_FORMAT_VERSION,
    Ladder,
    Municipality,
    OpenData,
    Stage,
    Threshold,
)

__all__ = [
    "CSV_COLUMNS",
    "current_records",
    "open_data_csv",
    "open_data_json",
    "open_data_schema",
    "record_of",
    "spreadsheet_safe",
]


def current_records(stored: list[dict[str, Any]]) -> list[Municipality]:
    """The stored records that are of this data version, parsed.

    A site published by an older toolkit keeps a record of an older shape until it is built
    again; it cannot be compared with the others, so it is left out until then.
    """
    parsed = []
    for record in stored:
        try:
            parsed.append(Municipality.model_validate(record))
        except ValidationError:
            continue
    return parsed


def open_data_json(municipalities: list[Municipality]) -> str:
    data = OpenData(format_version=DATA_FORMAT_VERSION, municipalities=municipalities)
    dumped = data.model_dump(mode="json", by_alias=True)
    return json.dumps(dumped, ensure_ascii=False, indent=1) + "\n"


def open_data_schema() -> str:
    schema = OpenData.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "SKY playbooks: open data"
    schema["description"] = (
        "Every published municipality's rules on school absences: its ladders (what each "
        "counts, in which units, over which window), its stages with their thresholds, leave "
        f"and schools. Data format version {DATA_FORMAT_VERSION}."
    )
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


CSV_COLUMNS = (
    "slug",
    "code",
    "name_fi",
    "name_sv",
    "version",
    "effective_from",
    "system",
    "ladder_id",
    "ladder_counts",
    "ladder_name_fi",
    "ladder_name_sv",
    "stage_number",
    "stage_id",
    "stage_title_fi",
    "stage_title_sv",
    "sky_tier",
    "unit",
    "per",
    "weeks",
    "grades",
    "comparison",
    "amount",
    "from",
    "to",
    "starts_fi",
    "starts_sv",
    "triggers",
    "responsible",
    "leave",
    "leave_days_per_school_year",
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


def open_data_csv(municipalities: list[Municipality]) -> str:
    """One row per threshold: a stage's value for one unit and grade group (a stage that only
    warning signs start has one row, its threshold cells empty). The municipality's, the
    ladder's and the stage's columns repeat on each of their rows.

    Every text cell goes through :func:`spreadsheet_safe`: the names and titles come from
    playbooks, which anyone may write.
    """
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for municipality in municipalities:
        for row in _rows(municipality):
            writer.writerow(spreadsheet_safe(cell) for cell in row)
    return output.getvalue()


def _rows(municipality: Municipality) -> Iterator[tuple[object, ...]]:
    guardians = municipality.guardians
    leave = "; ".join(f"{rule.granted_by.id}:{rule.up_to_days or '-'}" for rule in guardians.leave)
    ladders = {ladder.id: ladder for ladder in municipality.ladders}
    for number, stage in enumerate(municipality.stages, start=1):
        ladder = ladders[stage.ladder]
        first = (
            municipality.slug,
            municipality.code or "",
            municipality.name.fi,
            municipality.name.sv,
            municipality.version,
            municipality.effective_from,
            municipality.system,
            ladder.id,
            ladder.counts,
            ladder.name.fi,
            ladder.name.sv,
            number,
            stage.id,
            stage.title.fi,
            stage.title.sv,
            _blank(stage.sky_tier),
        )
        last = (
            stage.starts.fi,
            stage.starts.sv,
            "; ".join(trigger.id for trigger in stage.triggers),
            stage.responsible.id if stage.responsible else "",
            leave,
            _blank(guardians.leave_days_per_school_year),
        )
        for threshold in _thresholds_or_none(stage):
            yield (*first, *_threshold_cells(threshold, ladder), *last)


def _thresholds_or_none(stage: Stage) -> list[Threshold | None]:
    return list(stage.thresholds) or [None]


def _threshold_cells(threshold: Threshold | None, ladder: Ladder) -> tuple[str, ...]:
    if threshold is None:
        return ("",) * 8
    measure = next((m for m in ladder.measures if m.unit == threshold.unit), None)
    window = measure.window if measure is not None else None
    return (
        threshold.unit,
        (window.per or "") if window else "",
        _blank(window.weeks if window else None),
        threshold.grades,
        threshold.comparison,
        _number(threshold.amount),
        _number(threshold.from_),
        _number(threshold.to),
    )


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)


def _number(value: float | None) -> str:
    """``30``, ``12.5``, ``20.01``: at most two decimals (as playbooks write them), no exponent."""
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".")
