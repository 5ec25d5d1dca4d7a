"""The teachers page, the ladder page and the stage pages as built (real pipeline, real MkDocs):
each stage under the number that starts it, what the teacher does and by when, whom they
consult (direct numbers, not their own school's office), what they record, one overview table
of every stage, and in Chromium at 1280 px every table fits its column.

The format-2 fixture is built once for this module, with a stage split by grade level, a long
title, a school whose office number is also a contact's, and a consulted person's direct line;
the shipped examples are the session's example sites (conftest).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from bs4.element import PageElement
from playwright.sync_api import Browser

from conftest import EXAMPLES, FIXTURES, REPO, vary, write_playbook
from generator.pipeline import build
from generator.playbook.loader import load_playbook
from generator.project import Project
from support.browser import guarded_context, serve_site

pytestmark = pytest.mark.slow

_MEETING = """  - id: meeting
    title: {fi: Tapaaminen huoltajan ja oppilaan kanssa ja tukitoimien suunnittelu, sv: Möte med vårdnadshavaren och eleven och planering av stödet}
    ladder: poissaolot
    sky_tier: 2
    threshold:
      hours: {grades_1_6: 30, grades_7_9: 40}
    responsible: school_social_worker
    for_guardians: {fi: Sinut kutsutaan tapaamiseen., sv: Du bjuds in till ett möte.}
    steps:
      - role: class_teacher
        action: {fi: Kutsu huoltaja ja oppilas tapaamiseen., sv: Bjud in vårdnadshavaren och eleven till ett möte.}
        within_school_days: 5
      - role: school_social_worker
        action: {fi: Tapaa oppilas., sv: Träffa eleven.}
        condition: {fi: jos oppilas suostuu (tai huoltaja), sv: om eleven går med på det (eller vårdnadshavaren)}
        within_school_days: 10
    record: {fi: Tapaamisen muistio Wilmaan., sv: Mötets promemoria i Wilma.}
  - id: network
"""
_CONTACTS = """contacts:
  - role: class_teacher
    name: {fi: Koulun kanslia, sv: Skolans kansli}
    phone: "+358 40 123 4567"
  - role: school_social_worker
    name: {fi: Koulun kanslia (kuraattorin ajanvaraus), sv: Skolans kansli (tidsbokning hos kurator)}
    phone: "+358 40 123 4567"
  - role: school_social_worker
    name: {fi: Kuraattori Sari Esimerkki, sv: Kurator Sari Esimerkki}
    phone: "+358 44 765 4321"
    hours: {fi: ma–pe klo 8–15, sv: mån–fre kl. 8–15}
"""
_SCHOOLS = """schools:
  - id: keskus
    name: {fi: Keskuskoulu, sv: Centralskolan}
    language: fi
    grades: [1, 9]
    office_phone: "+358 40 123 4567"
"""


def _playbook_text() -> str:
    text = (FIXTURES / "pikkula2.yml").read_text(encoding="utf-8")
    text = vary("  - id: network\n", _MEETING, text)
    text = vary(
        """contacts:
  - role: class_teacher
    name: {fi: Koulun kanslia, sv: Skolans kansli}
    phone: "+358 40 123 4567"
