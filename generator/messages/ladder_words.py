"""How the ladders read in Finnish and Swedish: thresholds with their window ("yli 30 tuntia
lukukaudessa"), warning signs, who acts, deadlines. Pages, printouts, the calculator and the
portal take these words from here, so a threshold reads the same everywhere.
"""

from __future__ import annotations

from generator.messages.page_words import number, role_name, role_name_in_list, text
from generator.playbook.model import (
    ByGrades,
    Ladder,
    Limit,
    Measure,
    Playbook,
    Stage,
    Step,
    ThresholdValue,
    Value,
)

GROUPS = ("grades_1_6", "grades_7_9")

# Ladders that count every absence of their kind from the first: their 0 is the first such
# absence; on any other ladder a 0 is the first absence that worries.
_COUNTED_FROM_THE_FIRST = frozenset({"unauthorised", "unexplained"})


def _first_absence(counts: str, short: bool) -> str:
    key = "from_first_any" if counts in _COUNTED_FROM_THE_FIRST else "from_first"
    return ("short." if short else "") + key


def unit_amount(amount: float, unit: str, language: str) -> str:
    """``30 tuntia``, ``1 oppitunti``, ``10 % kouluajasta``, ``5 kertaa``."""
    if unit == "percent":
        return text(language, "unit.percent").format(number=number(amount, language))
    word = text(language, f"unit.{unit}.one" if amount == 1 else f"unit.{unit}")
    return f"{number(amount, language)} {word}"


def limit_words(value: Value, unit: str, language: str, counts: str = "all") -> str:
    """One bound: ``30 tuntia``, ``yli 30 tuntia``, ``25–30 tuntia``; 0 is the first absence
    (of those the ladder ``counts``)."""
    return _bound(value, unit, language, counts, short=False)


def _bound(value: Value, unit: str, language: str, counts: str, *, short: bool) -> str:
    """One bound in full words or in the short form of headings and table cells."""
    amount = short_amount if short else unit_amount
    if isinstance(value, Limit):
        if value.over is not None:
            return text(language, "limit.over").format(amount=amount(value.over, unit, language))
        if value.at is not None:
            return _bound(value.at, unit, language, counts, short=short)
        high = amount(value.to or 0, unit, language)
        return text(language, "limit.range").format(low=number(value.low, language), amount=high)
    if value == 0 and unit != "times":
        return text(language, _first_absence(counts, short=short))
    return amount(value, unit, language)


def value_words(value: ThresholdValue, unit: str, language: str, counts: str = "all") -> str:
    """A value for one unit, split by grades when it is: 'vuosiluokat 1–6: 30 tuntia; 7–9: …'."""
    if isinstance(value, ByGrades):
        return "; ".join(
            f"{text(language, group)}: {limit_words(getattr(value, group), unit, language, counts)}"
            for group in GROUPS
        )
    return limit_words(value, unit, language, counts)


def window_words(measure: Measure | None, language: str) -> str:
    """``lukukaudessa``, ``viimeisten 12 kouluviikon aikana``; empty when the window is unsaid."""
    if measure is None or measure.per is None:
        return ""
    return text(language, f"window.{measure.per}").format(weeks=measure.weeks)


def measure_words(
    value: ThresholdValue, measure: Measure | None, unit: str, language: str, counts: str = "all"
) -> str:
    words = value_words(value, unit, language, counts)
    if value == 0 and unit != "times":
        return words  # the first absence is one, in any window
    window = window_words(measure, language)
    return f"{words} {window}" if window else words


def threshold_words(stage: Stage, ladder: Ladder, language: str) -> str:
    """When the stage starts, in words: every measure with its window, then warning signs."""
    parts = []
    if stage.threshold is not None:
        parts = [
            measure_words(value, ladder.unit_of(unit), unit, language, ladder.counts)
            for unit, value in stage.threshold.measures.items()
        ]
    return starts_with(parts, stage, language)


def either_measure(parts: list[str], language: str) -> str:
    """Each measure's words, reached by either: ``yli 200 tuntia tai yli 20 %``."""
    words = parts[0] if parts else ""
    for part in parts[1:]:
        words = text(language, "either_measure").format(first=words, second=part)
    return words


def starts_with(parts: list[str], stage: Stage, language: str) -> str:
    """The stage's measures in words (``parts``), reached by either, then its warning signs."""
    words = either_measure(parts, language)
    if stage.triggers:
        if not words:
            return text(language, "triggers_only")
        return text(language, "threshold_or_triggers").format(threshold=words)
    return words


