"""What the calculator page needs: its words as HTML, and the ladder as data for its script.

The thresholds, stage texts and messages are written into the page at build time as JSON in a
``<script type="application/json">`` element; the page's script (a static file of our theme)
reads them and calculates in the reader's browser. Nothing is fetched or sent.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.messages import page_words
from generator.messages.calculator_words import TEXT
from generator.plan.calculator import (
    GRADE_GROUPS,
    AbsenceKind,
    absence_kinds,
    default_kind,
    has_grade_split,
    needs_school_hours,
    threshold_hundredths,
)
from generator.playbook.model import GradeSplit, Playbook, Stage
from generator.playbook.tiers import bands_data

# The calculator page is calculator/index.html: links from its script start one folder up.
_SITE_ROOT = "../"


@dataclass(frozen=True)
class CalculatorPage:
    language: str
    needs_school: bool
    grade_split: bool
    kinds: tuple[AbsenceKind, ...]
    default_kind: AbsenceKind
    data: Markup  # the JSON, safe inside a <script> element

    def plain(self, key: str) -> str:
        return TEXT[self.language][key]

    def html(self, key: str) -> Markup:
        """A text of the form, escaped for raw HTML (where Markdown escapes would show)."""
        return Markup(html.escape(self.plain(key)))


def calculator_page(playbook: Playbook, language: str) -> CalculatorPage:
    return CalculatorPage(
        language=language,
        needs_school=needs_school_hours(playbook),
        grade_split=has_grade_split(playbook),
        # All absences first: the usual case, and the one the national tier counts.
        kinds=tuple(sorted(absence_kinds(playbook), key=lambda kind: kind != "all")),
        default_kind=default_kind(playbook),
        data=script_json(page_data(playbook, language)),
    )


def page_data(playbook: Playbook, language: str) -> dict[str, Any]:
    """Everything the page's script calculates and writes with."""
    return {
        "unit": playbook.monitoring.unit,
        "needsSchool": needs_school_hours(playbook),
        "gradeSplit": has_grade_split(playbook),
        "stages": [
            _stage_data(stage, number, playbook, language)
            for number, stage in enumerate(playbook.stages, start=1)
        ],
        # The national bands come from their one definition, never from the script itself.
        "tiers": bands_data(language),
        "tierUrl": _SITE_ROOT + "sky/tier-{tier}/",
        "text": TEXT[language],
    }


def _stage_data(stage: Stage, number: int, playbook: Playbook, language: str) -> dict[str, Any]:
    limit: int | dict[str, int]
    if isinstance(stage.threshold.value, GradeSplit):
        limit = {group: threshold_hundredths(stage, group) for group in GRADE_GROUPS}
    else:
        limit = threshold_hundredths(stage, None)
    return {
        "id": stage.id,
        "number": number,
        "title": stage.title.get(language),
        "kind": stage.threshold.absences,
        "limit": limit,
        "url": f"{_SITE_ROOT}stages/{stage.id}/",
        "steps": [
            {
                "role": page_words.role_name(step.role, playbook, language),
                "action": step.action.get(language),
                "deadline": ""
                if step.within_school_days is None
                else page_words.deadline(step.within_school_days, language),
            }
            for step in stage.steps
        ],
        "record": stage.record.get(language) if stage.record else "",
    }


def script_json(data: object) -> Markup:
    """JSON that cannot end its <script> element or open a comment, whatever the text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(character, escaped)
    return Markup(text)