""",
        _CONTACTS,
        text,
    )
    return text + _SCHOOLS


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("teachers")
    playbook = write_playbook(folder, _playbook_text())
    out = folder / "out"
    project = Project.at(Path(__file__).resolve().parents[2])
    outcome = build([playbook], project, out, jobs=1, with_portal=False)
    assert outcome.ok, [problem.render() for problem in outcome.problems]
    return out / "pikkula"


@pytest.fixture(scope="module")
def site_url(site: Path) -> Iterator[str]:
    with serve_site(site) as url:
        yield url


def _article(site: Path, language: str, page: str) -> BeautifulSoup:
    html = (site / language / page / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").find("article")
    assert article is not None
    return BeautifulSoup(str(article), "html.parser")


def _text(element: PageElement) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def _headings(site: Path, language: str, page: str, level: str) -> list[str]:
    return [_text(heading) for heading in _article(site, language, page).find_all(level)]


def test_each_stage_is_headed_by_the_number_that_starts_it(site: Path) -> None:
    assert _headings(site, "fi", "teachers", "h2") == [
        "Mitä teen nyt?",
        "Portaat yhdellä silmäyksellä",
        "Yksikin huolestuttava poissaolo: Huoli puheeksi",
        "30 h (vuosiluokat 1–6) / 40 h (7–9): Tapaaminen huoltajan ja oppilaan kanssa ja "
        "tukitoimien suunnittelu",
        "Yli 200 h tai yli 20 %: Verkosto",
        "5–8 kertaa: Myöhästymiset",
    ]
    assert _headings(site, "sv", "teachers", "h2") == [
        "Vad gör jag nu?",
        "Stegen i korthet",
        "En enda oroväckande frånvaro: Ta upp oron",
        "30 h (årskurs 1–6) / 40 h (7–9): Möte med vårdnadshavaren och eleven och planering "
        "av stödet",
        "Över 200 h eller över 20 %: Nätverket",
        "5–8 gånger: Förseningar",
    ]


def test_the_ladder_and_stage_pages_lead_with_the_numbers_too(site: Path) -> None:
    assert _headings(site, "sv", "stages/meeting", "h1") == [
        "30 h (årskurs 1–6) / 40 h (7–9): Möte med vårdnadshavaren och eleven och planering av "
        "stödet"
    ]
    assert _headings(site, "fi", "stages/concern", "h1") == [
        "Yksikin huolestuttava poissaolo: Huoli puheeksi"
    ]
    assert _headings(site, "fi", "ladder", "h3") == [
        "Yksikin huolestuttava poissaolo: Huoli puheeksi",
        "30 h (vuosiluokat 1–6) / 40 h (7–9): Tapaaminen huoltajan ja oppilaan kanssa ja "
        "tukitoimien suunnittelu",
        "Yli 200 h tai yli 20 %: Verkosto",
        "5–8 kertaa: Myöhästymiset",
    ]


def test_one_overview_table_of_every_stage(site: Path) -> None:
    tables = _article(site, "fi", "teachers").find_all("table")
    assert len(tables) == 1
    rows = [
        [_text(cell) for cell in row.find_all(["th", "td"])] for row in tables[0].find_all("tr")
    ]
    assert rows == [
        ["Raja", "Porras", "Vastuussa", "Ensimmäinen määräaika"],
        [
            "Yksikin huolestuttava poissaolo",
            "Huoli puheeksi",
            "Luokanopettaja tai luokanohjaaja",
            "1 koulupäivän kuluessa",
        ],
        [
            "30 h (vuosiluokat 1–6) / 40 h (7–9)",
            "Tapaaminen huoltajan ja oppilaan kanssa ja tukitoimien suunnittelu",
            "Kuraattori",
            "5 koulupäivän kuluessa",
        ],
        ["Yli 200 h tai yli 20 %", "Verkosto", "Rehtori", "ennen seuraavaa porrasta"],
        ["5–8 kertaa (myöhästymiset)", "Myöhästymiset", "Koulu", "samana päivänä"],
    ]
    links = [a["href"] for a in tables[0].find_all("a")]
    assert links == ["#stage-concern", "#stage-meeting", "#stage-network", "#stage-late"]


def _section(site: Path, language: str, stage_id: str) -> str:
    """The text of a stage's section of the teachers page, from its heading to the next."""
    article = _article(site, language, "teachers")
    heading = article.find(id=f"stage-{stage_id}")
    assert heading is not None
    parts = [_text(heading)]
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        parts.append(_text(sibling))
    return " ".join(part for part in parts if part)


