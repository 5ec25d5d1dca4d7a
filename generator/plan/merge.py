"""Merge a playbook with the national content into a plan of pages, per language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import generator
from generator.content.national import NationalContent
from generator.messages import easy_read, ladder_words, page_words
from generator.plan.calculator_page import calculator_page
from generator.plan.consult import consult_contacts
from generator.plan.guardian_page import (
    contact_groups,
    first_screen,
    guardians_contacts,
    stage_starts,
)
from generator.plan.render import render_national_page, render_page
from generator.playbook.history import versions
from generator.playbook.loader import LoadedPlaybook
from generator.playbook.model import Contact, Ladder, Playbook, Stage
from generator.playbook.roles import ROLES_WITHOUT_CONTACT
from generator.printout.documents import DownloadLink, download_links

NATIONAL_DIR = "sky"


@dataclass(frozen=True)
class PageSource:
    path: str  # relative to the site's docs folder, e.g. "stages/concern.md"
    markdown: str


@dataclass(frozen=True)
class LanguagePlan:
    language: str
    site_name: str  # plain text; escaped where it is handed to the theme
    pages: tuple[PageSource, ...]
    nav: tuple[Any, ...]
    static_files: tuple[tuple[str, bytes], ...] = ()  # (path in docs, content): data, images


@dataclass(frozen=True)
class SitePlan:
    slug: str
    languages: tuple[str, ...]
    color: str | None
    logo: Path | None
    sites: tuple[LanguagePlan, ...]
    # The URL path the site's folder is served at when no site_url says otherwise.
    url_path: str = ""
    content_version: str = "?"  # of the national content it is built with (the footer says it)

    @property
    def served_at(self) -> str:
        return self.url_path or f"/{self.slug}/"


@dataclass(frozen=True)
class Checklist:
    stage: Stage
    contacts: tuple[Contact, ...]


def plan_site(
    loaded: LoadedPlaybook, content: NationalContent, only: tuple[str, ...] | None = None
) -> SitePlan:
    """Plan every language of the playbook's site, or just those in ``only``."""
    playbook = loaded.playbook
    logo = loaded.folder / playbook.municipality.logo if playbook.municipality.logo else None
    return SitePlan(
        slug=playbook.slug,
        languages=tuple(playbook.languages),
        color=playbook.municipality.color,
        logo=logo,
        sites=tuple(
            _plan_language(playbook, content, lang)
            for lang in playbook.languages
            if only is None or lang in only
        ),
        content_version=content.version,
    )


def _plan_language(playbook: Playbook, content: NationalContent, language: str) -> LanguagePlan:
    pages = [
        *_local_pages(playbook, language, content),
        *_national_pages(playbook, content, language),
    ]
    name = playbook.municipality.name.get(language)
    return LanguagePlan(
        language=language,
        site_name=f"{name}: {page_words.text(language, 'site_title')}",
        pages=tuple(pages),
        nav=_nav(playbook, content, language),
    )


# The page listing the PDFs: planned without their sizes and pages, which are known only once
# they are printed; the build writes it again then (generator/sites.py).
DOWNLOADS_PAGE = "downloads.md"


def downloads_page(playbook: Playbook, language: str, downloads: Mapping[str, DownloadLink]) -> str:
    return render_page("downloads.md.j2", playbook, language, downloads=downloads)


