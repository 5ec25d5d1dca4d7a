"""The portal's comparison of format-2 rules: each municipality's ladders by name, with their
units and windows, and each stage's start worded as its own site words it ("yli", ranges,
warning signs, SKY tiers), readable side by side when units and ladders differ."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from bs4 import BeautifulSoup, Tag

from conftest import TESTS, write_playbook
from generator.content.national import load_content
from generator.playbook.loader import load_playbook
from generator.portal.opendata import record_of
from generator.portal.plan import plan_portal
from generator.project import BASE_CONFIG, NATIONAL_CONTENT
from generator.site.mkdocs_build import build_site
from generator.site.staging import stage_site

PLAYBOOKS = TESTS / "portal" / "playbooks"
EXAMPLES = ("kaksikko.yml", "fjardby.yml", "vanhala.yml")


def _records(*paths: Path) -> list[dict[str, Any]]:
    return [record_of(load_playbook(path).playbook) for path in paths]


def _planned_page(records: list[dict[str, Any]], language: str, page: str) -> str:
    plan = plan_portal(records, load_content(NATIONAL_CONTENT))
    (site,) = [site for site in plan.sites if site.language == language]
    (source,) = [source for source in site.pages if source.path == page]
    return source.markdown


def _rows(html: str) -> dict[str, Tag]:
    table = BeautifulSoup(html, "html.parser").select_one("#sky-compare")
    assert table is not None
    rows = {}
    for row in table.select("tbody tr"):
        header = row.select_one("th")
        assert header is not None
        rows[header.get_text(strip=True)] = row
    return rows


def _ladders(row: Tag) -> list[tuple[str, list[str]]]:
    """Each ladder's heading line and its stages, as the reader sees them."""
    cell = row.select("td")[1]
    ladders = []
    for heading in cell.select("p.sky-compare__ladder"):
        stages = heading.find_next_sibling("ol")
        assert isinstance(stages, Tag), "each ladder's heading is followed by its stages"
        ladders.append((heading.get_text(), [item.get_text() for item in stages.select("li")]))
    return ladders


def _cells(row: Tag) -> list[str]:
    return [cell.get_text() for cell in row.select("td")]


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return _records(*(PLAYBOOKS / name for name in EXAMPLES))


def test_each_ladder_shows_its_name_units_windows_and_stages_in_finnish(
    records: list[dict[str, Any]],
) -> None:
    rows = _rows(_planned_page(records, "fi", "compare.md"))
    assert list(rows) == ["Kaksikko", "Vanhala", "Vuonola"]
    assert _ladders(rows["Kaksikko"]) == [
        (
            "Kaikki poissaolot: tunnit lukuvuoden aikana; prosentit arviointijakson aikana; "
            "100 tuntia = 10 % kouluajasta",
            [
                "ensimmäisestä huolestuttavasta poissaolosta tai varoitusmerkit "
                "(toistuvat myöhästymiset, poissaoloja samana viikonpäivänä tai samalta "
                "oppitunnilta) → Taso 1",
                "vuosiluokat 1–6: 30 tuntia; vuosiluokat 7–9: yli 40 tuntia lukuvuoden aikana tai "
                "yli 10 % kouluajasta arviointijakson aikana → Taso 2",
                "180–200 tuntia lukuvuoden aikana tai yli 20 % kouluajasta arviointijakson aikana "
                "(porras voi alkaa välin sisällä henkilöstön harkinnan mukaan) → Taso 3",
            ],
        ),
        ("Luvattomat tunnit: tunnit lukukaudessa", ["10 tuntia lukukaudessa"]),
    ]
    assert _ladders(rows["Vuonola"]) == [
        (
            "Kaikki poissaolot: prosentit viimeisten 12 kouluviikon aikana",
            [
                "5 % kouluajasta viimeisten 12 kouluviikon aikana → Taso 1",
                "yli 20 % kouluajasta viimeisten 12 kouluviikon aikana → Taso 3",
            ],
        ),
        ("Myöhästymiset: kerrat lukukaudessa", ["yli 5 kertaa lukukaudessa"]),
        (
            "Muut huolestuttavat poissaolot, myös koulukieltäytyminen: koulupäivät",
            [
                "varoitusmerkit, ei lukumäärärajaa (yksikin huolestuttava poissaolo, epämääräisiä "
                "selityksiä poissaoloille)"
            ],
        ),
    ]
    assert _cells(rows["Kaksikko"])[0] == "tunnit, prosentit"
    assert _cells(rows["Vuonola"])[0] == "prosentit, kerrat, koulupäivät"
    assert _cells(rows["Kaksikko"])[2:] == [
        "Luokanopettaja tai luokanohjaaja: enintään 3 koulupäivää"
        "Rehtori: pidemmät vapaat"
        "Vapaata voi saada enintään 10 koulupäivää lukuvuodessa.",
        "Wilma",
        "1.8.2026",
    ]
    assert _cells(rows["Vuonola"])[2] == "Pelisäännöt eivät kerro, kuka vapaan myöntää."


