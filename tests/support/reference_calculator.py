"""The absence calculator in Python: where a pupil's absences stand on one of a municipality's
ladders, and the lines the calculator page writes about it.

The product runs these rules only in the reader's browser (the calculator page's script); this
model is what the tests compare the page with, over a grid of inputs, and what the
calculator's own tests pin the rules and their words down with.

The rules:

- The reader chooses a ladder (the one counting all absences is chosen first). Its measures
  decide the fields (:func:`generator.plan.calculator.ladder_form`): a count of hours, lessons,
  days or times for each measure's window, and for a percent measure the absent hours and the
  school hours of its window.
- Amounts are exact. They are read with at most two decimals ("12,5" or "12.5"; lessons and
  times as whole numbers) and kept as whole hundredths; bounds are whole hundredths of the unit
  or of a percent. Every comparison is made on whole numbers, so no rounding error can put a
  pupil on the wrong side of a threshold.
- A plain number (or ``at``) is reached at or above it; ``over`` only above it (over 30: 30 is
  not reached, 30,01 is); a plain 0 by any absence above 0. A range ``from``–``to`` may start
  at ``from``, at the staff's judgement, and has started at ``to``. Percent bounds compare the
  absent hours as a share of the school hours.
- A stage with two measures is reached when either is; the result says which. The percent
  measure of a ladder with two measures is evaluated only when its fields are filled in (once
  one of its own fields is, the other is needed); otherwise the result says it was not.
- The current stage is the last stage of the ladder that a measure has reached; the next stage
  is the first after it that a given measure can reach, and the distance is what is missing on
  each of its measures, rounded up (it never shows 0 while a stage is not reached). Stages that
  start on warning signs alone are never reached by a number: the result lists those after the
  current stage.
- The national SKY tier is given by the share of school time absent: tier 1 from 5 % up to (not
  including) 10 %, tier 2 from 10 % to 20 % inclusive, tier 3 over 20 %, no tier below 5 %. It
  counts all absences, so it is shown only on the ladder that counts all absences and only when
  a share is known; the stage and the tier are explained side by side.
- The shown percentage is rounded down to a tenth (9.96 % shows as 9,9 %), so it never
  contradicts the tier or the stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.messages import ladder_words, page_words
from generator.messages.calculator_words import error_key, text
from generator.plan.calculator import (
    Bound,
    GradeGroup,
    LadderForm,
    MeasureFields,
    has_grade_split,
    ladder_forms,
    percent_bounds,
    shown_percent,
    stage_bounds,
    stage_number,
)
from generator.plan.calculator_page import field_window, starts_words
from generator.playbook import tiers
from generator.playbook.model import ByGrades, Playbook, Stage

MAX_AMOUNT = 10_000
# Spaces a reader may type or paste around a number (no-break spaces included).
SPACES = " \t\n\r\u00a0\u202f"
_MINUS_SIGNS = ("-", "\u2212")
# Digits are ASCII only (a "\d" would also take other scripts' digits); the page's script uses
# the same pattern.
_NUMBER = re.compile(r"([0-9]+|[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+)(?:[.,]([0-9]+))?")

GapType = Literal["from_first", "any", "at", "over", "range", "at_most"]


@dataclass(frozen=True)
class InputError:
    field: str  # amount, amount_2, school or grades
    # empty, not_number, negative, too_precise, not_whole, too_large, zero, more_than_school,
    # missing
    code: str


@dataclass(frozen=True)
class Inputs:
    form: LadderForm
    amounts: dict[str, int | None]  # hundredths; None when left empty
    grades: GradeGroup | None


@dataclass(frozen=True)
class Missing:
    """What is missing on one bound: hundredths of the count (for a percent measure, about so
    many absent hours more), and tenths of a percentage point for a percent measure."""

    amount: int
    unit: str
    points: int | None = None


@dataclass(frozen=True)
class Gap:
    type: GapType
    amount: Missing | None = None  # at, over
    low: Missing | None = None  # range: to where the stage may start
    high: Missing | None = None  # range, at_most: to where it has started


@dataclass(frozen=True)
class Result:
    form: LadderForm
    stage: Stage | None
    reached: tuple[tuple[str, Bound], ...]  # the measures that reached the current stage
    last: bool  # the current stage is the ladder's last
    next_stage: Stage | None
    may: bool  # the next stage may already start at the staff's judgement
    gaps: tuple[Gap, ...]
    skipped: bool  # the optional percent measure was not evaluated
    triggers: tuple[Stage, ...]  # later stages that start on warning signs alone
    share: tuple[int, int] | None  # (absent, school) hundredths of the share shown
    tier_known: bool
    tier: int | None  # the national SKY tier, when known; None below 5 %

    @property
    def percent_tenths(self) -> int | None:
        """The share of school hours in tenths of a percent, rounded down."""
        if self.share is None:
            return None
        return self.share[0] * 1000 // self.share[1]


def parse_amount(text: str, whole: bool = False) -> int | str:
    """``"12,5"`` → 1250 (hundredths), or an error code.

    A decimal comma or point; spaces may group thousands ("1 140"). A whole count (lessons,
    times) takes no fractions.
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
    digits, fraction = match.group(1), match.group(2) or ""
    if whole and (len(fraction) > 2 or fraction.strip("0")):
        return "not_whole"
    if len(fraction) > 2:
        return "too_precise"
    digits = re.sub(f"[{SPACES}]", "", digits).lstrip("0")
    if len(digits) > len(str(MAX_AMOUNT)):
        return "too_large"
    hundredths = int(digits or "0") * 100 + int(fraction.ljust(2, "0"))
    return "too_large" if hundredths > MAX_AMOUNT * 100 else hundredths


