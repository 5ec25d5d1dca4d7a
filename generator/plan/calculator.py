"""The ladders as the calculator needs them: the fields each ladder asks for, and each stage's
thresholds as bounds in whole hundredths.

A ladder's measures decide its fields. Hours, lessons, days and times are counts the reader
types for the measure's window; a percent measure needs the absent hours (or lessons, on a
ladder that counts lessons) *and* the school hours of its window. Two measures with the same
count and window share one field. The percent measure of a ladder with two measures is
optional: without school hours only the other measure is evaluated. A ladder that counts all
absences also offers the school hours for the share of school time, which the national SKY
tier needs, when it has an hours or lessons measure.

The page's script (``theme/assets/javascripts/calculator.js``) compares what the reader types
with these bounds in the browser, from data written into the page by
:mod:`generator.plan.calculator_page`. The rules it follows, and a Python model of them that
the browser tests compare it with, are in ``tests/support/reference_calculator.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.playbook.model import ByGrades, Ladder, Limit, Measure, Playbook, Stage, Value
from generator.playbook.tiers import TIER_BANDS

GradeGroup = Literal["grades_1_6", "grades_7_9"]
FieldKey = Literal["amount", "amount_2", "school"]
CountUnit = Literal["hours", "lessons", "days", "times"]
BoundKind = Literal["at", "over", "range"]

GRADE_GROUPS: tuple[GradeGroup, ...] = ("grades_1_6", "grades_7_9")
# Counted one by one: a lesson or a late arrival has no fractions.
WHOLE_UNITS: frozenset[str] = frozenset({"lessons", "times"})


@dataclass(frozen=True)
class Bound:
    """Where a stage starts on one measure, in hundredths (of the unit, or of a percent).

    ``at``: at or above ``low``; ``over``: above ``low``; ``range``: from ``low`` the stage may
    start at the staff's judgement, at ``high`` it has started.
    """

    kind: BoundKind
    low: int
    high: int | None = None

    @property
    def from_first(self) -> bool:
        """A plain 0: the first worrying absence reaches it."""
        return self.kind == "at" and self.low == 0


@dataclass(frozen=True)
class Field:
    """One number the reader types for a ladder."""

    key: FieldKey
    unit: CountUnit  # what is counted; for the school field, the school hours or lessons
    measure: Measure  # whose window the number is counted over
    required: bool
    pair: FieldKey | None = None  # the school field: the count it is the whole of

    @property
    def whole(self) -> bool:
        return self.unit in WHOLE_UNITS

    def element_id(self, ladder: Ladder) -> str:
        return f"sky-calc-{ladder.id}-{self.key.replace('_', '-')}"


@dataclass(frozen=True)
class MeasureFields:
    """Which fields one of the ladder's measures is evaluated from."""

    unit: str  # the measure's unit: hours, lessons, percent, days or times
    amount: FieldKey
    school: FieldKey | None  # percent measures only
    optional: bool  # evaluated only when its fields are filled in


@dataclass(frozen=True)
class LadderForm:
    ladder: Ladder
    fields: tuple[Field, ...]
    measures: tuple[MeasureFields, ...]
    share: tuple[FieldKey, FieldKey] | None  # (count, school) whose share of time is shown

    @property
    def tier(self) -> bool:
        """Whether the national tier can be shown: it counts all absences, as a share."""
        return self.ladder.counts == "all" and self.share is not None

    def field(self, key: str) -> Field:
        return next(field for field in self.fields if field.key == key)

    def measure(self, unit: str) -> MeasureFields | None:
        return next((measure for measure in self.measures if measure.unit == unit), None)


def ladder_form(ladder: Ladder) -> LadderForm:
    """The fields a ladder asks for and which of them each measure reads."""
    counts = _Counts()
    measures: list[MeasureFields] = []
    school: Field | None = None
    # Required measures first, so that an optional percent measure's fields come last.
    for measure in sorted(ladder.measures, key=lambda m: _optional(ladder, m)):
        if measure.unit == "percent":
            optional = _optional(ladder, measure)
            amount = counts.key(_percent_base(ladder), measure, required=not optional)
            school = Field("school", _percent_base(ladder), measure, not optional, pair=amount)
            measures.append(MeasureFields("percent", amount, "school", optional))
        else:
            unit: CountUnit = measure.unit
            measures.append(MeasureFields(unit, counts.key(unit, measure, True), None, False))
    if school is None and ladder.counts == "all":
        school = _school_for_the_share(ladder, measures)
    fields = counts.fields()
    if school is not None:
        fields.append(school)
    share = (school.pair, school.key) if school is not None and school.pair else None
    return LadderForm(ladder, tuple(fields), tuple(measures), share)


def _optional(ladder: Ladder, measure: Measure) -> bool:
    """A percent measure beside another one: evaluated only when its fields are filled in."""
    return measure.unit == "percent" and len(ladder.measures) > 1


def _percent_base(ladder: Ladder) -> CountUnit:
    """What a share is counted in: lessons on a ladder that counts lessons, else hours."""
    return "lessons" if ladder.unit_of("lessons") is not None else "hours"


