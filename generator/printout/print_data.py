"""What a printed document says, as data for the fixed Typst template ``templates/print.typ``.

Every word is worded here in the document's language (the ``page.`` and ``print.`` entries of
the catalogues, the playbook's own texts) and handed over as JSON values, never as Typst markup:
``#``, ``[``, ``$``, ``*``, ``_``, ``@`` and ``<`` in a playbook stay plain text. The ladders are
worded by :mod:`generator.printout.print_stages`, the guardians' part by
:mod:`generator.printout.print_guardians`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.national import NationalContent
from generator.messages import page_words
from generator.messages.easy_read import summary
from generator.messages.print_words import Words
from generator.playbook.fields import Language
from generator.playbook.model import Contact, Decision, Playbook
from generator.playbook.tiers import band
from generator.printout import print_stages
from generator.printout.documents import PLAYBOOK, DocumentKind, file_name
from generator.printout.print_guardians import guardians, leaflet_contacts, name_language
from generator.printout.print_links import link_texts
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
    "window",
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
    "responsible",
    "triggers_intro",
    "counted_as",
    "forms",
    "legal_basis",
    "automatic_heading",
    "leave_how",
    "leave_exception",
    "school_office",
    "questions_heading",
]
_PRINT_WORDS = [
    "contents",
    "ladder_intro",
    "stage_contacts",
    "report",
    "leave",
    "national_intro",
    "national_tiers",
    "tier_band",
    "tier_school_does",
    "glossary_intro",
    "school_does",
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
    "report_by",
    "card_what",
    "card_who",
    "card_by_when",
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


# Keys whose values are addresses, markup or colours, which quotation marks must not touch.
_NOT_PROSE = frozenset(
    {"url", "email", "phone", "site_url", "guardians_url", "qr", "colors", "keywords"}
)
# Finnish and Swedish (as written in Finland) open and close a quotation with the same mark,
# U+201D and U+2019, so a straight or an English mark becomes it wherever it stands.
_RIGHT_DOUBLE, _RIGHT_SINGLE = "\u201d", "\u2019"
_QUOTES = str.maketrans(
    {'"': _RIGHT_DOUBLE, "\u201c": _RIGHT_DOUBLE, "\u201e": _RIGHT_DOUBLE}
    | {"'": _RIGHT_SINGLE, "\u2018": _RIGHT_SINGLE}
)


def document_data(job: PrintJob) -> dict[str, Any]:
    """Everything one document prints, worded in its language, as JSON-ready values."""
    data: dict[str, Any] = _typographic(_document_data(job))
    return data


def _typographic(value: Any, key: str = "") -> Any:
    """Every text with the quotation marks of Finnish and Swedish; addresses stay as they are
    (the link descriptions are keyed by address, and only their texts change)."""
    if key in _NOT_PROSE:
        return value
    if isinstance(value, str):
        return value.translate(_QUOTES)
    if isinstance(value, list):
        return [_typographic(item) for item in value]
    if isinstance(value, dict):
        if key == "link_texts":
            return {address: _typographic(text) for address, text in value.items()}
        return {name: _typographic(item, name) for name, item in value.items()}
    return value


def _document_data(job: PrintJob) -> dict[str, Any]:
    playbook = job.playbook
    language: Language = "sv" if job.language == "sv" else "fi"
    words = Words(playbook, language)
    municipality, approval = playbook.municipality, playbook.approval
    site_url = municipality.site_url
    guardians_url = f"{site_url.rstrip('/')}/{language}/guardians/" if site_url else ""
    title = job.kind.titles[language]
    name = words.local(municipality.name)
    qr_alt = words.p("qr_alt", url=guardians_url) if guardians_url else ""
    # Only the staff's documents hold the staff's instructions.
    staff = job.kind.key != "leaflet"
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
        "changes": words.paragraphs(approval.changes),
        "monitoring": _monitoring(words),
        "window_text": _window_text(words),
        "prevention": print_stages.prevention(words, staff),
        "ladders": print_stages.ladders(words, staff),
        "several_ladders": len(playbook.ladders) > 1,
        "has_tiers": any(stage.sky_tier for stage in playbook.stages),
        "has_responsible": any(stage.responsible for stage in playbook.stages),
        "guardians": guardians(words),
        "county_text": _county_text(words),
        "contacts": [_contact(words, contact) for contact in playbook.contacts],
        "leaflet_contacts": [_contact(words, contact) for contact in leaflet_contacts(words)]
        if job.kind.key == "leaflet"
        else [],
        # The easy-to-read summary, for the leaflet: plain sentences from the playbook's facts.
        "easy_read": list(summary(playbook, language)) if job.kind.key == "leaflet" else [],
        "schools": [
            [
                words.local(s.name),
                f"{s.grades[0]}–{s.grades[1]}",
                words.t("lang_" + s.language),
                name_language(words, s),
            ]
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
        "card": _card(words, job.layout) if job.kind.key == "card" else None,
        # Not printed: what each link does, for screen readers (generator/printout/pdf.py).
        "link_texts": link_texts(words),
    }


# The reader of the card is the teacher: whom they consult is everyone else.
_TEACHERS = frozenset({"class_teacher", "subject_teacher"})


def _card(words: Words, layout: str) -> dict[str, Any]:
    """The quick card's own part: whom to consult (direct numbers, not the teacher's own), and
    where the rest is; the shorter layouts keep only the people the stages name."""
    playbook = words.playbook
    brief = "brief" in layout.split()
    named = {role for stage in playbook.stages for role in print_stages.taking_part(stage)}
    contacts = [
        contact
        for contact in playbook.contacts
        if contact.role not in _TEACHERS
        and (contact.phone or contact.email)
        and (not brief or contact.role in named)
    ]
    playbook_file = file_name(PLAYBOOK, playbook.slug, words.language)
    return {
        "contacts": [_card_contact(words, contact) for contact in contacts],
        "details": words.p("card_details", file=playbook_file),
        "shortened": words.p("card_shortened", file=playbook_file),
        "record_brief": words.p("card_record_brief", system=playbook.monitoring.system),
    }


def _card_contact(words: Words, contact: Contact) -> dict[str, str]:
    role, name = words.role(contact.role), words.local(contact.name)
    # "Kirkonkylän koulun rehtori" and "Hälsovårdarna" say their role already (its stem, the
    # start of its first word, is in them); "Maija Esimerkki" does not.
    stem = role.split()[0][:7].lower()
    who = name if name and stem in name.lower() else ", ".join(filter(None, [role, name]))
    return {"who": who, "phone": contact.phone or "", "email": contact.email or ""}


def _fixed_words(words: Words) -> dict[str, str]:
    playbook = words.playbook
    system, approval = playbook.monitoring.system, playbook.approval
    return (
        {key: words.t(key) for key in _PAGE_WORDS}
        | {key: words.p(key) for key in _PRINT_WORDS}
        | {
            "school_does_intro": words.p("school_does_intro", system=system),
            "what_now_1": words.p("what_now_1", system=system),
            "record_system": words.p("record_system", system=system),
            "easy_read_heading": words.t("easy_read.heading"),
            "more_contacts": _more_contacts(words),
            "version_line": words.p(
                "version_line",
                version=approval.version,
                date=words.date(approval.effective_from),
            ),
        }
    )


def _more_contacts(words: Words) -> str:
    """Where the contacts the leaflet leaves out are, when it leaves some out."""
    if len(leaflet_contacts(words)) == len(words.playbook.contacts):
        return ""
    return words.p("more_contacts", page=words.t("contacts"))


def _facts(words: Words) -> list[dict[str, str]]:
    """The cover's facts: label, value and, for a shared model, its address."""
    approval, municipality = words.playbook.approval, words.playbook.municipality
    facts = [
        _fact(words.t("approved_by"), words.local(approval.body)),
        _fact(words.t("approval_date"), _dated(words, approval.date, approval.section)),
        *(
            _fact(words.t("approved_also"), _decision(words, decision))
            for decision in approval.also_approved_by
        ),
        _fact(words.t("effective_from"), words.date(approval.effective_from)),
        _fact(words.t("version"), str(approval.version)),
    ]
    if approval.common_model is not None:
        model = approval.common_model
        value = f"{words.local(model.name)}. {words.local(model.origin)}"
        facts.append(_fact(words.t("common_model"), value, model.url or ""))
    if municipality.wellbeing_county:
        facts.append(_fact(words.t("wellbeing_county"), words.local(municipality.wellbeing_county)))
    return facts


