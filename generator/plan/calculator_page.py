"""What the calculator page needs: its form's words, and the ladders as data for its script.

The thresholds, stage texts and messages are written into the page at build time as JSON in a
``<script type="application/json">`` element; the page's script (a static file of our theme)
reads them and calculates in the reader's browser. Nothing is fetched or sent.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from markupsafe import Markup

from generator.messages import ladder_words, page_words
from generator.messages.calculator_words import COUNT_UNITS, TEXT, text
from generator.plan.calculator import (
    GRADE_GROUPS,
    Field,
    GradeGroup,
    LadderForm,
    bound_of,
    has_grade_split,
    ladder_forms,
    percent_bounds,
    stage_number,
)
from generator.playbook.model import (
    ByGrades,
    Ladder,
    Playbook,
    Stage,
    Step,
    ThresholdValue,
    Value,
)
from generator.playbook.tiers import TIER_BANDS, bands_data

T = TypeVar("T")

# The calculator page is calculator/index.html: links from its script start one folder up.
_SITE_ROOT = "../"


@dataclass(frozen=True)
class FieldView:
    """One input of the form, with its words (plain text: the template escapes them)."""

    id: str
    label: str
    hint: str
    required: bool
    whole: bool


@dataclass(frozen=True)
class LadderView:
    id: str
    name: str
    default: bool
    fields: tuple[FieldView, ...]
    measures: str  # what the ladder counts, with the windows, for the "how" list
    equivalence: str
    counting: str


@dataclass(frozen=True)
class CalculatorPage:
    language: str
    ladders: tuple[LadderView, ...]
    grade_split: bool  # some ladder's thresholds differ by grade level
    default_grade_split: bool  # the ladder shown first asks for the grade group
    percent: bool  # some ladder has a percent measure
    share: bool  # some ladder offers the school hours only for the share of school time
    two_measures: bool
    triggers: bool  # some stage starts on warning signs alone
    data: Markup  # the JSON, safe inside a <script> element

    def plain(self, key: str) -> str:
        return text(self.language, key)

    def html(self, key: str) -> Markup:
        """A text of the form, escaped for raw HTML (where Markdown escapes would show)."""
        return Markup(html.escape(self.plain(key)))


def calculator_page(playbook: Playbook, language: str) -> CalculatorPage:
    forms = ladder_forms(playbook)
    return CalculatorPage(
        language=language,
        ladders=tuple(_ladder_view(form, index == 0, language) for index, form in enumerate(forms)),
        grade_split=has_grade_split(playbook),
        default_grade_split=has_grade_split(playbook, forms[0].ladder),
        percent=any(form.measure("percent") is not None for form in forms),
        share=any(form.share is not None and form.measure("percent") is None for form in forms),
        two_measures=any(len(form.ladder.measures) > 1 for form in forms),
        triggers=any(stage.threshold is None for stage in playbook.stages),
        data=script_json(page_data(playbook, language)),
    )


def _ladder_view(form: LadderForm, default: bool, language: str) -> LadderView:
    ladder = form.ladder
    measures = "; ".join(
        " ".join(
            part
            for part in (
                page_words.text(language, f"measure.{measure.unit}"),
                ladder_words.window_words(measure, language),
            )
            if part
        )
        for measure in ladder.measures
    )
    equivalence = ""
    if ladder.equivalence is not None:
        equivalence = page_words.text(language, "equivalence").format(
            hours=page_words.number(ladder.equivalence.hours, language),
            percent=page_words.number(ladder.equivalence.percent, language),
        )
    return LadderView(
        id=ladder.id,
        name=ladder_words.ladder_name(ladder, language),
        default=default,
        fields=tuple(
            FieldView(
                id=field.element_id(ladder),
                label=field_label(field, language),
                hint=field_hint(form, field, language),
                required=field.required,
                whole=field.whole,
            )
            for field in form.fields
        ),
        measures=measures,
        equivalence=equivalence,
        counting=ladder.counting.get(language) if ladder.counting else "",
    )


def field_window(field: Field, language: str) -> str:
    """The window a field is counted over, in words; a window the playbook does not name is
    still said to be the counting period."""
    return ladder_words.window_words(field.measure, language) or text(language, "window_unsaid")


def field_label(field: Field, language: str) -> str:
    """``Poissaolotunnit lukukaudessa``, ``Koulutunnit arviointijakson aikana (vapaaehtoinen)``."""
    kind = "school_label" if field.key == "school" else "label"
    label = text(language, f"{kind}.{field.unit}").format(window=field_window(field, language))
    return label if field.required else text(language, "optional").format(label=label)


def field_hint(form: LadderForm, field: Field, language: str) -> str:
    percent = form.measure("percent")
    if field.key == "school":
        if percent is None:
            return text(language, "school_hint_optional")
        if not percent.optional:
            return text(language, "school_hint_required")
        tier = "_tier" if form.tier else ""
        return text(language, f"school_hint_percent{tier}")
    only_for_percent = all(
        measure.unit == "percent" and measure.optional
        for measure in form.measures
        if measure.amount == field.key
    )
    if only_for_percent:
        return text(language, "hint.share_amount")
    return text(language, f"hint.{field.unit}")


def page_data(playbook: Playbook, language: str) -> dict[str, Any]:
    """Everything the page's script calculates and writes with."""
    forms = ladder_forms(playbook)
    everything = next((form for form in forms if form.tier), None)
    return {
        "ladders": [_ladder_data(playbook, form, language) for form in forms],
        "defaultLadder": forms[0].ladder.id,
        # Where the national tier can be seen, for the other ladders to point at.
        "allLadder": ladder_words.ladder_name(everything.ladder, language) if everything else None,
        # The national bands come from their one definition, never from the script itself.
        "tiers": bands_data(language),
        "lowest": page_words.number(TIER_BANDS[0].lower / 100, language),  # where tier 1 starts
        "tierUrl": _SITE_ROOT + "sky/tier-{tier}/",
        "units": _unit_words(language),
        "either": page_words.text(language, "either_measure"),
        "responsible": page_words.text(language, "responsible"),
        "text": TEXT[language],
    }


