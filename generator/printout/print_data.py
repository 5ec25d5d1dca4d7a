"""What a printed document says, as data for the fixed Typst template ``templates/print.typ``.

Every word is worded here in the document's language (the ``page.`` and ``print.`` entries of
the catalogues, the playbook's own texts) and handed over as JSON values, never as Typst markup:
``#``, ``[``, ``$``, ``*``, ``_``, ``@`` and ``<`` in a playbook stay plain text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.national import NationalContent
from generator.messages import page_words
from generator.messages.print_words import print_text
from generator.plan.merge import contacts_for_stage
from generator.playbook.model import Contact, LocalText, Playbook, Stage
from generator.playbook.tiers import band
from generator.printout.documents import DocumentKind
from generator.printout.qr import qr_svg

DEFAULT_COLOR = "#0b5394"

# The keys of the page words and the print words every document may print.
_PAGE_WORDS = [
    "ladder",
    "guardians",
    "contacts",
    "services",
    "national_model",
    "glossary",
    "changes",
    "recording_system",
    "window",
    "review",
    "stage",
    "threshold",
    "sky_tier",
    "who_acts",
    "action",
    "deadline",
    "record",
    "length",
    "granted_by",
    "role",
    "name",
    "phone",
    "email",
    "reachable",
    "schools",
    "school",
    "grades",
    "school_language",
    "tier",
    "approved_by",
    "approval_date",
    "effective_from",
    "version",
    "wellbeing_county",
]
_PRINT_WORDS = [
    "contents",
    "ladder_intro",
    "counted",
    "stage_contacts",
    "report",
    "leave",
    "national_intro",
    "national_tiers",
    "tier_band",
    "tier_school_does",
    "glossary_intro",
    "in_brief",
    "brief_report",
    "brief_leave",
    "brief_school",
    "brief_help",
    "school_does",
    "involved",
    "whom_to_call",
    "online",
    "online_text",
    "what_now",
    "what_now_2",
    "what_now_3",
    "what_now_4",
    "what_now_always",
    "at_a_glance",
    "record_where",
    "consult",
]


@dataclass(frozen=True)
class PrintJob:
    """One document of one playbook in one language, in one layout."""

    kind: DocumentKind
    playbook: Playbook
    content: NationalContent
    language: str
    layout: str
    logo: Path | None


class _Words:
    """The words of one playbook in one language."""

    def __init__(self, playbook: Playbook, language: str) -> None:
        self.playbook, self.language = playbook, language

    def t(self, key: str, **values: object) -> str:
        return page_words.text(self.language, key).format(**values)

    def p(self, key: str, **values: object) -> str:
        return print_text(self.language, key).format(**values)

    def local(self, value: LocalText | str | None) -> str:
        if value is None:
            return ""
        return value if isinstance(value, str) else value.get(self.language)

    def role(self, role_id: str) -> str:
        return page_words.role_name(role_id, self.playbook, self.language)

    def roles(self, stage: Stage) -> str:
        """The stage's roles in order, each once; national ones in lower case after the first."""
        ids = list(dict.fromkeys(step.role for step in stage.steps))
        return ", ".join(
            self.role(role_id)
            if index == 0
            else page_words.role_name_in_list(role_id, self.playbook, self.language)
            for index, role_id in enumerate(ids)
        )

    def date(self, value: dt.date) -> str:
        return page_words.date(value, self.language)


def _paragraphs(value: str) -> list[str]:
    """Each line of a folded YAML text is one of its author's paragraphs."""
    return [line.strip() for line in value.strip().split("\n") if line.strip()]


def document_data(job: PrintJob) -> dict[str, Any]:
    """Everything one document prints, worded in its language, as JSON-ready values."""
    playbook, language, words = job.playbook, job.language, _Words(job.playbook, job.language)
    municipality, approval = playbook.municipality, playbook.approval
    site_url = municipality.site_url
    guardians_url = f"{site_url.rstrip('/')}/{language}/guardians/" if site_url else ""
    title = job.kind.titles[language]
    name = words.local(municipality.name)
    qr_alt = words.p("qr_alt", url=guardians_url) if guardians_url else ""
    return {
        "kind": job.kind.key,
        "layout": job.layout,
        "lang": language,
        "other": "sv" if language == "fi" else "fi",
        "title": title,
        # Finnish and Swedish go on in lower case after a colon.
        "full_title": f"{name}: {title[0].lower()}{title[1:]}",
        "municipality": name,
        "provider": words.local(municipality.provider),
        "description": job.kind.descriptions[language],
        "keywords": ["poissaolot", "SKY", "sitouttava kouluyhteisötyö"]
        if language == "fi"
        else ["frånvaro", "SKY", "engagerande skolgemenskapsarbete"],
        "date": [approval.date.year, approval.date.month, approval.date.day],
        "colors": colors_of(municipality.color or DEFAULT_COLOR),
        "has_logo": job.logo is not None,
        "site_url": site_url or "",
        "guardians_url": guardians_url,
        "qr": str(qr_svg(guardians_url, qr_alt)) if guardians_url else "",
        "qr_alt": qr_alt,
        "words": _fixed_words(words),
        "facts": _facts(words),
        "changes": _paragraphs(words.local(approval.changes)) if approval.changes else [],
        "monitoring": [
            [words.t("recording_system"), playbook.monitoring.system],
            [words.t("window"), words.local(playbook.monitoring.window)],
            [words.t("review"), words.local(playbook.monitoring.review)],
        ],
        "stages": [_stage(words, number, stage) for number, stage in enumerate(playbook.stages, 1)],
        "report_absence": _paragraphs(words.local(playbook.guardians.report_absence)),
        "leave_instructions": _paragraphs(words.local(playbook.guardians.leave_instructions)),
        "leave": [
            [_leave_length(words, rule.up_to_days), words.role(rule.granted_by)]
            for rule in playbook.guardians.leave
        ],
        "county_text": _county_text(words),
        "contacts": [_contact(words, contact) for contact in playbook.contacts],
        "schools": [
            [words.local(s.name), f"{s.grades[0]}–{s.grades[1]}", words.t("lang_" + s.language)]
            for s in playbook.schools
        ],
        "services": [
            {
                "name": words.local(s.name),
                "description": words.local(s.description),
                "phone": s.phone or "",
                "url": s.url or "",
            }
            for s in playbook.services
        ],
        "tiers": [
            [
                f"{page_words.tier_name(n, language)}: {words.p(f'tier_{n}_name')}",
                band(n).words(language),
                words.p(f"tier_{n}_does"),
            ]
            for n in (1, 2, 3)
        ],
        "terms": _glossary(job.content, language),
    }