def test_what_i_do_by_when_whom_i_consult_and_what_i_record(site: Path) -> None:
    assert _section(site, "fi", "meeting") == (
        "30 h (vuosiluokat 1–6) / 40 h (7–9): Tapaaminen huoltajan ja oppilaan kanssa ja "
        "tukitoimien suunnittelu "
        "Raja: vuosiluokat 1–6: 30 tuntia; vuosiluokat 7–9: 40 tuntia lukukaudessa "
        "(kaikki poissaolot) SKY-taso: Taso 2 Vastuuhenkilö: Kuraattori "
        "Mitä teet ja mihin mennessä: "
        "Luokanopettaja tai luokanohjaaja, 5 koulupäivän kuluessa: Kutsu huoltaja ja oppilas "
        "tapaamiseen. "
        "Kuraattori, 10 koulupäivän kuluessa: Tapaa oppilas. – Ehto: jos oppilas suostuu "
        "(tai huoltaja) "
        # The school office's number is left out, though a contact of the consulted role has it.
        "Keneltä kysyt neuvoa: Kuraattori Sari Esimerkki: +358 44 765 4321 – ma–pe klo 8–15 "
        "Kuraattori: kuraattori@pikkula.example "
        "Mitä kirjaat: Tapaamisen muistio Wilmaan."
    )
    assert _section(site, "sv", "network") == (
        "Över 200 h eller över 20 %: Nätverket "
        "Gräns: över 200 timmar per termin eller över 20 % av skoltiden under "
        "bedömningsperioden (all frånvaro) SKY-nivå: Nivå 3 Ansvarsperson: Rektor "
        "Vad du gör och när: "
        "Rektor eller kurator, före nästa steg: Sammankalla expertgruppen. – Villkor: med "
        "vårdnadshavarens samtycke "
        "Rättslig grund: Lagen om elev- och studerandevård (1287/2013) 19 §: Behandling av "
        "elevhälsoärenden som gäller enskilda studerande "
        "Vem du frågar om råd: Maija Esimerkki (rektor): rehtori@pikkula.example "
        "Kurator Sari Esimerkki: +358 44 765 4321 – mån–fre kl. 8–15 "
        "Kurator: kuraattori@pikkula.example "
        "Vad du dokumenterar: Promemoria i Wilma."
    )


def test_the_consulted_numbers_are_links_and_the_office_is_not_among_them(site: Path) -> None:
    article = _article(site, "fi", "teachers")
    links = [str(a["href"]) for a in article.find_all("a")]
    calls = [link for link in links if link.startswith("tel:")]
    assert calls == ["tel:+358447654321", "tel:+358447654321"]  # the meeting and the network


@pytest.mark.parametrize("path", ["teachers", "ladder", "stages/meeting", "stages/network"])
def test_no_doubled_brackets(site: Path, path: str) -> None:
    for language in ("fi", "sv"):
        text = _text(_article(site, language, path))
        assert "((" not in text.replace(" ", "") and "))" not in text.replace(" ", ""), path


# Every table of the page, with its own width and the width of the column that holds it.
_TABLE_WIDTHS = """() => [...document.querySelectorAll('article table')].map(table => {
  const column = table.closest('.md-typeset__scrollwrap') || table.parentElement;
  return {table: table.scrollWidth, wrapper: column.scrollWidth, column: column.clientWidth};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_table_fits_a_laptop_column(browser: Browser, site_url: str, language: str) -> None:
    guarded = guarded_context(browser, viewport={"width": 1280, "height": 800})
    page = guarded.context.new_page()
    for path in ("teachers/", "ladder/", "stages/meeting/", "stages/network/"):
        page.goto(f"{site_url}{language}/{path}")
        widths = page.evaluate(_TABLE_WIDTHS)
        assert widths, path
        # As the site styles tables, and with no word broken inside (so that the table fits by
        # its short cells, not by splitting "luokanopettaja" over two lines).
        page.add_style_tag(content="article td, article th { overflow-wrap: normal; }")
        for width in widths + page.evaluate(_TABLE_WIDTHS):
            assert width["table"] <= width["column"], (path, width)
            assert width["wrapper"] <= width["column"], (path, width)
    # The measure sees a table that does not fit: the overview with cells that cannot wrap.
    page.goto(f"{site_url}{language}/teachers/")
    page.add_style_tag(content="article td { white-space: nowrap; }")
    assert any(width["table"] > width["column"] for width in page.evaluate(_TABLE_WIDTHS))
    guarded.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("slug", EXAMPLES)
def test_the_examples_tables_fit_a_laptop_column(
    browser: Browser, site_urls: dict[str, str], slug: str
) -> None:
    guarded = guarded_context(browser, viewport={"width": 1280, "height": 800})
    page = guarded.context.new_page()
    for language in ("fi", "sv"):
        for path in ("teachers/", "ladder/", "stages/" + _first_stage(slug) + "/"):
            page.goto(f"{site_urls[slug]}{language}/{path}")
            page.add_style_tag(content="article td, article th { overflow-wrap: normal; }")
            for width in page.evaluate(_TABLE_WIDTHS):
                assert width["table"] <= width["column"], (slug, language, path, width)
    guarded.context.close()


def _first_stage(slug: str) -> str:
    """The second stage, the first that has a threshold in every example."""
    return load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook.stages[1].id
