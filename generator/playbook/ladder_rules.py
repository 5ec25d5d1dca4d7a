"""Rules for the ladders: units that fit, thresholds that rise, tiers that agree with the
national bands, windows that are named, and texts for guardians.

Thresholds are compared as where a stage can start: "at 30" starts at 30, "over 30" just
above 30 (so "over 30" after "at 30" rises, and "at 30" after "over 30" does not), a range at
its start.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.messages import Msg, msg
from generator.playbook.fields import MAX_SCHOOL_DAYS
from generator.playbook.located import problem_at
from generator.playbook.model import (
    ByGrades,
    Limit,
    Playbook,
    ThresholdValue,
    Value,
)
from generator.playbook.tiers import band, tier_of_percent
from generator.playbook.yamlsource import PathKey, SourceDocument
from generator.problems import Problem, Severity

GROUPS = ("grades_1_6", "grades_7_9")
# The most each unit can be: a share is at most 100 %, a school year has about 190 days.
UNIT_MAXIMUM = {"percent": 100.0, "days": float(MAX_SCHOOL_DAYS)}


def start(value: Value) -> tuple[float, bool]:
    """Where a stage can start: (number, whether only above it)."""
    if isinstance(value, Limit):
        return value.low, value.over is not None
    return value, False


def by_group(value: ThresholdValue) -> dict[str, Value]:
    if isinstance(value, ByGrades):
        return {"grades_1_6": value.grades_1_6, "grades_7_9": value.grades_7_9}
    return dict.fromkeys(GROUPS, value)


def _number(value: float) -> str:
    return f"{value:g}"


def _words(value: Value) -> Msg | str:
    """A threshold as a message shows it: '30', 'over 30' ('yli 30'), '25–30'."""
    if isinstance(value, Limit):
        if value.over is not None:
            return msg("part.limit.over", number=_number(value.over))
        if value.at is not None:
            return _number(value.at)
        return msg("part.limit.range", low=_number(value.low), high=_number(value.to or 0))
    return _number(value)


def ladders_known(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    ids = [ladder.id for ladder in playbook.ladders]
    for index, stage in enumerate(playbook.stages):
        path: PathKey = ("stages", index, "ladder")
        if stage.ladder is None and len(ids) > 1:
            yield problem_at(
                document,
                "ladder-missing",
                ("stages", index),
                msg("ladder-missing", ladders=", ".join(ids)),
            )
        elif stage.ladder is not None and stage.ladder not in ids:
            yield problem_at(
                document,
                "unknown-ladder",
                path,
                msg("unknown-ladder", ladder=stage.ladder, ladders=", ".join(ids)),
            )


def ladder_measures_fit(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    for index, ladder in enumerate(playbook.ladders):
        path: PathKey = ("ladders", index)
        units = [measure.unit for measure in ladder.measures]
        if len(set(units)) != len(units):
            yield problem_at(document, "ladder-unit", (*path, "measures"), msg("ladder-unit.twice"))
        if (ladder.counts == "lateness") != ("times" in units):
            key = "ladder-unit.lateness" if ladder.counts == "lateness" else "ladder-unit.times"
            yield problem_at(document, "ladder-unit", (*path, "measures"), msg(key))
        if ladder.equivalence is not None and not {"hours", "percent"} <= set(units):
            yield problem_at(
                document, "ladder-unit", (*path, "equivalence"), msg("ladder-unit.equivalence")
            )
        for m, measure in enumerate(ladder.measures):
            if measure.per is None:
                yield problem_at(
                    document,
                    "window-missing",
                    (*path, "measures", m),
                    msg("window-missing", unit=measure.unit),
                    Severity.WARNING,
                )


def thresholds_fit(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    """Each threshold uses its ladder's units, within what each unit can be, and rises."""
    previous: dict[tuple[str, str, str], tuple[int, tuple[float, bool], Value]] = {}
    for index, stage in enumerate(playbook.stages):
        if stage.threshold is None:
            continue
        ladder = playbook.ladder_of(stage)
        for unit, value in stage.threshold.measures.items():
            path: PathKey = ("stages", index, "threshold", unit)
            if ladder.unit_of(unit) is None:
                units = ", ".join(f"{m.unit}:" for m in ladder.measures)
                yield problem_at(
                    document,
                    "unit-mismatch",
                    path,
                    msg("unit-mismatch.ladder", found=unit, ladder=ladder.id, units=units),
                )
                continue
            yield from _within_unit(document, path, unit, value)
            for group, amount in by_group(value).items():
                key = (ladder.id, unit, group)
                here = start(amount)
                if key in previous and here <= previous[key][1]:
                    before, _, earlier = previous[key]
                    yield problem_at(
                        document,
                        "threshold-order",
                        path,
                        msg(
                            "threshold-order.ladder",
                            amount=_words(amount),
                            previous=_words(earlier),
                            index=before + 1,
                            ladder=ladder.id,
                        ),
                    )
                    break
                previous[key] = (index, here, amount)


