"""The calculator page in Chromium: it gives the Python model's answer, in words a reader sees.

For every example playbook and language, a grid of inputs (thresholds and one hundredth either
side of them, decimal commas, invalid entries) is typed into the real page and submitted with
its own button; the result the page shows must be the one the reference calculator
(tests/support/reference_calculator.py) computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page

from conftest import EXAMPLES, REPO
from generator.plan.calculator import (
    GRADE_GROUPS,
    absence_kinds,
    has_grade_split,
    needs_school_hours,
    threshold_hundredths,
)
from generator.playbook.loader import load_playbook
from generator.playbook.model import Playbook
from support.browser import guarded_context
from support.reference_calculator import InputError, calculate, parse_hours, read_inputs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANGUAGES = ("fi", "sv")


@dataclass(frozen=True)
class Case:
    absent: str
    school: str
    grades: str  # "" when not chosen
    kind: str


def _playbook(slug: str) -> Playbook:
    return load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook


def _text(hundredths: int) -> str:
    """Hundredths of an hour as a reader types them: 1250 → '12,5', alternating ',' and '.'."""
    whole, rest = divmod(hundredths, 100)
    if not rest:
        return str(whole)
    separator = "," if hundredths % 2 else "."
    return f"{whole}{separator}{rest:02d}".rstrip("0")


def _grid(playbook: Playbook) -> list[Case]:
    percent = needs_school_hours(playbook)
    schools = ["240", "333,33", "1 140"] if percent else ["", "300", "1000"]
    groups = list(GRADE_GROUPS) if has_grade_split(playbook) else [""]
    cases = []
    for kind in absence_kinds(playbook):
        for school in schools:
            parsed = parse_hours(school)
            school_hundredths = parsed if isinstance(parsed, int) else 0
            for grades in groups:
                for stage in playbook.stages:
                    limit = threshold_hundredths(stage, grades or None)  # type: ignore[arg-type]
                    at = limit * school_hundredths // 10_000 if percent else limit
                    for absent in (at - 1, at, at + 1):
                        if absent >= 0:
                            cases.append(Case(_text(absent), school, grades, kind))
    invalid = ["", "abc", "-3", "12,345", "12,", "10000,01", "\u0663", " 7 ", "0"]
    cases += [Case(absent, schools[1], groups[-1], "all") for absent in invalid]
    cases += [Case("12", school, groups[0], "all") for school in ("0", "x", "-1", "5")]
    if has_grade_split(playbook):
        cases.append(Case("12", schools[1], "", "all"))
    return cases


def _expected(playbook: Playbook, case: Case) -> dict[str, str]:
    outcome = read_inputs(playbook, case.absent, case.school, case.grades or None, case.kind)  # type: ignore[arg-type]
    if isinstance(outcome, tuple):
        return {"state": "error", "errors": _errors(outcome)}
    result = calculate(playbook, outcome)
    tier = "unknown" if not result.tier_known else str(result.tier or "none")

    def text(value: int | None) -> str:
        return "" if value is None else str(value)

    return {
        "state": "result",
        "errors": "",
        "stage": result.stage.id if result.stage else "",
        "next": result.next_stage.id if result.next_stage else "",
        "percent": text(result.percent_tenths),
        "hours": text(result.distance_hours),
        "points": text(result.distance_points),
        "tier": tier,
    }


def _errors(errors: tuple[InputError, ...]) -> str:
    return " ".join(f"{error.field}.{error.code}" for error in errors)


# Types each case into the form, presses the page's own button and reads what it shows.
_RUN_GRID = """
cases => cases.map(c => {
  document.getElementById('sky-calc-absent').value = c.absent;
  document.getElementById('sky-calc-school').value = c.school;
  for (const radio of document.querySelectorAll('input[name="sky-calc-grades"]'))
    radio.checked = radio.value === c.grades;
  for (const radio of document.querySelectorAll('input[name="sky-calc-kind"]'))
    radio.checked = radio.value === c.kind;
  document.querySelector('#sky-calculator button[type=submit]').click();
  const out = document.getElementById('sky-calc-result');
  const shown = out.getAttribute('data-state') === 'error'
    ? {state: 'error', errors: out.getAttribute('data-errors')}
    : {state: 'result', errors: '', stage: out.getAttribute('data-stage'),
       next: out.getAttribute('data-next'), percent: out.getAttribute('data-percent-tenths'),
       hours: out.getAttribute('data-distance-hours'),
       points: out.getAttribute('data-distance-points'), tier: out.getAttribute('data-tier')};
  const messages = [...document.querySelectorAll('.sky-calc__error')]
    .filter(m => !m.hidden).map(m => m.textContent);
  return {shown, messages, summary: out.innerText};
})
"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", EXAMPLES)
def test_page_agrees_with_the_python_model(
    page: Page, site_urls: dict[str, str], slug: str, language: str
) -> None:
    playbook = _playbook(slug)
    cases = _grid(playbook)
    page.goto(f"{site_urls[slug]}{language}/calculator/")
    answers: list[dict[str, Any]] = page.evaluate(_RUN_GRID, [vars(case) for case in cases])
    assert len(cases) > 40
    for case, answer in zip(cases, answers, strict=True):
        expected = _expected(playbook, case)
        assert answer["shown"] == expected, case
        if expected["state"] == "error":
            assert len(answer["messages"]) == len(expected["errors"].split()), case
            assert all(answer["messages"]), case
        else:
            assert answer["messages"] == [], case
    stages_shown = {answer["shown"].get("stage") for answer in answers}
    assert {stage.id for stage in playbook.stages} <= stages_shown