def _fixed_words(words: _Words) -> dict[str, str]:
    system, approval = words.playbook.monitoring.system, words.playbook.approval
    return (
        {key: words.t(key) for key in _PAGE_WORDS}
        | {key: words.p(key) for key in _PRINT_WORDS}
        | {
            "school_does_intro": words.p("school_does_intro", system=system),
            "what_now_1": words.p("what_now_1", system=system),
            "record_system": words.p("record_system", system=system),
            "version_line": words.p(
                "version_line",
                version=approval.version,
                date=words.date(approval.effective_from),
            ),
        }
    )


def _facts(words: _Words) -> list[list[str]]:
    """The cover's facts, label and value."""
    approval, municipality = words.playbook.approval, words.playbook.municipality
    section = f", {approval.section}" if approval.section else ""
    facts = [
        [words.t("approved_by"), words.local(approval.body)],
        [words.t("approval_date"), words.date(approval.date) + section],
        [words.t("effective_from"), words.date(approval.effective_from)],
        [words.t("version"), str(approval.version)],
    ]
    if municipality.wellbeing_county:
        facts.append([words.t("wellbeing_county"), words.local(municipality.wellbeing_county)])
    return facts


def _stage(words: _Words, number: int, stage: Stage) -> dict[str, Any]:
    def contact_name(contact: Contact) -> str:
        return words.local(contact.name) if contact.name else words.role(contact.role)

    return {
        "id": stage.id,
        "number": number,
        "title": words.local(stage.title),
        "threshold": page_words.threshold(stage.threshold, words.language),
        "counted": page_words.absences_kind(stage.threshold, words.language),
        "tier": page_words.tier_name(stage.sky_tier, words.language),
        "roles": words.roles(stage),
        "description": _paragraphs(words.local(stage.description)),
        "steps": [
            {
                "role": words.role(step.role),
                "action": words.local(step.action),
                "deadline": page_words.deadline(step.within_school_days, words.language),
                "has_deadline": step.within_school_days is not None,
            }
            for step in stage.steps
        ],
        "record": words.local(stage.record),
        "contacts": [
            {"name": contact_name(contact), "phone": contact.phone or ""}
            for contact in contacts_for_stage(words.playbook, stage)
        ],
    }


def _leave_length(words: _Words, up_to_days: int | None) -> str:
    if not up_to_days:
        return words.t("leave_longer")
    return words.t("leave_up_to_one" if up_to_days == 1 else "leave_up_to", days=up_to_days)


def _contact(words: _Words, contact: Contact) -> dict[str, str]:
    schools = {school.id: words.local(school.name) for school in words.playbook.schools}
    return {
        "role": words.role(contact.role),
        "name": words.local(contact.name),
        "phone": contact.phone or "",
        "email": contact.email or "",
        "hours": words.local(contact.hours),
        "schools": ", ".join(schools[s] for s in contact.schools)
        if contact.schools
        else words.t("all_schools"),
    }


def _county_text(words: _Words) -> str:
    """Who employs the school's welfare staff, when the playbook names its wellbeing county."""
    county = words.playbook.municipality.wellbeing_county
    if not county:
        return ""
    if words.language == "fi":
        return (
            "Kuraattorit, psykologit ja terveydenhoitajat työskentelevät kouluissa, mutta "
            f"heidän työnantajansa on {words.local(county)}."
        )
    return (
        "Kuratorer, psykologer och hälsovårdare arbetar i skolorna, men deras arbetsgivare "
        f"är {words.local(county)}."
    )


def _glossary(content: NationalContent, language: str) -> list[dict[str, str]]:
    other = "sv" if language == "fi" else "fi"
    return [
        {
            "term": term.text(language).term,
            "other": term.text(other).term,
            "en": term.en,
            "definition": term.text(language).definition,
        }
        for term in content.glossary.terms
    ]


def colors_of(accent: str) -> dict[str, str]:
    """The municipality's colour for rules and bands; text in it only where it is legible.

    Headings use the colour when it has at least 4.5:1 contrast on white (WCAG AA), otherwise a
    near-black; table headings get a light tint of it.
    """
    rgb = [int(accent[i : i + 2], 16) for i in (1, 3, 5)]
    text = accent if _contrast_on_white(rgb) >= 4.5 else "#1a1a1a"
    tint = "#" + "".join(f"{round(255 - (255 - c) * 0.12):02x}" for c in rgb)
    return {"accent": accent, "accent_text": text, "tint": tint}


def _contrast_on_white(rgb: list[int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
    return 1.05 / (luminance + 0.05)
