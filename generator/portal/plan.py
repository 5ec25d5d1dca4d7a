"""The national portal: the SKY model on its own, an index of every municipality's site, a
comparison of their rules, and the same facts as open data.

The portal is one more bilingual site, planned here and built like a municipality's: it lives
at the root of the output folder (``<out>/fi/``, ``<out>/sv/``, ``<out>/index.html``) with the
municipal sites beside it (``<out>/<slug>/``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from generator.content.national import NationalContent
from generator.messages import page_words
from generator.plan.merge import NATIONAL_DIR, LanguagePlan, PageSource, SitePlan
from generator.plan.render import render_national_page
from generator.playbook.model import LANGUAGES, LocalText
from generator.portal.comparison import comparison_row
from generator.portal.guide import guide_pages
from generator.portal.opendata import (
    current_records,
    open_data_csv,
    open_data_json,
    open_data_schema,
)
from generator.portal.records import Municipality
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

    Records of an older data version (kept by sites an older toolkit published, until they are
    built again) are left out: they lack the ladders that the comparison shows.

    ``guide_dir`` holds the authors' guide (``guide/<lang>/``), published under ``guide/``.
    """
    ordered = sorted(current_records(records), key=lambda m: (m.name.fi.casefold(), m.slug))
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
    municipalities: list[Municipality],
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
    rows = sorted(
        (comparison_row(municipality, language) for municipality in municipalities),
        key=_alphabetical,
    )
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


def _alphabetical(row: Mapping[str, Any]) -> str:
    return str(row["name"]).casefold().translate(_NORDIC_ORDER)