def _submit(page: Page, absent: str, school: str = "", grades: str = "", kind: str = "") -> str:
    page.fill("#sky-calc-absent", absent)
    page.fill("#sky-calc-school", school)
    if grades:
        page.check(f"#sky-calc-{grades}")
    if kind:
        page.check(f"#sky-calc-kind-{kind}")
    page.click("#sky-calculator button[type=submit]")
    return page.inner_text("#sky-calc-result")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_finnish_result_in_words(page: Page, site_urls: dict[str, str]) -> None:
    page.goto(f"{site_urls['rantala']}fi/calculator/")
    assert _lines(_submit(page, "35,5", "300", "grades_1_6")) == [
        "Poissaoloja on 11,8 % koulutunneista.",
        "Porras nyt: 2. Poissaolot kasvavat – keskustelu kodin kanssa",
        "Seuraava porras: 3. Tapaaminen ja toimintasuunnitelma",
        "Seuraavaan portaaseen on matkaa 14,5 tuntia.",
        "Kansallinen SKY-malli: taso 2 (10–20 % kouluajasta). Mitä taso 2 tarkoittaa",
    ]
    details = page.locator("#sky-calc-details")
    assert details.locator("h2").inner_text() == (
        "Mitä portaalla tehdään: Poissaolot kasvavat – keskustelu kodin kanssa"
    )
    assert (
        details.locator("li")
        .first.inner_text()
        .startswith("Luokanopettaja tai luokanohjaaja: Käy oppilaan poissaolot läpi Wilmassa")
    )
    assert details.locator("li").first.inner_text().endswith("(3 koulupäivän kuluessa)")
    # The same hours in grades 7–9 are still on the first stage.
    assert _lines(_submit(page, "35,5", "", "grades_7_9"))[:3] == [
        "Porras nyt: 1. Huoli puheeksi",
        "Tämä porras alkaa ensimmäisestä huolestuttavasta poissaolosta.",
        "Seuraava porras: 2. Poissaolot kasvavat – keskustelu kodin kanssa",
    ]
    assert (
        _lines(_submit(page, "39", "", "grades_7_9"))[3]
        == "Seuraavaan portaaseen on matkaa 1 tunti."
    )
    # Its links lead to pages of the site.
    for link in page.locator("#sky-calc-result a, #sky-calc-details a").all():
        href = urljoin(page.url, str(link.get_attribute("href")))
        assert page.request.get(href).ok, href


