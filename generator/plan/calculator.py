"""The absence ladder as the calculator page needs it: its ladders, and each stage's threshold
in whole hundredths.

The page's script (``theme/assets/javascripts/calculator.js``) reads the hours and compares them
with these thresholds in the reader's browser, from data written into the page by
:mod:`generator.plan.calculator_page`. The rules it follows, and a Python model of them that the
browser tests compare it with, are in ``tests/support/reference_calculator.py``.
"""

from __future__ import annotations

from typing import Literal

from generator.playbook.model import GradeSplit, Playbook, Stage

GradeGroup = Literal["grades_1_6", "grades_7_9"]
AbsenceKind = Literal["all", "unauthorised"]

GRADE_GROUPS: tuple[GradeGroup, ...] = ("grades_1_6", "grades_7_9")


def absence_kinds(playbook: Playbook) -> list[AbsenceKind]:
    """The ladders a playbook has, in the order they first appear."""
    return list(dict.fromkeys(stage.threshold.absences for stage in playbook.stages))


def default_kind(playbook: Playbook) -> AbsenceKind:
    kinds = absence_kinds(playbook)
    return "all" if "all" in kinds else kinds[0]


def needs_school_hours(playbook: Playbook) -> bool:
    return playbook.monitoring.unit == "percent"


def has_grade_split(playbook: Playbook) -> bool:
    return any(isinstance(stage.threshold.value, GradeSplit) for stage in playbook.stages)


def threshold_hundredths(stage: Stage, grades: GradeGroup | None) -> int:
    """A stage's threshold for the grade group, in hundredths of an hour or of a percent."""
    value = stage.threshold.value
    if isinstance(value, GradeSplit):
        if grades is None:
            raise ValueError(f"stage {stage.id} is split by grade level: choose a grade group")
        value = getattr(value, grades)
    return round(value * 100)