def form_of(playbook: Playbook, ladder_id: str) -> LadderForm:
    for form in ladder_forms(playbook):
        if form.ladder.id == ladder_id:
            return form
    raise ValueError(f"this playbook has no ladder {ladder_id!r}")


def read_inputs(
    playbook: Playbook,
    ladder_id: str,
    values: dict[str, str],
    grades: GradeGroup | None = None,
) -> Inputs | tuple[InputError, ...]:
    """The reader's inputs for a ladder checked, or every problem with them, in the order of
    the form. ``values`` maps field keys (amount, amount_2, school) to what was typed."""
    form = form_of(playbook, ladder_id)
    errors: list[InputError] = []
    amounts: dict[str, int | None] = {}
    for field in form.fields:
        typed = values.get(field.key, "")
        amounts[field.key] = None
        if not typed.strip(SPACES):
            if field.required:
                errors.append(InputError(field.key, "empty"))
            continue
        parsed = parse_amount(typed, field.whole)
        if isinstance(parsed, str):
            errors.append(InputError(field.key, parsed))
        elif field.key == "school" and parsed == 0:
            errors.append(InputError(field.key, "zero"))
        else:
            amounts[field.key] = parsed
    errors += _percent_pair_errors(form, values)
    for field in form.fields:
        part = amounts.get(field.pair) if field.pair else None
        whole = amounts[field.key]
        if field.pair and part is not None and whole is not None and part > whole:
            errors.append(InputError(field.pair, "more_than_school"))
    if grades is None and has_grade_split(playbook, form.ladder):
        errors.append(InputError("grades", "missing"))
    if errors:
        order = [field.key for field in form.fields] + ["grades"]
        return tuple(sorted(errors, key=lambda error: order.index(error.field)))
    return Inputs(form, amounts, grades)


def _percent_pair_errors(form: LadderForm, values: dict[str, str]) -> list[InputError]:
    """An optional percent measure needs both its own fields once one of them is filled in."""
    percent = _optional_percent(form)
    if percent is None:
        return []
    own = [
        key
        for key in (percent.amount, percent.school)
        if key is not None and not any(m is not percent and m.amount == key for m in form.measures)
    ]
    filled = {key for key in own if values.get(key, "").strip(SPACES)}
    if not filled:
        return []
    return [InputError(key, "empty") for key in own if key not in filled]


def _optional_percent(form: LadderForm) -> MeasureFields | None:
    return next((m for m in form.measures if m.unit == "percent" and m.optional), None)


@dataclass(frozen=True)
class _Measured:
    unit: str
    measure: MeasureFields
    bound: Bound


