"""What the printed documents tell guardians: how to report an absence (with each school's own
deadline and office phone), the leave rules the playbook has, the forms for guardians and the
answers to what guardians ask, as JSON-ready values in one language.

Leave rules are optional: a playbook that says nothing about leave prints nothing about it,
and no standard note is printed unless the playbook chose it.
"""

from __future__ import annotations

from typing import Any

from generator.messages.print_words import Words
from generator.playbook.model import Contact, Guardians, LeaveException, LeaveRule, School
from generator.printout.print_stages import forms


def guardians(words: Words) -> dict[str, Any]:
    section = words.playbook.guardians
    leave_forms = [rule.form for rule in section.leave if rule.form is not None]
    return {
        "report_absence": words.paragraphs(section.report_absence),
        "school_reporting": _school_reporting(words),
        "leave": _leave(words, section),
        "forms": forms(words, [*section.forms, *leave_forms]),
        "questions": _questions(words, section),
    }


def _school_reporting(words: Words) -> list[list[str]]:
    """School, by when an absence is reported there, its office phone (and the language of the
    school's name): for every school that has one of them."""
    return [
        [
            words.local(school.name),
            words.p("report_by_time", time=_clock(school.report_by)) if school.report_by else "",
            school.office_phone or "",
            name_language(words, school),
        ]
        for school in words.playbook.schools
        if school.report_by or school.office_phone
    ]


def name_language(words: Words, school: School) -> str:
    """The language a school's name is written in when it is not the document's: a name the
    playbook does not translate (``Strandby skola`` in both) is in the school's own language."""
    untranslated = school.name.fi == school.name.sv
    return school.language if untranslated and school.language != words.language else ""


def _clock(time: str) -> str:
    """``07.30`` or ``7:30`` reads ``7.30``, as Finnish and Swedish write a time of day."""
    hours, minutes = time.replace(":", ".").split(".")
    return f"{int(hours)}.{minutes}"


def says_about_leave(section: Guardians) -> bool:
    return bool(
        section.leave
        or section.leave_days_per_school_year
        or section.leave_exceptions
        or section.leave_notes
        or section.leave_instructions
    )


def _leave(words: Words, section: Guardians) -> dict[str, Any] | None:
    if not says_about_leave(section):
        return None
    per_year = section.leave_days_per_school_year
    return {
        "rules": [_leave_rule(words, rule) for rule in section.leave],
        "has_request": any(rule.request or rule.form for rule in section.leave),
        "per_year": words.t("leave_per_year", days=per_year) if per_year else "",
        "exceptions": [_exception(words, exception) for exception in section.leave_exceptions],
        "notes": [
            words.t(f"leave_note_to_you.{note}") for note in dict.fromkeys(section.leave_notes)
        ],
        "instructions": words.paragraphs(section.leave_instructions),
    }


def _leave_rule(words: Words, rule: LeaveRule) -> list[str]:
    how = words.t(f"leave_request.{rule.request}") if rule.request else ""
    form = words.playbook.form(rule.form) if rule.form else None
    if form is not None:
        name = words.local(form.name)
        how = f"{how} ({name})" if how else name
    return [leave_length(words, rule.up_to_days), how, words.role(rule.granted_by)]


def _exception(words: Words, exception: LeaveException) -> list[str]:
    where = [
        words.local(school.name)
        for school_id in exception.schools or []
        if (school := words.playbook.school(school_id)) is not None
    ]
    if exception.grades is not None:
        first, last = exception.grades
        where.append(words.t("leave_exception_grades", first=first, last=last))
    length = leave_length(words, exception.up_to_days) if exception.up_to_days else ""
    # One school's name alone may be in another language than the document's.
    schools = [words.playbook.school(school_id) for school_id in exception.schools or []]
    alone = schools[0] if len(where) == 1 and len(schools) == 1 else None
    lang = name_language(words, alone) if alone is not None else ""
    return [", ".join(where), length, words.role(exception.granted_by), lang]


def leave_length(words: Words, up_to_days: int | None) -> str:
    if not up_to_days:
        return words.t("leave_longer")
    return words.t("leave_up_to_one" if up_to_days == 1 else "leave_up_to", days=up_to_days)


def _questions(words: Words, section: Guardians) -> list[dict[str, Any]]:
    """What guardians ask, answered from the playbook's facts; only what the playbook says."""
    answers: list[tuple[str, list[str]]] = []
    days = section.explain_within_school_days
    if days is not None:
        key = "a.explain_same" if days == 0 else "a.explain_one" if days == 1 else "a.explain"
        answers.append(("q.explain", [words.t(key, days=days)]))
    minutes = section.late_counts_as_absence_after_minutes
    if minutes is not None:
        answers.append(("q.late", [words.t("a.late", minutes=minutes)]))
    for question, text in (
        ("q.leaving", section.leaving_during_the_day),
        ("q.catching_up", section.catching_up),
        ("q.long_illness", section.long_illness),
        ("q.following", section.following_absences),
    ):
        if text is not None:
            answers.append((question, words.paragraphs(text)))
    return [{"question": words.t(question), "answer": answer} for question, answer in answers]


# Whom a guardian calls about a worry, first to last. The class teacher is reached through the
# school's office, whose phone the leaflet gives beside each school; the rest of the contacts are
# on the site's contacts page.
GUARDIANS_CALL = (
    "school_social_worker",
    "school_nurse",
    "school_psychologist",
    "principal",
    "guidance_counsellor",
    "special_needs_teacher",
    "school_youth_worker",
)
LEAFLET_CONTACTS = 4


def leaflet_contacts(words: Words) -> list[Contact]:
    """At most four contacts, by role in the order guardians call them. A role comes with all
    its contacts (one per school, say) or not at all: half of them would leave some schools'
    guardians with another school's number."""
    chosen: list[Contact] = []
    for role in GUARDIANS_CALL:
        of_role = [c for c in words.playbook.contacts if c.role == role and (c.phone or c.email)]
        if len(chosen) + len(of_role) <= LEAFLET_CONTACTS:
            chosen += of_role
    return chosen