def _unit_words(language: str) -> dict[str, Any]:
    words: dict[str, Any] = {
        unit: {
            "one": page_words.text(language, f"unit.{unit}.one"),
            "many": page_words.text(language, f"unit.{unit}"),
        }
        for unit in COUNT_UNITS
    }
    words["percent"] = page_words.text(language, "unit.percent")
    return words


def _ladder_data(playbook: Playbook, form: LadderForm, language: str) -> dict[str, Any]:
    ladder = form.ladder
    share = None
    if form.share is not None:
        amount, school = form.share
        share = {
            "amount": amount,
            "school": school,
            "window": field_window(form.field(school), language),
        }
    return {
        "id": ladder.id,
        "name": ladder_words.ladder_name(ladder, language),
        "counts": ladder.counts,
        "gradeSplit": has_grade_split(playbook, ladder),
        "fields": [
            {
                "key": field.key,
                "id": field.element_id(ladder),
                "unit": field.unit,
                "whole": field.whole,
                "required": field.required,
                "school": field.key == "school",
                "pair": field.pair,
                "window": field_window(field, language),
            }
            for field in form.fields
        ],
        "measures": [
            {
                "unit": measure.unit,
                "amount": measure.amount,
                "school": measure.school,
                "optional": measure.optional,
            }
            for measure in form.measures
        ],
        "share": share,
        # The bounds a share is shown against, so that the number shown agrees with them.
        "percentBounds": dict(
            zip(("every", "strict"), percent_bounds(playbook, form), strict=True)
        ),
        "tier": form.tier,
        "stages": [
            _stage_data(playbook, stage, ladder, language) for stage in playbook.stages_of(ladder)
        ],
    }


def _stage_data(playbook: Playbook, stage: Stage, ladder: Ladder, language: str) -> dict[str, Any]:
    measures = stage.threshold.measures if stage.threshold is not None else {}
    return {
        "id": stage.id,
        "number": stage_number(playbook, stage),
        "title": stage.title.get(language),
        "url": f"{_SITE_ROOT}stages/{stage.id}/",
        "skyTier": stage.sky_tier,
        "bounds": {unit: _by_grades(value, _bound_data) for unit, value in measures.items()},
        "words": {
            unit: _by_grades(value, partial(_limit_words, ladder, unit, language))
            for unit, value in measures.items()
        },
        "starts": _starts(stage, ladder, language),
        "triggers": [ladder_words.trigger_words(trigger, language) for trigger in stage.triggers],
        "steps": [_step_data(step, playbook, language) for step in stage.steps],
        "responsible": page_words.role_name(stage.responsible, playbook, language)
        if stage.responsible
        else "",
        "record": stage.record.get(language) if stage.record else "",
    }


def _by_grades(value: ThresholdValue, convert: Callable[[Value], T]) -> T | dict[str, T]:
    """``convert`` of the value, or of each grade group's value when they differ."""
    if isinstance(value, ByGrades):
        return {group: convert(getattr(value, group)) for group in GRADE_GROUPS}
    return convert(value)


def _bound_data(value: Value) -> dict[str, Any]:
    bound = bound_of(value)
    return {"kind": bound.kind, "low": bound.low, "high": bound.high}


def _limit_words(ladder: Ladder, unit: str, language: str, value: Value) -> str:
    """``yli 30 tuntia lukukaudessa``: one bound with its window."""
    return ladder_words.measure_words(value, ladder.unit_of(unit), unit, language, ladder.counts)


def _starts(stage: Stage, ladder: Ladder, language: str) -> str | dict[str, str]:
    """When the stage starts, in words, per grade group when its thresholds differ."""
    if not _split(stage):
        return starts_words(stage, ladder, None, language)
    return {group: starts_words(stage, ladder, group, language) for group in GRADE_GROUPS}


def _split(stage: Stage) -> bool:
    return stage.threshold is not None and any(
        isinstance(value, ByGrades) for value in stage.threshold.measures.values()
    )


def starts_words(stage: Stage, ladder: Ladder, grades: GradeGroup | None, language: str) -> str:
    """When the stage starts, as :func:`ladder_words.threshold_words` says it, with the grade
    group's own values when the thresholds differ by grade level."""
    if grades is None or not _split(stage):
        return ladder_words.threshold_words(stage, ladder, language)
    assert stage.threshold is not None
    parts = []
    for unit, value in stage.threshold.measures.items():
        amount = getattr(value, grades) if isinstance(value, ByGrades) else value
        parts.append(
            ladder_words.measure_words(amount, ladder.unit_of(unit), unit, language, ladder.counts)
        )
    return ladder_words.starts_with(parts, stage, language)


def _step_data(step: Step, playbook: Playbook, language: str) -> dict[str, str]:
    return {
        "actors": ladder_words.actors_words(step, playbook, language),
        "action": step.action.get(language),
        "condition": step.condition.get(language) if step.condition else "",
        "deadline": ladder_words.deadline_words(step, language)
        if ladder_words.has_deadline(step)
        else "",
    }


def script_json(data: object) -> Markup:
    """JSON that cannot end its <script> element or open a comment, whatever the text holds."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        encoded = encoded.replace(character, escaped)
    return Markup(encoded)