def calculate(playbook: Playbook, inputs: Inputs) -> Result:
    """Where the absences stand: current and next stage, distances and the national tier."""
    form = inputs.form
    stages = playbook.stages_of(form.ladder)
    active = [m for m in form.measures if _given(m, inputs)]
    current = -1
    reached: tuple[tuple[str, Bound], ...] = ()
    for index, stage in enumerate(stages):
        units = tuple(
            (m.unit, m.bound) for m in _bounds(stage, active, inputs) if _started(m, inputs)
        )
        if units:
            current, reached = index, units
    later = [
        stage
        for index, stage in enumerate(stages)
        if index > current and _bounds(stage, active, inputs)
    ]
    next_stage = later[0] if later else None
    next_bounds = _bounds(next_stage, active, inputs) if next_stage else []
    share = None
    if form.share is not None:
        part, whole = (inputs.amounts[key] for key in form.share)
        share = (part, whole) if part is not None and whole is not None else None
    tier_known = form.tier and share is not None
    optional = _optional_percent(form)
    return Result(
        form=form,
        stage=stages[current] if current >= 0 else None,
        reached=reached,
        last=current == len(stages) - 1,
        next_stage=next_stage,
        may=any(_may_start(m, inputs) for m in next_bounds),
        gaps=tuple(_gap(m, inputs) for m in next_bounds),
        skipped=optional is not None and optional not in active,
        triggers=tuple(
            stage
            for index, stage in enumerate(stages)
            if index > current and stage.threshold is None
        ),
        share=share,
        tier_known=tier_known,
        tier=tiers.national_tier(*share) if tier_known and share else None,
    )


def _given(measure: MeasureFields, inputs: Inputs) -> bool:
    keys = [measure.amount] + ([measure.school] if measure.school else [])
    return all(inputs.amounts[key] is not None for key in keys)


def _bounds(stage: Stage, active: list[MeasureFields], inputs: Inputs) -> list[_Measured]:
    bounds = stage_bounds(stage, inputs.grades)
    return [
        _Measured(unit, measure, bound)
        for unit, bound in bounds.items()
        for measure in active
        if measure.unit == unit
    ]


def _compare(measured: _Measured, inputs: Inputs, value: int) -> int:
    """>0 above ``value``, 0 at it, <0 below it (a percent measure as a share, exactly)."""
    amount = inputs.amounts[measured.measure.amount]
    assert amount is not None
    if measured.unit != "percent":
        return amount - value
    assert measured.measure.school is not None
    school = inputs.amounts[measured.measure.school]
    assert school is not None
    return amount * 10_000 - value * school


def _started(measured: _Measured, inputs: Inputs) -> bool:
    bound = measured.bound
    if bound.kind == "over" or bound.from_first:
        return _compare(measured, inputs, bound.low) > 0
    if bound.kind == "at":
        return _compare(measured, inputs, bound.low) >= 0
    assert bound.high is not None
    return _compare(measured, inputs, bound.high) >= 0


def _may_start(measured: _Measured, inputs: Inputs) -> bool:
    bound = measured.bound
    return (
        bound.kind == "range"
        and _compare(measured, inputs, bound.low) >= 0
        and not _started(measured, inputs)
    )


def _gap(measured: _Measured, inputs: Inputs) -> Gap:
    bound = measured.bound
    if bound.from_first and measured.unit != "times":
        return Gap("from_first")
    strict = bound.kind == "over" or bound.from_first
    if bound.kind == "range":
        assert bound.high is not None
        high = _missing(measured, inputs, bound.high, above=False)
        if _compare(measured, inputs, bound.low) >= 0:
            return Gap("at_most", high=high)
        return Gap("range", low=_missing(measured, inputs, bound.low, above=False), high=high)
    missing = _missing(measured, inputs, bound.low, above=strict)
    field = inputs.form.field(measured.measure.amount)
    if measured.unit != "percent" and field.whole:
        return Gap("at", amount=missing)  # "over 5" times is "at 6"
    if strict and _compare(measured, inputs, bound.low) == 0:
        return Gap("any")
    return Gap("over" if strict else "at", amount=missing)


