"""The absence calculator's words in Finnish and Swedish: form labels, messages and results.

The words are the ``calculator.`` entries of the message catalogues
(:mod:`generator.messages.catalogue`). Results are templates with ``{placeholders}`` that the
page's script fills in; everything a reader sees comes from there, so the script itself holds
no text in any language.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from generator.messages.catalogue import entries

# Every key the page's script may use, in the order its data lists them (the order is part of
# the page, which must come out the same for the same inputs).
KEYS: Final[tuple[str, ...]] = (
    "title",
    "absent_label",
    "absent_hint",
    "school_label_required",
    "school_label_optional",
    "school_hint_required",
    "school_hint_optional",
    "grades_legend",
    "grades_1_6",
    "grades_7_9",
    "kind_legend",
    "kind_hint",
    "kind_all",
    "kind_unauthorised",
    "submit",
    "absent.empty",
    "absent.not_number",
    "absent.negative",
    "absent.too_precise",
    "absent.too_large",
    "absent.more_than_school",
    "school.empty",
    "school.not_number",
    "school.negative",
    "school.too_precise",
    "school.too_large",
    "school.zero",
    "grades.missing",
    "check_fields",
    "percent",
    "stage",
    "stage_from_first",
    "no_stage",
    "next_stage",
    "next_hours",
    "next_hour",
    "next_points",
    "next_from_first",
    "last_stage",
    "tier",
    "tier_none",
    "tier_unknown",
    "tier_all_only",
    "tier_link",
    "details_heading",
    "record",
    "stage_link",
)


def text(language: str, key: str) -> str:
    return entries(language)[f"calculator.{key}"]


class _Words(Mapping[str, dict[str, str]]):
    """``TEXT[language]``: every word of the calculator in that language, in :data:`KEYS` order."""

    def __getitem__(self, language: str) -> dict[str, str]:
        return {key: text(language, key) for key in KEYS}

    def __iter__(self) -> Iterator[str]:
        return iter(("fi", "sv"))

    def __len__(self) -> int:
        return 2


TEXT: Final[Mapping[str, dict[str, str]]] = _Words()
