"""The field reference of the authors' guide, read as the portal shows it (Markdown rendered to
HTML): format 2's keys, and every closed list with the words the sites print for each value."""

from __future__ import annotations

import re
from functools import cache
from typing import get_args

import markdown  # type: ignore[import-untyped]  # Python-Markdown, as MkDocs renders the page
import pytest
from bs4 import BeautifulSoup, Tag

from generator.authoring.field_reference import render_field_reference
from generator.messages.page_words import text
from generator.playbook.legal import PROVISIONS
from generator.playbook.model import TRIGGERS, Deadline, LeaveNote
from generator.playbook.roles import NATIONAL_ROLES

LANGUAGES = ("fi", "sv")


@cache
def _page(language: str) -> BeautifulSoup:
    html = markdown.markdown(
        render_field_reference(language), extensions=["tables", "attr_list", "toc"]
    )
    return BeautifulSoup(html, "html.parser")


def _table(language: str, section: str) -> list[list[str]]:
    """The rows (cells as read) of the first table after the heading with id ``section``."""
    heading = _page(language).find(id=section)
    assert isinstance(heading, Tag), section
    table = heading.find_next("table")
    assert isinstance(table, Tag)
    body = table.find("tbody")
    assert isinstance(body, Tag)
    return [[cell.get_text() for cell in row.find_all("td")] for row in body.find_all("tr")]