def test_each_ladder_shows_its_name_units_windows_and_stages_in_swedish(
    records: list[dict[str, Any]],
) -> None:
    rows = _rows(_planned_page(records, "sv", "compare.md"))
    assert list(rows) == ["Fjärdby", "Gamleby", "Tvåby"]
    assert _ladders(rows["Tvåby"]) == [
        (
            "All frånvaro: timmar under läsåret; procent under bedömningsperioden; "
            "100 timmar = 10 % av skoltiden",
            [
                "från den första oroväckande frånvaron eller varningstecken "
                "(upprepade förseningar, frånvaro på samma veckodag eller från samma lektion) "
                "→ Nivå 1",
                "årskurs 1–6: 30 timmar; årskurs 7–9: över 40 timmar under läsåret eller över "
                "10 % av skoltiden under bedömningsperioden → Nivå 2",
                "180–200 timmar under läsåret eller över 20 % av skoltiden under "
                "bedömningsperioden (steget kan börja inom intervallet enligt personalens "
                "bedömning) → Nivå 3",
            ],
        ),
        ("Olovliga timmar: timmar per termin", ["10 timmar per termin"]),
    ]
    assert _ladders(rows["Fjärdby"])[1:] == [
        ("Förseningar: gånger per termin", ["över 5 gånger per termin"]),
        (
            "Annan oroväckande frånvaro, också skolvägran: skoldagar",
            [
                "varningstecken, ingen gräns i antal (en enda oroväckande frånvaro, vaga "
                "förklaringar till frånvaron)"
            ],
        ),
    ]
    assert _cells(rows["Tvåby"])[2] == (
        "Klasslärare eller klassföreståndare: högst 3 skoldagar"
        "Rektor: längre ledighet"
        "Ledighet kan beviljas för högst 10 skoldagar per läsår."
    )
    assert _cells(rows["Fjärdby"])[2] == "Spelreglerna säger inte vem som beviljar ledighet."


def test_a_version_1_playbook_is_compared_with_its_counting_window(
    records: list[dict[str, Any]],
) -> None:
    rows = _rows(_planned_page(records, "fi", "compare.md"))
    vanhala = rows["Vanhala"]
    window = vanhala.select_one("p.sky-compare__window")
    assert window is not None and window.get_text() == "Laskentajakso: Lukukausi"
    assert _ladders(vanhala) == [
        (
            "Kaikki poissaolot: tunnit",
            [
                "ensimmäisestä huolestuttavasta poissaolosta → Taso 1",
                "vuosiluokat 1–6: 30 tuntia; vuosiluokat 7–9: 40 tuntia → Taso 2",
            ],
        ),
        ("Luvattomat poissaolot: tunnit", ["10 tuntia → Taso 3"]),
    ]
    assert _cells(vanhala)[2] == (
        "Luokanopettaja tai luokanohjaaja: enintään 1 koulupäiväRehtori: pidemmät vapaat"
    )
    assert rows["Kaksikko"].select_one("p.sky-compare__window") is None


def test_the_table_sorts_by_units_and_by_the_number_of_stages(
    records: list[dict[str, Any]],
) -> None:
    html = _planned_page(records, "fi", "compare.md")
    soup = BeautifulSoup(html, "html.parser")
    headers = [
        (th.get_text(strip=True), th.select_one("button"))
        for th in soup.select("#sky-compare thead th")
    ]
    assert [(name, button["data-sky-sort"] if button else None) for name, button in headers] == [
        ("Kunta", "text"),
        ("Yksiköt", "text"),
        ("Portaikot ja portaat", "number"),
        ("Vapaan myöntää", None),
        ("Järjestelmä", "text"),
        ("Voimassa alkaen", "text"),
    ]
    rows = _rows(html)
    assert [rows[name].select("td")[1]["data-sky-value"] for name in rows] == ["4", "3", "4"]
    assert [rows[name].select("td")[0]["data-sky-value"] for name in rows] == [
        "tunnit, prosentit",
        "tunnit",
        "prosentit, kerrat, koulupäivät",
    ]


