"""The printable documents of a municipality, their titles and file names in each language.

This module only describes the documents; :mod:`generator.printout.printing` renders them.
The website (:mod:`generator.plan.merge`) links to them by the file names given here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from generator.messages import page_words

DOWNLOADS_DIR = "downloads"

DocumentKey = Literal["playbook", "leaflet", "card"]


@dataclass(frozen=True)
class DocumentKind:
    key: DocumentKey
    # Title, file-name words and one-line description, per language.
    titles: dict[str, str]
    file_words: dict[str, str]
    descriptions: dict[str, str]
    # At most this many pages; None = as many as the content needs.
    max_pages: int | None
    # Layouts tried in order until the document fits (CSS classes on <body>).
    layouts: tuple[str, ...]
    # What an author shortens when even the most compact layout does not fit, and the
    # playbook section a problem points at.
    shorten: str
    section: str
    # A document shorter than this is laid out again with its last part on a page of its own
    # (the "back" layout word): a leaflet is both sides of one sheet.
    min_pages: int = 1


PLAYBOOK = DocumentKind(
    key="playbook",
    titles={"fi": "Poissaolojen pelisäännöt", "sv": "Spelregler vid frånvaro"},
    file_words={"fi": "poissaolojen-pelisaannot", "sv": "spelregler-for-franvaro"},
    descriptions={
        "fi": "Koko pelisäännöt: portaat, toimet ja määräajat, huoltajien osuus, "
        "yhteystiedot, kansallinen malli ja sanasto.",
        "sv": "Hela spelreglerna: stegen, åtgärder och tidsfrister, vårdnadshavarnas del, "
        "kontaktuppgifter, den nationella modellen och ordlistan.",
    },
    max_pages=None,
    layouts=("regular",),
    shorten="",
    section="",
)

LEAFLET = DocumentKind(
    key="leaflet",
    titles={
        "fi": "Tietoa huoltajille poissaoloista ja vapaista",
        "sv": "Information till vårdnadshavare om frånvaro och ledighet",
    },
    file_words={"fi": "tietoa-huoltajille", "sv": "information-till-vardnadshavare"},
    descriptions={
        "fi": "Kaksisivuinen tiedote: tiivistelmä selkokielellä, miten ilmoitat poissaolosta, "
        "miten haet vapaata, mitä koulu tekee ja keneen voit ottaa yhteyttä.",
        "sv": "Informationsblad på två sidor: en sammanfattning på lättläst svenska, hur du "
        "meddelar frånvaro, hur du anhåller om ledighet, vad skolan gör och vem du kan kontakta.",
    },
    max_pages=2,
    # The last layout leaves out the answers to guardians' questions, which the leaflet
    # prints only when they fit.
    layouts=(
        "regular",
        "compact",
        "compact two-columns",
        "dense two-columns",
        "dense two-columns brief",
    ),
    min_pages=2,
    shorten="guardians.report_absence, guardians.leave_instructions, the stages' and the "
    "steps' 'for_guardians' texts or the number of contacts",
    section="guardians",
)

CARD = DocumentKind(
    key="card",
    titles={
        "fi": "Opettajan pikaohje poissaoloihin",
        "sv": "Snabbguide för lärare om frånvaro",
    },
    file_words={"fi": "opettajan-pikaohje", "sv": "snabbguide-for-larare"},
    descriptions={
        "fi": "Yksi sivu seinälle: portaat, kuka tekee mitä ja missä ajassa, keneltä "
        "kysyt neuvoa ja mihin kirjaat.",
        "sv": "En sida för väggen: stegen, vem som gör vad och inom vilken tid, vem du "
        "konsulterar och var du dokumenterar.",
    },
    max_pages=1,
    # Always in 9 pt type: a layout that fits says less instead (no records or automatic
    # messages, then no checklist, then each action's first sentence, last in tighter lines).
    layouts=("regular", "short", "brief", "brief cut", "brief cut tight"),
    shorten="the steps' actions, the stages' 'record' texts or the number of contacts",
    section="stages",
)

DOCUMENTS: tuple[DocumentKind, ...] = (PLAYBOOK, LEAFLET, CARD)


def file_name(kind: DocumentKind, slug: str, language: str) -> str:
    """``rantala-poissaolojen-pelisaannot-fi.pdf``: the slug, the title's words, the language."""
    return f"{slug}-{kind.file_words[language]}-{language}.pdf"


def download_path(kind: DocumentKind, slug: str, language: str) -> str:
    """Where the document lies in a site's docs folder, e.g. ``downloads/<file>.pdf``."""
    return f"{DOWNLOADS_DIR}/{file_name(kind, slug, language)}"


@dataclass(frozen=True)
class DownloadLink:
    """How the website names and links one document."""

    key: DocumentKey
    title: str
    description: str
    file: str
    path: str  # relative to the docs folder
    # What the printed file is ("PDF, 184 kt, 2 sivua"); empty until it has been printed.
    facts: str = ""


def download_links(slug: str, language: str) -> dict[str, DownloadLink]:
    """The documents of one site language, by key (``playbook``, ``leaflet``, ``card``)."""
    return {
        kind.key: DownloadLink(
            kind.key,
            kind.titles[language],
            kind.descriptions[language],
            file_name(kind, slug, language),
            download_path(kind, slug, language),
        )
        for kind in DOCUMENTS
    }


@dataclass(frozen=True)
class PrintedFile:
    """What the website says of a printed document: its size and its pages."""

    size: int  # bytes
    pages: int


def with_facts(
    links: Mapping[str, DownloadLink], printed: Mapping[str, PrintedFile], language: str
) -> dict[str, DownloadLink]:
    """The links, each with the facts of its printed file (by key) when it was printed."""
    return {
        key: replace(link, facts=file_facts(printed[key], language)) if key in printed else link
        for key, link in links.items()
    }


def file_facts(printed: PrintedFile, language: str) -> str:
    """``PDF, 184 kt, 2 sivua`` / ``PDF, 184 kB, 2 sidor``: kilobytes of 1000 bytes, megabytes
    from 1000 kB on with one decimal (a decimal comma)."""
    kilobytes = max(1, round(printed.size / 1000))
    if kilobytes < 1000:
        size = page_words.text(language, "downloads.size_kb").format(size=kilobytes)
    else:
        megabytes = page_words.number(round(printed.size / 1_000_000, 1), language)
        size = page_words.text(language, "downloads.size_mb").format(size=megabytes)
    pages = (
        page_words.text(language, "downloads.pages_one")
        if printed.pages == 1
        else page_words.text(language, "downloads.pages").format(pages=printed.pages)
    )
    return page_words.text(language, "downloads.facts").format(size=size, pages=pages)