def _fact(label: str, value: str, url: str = "") -> dict[str, str]:
    return {"label": label, "value": value, "url": url}


def _dated(words: Words, date: dt.date, section: str | None) -> str:
    return words.date(date) + (f", {section}" if section else "")


def _decision(words: Words, decision: Decision) -> str:
    return f"{words.local(decision.body)}, {_dated(words, decision.date, decision.section)}"


def _monitoring(words: Words) -> list[list[str]]:
    monitoring = words.playbook.monitoring
    facts = [[words.t("recording_system"), monitoring.system]]
    if monitoring.window is not None:
        facts.append([words.t("window"), words.local(monitoring.window)])
    facts.append([words.t("review"), words.local(monitoring.review)])
    return facts


def _window_text(words: Words) -> list[str]:
    """How absences are counted, in the author's words, for the leaflet: only when a ladder
    does not name its window (a version-1 playbook says it only in these words)."""
    unnamed = any(m.per is None for ladder in words.playbook.ladders for m in ladder.measures)
    return words.paragraphs(words.playbook.monitoring.window) if unnamed else []


def _contact(words: Words, contact: Contact) -> dict[str, str]:
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


def _county_text(words: Words) -> str:
    """Who employs the school's welfare staff, when the playbook names its wellbeing county."""
    county = words.playbook.municipality.wellbeing_county
    if not county:
        return ""
    return words.t("contacts.wellbeing_county", county=words.local(county))


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