def _keys(language: str) -> list[str]:
    return [code.get_text() for code in _page(language).select("table td:first-child code")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_warning_sign_is_listed_with_the_words_pages_print(language: str) -> None:
    rows = _table(language, "triggers")
    assert rows == [[t, text("fi", f"trigger.{t}"), text("sv", f"trigger.{t}")] for t in TRIGGERS]
    assert rows[2] == ["repeated_lateness", "toistuvat myöhästymiset", "upprepade förseningar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_legal_basis_id_is_listed_with_its_citation_and_subject(language: str) -> None:
    rows = _table(language, "legal-basis")
    assert [row[0] for row in rows] == [entry.id for entry in PROVISIONS]
    assert rows[0] == [
        "basic_education_act_26",
        "Perusopetuslaki (628/1998) 26 §: Perusopetuksen suorittaminen",
        "Lagen om grundläggande utbildning (628/1998) 26 §: Fullgörande av den grundläggande "
        "utbildningen",
    ]
    for row, entry in zip(rows, PROVISIONS, strict=True):
        # As the sites cite it (generator.plan.render's legal links).
        assert row[1] == f"{entry.citation('fi')}: {entry.subject('fi')}"
        assert row[2] == f"{entry.citation('sv')}: {entry.subject('sv')}"


def test_thresholds_say_over_at_range_and_grades_as_the_pages_do() -> None:
    assert _table("fi", "thresholds") == [
        [
            "hours: 30",
            "30 tai enemmän: porras alkaa, kun raja saavutetaan.",
            "30 tuntia",
            "30 timmar",
        ],
        ["hours: {at: 30}", "Sama kuin pelkkä luku: 30 tai enemmän.", "30 tuntia", "30 timmar"],
        [
            "hours: {over: 30}",
            "Yli 30: porras alkaa vasta, kun raja ylittyy. Kirjoita näin, kun päätöksessä lukee "
            "”yli 30 tuntia”.",
            "yli 30 tuntia",
            "över 30 timmar",
        ],
        [
            "hours: {from: 25, to: 30}",
            "Väli: porras voi alkaa välin sisällä henkilöstön harkinnan mukaan ja alkaa viimeistään "
            "ylärajalla.",
            "25–30 tuntia",
            "25–30 timmar",
        ],
        [
            "hours: {grades_1_6: 30, grades_7_9: {over: 40}}",
            "Eri raja vuosiluokille 1–6 ja 7–9; kumpikin voi olla mikä tahansa yllä olevista "
            "muodoista.",
            "vuosiluokat 1–6: 30 tuntia; vuosiluokat 7–9: yli 40 tuntia",
            "årskurs 1–6: 30 timmar; årskurs 7–9: över 40 timmar",
        ],
        [
            "hours: 0",
            "Porras alkaa ensimmäisestä huolestuttavasta poissaolosta.",
            "ensimmäisestä huolestuttavasta poissaolosta",
            "från den första oroväckande frånvaron",
        ],
        [
            "times: {over: 5}",
            "Kertoina, esimerkiksi myöhästymiset portaikossa, jonka counts on lateness.",
            "yli 5 kertaa",
            "över 5 gånger",
        ],
        [
            "hours: {over: 100} ja percent: {over: 10}",
            "Kaksi mittaria: porras alkaa, kun kumpi tahansa raja ylittyy.",
            "yli 100 tuntia tai yli 10 % kouluajasta",
            "över 100 timmar eller över 10 % av skoltiden",
        ],
    ]
    assert _table("sv", "thresholds")[2][1] == (
        "Över 30: steget börjar först när gränsen överskrids. Skriv så här när det står "
        "”över 30 timmar” i beslutet."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_thresholds_keys_are_explained_once_with_from_as_written(language: str) -> None:
    keys = [row[0] for row in _table(language, "threshold-keys")]
    assert keys == [
        f"stages[].threshold.hours.{key}"
        for key in ("over", "at", "from", "to", "grades_1_6", "grades_7_9")
    ]
    everywhere = _keys(language)
    assert "stages[].threshold.percent.over" not in everywhere  # not repeated per unit
    assert not any("from_" in key for key in everywhere)


@pytest.mark.parametrize("language", LANGUAGES)
def test_windows_deadlines_counts_and_leave_notes_read_as_on_the_pages(language: str) -> None:
    assert _table(language, "windows") == [
        ["per: term", "30 tuntia lukukaudessa", "30 timmar per termin"],
        ["per: school_year", "30 tuntia lukuvuoden aikana", "30 timmar under läsåret"],
        [
            "per: rolling_weeks, weeks: 12",
            "30 tuntia viimeisten 12 kouluviikon aikana",
            "30 timmar under de senaste 12 skolveckorna",
        ],
        ["per: period", "30 tuntia arviointijakson aikana", "30 timmar under bedömningsperioden"],
    ]
    deadlines = _table(language, "deadlines")
    assert deadlines[0] == ["within_school_days: 0", "samana koulupäivänä", "samma skoldag"]
    assert [row[0] for row in deadlines[3:]] == [f"deadline: {d}" for d in get_args(Deadline)]
    assert deadlines[4] == [
        "deadline: before_next_stage",
        "ennen seuraavaa porrasta",
        "före nästa steg",
    ]
    assert _table(language, "counts")[5] == ["counts: lateness", "Myöhästymiset", "Förseningar"]
    notes = _table(language, "leave-notes")
    assert [row[0] for row in notes] == list(get_args(LeaveNote))
    assert notes[0] == [
        "guardian_cannot_grant",
        "Huoltaja ei voi itse myöntää lapselleen vapaata koulusta.",
        "Vårdnadshavaren kan inte själv bevilja sitt barn ledighet från skolan.",
    ]
    roles = _table(language, "national-roles")
    assert [row[0] for row in roles] == list(NATIONAL_ROLES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_format_2_keys_are_in_the_tables(language: str) -> None:
    keys = _keys(language)
    for key in (
        "ladders[].counts",
        "ladders[].measures[].per",
        "ladders[].equivalence.percent",
        "guardians.leave_notes",
        "guardians.leave_exceptions[].granted_by",
        "prevention.steps[].for_guardians",
        "stages[].triggers",
        "stages[].steps[].roles",
        "stages[].steps[].deadline",
        "stages[].automatic_messages[].to",
        "forms[].url.sv",
        "schools[].report_by",
        "approval.common_model.origin",
    ):
        assert key in keys, key
    assert "monitoring.unit" not in keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_keys_with_a_closed_list_link_to_it(language: str) -> None:
    page = _page(language)
    ids = {tag["id"] for tag in page.find_all(id=True)}
    links = [a["href"] for a in page.find_all("a")]
    assert {"#triggers", "#legal-basis", "#deadlines", "#national-roles", "#thresholds"} <= set(
        links
    )
    assert {link[1:] for link in links} <= ids
    row = next(tr for tr in page.find_all("tr") if tr.find("code", string="stages[].legal_basis"))
    word = "Katso" if language == "fi" else "Se"
    title = "Säädösperusta" if language == "fi" else "Rättslig grund"
    assert row.find_all("td")[2].get_text().endswith(f"{word}: {title}.")


@pytest.mark.parametrize("language", LANGUAGES)
def test_examples_of_texts_are_quoted_so_a_comma_cannot_end_them(language: str) -> None:
    examples = [code.get_text() for code in _page(language).select("table td:last-child code")]
    texts = [example for example in examples if re.match(r"\{(fi|sv): ", example)]
    assert texts and all(re.fullmatch(r'\{fi: ".*", sv: ".*"\}', example) for example in texts)
    assert '{fi: "Huoli puheeksi", sv: "Ta upp oron"}' in examples
