"""The absence calculator in Python: where a pupil's absences stand on a municipality's ladder.

The product runs these rules only in the reader's browser (the calculator page's script); this
model is what the tests compare the page with, for every example playbook over a grid of
inputs, and what the calculator's own tests pin the rules down with.

The rules:

- Amounts are exact. Hours are read with at most two decimals ("12,5" or "12.5") and kept as
  whole hundredths of an hour; thresholds as whole hundredths of an hour or of a percent. Every
  comparison is made on whole numbers, so no rounding error can put a pupil on the wrong side
  of a threshold.
- A stage is *reached* when the measure is at or above its threshold. A threshold of 0 means
  "from the first worrying absence": any absence above 0 hours reaches it.
- Hours ladders compare the absent hours; percent ladders compare the absent hours as a share
  of the school hours of the same counting window.
- The current stage is the last reached stage of the ladder that counts the chosen absences
  (all, or unauthorised only); the next stage is the one after it on that ladder, and the
  distance is what is missing to reach it, rounded up (it never shows 0 while a stage is not
  reached).
- Thresholds split by grade level use the grade group the reader picks.
- The national SKY tier is given by the share of school time absent: tier 1 from 5 % up to
  (not including) 10 %, tier 2 from 10 % to 20 % inclusive, tier 3 over 20 %, no tier below
  5 %. The tiers count all absences, so a tier is given only for the ladder of all absences
  and only when the school hours are known.
- The shown percentage is rounded down to a tenth (9.96 % shows as 9,9 %), so it never
  contradicts the tier or the stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.plan.calculator import (
    AbsenceKind,
    GradeGroup,
    absence_kinds,
    has_grade_split,
    needs_school_hours,
    threshold_hundredths,
)
from generator.playbook import tiers
from generator.playbook.model import Playbook, Stage

InputField = Literal["absent", "school", "grades"]
MAX_HOURS = 10_000
# Spaces a reader may type or paste around a number (no-break spaces included).
SPACES = " \t\n\r\u00a0\u202f"
_MINUS_SIGNS = ("-", "\u2212")
# Digits are ASCII only (a "\d" would also take other scripts' digits); the page's script uses
# the same pattern.
_NUMBER = re.compile(r"([0-9]+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+)(?:[.,]([0-9]+))?")


@dataclass(frozen=True)
class InputError:
    field: InputField
    # empty, not_number, negative, too_precise, too_large, zero, more_than_school or missing
    code: str


@dataclass(frozen=True)
class Inputs:
    absent: int  # hundredths of an hour
    school: int | None  # hundredths of an hour; None when not given
    grades: GradeGroup | None
    kind: AbsenceKind


@dataclass(frozen=True)
class Result:
    kind: AbsenceKind
    percent_tenths: int | None  # share of school hours in tenths of a percent, rounded down
    stage: Stage | None
    next_stage: Stage | None
    distance_hours: int | None  # hundredths of an hour missing to the next stage, rounded up
    distance_points: int | None  # tenths of a percentage point missing (percent ladders)
    tier_known: bool
    tier: int | None  # the national SKY tier, when known; None below 5 %


def parse_hours(text: str) -> int | str:
    """``"12,5"`` → 1250 (hundredths of an hour), or an error code.

    A decimal comma or point; spaces may group thousands ("1 140").
    """
    stripped = text.strip(SPACES)
    if not stripped:
        return "empty"
    negative = stripped.startswith(_MINUS_SIGNS)
    match = _NUMBER.fullmatch(stripped[1:] if negative else stripped)
    if match is None:
        return "not_number"
    if negative:
        return "negative"
    whole, fraction = match.group(1), match.group(2) or ""
    if len(fraction) > 2:
        return "too_precise"
    whole = re.sub(f"[{SPACES}]", "", whole).lstrip("0")
    if len(whole) > len(str(MAX_HOURS)):
        return "too_large"
    hundredths = int(whole or "0") * 100 + int(fraction.ljust(2, "0"))
    return "too_large" if hundredths > MAX_HOURS * 100 else hundredths


def read_inputs(
    playbook: Playbook,
    absent_text: str,
    school_text: str,
    grades: GradeGroup | None,
    kind: AbsenceKind,
) -> Inputs | tuple[InputError, ...]:
    """The reader's inputs checked, or every problem with them, in the order of the form."""
    if kind not in absence_kinds(playbook):
        raise ValueError(f"this playbook has no ladder for {kind} absences")
    errors: list[InputError] = []
    absent = parse_hours(absent_text)
    if isinstance(absent, str):
        errors.append(InputError("absent", absent))
    school: int | None = None
    if school_text.strip(SPACES) or needs_school_hours(playbook):
        parsed = parse_hours(school_text)
        if isinstance(parsed, str):
            errors.append(InputError("school", parsed))
        elif parsed == 0:
            errors.append(InputError("school", "zero"))
        else:
            school = parsed
    if isinstance(absent, int) and school is not None and absent > school:
        errors.append(InputError("absent", "more_than_school"))
    if grades is None and has_grade_split(playbook):
        errors.append(InputError("grades", "missing"))
    if errors:
        order: list[InputField] = ["absent", "school", "grades"]
        return tuple(sorted(errors, key=lambda error: order.index(error.field)))
    assert isinstance(absent, int)
    return Inputs(absent, school, grades, kind)


def calculate(playbook: Playbook, inputs: Inputs) -> Result:
    """Where the absences stand: current and next stage, distance and national tier."""
    percent_ladder = playbook.monitoring.unit == "percent"
    if percent_ladder and inputs.school is None:
        raise ValueError("a percent ladder needs the school hours")
    ladder = [stage for stage in playbook.stages if stage.threshold.absences == inputs.kind]
    reached = [
        stage
        for stage in ladder
        if _reached(threshold_hundredths(stage, inputs.grades), inputs, percent_ladder)
    ]
    stage = reached[-1] if reached else None
    later = ladder[len(reached) :]
    next_stage = later[0] if later else None
    distance_hours, distance_points = _distance(next_stage, inputs, percent_ladder)
    tier_known = inputs.school is not None and inputs.kind == "all"
    return Result(
        kind=inputs.kind,
        percent_tenths=None if inputs.school is None else inputs.absent * 1000 // inputs.school,
        stage=stage,
        next_stage=next_stage,
        distance_hours=distance_hours,
        distance_points=distance_points,
        tier_known=tier_known,
        tier=national_tier(inputs.absent, inputs.school) if tier_known else None,
    )


def _reached(limit: int, inputs: Inputs, percent_ladder: bool) -> bool:
    if limit == 0:
        return inputs.absent > 0
    if percent_ladder:
        assert inputs.school is not None
        # absent / school * 100 >= limit / 100, in whole numbers
        return inputs.absent * 10_000 >= limit * inputs.school
    return inputs.absent >= limit


def _distance(
    next_stage: Stage | None, inputs: Inputs, percent_ladder: bool
) -> tuple[int | None, int | None]:
    """(hundredths of an hour, tenths of a percentage point) missing, both rounded up."""
    if next_stage is None:
        return None, None
    limit = threshold_hundredths(next_stage, inputs.grades)
    if not percent_ladder:
        return limit - inputs.absent, None
    assert inputs.school is not None
    missing = limit * inputs.school - inputs.absent * 10_000
    return _ceil_div(missing, 10_000), _ceil_div(missing, 10 * inputs.school)


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def national_tier(absent: int, school: int | None) -> int | None:
    """The SKY tier of ``absent`` out of ``school`` hours, by the national bands."""
    if school is None:
        return None
    return tiers.national_tier(absent, school)
