"""The absence calculator's words in Finnish and Swedish: form labels, messages and results.

The words are the ``calculator.`` entries of the message catalogues
(:mod:`generator.messages.catalogue`). Results are templates with ``{placeholders}`` that the
page's script fills in; everything a reader sees comes from there or from the playbook, so the
script itself holds no text in any language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from generator.messages.catalogue import entries

COUNT_UNITS: Final = ("hours", "lessons", "days", "times")
# The message prefix of each field's problems: the hours keep their first name, "absent".
ERROR_PREFIX: Final = {"hours": "absent", "lessons": "lessons", "days": "days", "times": "times"}
_ERRORS: Final = {
    "absent": (
        "empty",
        "not_number",
        "negative",
        "too_precise",
        "too_large",
        "more_than_school",
    ),
    "lessons": ("empty", "not_number", "negative", "not_whole", "too_large", "more_than_school"),
    "days": ("empty", "not_number", "negative", "too_precise", "too_large"),
    "times": ("empty", "not_number", "negative", "not_whole", "too_large"),
    "school": (
        "empty",
        "not_number",
        "negative",
        "too_precise",
        "not_whole",
        "too_large",
        "zero",
    ),
}

# Every key the page's script may use, in the order its data lists them (the order is part of
# the page, which must come out the same for the same inputs).
KEYS: Final[tuple[str, ...]] = (
    *(f"{prefix}.{code}" for prefix, codes in _ERRORS.items() for code in codes),
    "grades.missing",
    "check_fields",
    "counted",
    "percent",
    "stage",
    "stage_reached",
    "both_measures",
    "stage_from_first",
    "stage_tier",
    "no_stage",
    "concern",
    "concern_lateness",
    "next_stage",
    "next_limit",
    "next_may",
    "next_distance",
    "next_distance_share",
    "next_from_first",
    "next_any",
    "gap_over",
    "gap_range",
    "gap_at_most",
    "gap_points",
    "gap_point_one",
    "last_stage",
    "percent_skipped",
    "triggers_stage",
    "tier",
    "tier_none",
    "tier_unknown",
    "tier_all_only",
    "tier_not_counted",
    "tier_no_share",
    "tier_relation",
    "tier_link",
    "details_heading",
    "record",
    "stage_link",
    "stage_heading",
    "tier_heading",
    "band",
    "band_none",
    "band_here",
    "percent_above",
    "tier_differs",
    "tier_differs_none",
)


def text(language: str, key: str) -> str:
    return entries(language)[f"calculator.{key}"]


def error_key(unit: str, school: bool, code: str) -> str:
    """The message of a field's problem: ``absent.empty``, ``times.not_whole``, ``school.zero``."""
    return f"{'school' if school else ERROR_PREFIX[unit]}.{code}"


class _Words(Mapping[str, dict[str, str]]):
    """``TEXT[language]``: every word of the calculator in that language, in :data:`KEYS` order."""

    def __getitem__(self, language: str) -> dict[str, str]:
        return {key: text(language, key) for key in KEYS}

    def __iter__(self) -> Iterator[str]:
        return iter(("fi", "sv"))

    def __len__(self) -> int:
        return 2


TEXT: Final[Mapping[str, dict[str, str]]] = _Words()
