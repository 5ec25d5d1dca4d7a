"""The printed documents as print HTML for the ``weasyprint`` command: the naive baseline of
:mod:`benchmarks.national`, what a municipality would run without the toolkit.

These are the toolkit's print templates and stylesheet from before it printed with Typst, kept
so that the baseline stays the same reference (the build's own layout is
``generator/printout/templates/print.typ``). Autoescaping is on, so text from a playbook is shown
literally. The HTML carries no soft hyphens: Finnish is not hyphenated (the build does not
hyphenate it either), Swedish is hyphenated by WeasyPrint (``hyphens: auto``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from generator.messages import ladder_words, page_words
from generator.messages.print_words import print_text
from generator.plan.merge import contacts_for_stage
from generator.playbook.model import LocalText, Playbook
from generator.playbook.tiers import band
from generator.printout.print_data import DEFAULT_COLOR, PrintJob, colors_of
from generator.printout.qr import qr_svg

TEMPLATES_DIR = Path(__file__).parent / "templates"
STYLESHEET = TEMPLATES_DIR / "print.css"


@cache
def _environment() -> jinja2.Environment:
    built = jinja2.Environment(
        loader=jinja2.PrefixLoader({"print": jinja2.FileSystemLoader(TEMPLATES_DIR)}),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
    )
    built.filters.update({"plain": _plain, "paragraphs": _paragraphs, "breakable": _breakable})
    return built


def _breakable(address: str) -> Markup:
    """An e-mail or web address that may break after '@', '/' and '.', never mid-word."""
    pieces = re.split(r"(?<=[@/.])", address)
    return Markup("<wbr>").join(escape(piece) for piece in pieces if piece)


def _plain(value: object) -> Markup:
    return Markup(escape(str(value)))


def _paragraphs(value: object) -> Markup:
    """Each line of a folded YAML text is one of its author's paragraphs."""
    lines = [line.strip() for line in str(value or "").strip().split("\n") if line.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(line) for line in lines)


def render_document(job: PrintJob) -> str:
    """The HTML of one document, for ``weasyprint -s print.css``."""
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
        "colors": colors_of(playbook.municipality.color or DEFAULT_COLOR),
        "metadata_date": _w3c_date(playbook.approval.date),
        "glossary": job.content.glossary,
        "guardians_url": guardians_url,
        "qr": qr_svg(guardians_url, qr_alt) if guardians_url else None,
        "stage_contacts": lambda stage: contacts_for_stage(playbook, stage),
        "in_language": _in_language,
        "css_string": css_string,
    }


def _wording(playbook: Playbook, language: str) -> dict[str, Any]:
    """Helpers that return words ready to print."""

    def words(text: str) -> str:
        return text

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
        "threshold": lambda stage: words(
            ladder_words.threshold_words(stage, playbook.ladder_of(stage), language)
        ),
        "absences": lambda stage: words(
            ladder_words.ladder_name(playbook.ladder_of(stage), language)
        ),
        "deadline": lambda step: words(ladder_words.deadline_words(step, language)),
        "actors": lambda step: words(ladder_words.actors_words(step, playbook, language)),
        "date": lambda value: page_words.date(value, language),
        "tier": lambda tier: page_words.tier_name(tier, language),
        "tier_band": lambda tier: words(band(tier).words(language)),
    }


def _in_language(value: str, language: str) -> Markup:
    """Text in another language than the document's, marked so screen readers switch voice."""
    return Markup('<span lang="{}">{}</span>').format(language, value)


def _w3c_date(value: dt.date) -> str:
    """The approval date as the PDF's creation and change date: the same input, the same bytes."""
    return f"{value.isoformat()}T00:00:00+00:00"


def css_string(value: str) -> Markup:
    """A CSS string literal for text from a playbook, safe inside a <style> element.

    Everything but letters, digits and spaces is written as a CSS escape, so neither a quote
    nor ``</style>`` can end the string or the element. The space after an escape ends it.
    """
    escaped = "".join(
        char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in value
    )
    return Markup(f'"{escaped}"')
