"""Format 2's facts on the built pages: one test per capability, reading the HTML a reader gets.

One playbook that uses every capability is built once (both languages, real MkDocs), and each
test reads the text of one page as a reader sees it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, vary, write_playbook
from generator.pipeline import build
from generator.project import Project

pytestmark = pytest.mark.slow

_GUARDIANS_EXTRA = """  leave_notes: [guardian_cannot_grant, refusal_appealable]
  leave_days_per_school_year: 10
  leave_exceptions:
    - grades: [1, 2]
      granted_by: principal
      up_to_days: 5
  explain_within_school_days: 3
  late_counts_as_absence_after_minutes: 15
  catching_up: {fi: Kysy opettajalta tärkeimmät tehtävät., sv: Fråga läraren om de viktigaste uppgifterna.}
  forms: [loma]
"""
_END_EXTRA = """schools:
  - id: keskus
    name: {fi: Keskuskoulu, sv: Centralskolan}
    language: fi
    grades: [1, 9]
    report_by: "07.30"
    office_phone: "+358 6 123 4567"
"""
_AUTOMATIC = """    legal_basis: [pupil_and_student_welfare_act_19]
    automatic_messages:
      - to: [guardian, class_teacher]
        text: {fi: Poissaoloja on yli 200 tuntia., sv: Frånvaron är över 200 timmar.}
"""
_ALSO = """  version: "2026.1"
  also_approved_by:
    - body: {fi: Ruotsinkielinen jaosto, sv: Svenska sektionen}
      date: 2026-05-21
      section: "§ 7"
"""


class _Text(HTMLParser):
    """The text of a page's article, as a reader sees it (no scripts, no styles)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: ARG002 (the parser's signature)
        if tag == "article":
            self._inside = True
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip -= 1
        if tag == "article":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside and not self._skip:
            self.parts.append(data)


def _text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    text = (FIXTURES / "pikkula2.yml").read_text(encoding="utf-8")
    text = vary("  leave_notes: [guardian_cannot_grant]\n", _GUARDIANS_EXTRA, text)
    text = vary("    legal_basis: [pupil_and_student_welfare_act_19]\n", _AUTOMATIC, text)
    text = vary('  version: "2026.1"\n', _ALSO, text) + _END_EXTRA
    folder = tmp_path_factory.mktemp("format2")
    playbook = write_playbook(folder, text)
    out = folder / "out"
    project = Project.at(Path(__file__).resolve().parents[2])
    outcome = build([playbook], project, out, jobs=1, with_portal=False)
    assert outcome.ok, [problem.render() for problem in outcome.problems]
    return out / "pikkula"


def _page(site: Path, language: str, page: str) -> str:
    return _text((site / language / page / "index.html").read_text(encoding="utf-8"))


def _html(site: Path, language: str, page: str) -> str:
    return (site / language / page / "index.html").read_text(encoding="utf-8")


def test_over_and_two_measures_read_with_their_windows(site: Path) -> None:
    assert "Raja: yli 200 tuntia lukukaudessa tai yli 20 % kouluajasta arviointijakson aikana" in (
        _page(site, "fi", "stages/network")
    )
    assert (
        "Gräns: över 200 timmar per termin eller över 20 % av skoltiden under bedömningsperioden"
    ) in _page(site, "sv", "stages/network")


def test_a_range_says_that_the_stage_starts_within_it(site: Path) -> None:
    page = _page(site, "fi", "stages/late")
    assert "Raja: 5–8 kertaa viimeisten 6 kouluviikon aikana (myöhästymiset)" in page
    assert "Porras voi alkaa välin sisällä henkilöstön harkinnan mukaan." in page


def test_each_ladder_has_its_own_table_with_what_it_counts(site: Path) -> None:
    page = _page(site, "sv", "ladder")
    assert (
        "All frånvaro Räknas: frånvarotimmar per termin Räknas: frånvarons andel av "
        "skoltiden under bedömningsperioden 100 timmar motsvarar 10 % av skoltiden."
    ) in page
    assert "Förseningar Räknas: antal förseningar under de senaste 6 skolveckorna" in page


def test_warning_signs_start_a_stage_without_a_number(site: Path) -> None:
    page = _page(site, "fi", "stages/concern")
    assert "Raja: varoitusmerkit, ei lukumäärärajaa" in page
    assert "Varoitusmerkit: yksikin huolestuttava poissaolo" in page


def test_the_prevention_level_is_for_every_pupil(site: Path) -> None:
    page = _page(site, "fi", "ladder")
    assert (
        "Kaikille oppilaille Tätä jokainen koulu tekee kaikkien oppilaiden hyväksi, ennen kuin "
        "poissaoloja on kertynyt. Jokainen oppilas tervehditään aamulla."
    ) in page


