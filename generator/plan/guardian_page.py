"""What the guardians page and the contacts page are made of, besides the playbook itself.

The guardians page leads with what a parent needs on a phone's first screen (report an absence
today, ask for leave, whom to call) and keeps only the few contacts a parent calls; every other
contact is on the contacts page, grouped by where the people work. Everything here is plain
text: the templates escape it and make the links.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.messages import easy_read, ladder_words, page_words
from generator.playbook.model import (
    ByGrades,
    Contact,
    Ladder,
    Playbook,
    School,
    Stage,
    Value,
)
from generator.playbook.roles import NATIONAL_ROLES

# The roles a guardian phones about their own child, besides the school office.
GUARDIANS_CALL = ("class_teacher", "school_social_worker", "school_nurse")

# The contacts page's groups, each with its roles in the order a reader looks for them; a
# local role works in the school, and any national role not named here comes last.
CONTACT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "school",
        (
            "class_teacher",
            "principal",
            "special_needs_teacher",
            "subject_teacher",
            "guidance_counsellor",
            "school_youth_worker",
        ),
    ),
    (
        "welfare",
        (
            "school_social_worker",
            "school_psychologist",
            "school_nurse",
            "school_doctor",
            "welfare_group",
            "expert_group",
        ),
    ),
    ("other", ("child_welfare", "education_office", "pupil", "guardian")),
)


@dataclass(frozen=True)
class SchoolLine:
    """One school on the first screen: its name, by when to report, its office's phone."""

    name: str
    report_by: str  # "klo 8.00 mennessä", or empty
    phone: str | None


@dataclass(frozen=True)
class FirstScreen:
    report: str
    schools: tuple[SchoolLine, ...]
    leave: str  # empty when the playbook sets no leave rules
    call: str


def first_screen(playbook: Playbook, language: str) -> FirstScreen:
    return FirstScreen(
        report=_report_line(playbook, language),
        schools=tuple(
            _school_line(school, language)
            for school in playbook.schools
            if school.report_by or school.office_phone
        ),
        leave=_leave_line(playbook, language),
        call=_call_line(playbook, language),
    )


def _report_line(playbook: Playbook, language: str) -> str:
    offices = any(school.office_phone for school in playbook.schools)
    if easy_read.reports_in_system(playbook, language):
        key = "quick_report_system" if offices else "quick_report_system_only"
        system = easy_read.system_where(playbook, language)
        return page_words.text(language, f"guardians.{key}").format(system=system)
    key = "quick_report_office" if offices else "quick_report_plain"
    return page_words.text(language, f"guardians.{key}")


def _school_line(school: School, language: str) -> SchoolLine:
    by = ""
    if school.report_by:
        by = page_words.text(language, "guardians.by_time").format(
            time=easy_read.clock(school.report_by)
        )
    return SchoolLine(school.name.get(language), by, school.office_phone)


def _leave_line(playbook: Playbook, language: str) -> str:
    """``Luokanopettaja tai luokanohjaaja myöntää vapaata enintään 3 koulupäivää, rehtori
    enintään 20 koulupäivää.``"""
    parts = []
    for index, rule in enumerate(playbook.guardians.leave):
        first = index == 0
        # The everyday form a sentence reads ("Klassläraren … beviljar", "rektorn längre").
        who = easy_read.role_in_sentence(rule.granted_by, playbook, language, starts_sentence=first)
        if rule.up_to_days is None:
            key = "quick_leave_first_any" if first else "quick_leave_longer"
        else:
            key = "quick_leave_first" if first else "quick_leave_next"
            key += "_one" if rule.up_to_days == 1 else ""
        parts.append(
            page_words.text(language, f"guardians.{key}").format(who=who, days=rule.up_to_days)
        )
    return ", ".join(parts) + "." if parts else ""


def _call_line(playbook: Playbook, language: str) -> str:
    """Whom to call about a worry; the school office when the playbook names nobody else, and
    nothing but the link to the contacts when it has no office phone either."""
    whom = easy_read.whom_to_call(playbook, language)
    if not whom:
        offices = any(school.office_phone for school in playbook.schools)
        return page_words.text(language, "guardians.quick_call_office") if offices else ""
    return page_words.text(language, "guardians.quick_call_line").format(
        whom=easy_read.one_of(whom, language)
    )


def guardians_contacts(playbook: Playbook) -> tuple[Contact, ...]:
    """The few contacts a guardian calls, in the order of :data:`GUARDIANS_CALL`; a contact
    whose number is a school office's is left out, since the first screen gives that already."""
    offices = {_digits(school.office_phone) for school in playbook.schools if school.office_phone}
    return tuple(
        contact
        for role in GUARDIANS_CALL
        for contact in playbook.contacts
        if contact.role == role and (contact.phone is None or _digits(contact.phone) not in offices)
    )


def contact_groups(playbook: Playbook) -> list[tuple[str, list[tuple[str, list[Contact]]]]]:
    """Every contact, grouped: ``[(group, [(role, [contacts…]), …]), …]``, empty groups left
    out, the contacts of a role in the playbook's order."""
    by_role: dict[str, list[Contact]] = {}
    for contact in playbook.contacts:
        by_role.setdefault(contact.role, []).append(contact)
    placed = {role for _, roles in CONTACT_GROUPS for role in roles}
    groups = []
    for group, roles in CONTACT_GROUPS:
        order = list(roles)
        if group == "school":  # local roles work in the school: after the principal
            local = [role for role in by_role if role not in NATIONAL_ROLES]
            order[2:2] = local
        if group == "other":
            order += [role for role in by_role if role in NATIONAL_ROLES and role not in placed]
        members = [(role, by_role[role]) for role in order if role in by_role]
        if members:
            groups.append((group, members))
    return groups


def stage_starts(stage: Stage, playbook: Playbook, language: str) -> str:
    """When a stage starts, with the window next to every number: ``vuosiluokat 1–6: 25–30
    tuntia lukukaudessa; vuosiluokat 7–9: 35–40 tuntia lukukaudessa``."""
    ladder = playbook.ladder_of(stage)
    if stage.threshold is None:
        return ladder_words.threshold_words(stage, ladder, language)
    parts = []
    for unit, value in stage.threshold.measures.items():
        if isinstance(value, ByGrades):
            parts.append(
                "; ".join(
                    f"{page_words.text(language, group)}: "
                    + _amount(getattr(value, group), ladder, unit, language)
                    for group in ladder_words.GROUPS
                )
            )
        else:
            parts.append(_amount(value, ladder, unit, language))
    return ladder_words.starts_with(parts, stage, language)


def _amount(value: Value, ladder: Ladder, unit: str, language: str) -> str:
    """One number with its window; 0 is the first absence the ladder counts."""
    return ladder_words.measure_words(value, ladder.unit_of(unit), unit, language, ladder.counts)


def _digits(phone: str) -> str:
    return "".join(character for character in phone if character.isdigit())