def _local_pages(playbook: Playbook, language: str, content: NationalContent) -> list[PageSource]:
    school_names = {school.id: school.name.get(language) for school in playbook.schools}
    downloads = download_links(playbook.slug, language)  # the PDFs, printed beside the site
    pages = [
        PageSource("index.md", render_page("index.md.j2", playbook, language, downloads=downloads)),
        PageSource(
            "ladder.md",
            render_page("ladder.md.j2", playbook, language, ladders=ladders_with_stages(playbook)),
        ),
        PageSource(
            "guardians.md",
            render_page(
                "guardians.md.j2",
                playbook,
                language,
                downloads=downloads,
                first=first_screen(playbook, language),
                easy_read=easy_read.summary(playbook, language),
                few_contacts=guardians_contacts(playbook),
                stage_starts=lambda stage: stage_starts(stage, playbook, language),
            ),
        ),
        PageSource(
            "teachers.md",
            render_page(
                "teachers.md.j2",
                playbook,
                language,
                checklists=[Checklist(s, consult_contacts(playbook, s)) for s in playbook.stages],
                windows=windows_in_words(playbook, language),
                downloads=downloads,
            ),
        ),
        PageSource(
            "contacts.md",
            render_page(
                "contacts.md.j2",
                playbook,
                language,
                contact_groups=contact_groups(playbook),
                school_names=school_names,
            ),
        ),
        PageSource(
            "about.md",
            render_page(
                "about.md.j2",
                playbook,
                language,
                toolkit_version=generator.__version__,
                content_version=content.version,
            ),
        ),
        PageSource(
            "changes.md",
            render_page("changes.md.j2", playbook, language, versions=versions(playbook)),
        ),
        PageSource(DOWNLOADS_PAGE, downloads_page(playbook, language, downloads)),
        PageSource(
            "calculator.md",
            render_page(
                "calculator.md.j2", playbook, language, calc=calculator_page(playbook, language)
            ),
        ),
        PageSource("accessibility.md", render_page("accessibility.md.j2", playbook, language)),
    ]
    for index, stage in enumerate(playbook.stages):
        # The stages before and after are those of the same ladder: a reader going up one
        # ladder never lands on another's stage.
        climb = playbook.stages_of(playbook.ladder_of(stage))
        step = climb.index(stage)
        markdown = render_page(
            "stage.md.j2",
            playbook,
            language,
            stage=stage,
            number=index + 1,
            previous_stage=climb[step - 1] if step > 0 else None,
            next_stage=climb[step + 1] if step + 1 < len(climb) else None,
            stage_contacts=contacts_for_stage(playbook, stage),
        )
        pages.append(PageSource(f"stages/{stage.id}.md", markdown))
    return pages


def _national_pages(
    playbook: Playbook, content: NationalContent, language: str
) -> list[PageSource]:
    values = {
        "municipality": playbook.municipality.name.get(language),
        "provider": playbook.municipality.provider.get(language),
    }
    pages = [
        PageSource(f"{NATIONAL_DIR}/{page.path}", page.render(language, values))
        for page in content.pages
    ]
    glossary = render_national_page("pages/glossary.md.j2", language, glossary=content.glossary)
    pages.append(PageSource(f"{NATIONAL_DIR}/glossary.md", glossary))
    return pages


def _nav(playbook: Playbook, content: NationalContent, language: str) -> tuple[Any, ...]:
    """Seven top-level items at most, so the menu can be taken in at a glance: the calculator
    sits with the ladder it places a pupil on, the printouts with the pages about the site."""

    def t(key: str) -> str:
        return page_words.text(language, key)

    return (
        {t("home"): "index.md"},
        {t("guardians"): "guardians.md"},
        {t("teachers"): "teachers.md"},
        {
            t("ladder"): [
                "ladder.md",
                {t("calculator"): "calculator.md"},
                *(f"stages/{stage.id}.md" for stage in playbook.stages),
            ]
        },
        {t("contacts"): "contacts.md"},
        {
            t("national_model"): [
                *(f"{NATIONAL_DIR}/{page.path}" for page in content.pages),
                f"{NATIONAL_DIR}/glossary.md",
            ]
        },
        {
            t("nav_more"): [
                {t("downloads"): "downloads.md"},
                {t("about"): "about.md"},
                {t("version_history"): "changes.md"},
                {t("accessibility_statement"): "accessibility.md"},
            ]
        },
    )


def ladders_with_stages(playbook: Playbook) -> list[tuple[Ladder, list[Stage]]]:
    """Each ladder with its stages, in the order the playbook lists the ladders."""
    return [(ladder, playbook.stages_of(ladder)) for ladder in playbook.ladders]


def windows_in_words(playbook: Playbook, language: str) -> str:
    """Every ladder's counting window, for a sentence: 'Kaikki poissaolot: tunnit lukukaudessa'."""
    return "; ".join(
        f"{ladder_words.ladder_name(ladder, language)}: "
        + ", ".join(
            " ".join(
                filter(
                    None,
                    (
                        page_words.text(language, f"measure.{measure.unit}"),
                        ladder_words.window_words(measure, language),
                    ),
                )
            )
            for measure in ladder.measures
        )
        for ladder in playbook.ladders
    )


def contacts_for_stage(playbook: Playbook, stage: Stage) -> tuple[Contact, ...]:
    roles = [role for role in ladder_words.stage_roles(stage) if role not in ROLES_WITHOUT_CONTACT]
    return tuple(
        contact
        for role in dict.fromkeys(roles)
        for contact in playbook.contacts
        if contact.role == role
    )