def test_a_stage_without_a_tier_shows_none(site: Path) -> None:
    page = _page(site, "fi", "stages/late")
    assert "SKY-taso" not in page
    assert "Taso None" not in _page(site, "fi", "ladder")


def test_responsible_person_several_actors_condition_and_deadline_kinds(site: Path) -> None:
    page = _page(site, "fi", "stages/network")
    assert "Vastuuhenkilö: Rehtori" in page
    assert (
        "Rehtori tai kuraattori Kutsu koolle asiantuntijaryhmä. – Ehto: huoltajan "
        "suostumuksella ennen seuraavaa porrasta"
    ) in page
    late = _page(site, "sv", "stages/late")
    assert "Skolan Skicka ett meddelande hem. samma dag" in late


def test_automatic_messages_forms_and_the_legal_basis_are_shown(site: Path) -> None:
    page = _page(site, "fi", "stages/network")
    assert (
        "Järjestelmän automaattiset viestit: Wilma lähettää viestin (saajat: huoltaja, "
        "luokanopettaja tai luokanohjaaja): ”Poissaoloja on yli 200 tuntia.”"
    ) in page
    assert (
        "Säädösperusta: Oppilas- ja opiskelijahuoltolaki (1287/2013) 19 §: Yksittäistä "
        "opiskelijaa koskevan opiskeluhuoltoasian käsittely" in page
    )
    html = _html(site, "sv", "stages/network")
    assert 'href="https://www.finlex.fi/sv/lagstiftning/2013/1287"' in html


def test_the_guardians_page_never_prints_a_staff_instruction(site: Path) -> None:
    page = _page(site, "fi", "guardians")
    for staff in ("Soita kotiin.", "Kutsu koolle asiantuntijaryhmä.", "Lähetä viesti kotiin."):
        assert staff not in page
    assert "Opettaja soittaa sinulle." in page
    assert "Rehtori kutsuu sinut tapaamiseen." in page
    assert "Opettaja kertoo sinulle myöhästymisistä." in page


def test_leave_rules_with_requests_forms_caps_exceptions_and_notes(site: Path) -> None:
    page = _page(site, "fi", "guardians")
    assert (
        "Vapaata? Luokanopettaja tai luokanohjaaja myöntää vapaata enintään 3 koulupäivää, "
        "rehtori enintään 20 koulupäivää." in page
    )
    assert "Enintään 3 koulupäivää: suullisesti tai viestillä" in page
    assert "Enintään 20 koulupäivää: kirjallisella hakemuksella, Loma-anomus" in page
    assert "Vuosiluokat 1–2: rehtori myöntää vapaata enintään 5 koulupäivää" in page
    assert "Vapaata voi saada enintään 10 koulupäivää lukuvuodessa." in page
    assert "Et voi itse myöntää lapsellesi vapaata koulusta." in page
    assert "Jos vapaata ei myönnetä, saat siitä päätöksen, johon voit hakea muutosta." in page
    html = _html(site, "fi", "guardians")
    assert 'href="https://www.pikkula.example/loma"' in html


def test_schools_reporting_times_and_office_phones(site: Path) -> None:
    page = _page(site, "sv", "guardians")
    assert "Centralskolan: senast kl. 7.30, +358 6 123 4567" in page
    assert 'href="tel:+35861234567"' in _html(site, "sv", "guardians")


def test_the_answers_guardians_ask_for(site: Path) -> None:
    page = _page(site, "fi", "guardians")
    assert (
        "Mihin mennessä poissaolo on selvitettävä? Kerro poissaolon syy 3 koulupäivän kuluessa. "
        "Muuten poissaolo merkitään selvittämättömäksi." in page
    )
    assert "Jos lapsesi tulee tunnille yli 15 minuuttia myöhässä" in page
    assert "Miten poissaolon aikana opiskellaan? Kysy opettajalta tärkeimmät tehtävät." in page


def test_every_approving_body_is_named(site: Path) -> None:
    page = _page(site, "sv", "about")
    assert "Godkänt också av Svenska sektionen, 21.5.2026, § 7" in page


def test_a_stage_pages_previous_and_next_stage_are_on_its_own_ladder(site: Path) -> None:
    # Concern and network climb the ladder of absences; late is alone on the ladder of lateness.
    concern = _page(site, "fi", "stages/concern")
    network = _page(site, "fi", "stages/network")
    late = _page(site, "fi", "stages/late")
    assert "Seuraava porras: Verkosto" in concern
    assert "Edellinen porras: Huoli puheeksi" in network
    assert "Seuraava porras:" not in network
    assert "Edellinen porras:" not in late and "Seuraava porras:" not in late