def _within_unit(
    document: SourceDocument, path: PathKey, unit: str, value: ThresholdValue
) -> Iterator[Problem]:
    maximum = UNIT_MAXIMUM.get(unit)
    if maximum is None:
        return
    for amount in by_group(value).values():
        highest = amount.to if isinstance(amount, Limit) and amount.to is not None else None
        number = highest if highest is not None else start(amount)[0]
        if number > maximum:
            yield problem_at(
                document,
                "invalid-value",
                path,
                msg(f"invalid-value.{unit}-maximum", got=_number(number), limit=_number(maximum)),
            )
            return


def tiers_rise(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    for ladder in playbook.ladders:
        highest = 0
        for index, stage in enumerate(playbook.stages):
            if stage.sky_tier is None or playbook.ladder_of(stage).id != ladder.id:
                continue
            if stage.sky_tier < highest:
                yield problem_at(
                    document,
                    "tier-decreases",
                    ("stages", index, "sky_tier"),
                    msg("tier-decreases", previous=highest, tier=stage.sky_tier),
                )
            highest = max(highest, stage.sky_tier)
    if not any(stage.sky_tier == 3 for stage in playbook.stages):
        yield problem_at(
            document, "tier-3-missing", ("stages",), msg("tier-3-missing"), Severity.WARNING
        )


def tiers_match_percentages(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    """A percent threshold of all absences names the SKY tier whose band holds where it starts
    (20 % is tier 2, "over 20 %" tier 3); under 5 % no tier is implied."""
    for index, stage in enumerate(playbook.stages):
        ladder = playbook.ladder_of(stage)
        if stage.threshold is None or stage.sky_tier is None or ladder.counts != "all":
            continue
        if stage.threshold.percent is None:
            continue
        for amount in by_group(stage.threshold.percent).values():
            number, only_above = start(amount)
            implied = tier_of_percent(min(number + 0.01, 100) if only_above else number)
            if implied is None or implied == stage.sky_tier:
                continue
            yield problem_at(
                document,
                "tier-band",
                ("stages", index, "sky_tier"),
                msg(
                    "tier-band",
                    percent=_words(amount),
                    band_tier=implied,
                    band=band(implied).words_message(),
                    tier=stage.sky_tier,
                ),
            )
            break


def guardian_texts_written(playbook: Playbook, document: SourceDocument) -> Iterator[Problem]:
    """Guardians' pages never print a staff instruction: without a guardian text they only say
    who takes part, which is worth a warning."""
    for index, stage in enumerate(playbook.stages):
        missing = [i for i, step in enumerate(stage.steps) if step.for_guardians is None]
        if stage.for_guardians is None and missing:
            yield problem_at(
                document,
                "guardian-text-missing",
                ("stages", index, "steps", missing[0]),
                msg("guardian-text-missing", count=len(missing), steps=len(stage.steps)),
                Severity.WARNING,
            )


LADDER_RULES = [
    ladders_known,
    ladder_measures_fit,
    thresholds_fit,
    tiers_rise,
    tiers_match_percentages,
    guardian_texts_written,
]