def is_range(stage: Stage) -> bool:
    if stage.threshold is None:
        return False
    return any(
        isinstance(amount, Limit) and amount.from_ is not None
        for value in stage.threshold.measures.values()
        for amount in (
            (value.grades_1_6, value.grades_7_9) if isinstance(value, ByGrades) else (value,)
        )
    )


def trigger_words(trigger: str, language: str) -> str:
    return text(language, f"trigger.{trigger}")


def ladder_name(ladder: Ladder, language: str) -> str:
    if ladder.name is not None and ladder.name.get(language):
        return ladder.name.get(language)
    return text(language, f"counts.{ladder.counts}")


def deadline_words(step: Step, language: str) -> str:
    if step.deadline is not None:
        return text(language, f"deadline.{step.deadline}")
    days = step.within_school_days
    if days is None:
        return text(language, "no_deadline")
    if days == 0:
        return text(language, "same_day")
    key = "within_one_school_day" if days == 1 else "within_school_days"
    return text(language, key).format(days=days)


def has_deadline(step: Step) -> bool:
    return step.deadline is not None or step.within_school_days is not None


def actors_words(step: Step, playbook: Playbook, language: str) -> str:
    """``Luokanopettaja tai kuraattori``; ``Koulu`` when the step names nobody."""
    actors = step.actors
    if not actors:
        return text(language, "no_actor")
    names = [role_name(actors[0], playbook, language)]
    names += [role_name_in_list(role, playbook, language) for role in actors[1:]]
    if len(names) == 1:
        return names[0]
    return text(language, "actors_or").format(first=", ".join(names[:-1]), last=names[-1])


def stage_roles(stage: Stage) -> list[str]:
    """Everyone named in a stage's steps, in order, each once."""
    return list(dict.fromkeys(role for step in stage.steps for role in step.actors))


# --- short forms, for headings and table cells ---------------------------------------------
# A heading leads with the number a teacher looks for ("30 h", "yli 10 %"); the window is said
# once beside it (the stage's threshold in full words), so it is left out here.


def short_amount(amount: float, unit: str, language: str) -> str:
    """``30 h``, ``10 %``, ``6 oppituntia``: hours and percent abbreviated, the rest in words."""
    if unit in ("hours", "percent"):
        return text(language, f"short.{unit}").format(number=number(amount, language))
    return unit_amount(amount, unit, language)


def short_limit(value: Value, unit: str, language: str, counts: str = "all") -> str:
    """``yli 30 h``, ``25–30 h``, ``30 h``; a plain 0 is the first (worrying) absence."""
    return _bound(value, unit, language, counts, short=True)


def short_value(value: ThresholdValue, unit: str, language: str, counts: str = "all") -> str:
    """``30 h (vuosiluokat 1–6) / 40 h (7–9)`` when the grades differ."""
    if isinstance(value, ByGrades):
        return text(language, "short.by_grades").format(
            grades_1_6=short_limit(value.grades_1_6, unit, language, counts),
            grades_7_9=short_limit(value.grades_7_9, unit, language, counts),
        )
    return short_limit(value, unit, language, counts)


def short_threshold(stage: Stage, language: str, counts: str = "all") -> str:
    """When the stage starts, short: ``yli 200 h tai yli 20 %``, ``5–8 kertaa``, or its warning
    sign (``yksikin huolestuttava poissaolo``; with several, the first and "or another")."""
    words = ""
    if stage.threshold is not None:
        parts = [
            short_value(v, unit, language, counts) for unit, v in stage.threshold.measures.items()
        ]
        words = either_measure(parts, language)
    if not stage.triggers:
        return words
    if words:
        return text(language, "threshold_or_triggers").format(threshold=words)
    first = trigger_words(stage.triggers[0], language)
    if len(stage.triggers) == 1:
        return first
    return text(language, "short.trigger_or_other").format(first=first)


def threshold_heading(stage: Stage, language: str, counts: str = "all") -> str:
    """:func:`short_threshold` as a heading starts: with a capital letter."""
    words = short_threshold(stage, language, counts)
    return words[:1].upper() + words[1:]


def first_deadline(stage: Stage, language: str) -> str:
    """The deadline of the stage's first step that has one, or the dash of no deadline."""
    step = next((step for step in stage.steps if has_deadline(step)), None)
    return deadline_words(step, language) if step is not None else text(language, "no_deadline")