def _school_for_the_share(ladder: Ladder, measures: list[MeasureFields]) -> Field | None:
    """The optional school hours beside an hours (or lessons) count, for the national tier."""
    counted = next((m for m in measures if m.unit in ("hours", "lessons")), None)
    if counted is None:
        return None
    unit: CountUnit = "lessons" if counted.unit == "lessons" else "hours"
    window = next(m for m in ladder.measures if m.unit == counted.unit)
    return Field("school", unit, window, False, pair=counted.amount)


class _Counts:
    """The counts a ladder's measures read; one field for the same unit over the same window."""

    def __init__(self) -> None:
        self._counts: list[tuple[CountUnit, Measure, bool]] = []

    def key(self, unit: CountUnit, measure: Measure, required: bool) -> FieldKey:
        for index, (known, window, needed) in enumerate(self._counts):
            if known == unit and (window.per, window.weeks) == (measure.per, measure.weeks):
                self._counts[index] = (known, window, needed or required)
                return _count_key(index)
        self._counts.append((unit, measure, required))
        return _count_key(len(self._counts) - 1)

    def fields(self) -> list[Field]:
        return [
            Field(_count_key(index), unit, measure, required)
            for index, (unit, measure, required) in enumerate(self._counts)
        ]


def _count_key(index: int) -> FieldKey:
    return "amount" if index == 0 else "amount_2"


def ladder_forms(playbook: Playbook) -> list[LadderForm]:
    """Every ladder's form, the one counting all absences first (it is the usual case, and the
    one the national tier counts), the others in the playbook's order."""
    ladders = sorted(playbook.ladders, key=lambda ladder: ladder.counts != "all")
    return [ladder_form(ladder) for ladder in ladders]


def default_ladder(playbook: Playbook) -> Ladder:
    return ladder_forms(playbook)[0].ladder


def stage_number(playbook: Playbook, stage: Stage) -> int:
    """The stage's number as the ladder page shows it (its place among all stages)."""
    return next(index for index, other in enumerate(playbook.stages, start=1) if other is stage)


def has_grade_split(playbook: Playbook, ladder: Ladder | None = None) -> bool:
    """Whether a threshold (of ``ladder``, or of any ladder) differs by grade level."""
    return any(
        isinstance(value, ByGrades)
        for stage in playbook.stages
        if stage.threshold is not None
        and (ladder is None or playbook.ladder_of(stage).id == ladder.id)
        for value in stage.threshold.measures.values()
    )


def stage_bounds(stage: Stage, grades: GradeGroup | None) -> dict[str, Bound]:
    """The stage's bound on each of its measures, for the grade group when they differ."""
    if stage.threshold is None:
        return {}
    bounds: dict[str, Bound] = {}
    for unit, value in stage.threshold.measures.items():
        if isinstance(value, ByGrades):
            if grades is None:
                raise ValueError(f"stage {stage.id} is split by grade level: choose a grade group")
            value = getattr(value, grades)
        bounds[unit] = bound_of(value)
    return bounds


def bound_of(value: Value) -> Bound:
    if isinstance(value, Limit):
        if value.over is not None:
            return Bound("over", _hundredths(value.over))
        if value.at is not None:
            return Bound("at", _hundredths(value.at))
        return Bound("range", _hundredths(value.low), _hundredths(value.to or 0))
    return Bound("at", _hundredths(value))


def _hundredths(value: float) -> int:
    return round(value * 100)


def percent_bounds(playbook: Playbook, form: LadderForm) -> tuple[list[int], list[int]]:
    """Every percent bound a share could be compared with on this ladder (hundredths of a
    percent), and those reached only *above* them.

    The share is shown rounded down to a tenth. Where that would put it below a bound that it
    has reached (12,25 % shown as 12,2 %) it is shown to a hundredth instead, and where it is
    only just above a bound reached only above it (20,004 % shown as 20 %, which is not over
    20 %) it is shown as "over 20 %": so the number shown always agrees with the stage and the
    national tier shown beside it.
    """
    every = {band.lower for band in TIER_BANDS} | {
        band.upper for band in TIER_BANDS if band.upper is not None
    }
    strict = {band.lower for band in TIER_BANDS if not band.lower_included}
    if form.measure("percent") is not None:
        for stage in playbook.stages_of(form.ladder):
            for grades in GRADE_GROUPS:
                bound = stage_bounds(stage, grades).get("percent")
                if bound is None:
                    continue
                every |= {bound.low} | ({bound.high} if bound.high is not None else set())
                if bound.kind == "over" or bound.from_first:
                    strict.add(bound.low)
    return sorted(every), sorted(strict)


def shown_percent(part: int, whole: int, bounds: tuple[list[int], list[int]]) -> tuple[int, bool]:
    """The share of ``part`` in ``whole`` as shown, in hundredths of a percent, and whether it is
    shown as "over" that number (see :func:`percent_bounds`)."""
    every, strict = bounds
    exact = part * 10_000  # the share, compared with a bound b as b * whole
    shown = part * 1_000 // whole * 10
    if any(shown < bound and bound * whole <= exact for bound in every):
        shown = exact // whole
    over = any(shown == bound and exact > bound * whole for bound in strict)
    return shown, over
