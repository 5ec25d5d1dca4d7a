"""The printed documents laid out by Typst instead of WeasyPrint, to compare the two engines.

Not used by the build: ``benchmarks.pdf_engines`` prints each document both ways. The documents'
words come from the same helpers as the print HTML (:mod:`generator.printout.print_html`), and
reach the fixed template ``print.typ`` as JSON data (``sys.inputs``), never as Typst markup:
``#``, ``[``, ``$``, ``*``, ``_``, ``@`` and ``<`` in a playbook stay plain text. Typst
hyphenates Finnish and Swedish with its own patterns (``text(hyphenate: true)``), so the soft
hyphens the HTML gets from Voikko are taken out again here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.printout.hyphenation import SOFT_HYPHEN
from generator.printout.print_html import PrintJob, _context

TEMPLATE = Path(__file__).parent / "print.typ"
_TTF = re.compile(r"SourceSansPro-(Regular|It|Semibold|SemiboldIt|Bold|BoldIt)\.ttf")


@dataclass(frozen=True)
class TypstPdf:
    data: bytes
    page_count: int
    warnings: tuple[str, ...]


@cache
def _font_folder() -> str:
    """A folder with only the six TrueType faces the print uses, from the pinned package; the
    package also has OpenType (CFF) copies, and Typst would mix the two."""
    from importlib import resources

    source = Path(str(resources.files("font_source_sans_pro") / "files")).resolve()
    folder = Path("/tmp/sky-typst-fonts")
    folder.mkdir(exist_ok=True)
    for file in source.iterdir():
        link = folder / file.name
        if _TTF.fullmatch(file.name) and not link.exists():
            link.symlink_to(file)
    return str(folder)


def render(job: PrintJob) -> TypstPdf:
    import typst

    data = json.dumps(document_data(job), ensure_ascii=False)
    pdf, warnings = typst.compile_with_warnings(
        str(TEMPLATE),
        font_paths=[_font_folder()],
        ignore_system_fonts=True,
        sys_inputs={"data": data},
        pdf_standards=["ua-1"],
    )
    assert isinstance(pdf, bytes)
    pages = int(re.findall(rb"/Type\s*/Pages.*?/Count\s+(\d+)", pdf, re.S)[0])
    return TypstPdf(pdf, pages, tuple(str(w.message) for w in warnings))


def _clean(value: object) -> str:
    return str(value).replace(SOFT_HYPHEN, "")


def _paragraphs(value: object) -> list[str]:
    return [line.strip() for line in _clean(value or "").strip().split("\n") if line.strip()]


def document_data(job: PrintJob) -> dict[str, Any]:
    """Everything one document prints, worded in its language, as JSON-ready values."""
    c = _context(job)
    pb, lang = c["pb"], c["lang"]

    def t(key: str, **values: object) -> str:
        return _clean(c["t"](key, **values))

    def p(key: str, **values: object) -> str:
        return _clean(c["p"](key, **values))

    def lt(value: Any) -> str:
        return _clean(c["lt"](value))

    def role(role_id: str) -> str:
        return _clean(c["role"](role_id))

    date = c["date"]
    approval = pb.approval
    logo = job.logo.read_bytes() if job.logo else None

    def stage_roles(stage: Any) -> str:
        return ", ".join(dict.fromkeys(role(step.role) for step in stage.steps))

    def contact_name(contact: Any) -> str:
        return lt(contact.name) if contact.name else role(contact.role)

    stages = [
        {
            "id": stage.id,
            "number": number,
            "title": lt(stage.title),
            "threshold": _clean(c["threshold"](stage.threshold)),
            "counted": _clean(c["absences"](stage.threshold)),
            "tier": c["tier"](stage.sky_tier),
            "roles": stage_roles(stage),
            "description": _paragraphs(lt(stage.description)) if stage.description else [],
            "steps": [
                {
                    "role": role(step.role),
                    "action": lt(step.action),
                    "deadline": _clean(c["deadline"](step.within_school_days)),
                    "has_deadline": step.within_school_days is not None,
                }
                for step in stage.steps
            ],
            "record": lt(stage.record) if stage.record else "",
            "contacts": [
                {"name": contact_name(k), "phone": k.phone or ""}
                for k in c["stage_contacts"](stage)
            ],
        }
        for number, stage in enumerate(pb.stages, start=1)
    ]
    schools = {school.id: lt(school.name) for school in pb.schools}
    contacts = [
        {
            "role": role(k.role),
            "name": lt(k.name) if k.name else "",
            "phone": k.phone or "",
            "email": k.email or "",
            "hours": lt(k.hours) if k.hours else "",
            "schools": ", ".join(schools[s] for s in k.schools) if k.schools else t("all_schools"),
        }
        for k in pb.contacts
    ]
    leave = [
        [
            t("leave_up_to", days=rule.up_to_days) if rule.up_to_days else t("leave_longer"),
            role(rule.granted_by),
        ]
        for rule in pb.guardians.leave
    ]
    other = "sv" if lang == "fi" else "fi"
    facts = [
        [t("approved_by"), lt(approval.body)],
        [
            t("approval_date"),
            date(approval.date) + (f", {approval.section}" if approval.section else ""),
        ],
        [t("effective_from"), date(approval.effective_from)],
        [t("version"), str(approval.version)],
    ]
    if pb.municipality.wellbeing_county:
        facts.append([t("wellbeing_county"), lt(pb.municipality.wellbeing_county)])
    county = lt(pb.municipality.wellbeing_county) if pb.municipality.wellbeing_county else ""
    county_text = (
        (
            "Kuraattorit, psykologit ja terveydenhoitajat työskentelevät kouluissa, mutta heidän "
            f"työnantajansa on {county}."
            if lang == "fi"
            else "Kuratorer, psykologer och hälsovårdare arbetar i skolorna, men deras "
            f"arbetsgivare är {county}."
        )
        if county
        else ""
    )
    words = {
        key: t(key)
        for key in (
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
        )
    } | {
        key: p(key)
        for key in (
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
        )
    }
    system = pb.monitoring.system
    words |= {
        "school_does_intro": p("school_does_intro", system=system),
        "what_now_1": p("what_now_1", system=system),
        "record_system": p("record_system", system=system),
        "version_line": p(
            "version_line", version=approval.version, date=date(approval.effective_from)
        ),
    }
    return {
        "kind": job.kind.key,
        "layout": job.layout,
        "lang": lang,
        "other": other,
        "title": c["title"],
        "full_title": _clean(c["full_title"]),
        "municipality": lt(pb.municipality.name),
        "provider": lt(pb.municipality.provider),
        "description": job.kind.descriptions[lang],
        "keywords": ["poissaolot", "SKY", "sitouttava kouluyhteisötyö"]
        if lang == "fi"
        else ["frånvaro", "SKY", "engagerande skolgemenskapsarbete"],
        "date": [approval.date.year, approval.date.month, approval.date.day],
        "colors": c["colors"],
        "logo": list(logo) if logo else None,
        "site_url": pb.municipality.site_url or "",
        "guardians_url": c["guardians_url"] or "",
        "qr": str(c["qr"]) if c["qr"] else "",
        "qr_alt": p("qr_alt", url=c["guardians_url"]) if c["guardians_url"] else "",
        "words": words,
        "facts": facts,
        "changes": _paragraphs(lt(approval.changes)) if approval.changes else [],
        "monitoring": [
            [t("recording_system"), system],
            [t("window"), lt(pb.monitoring.window)],
            [t("review"), lt(pb.monitoring.review)],
        ],
        "stages": stages,
        "report_absence": _paragraphs(lt(pb.guardians.report_absence)),
        "leave_instructions": _paragraphs(lt(pb.guardians.leave_instructions)),
        "leave": leave,
        "county_text": county_text,
        "contacts": contacts,
        "schools": [
            [lt(s.name), f"{s.grades[0]}–{s.grades[1]}", t("lang_" + s.language)]
            for s in pb.schools
        ],
        "services": [
            {
                "name": lt(s.name),
                "description": lt(s.description) if s.description else "",
                "phone": s.phone or "",
                "url": s.url or "",
            }
            for s in pb.services
        ],
        "tiers": [
            [f"{c['tier'](n)}: {p(f'tier_{n}_name')}", p(f"tier_{n}_band"), p(f"tier_{n}_does")]
            for n in (1, 2, 3)
        ],
        "terms": [
            {
                "term": _clean(term.text(lang).term),
                "other": _clean(term.text(other).term),
                "en": term.en,
                "definition": _clean(term.text(lang).definition),
            }
            for term in c["glossary"].terms
        ],
    }
