"""The home page starts from the reader's task, and the menu stays short.

Two doors ("I am a guardian" / "I am a teacher") with one line each, then the calculator and
direct links to the three PDFs; the top-level menu has at most seven items and still reaches
every page of the site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLE_PLAYBOOKS, FIXTURES, REPO, write_playbook
from generator.content.national import load_content
from generator.plan.merge import LanguagePlan, plan_site
from generator.playbook.loader import load_playbook
from generator.portal.plan import plan_portal
from generator.portal.settings import load_portal_settings
from generator.printout.documents import download_links
from generator.project import AUTHORS_GUIDE, NATIONAL_CONTENT

PLAYBOOKS = [FIXTURES / "pikkula.yml", *EXAMPLE_PLAYBOOKS]


def _sites(playbook: Path) -> tuple[LanguagePlan, ...]:
    return plan_site(load_playbook(playbook), load_content(NATIONAL_CONTENT)).sites


@pytest.fixture(scope="module")
def format2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The format-2 fixture under the file name its slug asks for."""
    folder = tmp_path_factory.mktemp("format2")
    return write_playbook(folder, (FIXTURES / "pikkula2.yml").read_text(encoding="utf-8"))


def _nav_pages(items: Any) -> Iterator[str]:
    """Every page path the navigation leads to, however deep."""
    if isinstance(items, str):
        yield items
    elif isinstance(items, dict):
        for value in items.values():
            yield from _nav_pages(value)
    else:
        for item in items:
            yield from _nav_pages(item)


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda path: path.stem)
def test_the_menu_has_at_most_seven_items_and_reaches_every_page(playbook: Path) -> None:
    _assert_short_menu_reaching_every_page(playbook)


def test_the_format_2_fixtures_menu_is_short_too(format2: Path) -> None:
    _assert_short_menu_reaching_every_page(format2)


def _assert_short_menu_reaching_every_page(playbook: Path) -> None:
    for site in _sites(playbook):
        assert len(site.nav) <= 7, site.nav
        reached = list(_nav_pages(site.nav))
        assert sorted(reached) == sorted(page.path for page in site.pages)
        assert len(reached) == len(set(reached))


def test_the_menu_groups_the_printouts_with_the_pages_about_the_site(format2: Path) -> None:
    finnish, swedish = _sites(format2)

    assert [next(iter(item)) for item in finnish.nav] == [
        "Etusivu",
        "Huoltajille",
        "Opettajille",
        "Puuttumisen portaat",
        "Yhteystiedot",
        "Kansallinen SKY-malli",
        "Tulosteet ja tietoa",
    ]
    assert swedish.nav[-1] == {
        "Utskrifter och information": [
            {"Att skriva ut (PDF)": "downloads.md"},
            {"Beslut och version": "about.md"},
            {"Versioner och ändringar": "changes.md"},
            {"Tillgänglighetsutlåtande": "accessibility.md"},
        ]
    }


def _home(playbook: Path, language: str) -> str:
    """The home page's Markdown as the reader reads it: its escapes ("\\.") taken out."""
    sites = {site.language: site for site in _sites(playbook)}
    home = next(page.markdown for page in sites[language].pages if page.path == "index.md")
    return re.sub(r"\\(.)", r"\1", home)


def test_the_home_page_opens_with_a_door_for_each_reader(format2: Path) -> None:
    home = _home(format2, "fi")
    doors = home.index('<div class="grid cards sky-entry" markdown>')

    assert home.index("- **[Olen huoltaja](guardians.md)**") > doors
    assert "    Miten ilmoitat poissaolosta, miten haet vapaata ja keneen otat yhteyttä." in home
    assert "- **[Olen opettaja](teachers.md)**" in home
    assert "    Mitä teet kullakin portaalla, mihin mennessä ja keneltä kysyt neuvoa." in home
    # The doors come before the ladder's summary, which comes before the decision.
    assert doors < home.index("## Portaat lyhyesti") < home.index("## Päätös ja versio")


def test_the_home_page_links_the_calculator_and_each_pdf(format2: Path) -> None:
    home = _home(format2, "sv")
    tools = home[home.index("## Räknare och utskrifter") : home.index("## Stegen i korthet")]
    assert (
        "- [Frånvaroräknare](calculator.md): i vilket steg elevens frånvaro är och vad som"
        " görs i steget." in tools
    )
    for doc in download_links("pikkula", "sv").values():
        assert f"- [{doc.title} (PDF)]({doc.path})" in tools
    assert tools.count("(PDF)](") == 3


def test_the_portals_menu_has_at_most_seven_items_and_reaches_every_page() -> None:
    settings = load_portal_settings(REPO / "portal.yml")
    portal = plan_portal([], load_content(NATIONAL_CONTENT), AUTHORS_GUIDE, settings)

    for site in portal.sites:
        assert len(site.nav) <= 7, site.nav
        assert sorted(_nav_pages(site.nav)) == sorted(page.path for page in site.pages)