def test_swedish_percent_result_in_words(page: Page, site_urls: dict[str, str]) -> None:
    page.goto(f"{site_urls['fjardskar']}sv/calculator/")
    assert _lines(_submit(page, "30", "240")) == [
        "Frånvaron är 12,5 % av skoltimmarna.",
        "Steget nu: 3. Personligt ingripande och handlingsplan",
        "Nästa steg: 4. Sektorsövergripande expertgrupp",
        "Det saknas 2,5 procentenheter till nästa steg, alltså cirka 6 timmar om "
        "skoltimmarna är desamma.",
        "Den nationella SKY-modellen: nivå 2 (10–20 % av skoltiden). Vad nivå 2 betyder",
    ]
    assert _lines(_submit(page, "0", "240"))[1:3] == [
        "Inget steg har börjat ännu. Du kan ta upp oron genast om frånvaron oroar dig.",
        "Nästa steg: 1. Första oroväckande frånvaron",
    ]
    # 9.5 % lies in tier 1's band (5 % to under 10 %), with no gap before 10 %.
    assert _lines(_submit(page, "19", "200"))[-1] == (
        "Den nationella SKY-modellen: nivå 1 (5 % – under 10 % av skoltiden). Vad nivå 1 betyder"
    )
    assert _lines(_submit(page, "60", "240"))[-2:] == [
        "Det här är trappans sista steg.",
        "Den nationella SKY-modellen: nivå 3 (över 20 % av skoltiden). Vad nivå 3 betyder",
    ]


def test_unauthorised_ladder_and_the_tier_it_does_not_give(
    page: Page, site_urls: dict[str, str]
) -> None:
    page.goto(f"{site_urls['tervaharju']}fi/calculator/")
    lines = _lines(_submit(page, "15", "100", kind="unauthorised"))
    assert lines[1].startswith("Porras nyt: 2. ")
    assert lines[-1] == (
        "Kansallinen SKY-taso lasketaan kaikista poissaoloista. Valitse kaikki poissaolot, "
        "niin näet sen."
    )
    assert _lines(_submit(page, "15", "", kind="all"))[-1] == (
        "Kansallisen SKY-tason näet, kun kirjoitat myös koulutunnit."
    )


def test_invalid_input_is_explained_next_to_its_field(
    page: Page, site_urls: dict[str, str]
) -> None:
    page.goto(f"{site_urls['rantala']}fi/calculator/")
    _submit(page, "35,5", "300", "grades_1_6")
    assert page.get_attribute("#sky-calc-result", "data-stage") == "yhteys-kotiin"
    # A wrong entry replaces the last result: no stage is left showing.
    text = _submit(page, "-2", "1,5")
    assert _lines(text) == ["Laskuri ei voi laskea vielä. Tarkista merkityt kohdat."]
    assert page.is_hidden("#sky-calc-details")
    assert (
        page.inner_text("#sky-calc-absent-error") == "Poissaolotunnit eivät voi olla negatiivisia."
    )
    assert page.get_attribute("#sky-calc-absent", "aria-invalid") == "true"
    assert page.evaluate("document.activeElement.id") == "sky-calc-absent"
    _submit(page, "12,5", "10")
    assert page.inner_text("#sky-calc-absent-error") == (
        "Poissaolotunteja ei voi olla enemmän kuin koulutunteja."
    )
    _submit(page, "12", "tunteja")
    assert page.is_hidden("#sky-calc-absent-error")
    assert page.get_attribute("#sky-calc-absent", "aria-invalid") is None
    assert page.inner_text("#sky-calc-school-error") == (
        "Kirjoita koulutunnit numeroina, esimerkiksi 240 tai 240,5."
    )
    page.goto(f"{site_urls['rantala']}sv/calculator/")
    _submit(page, "12")
    assert page.inner_text("#sky-calc-grades-error") == "Välj elevens årskurs."
    assert page.evaluate("document.activeElement.id") == "sky-calc-grades_1_6"


def test_nothing_is_stored_or_sent(page: Page, site_urls: dict[str, str]) -> None:
    requests: list[str] = []
    page.goto(f"{site_urls['tervaharju']}sv/calculator/")
    page.wait_for_load_state("networkidle")
    page.on("request", lambda request: requests.append(request.url))
    _submit(page, "20", "100", kind="unauthorised")
    _submit(page, "x")
    assert requests == []
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.context.cookies() == []


def test_without_javascript_the_page_says_where_the_rules_are(
    browser: Browser, site_urls: dict[str, str]
) -> None:
    guarded = guarded_context(browser, java_script_enabled=False)
    page = guarded.context.new_page()
    page.goto(f"{site_urls['rantala']}fi/calculator/")
    assert page.is_hidden("#sky-calculator")
    assert page.inner_text(".sky-calc__noscript") == (
        "Laskuri tarvitsee JavaScriptin. Portaiden rajat ja toimet ovat myös sivulla "
        "Puuttumisen portaat."
    )
    guarded.context.close()
    assert guarded.blocked == []