def _missing(measured: _Measured, inputs: Inputs, value: int, above: bool) -> Missing:
    field = inputs.form.field(measured.measure.amount)
    amount = inputs.amounts[field.key]
    assert amount is not None
    if measured.unit == "percent":
        assert measured.measure.school is not None
        school = inputs.amounts[measured.measure.school]
        assert school is not None
        need = value * school - amount * 10_000
        hours = _ceil_div(need, 1_000_000) * 100 if field.whole else _ceil_div(need, 10_000)
        return Missing(hours, field.unit, points=_ceil_div(need, 10 * school))
    target = value
    if field.whole:
        target = (value // 100 + 1) * 100 if above else _ceil_div(value, 100) * 100
    return Missing(target - amount, field.unit)


def _ceil_div(numerator: int, denominator: int) -> int:
    return -(-numerator // denominator)


def national_tier(absent: int, school: int | None) -> int | None:
    """The SKY tier of ``absent`` out of ``school`` hours, by the national bands."""
    if school is None:
        return None
    return tiers.national_tier(absent, school)


# --- the words -----------------------------------------------------------------------------


def describe(playbook: Playbook, inputs: Inputs, result: Result, language: str) -> list[str]:
    """The lines of the result, as the page shows them."""

    def t(key: str) -> str:
        return text(language, key)

    form = result.form
    amounts = [
        f"{ladder_words.unit_amount(amount / 100, field.unit, language)} "
        f"{field_window(field, language)}"
        for field in form.fields
        if field.key != "school" and (amount := inputs.amounts[field.key]) is not None
    ]
    ladder = ladder_words.ladder_name(form.ladder, language)
    lines = [t("counted").format(ladder=ladder, amounts=", ".join(amounts))]
    if result.share is not None and form.share is not None:
        window = field_window(form.field(form.share[1]), language)
        percent = percent_words(playbook, result, language)
        lines.append(t("percent").format(percent=percent, window=window))
    # The municipal stage and the national tier, side by side, each under its own heading.
    lines.append(t("stage_heading"))
    lines += _stage_lines(playbook, inputs, result, language)
    lines += _next_lines(playbook, inputs, result, language)
    if result.skipped:
        lines.append(t("percent_skipped"))
    for stage in result.triggers:
        lines.append(
            t("triggers_stage").format(
                number=stage_number(playbook, stage),
                title=stage.title.get(language),
                triggers=", ".join(ladder_words.trigger_words(x, language) for x in stage.triggers),
            )
        )
    return [*lines, t("tier_heading"), *_tier_lines(playbook, result, language)]


def percent_words(playbook: Playbook, result: Result, language: str) -> str:
    """The share as shown: '9,9', '12,25' beside a bound of 12,25 %, 'yli 20' just over 20 %."""
    assert result.share is not None
    bounds = percent_bounds(playbook, result.form)
    shown, over = shown_percent(*result.share, bounds)
    number = page_words.number(shown / 100, language)
    return text(language, "percent_above").format(number=number) if over else number


def band_lines(result: Result, language: str) -> list[str]:
    """The national bands, one a line, with the one the share falls in marked."""
    lines = [text(language, "band_none").format(lower=_lowest(language))]
    lines += [
        text(language, "band").format(tier=band.tier, band=band.words(language))
        for band in tiers.TIER_BANDS
    ]
    if result.tier_known:
        marked = result.tier or 0  # the first line is "no tier"
        lines[marked] = text(language, "band_here").format(band=lines[marked])
    return lines


def _lowest(language: str) -> str:
    """Where tier 1 starts, in percent: '5'."""
    return page_words.number(tiers.TIER_BANDS[0].lower / 100, language)


def _stage_lines(playbook: Playbook, inputs: Inputs, result: Result, language: str) -> list[str]:
    def t(key: str) -> str:
        return text(language, key)

    stage = result.stage
    if stage is None:
        concern = "concern_lateness" if result.form.ladder.counts == "lateness" else "concern"
        return [t("no_stage"), t(concern)]
    lines = [
        t("stage").format(number=stage_number(playbook, stage), title=stage.title.get(language))
    ]
    limits = [
        _limit_words(playbook, stage, unit, inputs.grades, language)
        for unit, bound in result.reached
        if not (bound.from_first and unit != "times")
    ]
    if limits:
        joined = limits[0]
        for limit in limits[1:]:
            joined = t("both_measures").format(first=joined, second=limit)
        lines.append(t("stage_reached").format(limits=joined))
    if any(bound.from_first and unit != "times" for unit, bound in result.reached):
        lines.append(t("stage_from_first"))
    if stage.sky_tier is not None:
        lines.append(t("stage_tier").format(tier=stage.sky_tier))
    return lines


def _limit_words(
    playbook: Playbook, stage: Stage, unit: str, grades: GradeGroup | None, language: str
) -> str:
    assert stage.threshold is not None
    value = stage.threshold.measures[unit]  # type: ignore[index]
    if isinstance(value, ByGrades):
        assert grades is not None
        value = getattr(value, grades)
    ladder = playbook.ladder_of(stage)
    return ladder_words.measure_words(value, ladder.unit_of(unit), unit, language)


def _next_lines(playbook: Playbook, inputs: Inputs, result: Result, language: str) -> list[str]:
    def t(key: str) -> str:
        return text(language, key)

    stage = result.next_stage
    if stage is None:
        return [t("last_stage")] if result.stage is not None and result.last else []
    starts = starts_words(stage, playbook.ladder_of(stage), inputs.grades, language)
    lines = [
        t("next_stage").format(
            number=stage_number(playbook, stage), title=stage.title.get(language)
        ),
        t("next_limit").format(starts=starts),
    ]
    if result.may:
        lines.append(t("next_may"))
    return [*lines, _distance(result.gaps, language)]


def _distance(gaps: tuple[Gap, ...], language: str) -> str:
    types = [gap.type for gap in gaps]
    if "from_first" in types:
        return text(language, "next_from_first")
    if "any" in types:
        return text(language, "next_any")
    phrases = [_gap_words(gap, language) for gap in gaps]
    distance = phrases[0]
    for phrase in phrases[1:]:
        distance = page_words.text(language, "either_measure").format(first=distance, second=phrase)
    key = "next_distance_share" if any(map(_on_a_share, gaps)) else "next_distance"
    return text(language, key).format(distance=distance)


def _on_a_share(gap: Gap) -> bool:
    missing = gap.amount or gap.high
    return missing is not None and missing.points is not None


def _gap_words(gap: Gap, language: str) -> str:
    if gap.type == "range":
        assert gap.low is not None and gap.high is not None
        return text(language, "gap_range").format(
            low=_missing_words(gap.low, language), high=_missing_words(gap.high, language)
        )
    if gap.type == "at_most":
        assert gap.high is not None
        return text(language, "gap_at_most").format(high=_missing_words(gap.high, language))
    assert gap.amount is not None
    words = _missing_words(gap.amount, language)
    return text(language, "gap_over").format(amount=words) if gap.type == "over" else words


def _missing_words(missing: Missing, language: str) -> str:
    amount = ladder_words.unit_amount(missing.amount / 100, missing.unit, language)
    if missing.points is None:
        return amount
    key = "gap_point_one" if missing.points == 10 else "gap_points"
    return text(language, key).format(points=_tenths(missing.points), amount=amount)


def _tier_lines(playbook: Playbook, result: Result, language: str) -> list[str]:
    def t(key: str) -> str:
        return text(language, key)

    form = result.form
    if not form.tier:
        if form.ladder.counts == "all":
            return [t("tier_no_share")]
        everything = next((other for other in ladder_forms(playbook) if other.tier), None)
        if everything is not None:
            name = ladder_words.ladder_name(everything.ladder, language)
            return [t("tier_all_only").format(ladder=name)]
        return [t("tier_not_counted")]
    if not result.tier_known:
        return [t("tier_unknown"), *band_lines(result, language)]
    if result.tier is None:
        line = t("tier_none")
    else:
        band = tiers.band(result.tier).words(language)
        line = (
            t("tier").format(tier=result.tier, band=band)
            + " "
            + t("tier_link").format(tier=result.tier)
        )
    return [line, *band_lines(result, language), *_differs(result, language), t("tier_relation")]


def _differs(result: Result, language: str) -> list[str]:
    """When the stage's own SKY tier is not the tier of the share, the sentence that says so."""
    stage = result.stage
    if stage is None or stage.sky_tier is None or stage.sky_tier == result.tier:
        return []
    if result.tier is None:
        lower = _lowest(language)
        return [text(language, "tier_differs_none").format(stage_tier=stage.sky_tier, lower=lower)]
    return [text(language, "tier_differs").format(stage_tier=stage.sky_tier, tier=result.tier)]


def _tenths(tenths: int) -> str:
    return page_words.number(tenths / 10, language="fi")


def error_message(form: LadderForm, error: InputError, language: str) -> str:
    """The message shown next to the field in error."""
    if error.field == "grades":
        return text(language, f"grades.{error.code}")
    field = form.field(error.field)
    return text(language, error_key(field.unit, field.key == "school", error.code))
