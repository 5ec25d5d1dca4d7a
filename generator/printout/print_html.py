"""Render the printed documents as HTML for WeasyPrint: Jinja2 templates under ``print/``.

Autoescaping is on, so text from a playbook is shown literally. In Finnish documents the words
get soft hyphens (:mod:`generator.printout.hyphenation`) from the helpers that hand them to
templates; headings use the ``plain`` filter to drop them, because PDF bookmarks are made from
headings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from generator.content.national import NationalContent
from generator.messages import page_words
from generator.messages.print_words import print_text
from generator.plan.merge import contacts_for_stage
from generator.playbook.model import LocalText, Playbook
from generator.playbook.tiers import band
from generator.printout.documents import DocumentKind
from generator.printout.hyphenation import SOFT_HYPHEN, soft_hyphenate
from generator.printout.qr import qr_svg
from generator.templating import Environment, environment, template_folder

TEMPLATES_DIR = template_folder("print")
STYLESHEET = TEMPLATES_DIR / "print.css"
_DEFAULT_COLOR = "#0b5394"


@dataclass(frozen=True)
class PrintJob:
    """One document of one playbook in one language, in one layout."""

    kind: DocumentKind
    playbook: Playbook
    content: NationalContent
    language: str
    layout: str
    logo: Path | None


@cache
def _environment() -> Environment:
    return environment(
        html=True, filters={"plain": _plain, "paragraphs": _paragraphs, "breakable": _breakable}
    )


def _breakable(address: str) -> Markup:
    """An e-mail or web address that may break after '@', '/' and '.', never mid-word."""
    pieces = re.split(r"(?<=[@/.])", address)
    return Markup("<wbr>").join(escape(piece) for piece in pieces if piece)


def _plain(value: object) -> Markup:
    """Text without soft hyphens: for headings (PDF bookmarks are made from them) and addresses."""
    return Markup(escape(str(value).replace(SOFT_HYPHEN, "")))


def _paragraphs(value: object) -> Markup:
    """Each line of a folded YAML text is one of its author's paragraphs."""
    lines = [line.strip() for line in str(value or "").strip().split("\n") if line.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(line) for line in lines)


def render_document(job: PrintJob) -> str:
    """The HTML of one document, ready for :func:`generator.pdf.render_pdf`."""
    return _environment().get_template(f"print/{job.kind.key}.html.j2").render(_context(job))


def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def _context(job: PrintJob) -> dict[str, Any]:
    """What the templates see: the document's facts and the helpers that word things."""
    return {**_document_values(job), **_wording(job.playbook, job.language)}


def _document_values(job: PrintJob) -> dict[str, Any]:
    playbook, language = job.playbook, job.language
    site_url = playbook.municipality.site_url
    guardians_url = f"{site_url.rstrip('/')}/{language}/guardians/" if site_url else None
    title = job.kind.titles[language]
    qr_alt = print_text(language, "qr_alt").format(url=guardians_url)
    return {
        "pb": playbook,
        "lang": language,
        "kind": job.kind,
        "layout": job.layout,
        "title": title,
        # Finnish and Swedish go on in lower case after a colon.
        "full_title": f"{playbook.municipality.name.get(language)}: {title[0].lower()}{title[1:]}",
        "logo_uri": job.logo.resolve().as_uri() if job.logo else None,
        "colors": _colors(playbook.municipality.color or _DEFAULT_COLOR),
        "metadata_date": _w3c_date(playbook.approval.date),
        "glossary": job.content.glossary,
        "guardians_url": guardians_url,
        "qr": qr_svg(guardians_url, qr_alt) if guardians_url else None,
        "stage_contacts": lambda stage: contacts_for_stage(playbook, stage),
        "in_language": _in_language,
        "css_string": css_string,
    }


def _wording(playbook: Playbook, language: str) -> dict[str, Any]:
    """Helpers that return words ready to print: with soft hyphens in Finnish. Identifiers,
    addresses and colours never pass through them."""

    def words(text: str) -> str:
        return soft_hyphenate(text, language)

    def local(value: LocalText | str | None) -> str:
        if value is None:
            return ""
        return words(value if isinstance(value, str) else value.get(language))

    return {
        "t": lambda key, **kw: words(page_words.text(language, key).format(**kw)),
        "p": lambda key, **kw: words(print_text(language, key).format(**kw)),
        "lt": local,
        "gloss": words,
        "role": lambda role_id: words(page_words.role_name(role_id, playbook, language)),
        "role_in_list": lambda role_id: words(
            page_words.role_name_in_list(role_id, playbook, language)
        ),
        "threshold": lambda value: words(page_words.threshold(value, language)),
        "absences": lambda value: words(page_words.absences_kind(value, language)),
        "deadline": lambda days: words(page_words.deadline(days, language)),
        "date": lambda value: page_words.date(value, language),
        "tier": lambda tier: page_words.tier_name(tier, language),
        "tier_band": lambda tier: words(band(tier).words(language)),
    }


def _in_language(value: str, language: str) -> Markup:
    """Text in another language than the document's, marked so screen readers switch voice."""
    return Markup('<span lang="{}">{}</span>').format(language, soft_hyphenate(value, language))


def _w3c_date(value: dt.date) -> str:
    """The approval date as the PDF's creation and change date: the same input, the same bytes."""
    return f"{value.isoformat()}T00:00:00+00:00"


def css_string(value: str) -> Markup:
    """A CSS string literal for text from a playbook, safe inside a <style> element.

    Everything but letters, digits and spaces is written as a CSS escape, so neither a quote
    nor ``</style>`` can end the string or the element. The space after an escape ends it.
    """
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):x} "
        for char in value.replace(SOFT_HYPHEN, "")
    )
    return Markup(f'"{escaped}"')


def _colors(accent: str) -> dict[str, str]:
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
