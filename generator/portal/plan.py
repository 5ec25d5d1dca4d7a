"""The national portal: the SKY model on its own, an index of every municipality's site, a
comparison of their rules, and the same facts as open data.

The portal is one more bilingual site, planned here and built like a municipality's: it lives
at the root of the output folder (``<out>/fi/``, ``<out>/sv/``, ``<out>/index.html``) with the
municipal sites beside it (``<out>/<slug>/``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.content.national import NationalContent
from generator.messages import page_words
from generator.plan.merge import NATIONAL_DIR, LanguagePlan, PageSource, SitePlan
from generator.plan.render import render_national_page
from generator.playbook.model import LANGUAGES, LocalText
from generator.portal.guide import guide_pages
from generator.portal.opendata import open_data_csv, open_data_json, open_data_schema
from generator.portal.settings import PortalSettings, statement_source
from generator.publish.swap import PORTAL_SLUG
from generator.site.staging import STATEMENT_PAGE

GUIDE_DIR = "guide"
DATA_FILES = ("sky-playbooks.json", "sky-playbooks.csv", "sky-playbooks.schema.json")


def plan_portal(
    records: list[dict[str, Any]],
    content: NationalContent,
    guide_dir: Path | None = None,
    settings: PortalSettings | None = None,
) -> SitePlan:
    """The portal's pages in every language, from the municipalities' open-data records.

    ``guide_dir`` holds the authors' guide (``guide/<lang>/``), published under ``guide/``.
    """
    ordered = sorted(records, key=lambda r: (r["name"]["fi"].casefold(), r["slug"]))
    data = (
        (f"data/{DATA_FILES[0]}", open_data_json(ordered).encode()),
        (f"data/{DATA_FILES[1]}", open_data_csv(ordered).encode()),
        (f"data/{DATA_FILES[2]}", open_data_schema().encode()),
    )
    return SitePlan(
        slug=PORTAL_SLUG,
        languages=LANGUAGES,
        color=None,
        logo=None,
        sites=tuple(
            _plan_language(ordered, content, lang, data, guide_dir, settings) for lang in LANGUAGES
        ),
        url_path="/",
        content_version=content.version,
    )


def _plan_language(
    records: list[dict[str, Any]],
    content: NationalContent,
    language: str,
    data: tuple[tuple[str, bytes], ...],
    guide_dir: Path | None,
    settings: PortalSettings | None,
) -> LanguagePlan:
    values = {
        "municipality": page_words.text(language, "portal_your_municipality"),
        "provider": page_words.text(language, "portal_your_provider"),
    }
    rows = sorted((_row(record, language) for record in records), key=_alphabetical)
    pages = [
        PageSource(
            "index.md",
            render_national_page(
                "portal/index.md.j2", language, count=len(rows), with_guide=guide_dir is not None
            ),
        ),
        PageSource(
            "municipalities.md",
            render_national_page("portal/municipalities.md.j2", language, rows=rows),
        ),
        PageSource("compare.md", render_national_page("portal/compare.md.j2", language, rows=rows)),
        PageSource(
            "data.md", render_national_page("portal/data.md.j2", language, files=DATA_FILES)
        ),
        *(
            PageSource(f"{NATIONAL_DIR}/{page.path}", page.render(language, values))
            for page in content.pages
        ),
        PageSource(
            f"{NATIONAL_DIR}/glossary.md",
            render_national_page("pages/glossary.md.j2", language, glossary=content.glossary),
        ),
    ]
    if settings is not None:
        title = LocalText(
            fi=page_words.text("fi", "portal_title"), sv=page_words.text("sv", "portal_title")
        )
        statement = render_national_page(
            "pages/accessibility.md.j2",
            language,
            pb=statement_source(settings, title),
            site_label=title.get(language),
        )
        pages.append(PageSource(STATEMENT_PAGE, statement))
    guide = guide_pages(guide_dir, language) if guide_dir is not None else []
    pages += [PageSource(f"{GUIDE_DIR}/{page.path}", page.markdown) for page in guide]

    def t(key: str) -> str:
        return page_words.text(language, key)

    nav: tuple[Any, ...] = (
        {t("home"): "index.md"},
        {t("portal_municipalities"): "municipalities.md"},
        {t("portal_compare"): "compare.md"},
        {
            t("national_model"): [
                *(f"{NATIONAL_DIR}/{page.path}" for page in content.pages),
                f"{NATIONAL_DIR}/glossary.md",
            ]
        },
        {t("portal_data"): "data.md"},
    )
    if guide:
        nav += ({t("portal_guide"): [f"{GUIDE_DIR}/{page.path}" for page in guide]},)
    if settings is not None:
        nav += ({t("accessibility_statement"): STATEMENT_PAGE},)
    return LanguagePlan(
        language=language,
        site_name=t("portal_title"),
        pages=tuple(pages),
        nav=nav,
        static_files=data,
    )


# Finnish and Swedish alphabets end with å, ä, ö; code point order would put ä before å.
_NORDIC_ORDER = str.maketrans({"å": "{a", "ä": "{b", "ö": "{c"})


def _alphabetical(row: dict[str, Any]) -> str:
    return str(row["name"]).casefold().translate(_NORDIC_ORDER)


def _row(record: dict[str, Any], language: str) -> dict[str, Any]:
    """What the portal's tables show of one municipality, worded in ``language``."""
    other = "sv" if language == "fi" else "fi"
    name, other_name = record["name"][language] or record["name"][other], record["name"][other]
    site_language = language if language in record["languages"] else record["languages"][0]
    unit = record["unit"]
    return {
        "slug": record["slug"],
        "name": name,
        "other_name": other_name if other_name != name else "",
        "other_language": other,
        "href": f"../../{record['slug']}/{site_language}/",
        "version": record["version"],
        "effective_from": dt.date.fromisoformat(record["effective_from"]),
        "effective_iso": record["effective_from"],
        "system": record["system"],
        "unit": page_words.text(language, f"unit_{unit}"),
        "window": record["window"][language] or record["window"][other],
        "stages": [_stage_text(stage, unit, language) for stage in record["stages"]],
        "stage_count": len(record["stages"]),
        "leave": [_leave_text(rule, language) for rule in record["leave"]],
    }


def _stage_text(stage: dict[str, Any], unit: str, language: str) -> str:
    first, second = stage["grades_1_6"], stage["grades_7_9"]
    symbol = "%" if unit == "percent" else "h"
    amount = (
        f"{page_words.number(first, language)} {symbol}"
        if first == second
        else f"1–6: {page_words.number(first, language)} {symbol}, "
        f"7–9: {page_words.number(second, language)} {symbol}"
    )
    kind = (
        ""
        if stage["absences"] == "all"
        else f" ({page_words.text(language, 'unauthorised_short')})"
    )
    return f"{amount}{kind} → {page_words.tier_name(stage['sky_tier'], language)}"


def _leave_text(rule: dict[str, Any], language: str) -> str:
    role = rule["granted_by_name"][language] or rule["granted_by"]
    days = rule["up_to_days"]
    if days is None:
        return f"{role}: {page_words.text(language, 'leave_longer')}"
    return f"{role}: {page_words.text(language, 'leave_up_to').format(days=days)}"