def _hostile(tmp_path: Path) -> Path:
    """A municipality whose ladder name is HTML and Markdown."""
    text = (PLAYBOOKS / "kaksikko.yml").read_text(encoding="utf-8")
    text = text.replace("slug: kaksikko", "slug: pahala").replace("fi: Kaksikko,", "fi: Pahala,")
    text = text.replace(
        "name: {fi: Luvattomat tunnit, sv: Olovliga timmar}",
        "name: {fi: '<b>Luvattomat</b> *tunnit*', sv: Olovliga timmar}",
    )
    return write_playbook(tmp_path, text, "pahala")


HOSTILE_HEADING = "<b>Luvattomat</b> *tunnit*: tunnit lukukaudessa"


def test_text_from_a_playbook_is_shown_as_written(tmp_path: Path) -> None:
    page = _planned_page(_records(_hostile(tmp_path)), "fi", "compare.md")
    assert "<b>Luvattomat" not in page
    assert "<strong>&lt;b&gt;Luvattomat&lt;/b&gt; *tunnit*</strong>: tunnit lukukaudessa" in page
    assert _ladders(_rows(page)["Pahala"])[1][0] == HOSTILE_HEADING


def test_the_open_data_page_documents_the_fields_of_version_2(
    records: list[dict[str, Any]],
) -> None:
    page = _planned_page(records, "fi", "data.md")
    fields = [line.split("|")[1].strip() for line in page.splitlines() if line.startswith("| `")]
    assert fields == [
        "`slug`",
        "`code`",
        "`name, provider`",
        "`languages`",
        "`version, approved_by, effective_from`",
        "`common_model`",
        "`system`",
        "`window`",
        "`ladders`",
        "`stages`",
        "`guardians`",
        "`schools`",
    ]
    assert "(tiedostomuodon versio, nyt 2)" in page
    assert "`comparison` at = vähintään, over = yli tai range = väliltä" in page
    swedish = _planned_page(records, "sv", "data.md")
    assert "`comparison` at = minst, over = över eller range = intervall" in swedish


@pytest.mark.slow
def test_the_built_comparison_page_shows_the_same_words(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    plan = plan_portal([*records, *_records(_hostile(tmp_path))], load_content(NATIONAL_CONTENT))
    built = {}
    for staged in stage_site(plan, tmp_path / "work", BASE_CONFIG, None):
        result = build_site(staged, tmp_path / "site" / staged.language)
        assert result.problems == ()
        built[staged.language] = tmp_path / "site" / staged.language
    finnish = _rows((built["fi"] / "compare/index.html").read_text(encoding="utf-8"))
    assert _ladders(finnish["Kaksikko"])[0][1][2] == (
        "180–200 tuntia lukuvuoden aikana tai yli 20 % kouluajasta arviointijakson aikana "
        "(porras voi alkaa välin sisällä henkilöstön harkinnan mukaan) → Taso 3"
    )
    assert _ladders(finnish["Vuonola"])[1] == (
        "Myöhästymiset: kerrat lukukaudessa",
        ["yli 5 kertaa lukukaudessa"],
    )
    assert _ladders(finnish["Pahala"])[1][0] == HOSTILE_HEADING
    swedish = _rows((built["sv"] / "compare/index.html").read_text(encoding="utf-8"))
    assert _ladders(swedish["Gamleby"]) == [
        (
            "All frånvaro: timmar",
            [
                "från den första oroväckande frånvaron → Nivå 1",
                "årskurs 1–6: 30 timmar; årskurs 7–9: 40 timmar → Nivå 2",
            ],
        ),
        ("Olovlig frånvaro: timmar", ["10 timmar → Nivå 3"]),
    ]
    for language in ("fi", "sv"):
        data = built[language] / "data"
        published = json.loads((data / "sky-playbooks.json").read_text(encoding="utf-8"))
        schema = json.loads((data / "sky-playbooks.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(published)
        assert [m["slug"] for m in published["municipalities"]] == [
            "kaksikko",
            "pahala",
            "vanhala",
            "fjardby",
        ]
        assert (data / "sky-playbooks.csv").read_text(encoding="utf-8").startswith("slug,code,")
