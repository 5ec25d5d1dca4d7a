"""What the portal's tables show of one municipality, worded in one language.

Municipalities count in different units (hours, percent, times…) over different windows and
may have several ladders, so the comparison never reduces a threshold to a bare number: each
ladder is shown by its name with the units and windows it counts in, and each stage by the
words the municipality's own site uses for it ("yli 40 tuntia lukuvuoden aikana"), taken from
the record, which :mod:`generator.messages.ladder_words` worded when the site was built.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.messages import ladder_words, page_words
from generator.portal.records import Ladder, LeaveRule, Municipality, Stage, Texts


def comparison_row(municipality: Municipality, language: str) -> dict[str, Any]:
    """One municipality's row of the index and of the comparison, in ``language``."""
    other = "sv" if language == "fi" else "fi"
    name, other_name = _in(municipality.name, language), _in(municipality.name, other)
    site_language = language if language in municipality.languages else municipality.languages[0]
    return {
        "slug": municipality.slug,
        "name": name,
        "other_name": other_name if other_name != name else "",
        "other_language": other,
        "href": f"../../{municipality.slug}/{site_language}/",
        "version": municipality.version,
        "effective_from": dt.date.fromisoformat(municipality.effective_from),
        "effective_iso": municipality.effective_from,
        "system": municipality.system,
        "units": units_words(municipality, language),
        "window": _in(municipality.window, language) if municipality.window else "",
        "ladders": [
            {
                "name": _in(ladder.name, language),
                "measures": measures_words(ladder, language),
                "stages": [
                    stage_words(stage, language)
                    for stage in municipality.stages
                    if stage.ladder == ladder.id
                ],
            }
            for ladder in municipality.ladders
        ],
        "stage_count": len(municipality.stages),
        "leave": leave_words(municipality, language),
    }


def _in(texts: Texts, language: str) -> str:
    """The text in ``language``, else in the other (a site may be in one language only)."""
    first, second = (texts.fi, texts.sv) if language == "fi" else (texts.sv, texts.fi)
    return first or second


def units_words(municipality: Municipality, language: str) -> str:
    """``tunnit, prosentit``: every unit the municipality counts in, in the order first used."""
    units = dict.fromkeys(m.unit for ladder in municipality.ladders for m in ladder.measures)
    return ", ".join(page_words.text(language, f"unit_{unit}") for unit in units)


def measures_words(ladder: Ladder, language: str) -> str:
    """``tunnit lukuvuoden aikana; prosentit arviointijakson aikana; 100 tuntia = 10 % …``."""
    parts = []
    for measure in ladder.measures:
        unit = page_words.text(language, f"unit_{measure.unit}")
        window = _in(measure.window.words, language) if measure.window.per else ""
        parts.append(f"{unit} {window}" if window else unit)
    if ladder.equivalence is not None:
        hours = ladder_words.unit_amount(ladder.equivalence.hours, "hours", language)
        percent = ladder_words.unit_amount(ladder.equivalence.percent, "percent", language)
        parts.append(f"{hours} = {percent}")
    return "; ".join(parts)


def stage_words(stage: Stage, language: str) -> str:
    """When a stage starts, as its site words it, with what a reader comparing needs beside:
    that a range leaves the start to the staff, which warning signs count, and the SKY tier."""
    notes = []
    if any(threshold.comparison == "range" for threshold in stage.thresholds):
        notes.append(page_words.text(language, "limit.range_note"))
    if stage.triggers:
        notes.append(", ".join(_in(trigger.name, language) for trigger in stage.triggers))
    words = _in(stage.starts, language)
    if notes:
        words = f"{words} ({'; '.join(notes)})"
    if stage.sky_tier is not None:
        words = f"{words} → {page_words.tier_name(stage.sky_tier, language)}"
    return words


def leave_words(municipality: Municipality, language: str) -> list[str]:
    """Who grants how much leave, and the yearly cap; a note when the rules say nothing."""
    guardians = municipality.guardians
    words = [_leave_rule_words(rule, language) for rule in guardians.leave]
    if guardians.leave_days_per_school_year is not None:
        words.append(
            page_words.text(language, "leave_per_year").format(
                days=guardians.leave_days_per_school_year
            )
        )
    return words or [page_words.text(language, "portal_compare.leave_unsaid")]


def _leave_rule_words(rule: LeaveRule, language: str) -> str:
    role = _in(rule.granted_by.name, language) or rule.granted_by.id
    days = rule.up_to_days
    if days is None:
        return f"{role}: {page_words.text(language, 'leave_longer')}"
    key = "leave_up_to_one" if days == 1 else "leave_up_to"
    return f"{role}: {page_words.text(language, key).format(days=days)}"
