"""The calculator's rules in Python: the fields each ladder asks for, reading what a reader
types, stages, distances, tiers, and the words of the result in Finnish and Swedish."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TESTS, vary, write_playbook
from generator.plan.calculator import Bound, GradeGroup, ladder_forms, shown_percent
from generator.plan.calculator_page import (
    calculator_page,
    field_hint,
    field_label,
    page_data,
    script_json,
)
from generator.plan.render import render_page
from generator.playbook.loader import PlaybookInvalid, load_playbook
from generator.playbook.model import Playbook
from generator.playbook.tiers import TIER_BANDS
from support.calculator_playbooks import write_calculator_playbook
from support.reference_calculator import (
    Gap,
    InputError,
    Inputs,
    Missing,
    Result,
    calculate,
    describe,
    error_message,
    national_tier,
    parse_amount,
    read_inputs,
)

VERSION_1 = TESTS / "corpus" / "v1"


def _version_1(slug: str) -> Playbook:
    """An example as it was written in format 1, read as format 2 (one ladder per kind of
    absences, with the id of its kind and no window)."""
    return load_playbook(VERSION_1 / f"{slug}.yml").playbook


@pytest.fixture(scope="module")
def kalliola(tmp_path_factory: pytest.TempPathFactory) -> Playbook:
    folder = tmp_path_factory.mktemp("kalliola")
    return load_playbook(write_calculator_playbook(folder, "kalliola")).playbook


@pytest.fixture(scope="module")
def strandvik(tmp_path_factory: pytest.TempPathFactory) -> Playbook:
    folder = tmp_path_factory.mktemp("strandvik")
    return load_playbook(write_calculator_playbook(folder, "strandvik")).playbook


def _result(
    playbook: Playbook, ladder: str, values: dict[str, str], grades: GradeGroup | None = None
) -> tuple[Inputs, Result]:
    inputs = read_inputs(playbook, ladder, values, grades)
    assert isinstance(inputs, Inputs), inputs
    return inputs, calculate(playbook, inputs)


def _stage(
    playbook: Playbook, ladder: str, values: dict[str, str], grades: GradeGroup | None = None
) -> tuple[str | None, str | None]:
    _, result = _result(playbook, ladder, values, grades)
    return (
        result.stage.id if result.stage else None,
        result.next_stage.id if result.next_stage else None,
    )


def _lines(
    playbook: Playbook,
    ladder: str,
    values: dict[str, str],
    language: str,
    grades: GradeGroup | None = None,
) -> list[str]:
    inputs, result = _result(playbook, ladder, values, grades)
    return describe(playbook, inputs, result, language)


# --- reading numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "whole", "expected"),
    [
        ("12", False, 1200),
        ("12,5", False, 1250),
        ("12.5", False, 1250),
        ("0,25", False, 25),
        ("  7 ", False, 700),
        ("\u00a08\u202f", False, 800),
        ("1 140", False, 114000),
        ("007", False, 700),
        ("10000", False, 1_000_000),
        ("", False, "empty"),
        ("   ", False, "empty"),
        ("-3", False, "negative"),
        ("\u22123,5", False, "negative"),
        ("abc", False, "not_number"),
        ("12,", False, "not_number"),
        (",5", False, "not_number"),
        ("1,2,3", False, "not_number"),
        ("1e3", False, "not_number"),
        ("12 5", False, "not_number"),
        ("\u0663", False, "not_number"),  # an Arabic-Indic digit: only 0-9 are read
        ("12,345", False, "too_precise"),
        ("10000,01", False, "too_large"),
        ("99999999999999999999", False, "too_large"),
        # Lessons and late arrivals are counted one by one.
        ("3", True, 300),
        ("3,0", True, 300),
        ("3,5", True, "not_whole"),
        ("3,000", True, "not_whole"),
        ("-1", True, "negative"),
    ],
)
def test_numbers_are_read_as_finns_write_them(text: str, whole: bool, expected: int | str) -> None:
    assert parse_amount(text, whole) == expected


# --- the fields of each kind of ladder -------------------------------------------------------


def _fields(playbook: Playbook, language: str) -> dict[str, list[tuple[str, str, bool]]]:
    """Each ladder's fields: (label, hint, required)."""
    return {
        form.ladder.id: [
            (field_label(field, language), field_hint(form, field, language), field.required)
            for field in form.fields
        ]
        for form in ladder_forms(playbook)
    }


def test_each_measure_decides_its_fields_with_their_window(kalliola: Playbook) -> None:
    assert _fields(kalliola, "fi") == {
        "poissaolot": [
            (
                "Poissaolotunnit lukuvuoden aikana",
                "Desimaalit voit kirjoittaa pilkulla, esimerkiksi 12,5.",
                True,
            ),
            (
                "Poissaolotunnit arviointijakson aikana (vapaaehtoinen)",
                "Tarvitaan prosenttirajoihin yhdessä saman jakson koulutuntien kanssa.",
                False,
            ),
            (
                "Koulutunnit arviointijakson aikana (vapaaehtoinen)",
                "Tunnit, jotka oppilaalla olisi ollut lukujärjestyksen mukaan samalla jaksolla. "
                "Kun kirjoitat ne, laskuri arvioi myös prosenttirajat ja näyttää kansallisen "
                "SKY-tason.",
                False,
            ),
        ],
        "luvattomat": [
            (
                "Poissaolotunnit lukukaudessa",
                "Desimaalit voit kirjoittaa pilkulla, esimerkiksi 12,5.",
                True,
            )
        ],
        "myohastymiset": [
            (
                "Myöhästymiskerrat viimeisten 6 kouluviikon aikana",
                "Kuinka monta kertaa oppilas on myöhästynyt. Kirjoita kokonaisluku, esimerkiksi 3.",
                True,
            )
        ],
    }


def test_swedish_fields_of_days_lessons_and_a_shared_count(strandvik: Playbook) -> None:
    assert _fields(strandvik, "sv") == {
        "franvaro": [
            (
                "Frånvarotimmar per termin",
                "Decimaler kan du skriva med komma, till exempel 12,5.",
                True,
            ),
            (
                "Skoltimmar per termin (frivilligt)",
                "De timmar eleven skulle ha haft enligt läsordningen under samma period. När du "
                "fyller i dem bedömer räknaren också gränserna i procent och visar nivån i "
                "SKY-modellen.",
                False,
            ),
        ],
        "sjukfranvaro": [
            (
                "Frånvarodagar under läsåret",
                "Skoldagarna då eleven har varit borta. En halv dag kan du skriva med komma, till "
                "exempel 2,5.",
                True,
            )
        ],
        # The playbook names no window for the lessons: the label still says the count is of
        # the period. The share of the term is counted in lessons too.
        "oforklarad": [
            (
                "Frånvaro i lektioner under perioden som räknas",
                "Lektionerna som eleven har varit borta från. Skriv ett heltal, till exempel 12.",
                True,
            ),
            (
                "Frånvaro i lektioner per termin (frivilligt)",
                "Behövs för gränserna i procent, tillsammans med skoltimmarna under samma period.",
                False,
            ),
            (
                "Lektioner enligt läsordningen per termin (frivilligt)",
                "De timmar eleven skulle ha haft enligt läsordningen under samma period. När du "
                "fyller i dem bedömer räknaren också gränserna i procent.",
                False,
            ),
        ],
    }


def test_version_1_ladders_keep_their_fields() -> None:
    assert _fields(_version_1("fjardskar"), "fi")["all"] == [
        (
            "Poissaolotunnit laskentajaksolla",
            "Desimaalit voit kirjoittaa pilkulla, esimerkiksi 12,5.",
            True,
        ),
        (
            "Koulutunnit laskentajaksolla",
            "Tunnit, jotka oppilaalla olisi ollut lukujärjestyksen mukaan samalla jaksolla. "
            "Niistä lasketaan poissaolojen osuus.",
            True,
        ),
    ]
    tervaharju = _fields(_version_1("tervaharju"), "fi")
    assert [label for label, _, _ in tervaharju["all"]] == [
        "Poissaolotunnit laskentajaksolla",
        "Koulutunnit laskentajaksolla (vapaaehtoinen)",
    ]
    assert tervaharju["all"][1][1].endswith("näet poissaolojen osuuden ja kansallisen SKY-tason.")
    # Unauthorised absences give no national tier, so no school hours are asked for.
    assert [label for label, _, _ in tervaharju["unauthorised"]] == [
        "Poissaolotunnit laskentajaksolla"
    ]


def test_the_ladder_of_all_absences_comes_first(kalliola: Playbook) -> None:
    page = calculator_page(kalliola, "sv")
    assert [(ladder.id, ladder.name, ladder.default) for ladder in page.ladders] == [
        ("poissaolot", "All frånvaro", True),
        ("luvattomat", "Olovlig frånvaro", False),
        ("myohastymiset", "Förseningar", False),
    ]
    assert [field.id for field in page.ladders[0].fields] == [
        "sky-calc-poissaolot-amount",
        "sky-calc-poissaolot-amount-2",
        "sky-calc-poissaolot-school",
    ]


# --- what the reader typed -------------------------------------------------------------------


def test_every_problem_is_reported_in_the_order_of_the_form(kalliola: Playbook) -> None:
    assert read_inputs(kalliola, "poissaolot", {"amount": "", "amount_2": "abc"}) == (
        InputError("amount", "empty"),
        InputError("amount_2", "not_number"),
        # A field of the percent measure is filled in: its other field is needed too.
        InputError("school", "empty"),
        InputError("grades", "missing"),
    )
    assert read_inputs(
        kalliola, "poissaolot", {"amount": "50", "amount_2": "41", "school": "40"}, "grades_1_6"
    ) == (InputError("amount_2", "more_than_school"),)
    assert read_inputs(
        kalliola, "poissaolot", {"amount": "50", "amount_2": "4", "school": "0"}, "grades_1_6"
    ) == (InputError("school", "zero"),)
    # Without either field of the percent measure, the hours alone are enough.
    inputs = read_inputs(kalliola, "poissaolot", {"amount": "50", "school": " "}, "grades_7_9")
    assert isinstance(inputs, Inputs)
    assert inputs.amounts == {"amount": 5000, "amount_2": None, "school": None}
    # Only a ladder whose thresholds differ by grade level asks for the grade group.
    assert isinstance(read_inputs(kalliola, "luvattomat", {"amount": "5"}), Inputs)
    assert read_inputs(kalliola, "myohastymiset", {"amount": "2,5"}) == (
        InputError("amount", "not_whole"),
    )
    with pytest.raises(ValueError, match="no ladder 'unauthorised'"):
        read_inputs(_version_1("rantala"), "unauthorised", {"amount": "1"}, "grades_1_6")


def test_a_percent_ladder_needs_the_school_hours() -> None:
    fjardskar = _version_1("fjardskar")
    assert read_inputs(fjardskar, "all", {"amount": "12"}) == (InputError("school", "empty"),)


def test_messages_name_what_the_field_counts(kalliola: Playbook, strandvik: Playbook) -> None:
    forms = {form.ladder.id: form for form in ladder_forms(kalliola) + ladder_forms(strandvik)}
    assert [
        error_message(forms[ladder], InputError(key, code), language)
        for ladder, key, code, language in (
            ("poissaolot", "amount", "negative", "fi"),
            ("poissaolot", "amount_2", "more_than_school", "sv"),
            ("poissaolot", "school", "zero", "fi"),
            ("myohastymiset", "amount", "not_whole", "fi"),
            ("myohastymiset", "amount", "empty", "sv"),
            ("sjukfranvaro", "amount", "too_precise", "fi"),
            ("sjukfranvaro", "amount", "negative", "sv"),
            ("oforklarad", "amount", "not_whole", "fi"),
            ("poissaolot", "grades", "missing", "sv"),
        )
    ] == [
        "Poissaolotunnit eivät voi olla negatiivisia.",
        "Frånvarotimmarna kan inte vara fler än skoltimmarna.",
        "Koulutunteja pitää olla enemmän kuin 0.",
        "Kirjoita myöhästymiskerrat kokonaislukuna, esimerkiksi 3.",
        "Skriv antalet förseningar, till exempel 3.",
        "Kirjoita enintään kaksi desimaalia, esimerkiksi 2,5.",
        "Frånvarodagarna kan inte vara negativa.",
        "Kirjoita oppitunnit kokonaislukuna, esimerkiksi 12.",
        "Välj elevens årskurs.",
    ]


# --- stages ----------------------------------------------------------------------------------


def test_over_is_strict_and_a_plain_number_is_at_or_above(kalliola: Playbook) -> None:
    # yhteys: over 30; suunnitelma: 60 in grades 1-6, over 80 in grades 7-9.
    assert _stage(kalliola, "poissaolot", {"amount": "30"}, "grades_1_6") == (None, "yhteys")
    assert _stage(kalliola, "poissaolot", {"amount": "30,01"}, "grades_1_6") == (
        "yhteys",
        "suunnitelma",
    )
    assert _stage(kalliola, "poissaolot", {"amount": "59,99"}, "grades_1_6")[0] == "yhteys"
    assert _stage(kalliola, "poissaolot", {"amount": "60"}, "grades_1_6")[0] == "suunnitelma"
    assert _stage(kalliola, "poissaolot", {"amount": "80"}, "grades_7_9")[0] == "yhteys"
    assert _stage(kalliola, "poissaolot", {"amount": "80,01"}, "grades_7_9")[0] == "suunnitelma"


def test_zero_means_any_absence_and_a_range_may_start_before_it_has(kalliola: Playbook) -> None:
    assert _stage(kalliola, "luvattomat", {"amount": "0"}) == (None, "luvaton")
    assert _stage(kalliola, "luvattomat", {"amount": "0,01"}) == ("luvaton", "luvaton-toistuu")
    # luvaton-toistuu: from 10 to 15 hours.
    _, below = _result(kalliola, "luvattomat", {"amount": "9,99"})
    assert (below.may, below.gaps) == (
        False,
        (Gap("range", low=Missing(1, "hours"), high=Missing(501, "hours")),),
    )
    _, within = _result(kalliola, "luvattomat", {"amount": "10"})
    assert within.stage is not None and within.stage.id == "luvaton"
    assert (within.may, within.gaps) == (True, (Gap("at_most", high=Missing(500, "hours")),))
    assert _stage(kalliola, "luvattomat", {"amount": "14,99"})[0] == "luvaton"
    _, started = _result(kalliola, "luvattomat", {"amount": "15"})
    assert started.stage is not None and started.stage.id == "luvaton-toistuu"
    assert started.reached == (("hours", Bound("range", 1000, 1500)),)
    assert (started.next_stage, started.last) == (None, True)


def test_either_measure_reaches_a_stage_and_the_result_says_which(kalliola: Playbook) -> None:
    # suunnitelma: 60 hours a school year, or 10 % of a period.
    _, percent = _result(
        kalliola, "poissaolot", {"amount": "45", "amount_2": "10", "school": "100"}, "grades_1_6"
    )
    assert percent.stage is not None and percent.stage.id == "suunnitelma"
    assert percent.reached == (("percent", Bound("at", 1000)),)
    _, both = _result(
        kalliola, "poissaolot", {"amount": "60", "amount_2": "10", "school": "100"}, "grades_1_6"
    )
    assert both.reached == (("hours", Bound("at", 6000)), ("percent", Bound("at", 1000)))
    # 9,99 % does not reach it; without the school hours only the hours are evaluated.
    assert _stage(
        kalliola, "poissaolot", {"amount": "45", "amount_2": "9,99", "school": "100"}, "grades_1_6"
    ) == ("yhteys", "suunnitelma")
    _, hours_only = _result(kalliola, "poissaolot", {"amount": "45"}, "grades_1_6")
    assert (hours_only.skipped, hours_only.gaps) == (True, (Gap("at", Missing(1500, "hours")),))


def test_warning_signs_are_never_reached_by_a_number(kalliola: Playbook) -> None:
    for hours in ("0", "0,01", "30", "500"):
        _, result = _result(kalliola, "poissaolot", {"amount": hours}, "grades_1_6")
        assert result.stage is None or result.stage.id != "huoli"
    _, none = _result(kalliola, "poissaolot", {"amount": "1"}, "grades_1_6")
    assert [stage.id for stage in none.triggers] == ["huoli"]
    _, later = _result(kalliola, "poissaolot", {"amount": "31"}, "grades_1_6")
    assert later.triggers == ()
    # A stage after the numbered ones that starts on warning signs alone stays listed.
    _, last = _result(kalliola, "myohastymiset", {"amount": "9"})
    assert last.stage is not None and last.stage.id == "myohastely-jatkuu"
    assert (last.next_stage, last.last) == (None, False)
    assert [stage.id for stage in last.triggers] == ["myohastely-huoli"]


def test_late_arrivals_are_whole_counts(kalliola: Playbook) -> None:
    # myohastely-jatkuu: over 5,5 times, so the sixth late arrival reaches it.
    _, result = _result(kalliola, "myohastymiset", {"amount": "3"})
    assert result.gaps == (Gap("at", Missing(300, "times")),)
    assert _stage(kalliola, "myohastymiset", {"amount": "5"})[0] == "myohastely"
    assert _stage(kalliola, "myohastymiset", {"amount": "6"})[0] == "myohastely-jatkuu"


def test_version_1_ladders_still_stand_where_they_stood() -> None:
    rantala = _version_1("rantala")  # 0; 30/40; 50/60; 80/100; 110/130 hours
    assert _stage(rantala, "all", {"amount": "0"}, "grades_1_6") == (None, "huoli-puheeksi")
    assert _stage(rantala, "all", {"amount": "29,99"}, "grades_1_6") == (
        "huoli-puheeksi",
        "yhteys-kotiin",
    )
    assert _stage(rantala, "all", {"amount": "30"}, "grades_1_6")[0] == "yhteys-kotiin"
    assert _stage(rantala, "all", {"amount": "30"}, "grades_7_9")[0] == "huoli-puheeksi"
    assert _stage(rantala, "all", {"amount": "130"}, "grades_7_9") == ("verkosto", None)
    tervaharju = _version_1("tervaharju")
    assert _stage(tervaharju, "unauthorised", {"amount": "20"}) == ("luvaton-15", "luvaton-30")
    assert _stage(tervaharju, "all", {"amount": "20"}) == (None, "kaikki-50")


def test_percent_ladders_compare_exact_shares() -> None:
    fjardskar = _version_1("fjardskar")  # 0, 5, 10, 15, 21 %
    # 5 % of 333,33 hours is 16,6665 hours: 16,66 is below, 16,67 reaches it.
    _, below = _result(fjardskar, "all", {"amount": "16,66", "school": "333,33"})
    _, at = _result(fjardskar, "all", {"amount": "16,67", "school": "333,33"})
    assert below.stage is not None and below.stage.id == "ta-upp-oron"
    assert below.gaps == (Gap("at", Missing(1, "hours", points=1)),)
    assert at.stage is not None and at.stage.id == "tidig-varning"
    # 29 of 100 hours is exactly 29 % (29 / 100 * 100 in floating point is 28.999999999999996).
    _, result = _result(fjardskar, "all", {"amount": "29", "school": "100"})
    assert result.percent_tenths == 290
    assert result.stage is not None and result.stage.id == "samordnat-stod"
    assert result.tier == 3


# --- the national tier -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("absent", "tier"),
    [(0, None), (499, None), (500, 1), (999, 1), (1000, 2), (2000, 2), (2001, 3)],
)
def test_national_tiers_by_share_of_school_time(absent: int, tier: int | None) -> None:
    assert national_tier(absent, 10_000) == tier


def test_the_tier_counts_all_absences_only_and_needs_a_share(kalliola: Playbook) -> None:
    _, unauthorised = _result(_version_1("tervaharju"), "unauthorised", {"amount": "30"})
    assert (unauthorised.tier_known, unauthorised.share) == (False, None)
    _, without_school = _result(_version_1("tervaharju"), "all", {"amount": "30"})
    assert (without_school.tier_known, without_school.percent_tenths) == (False, None)
    _, with_school = _result(_version_1("tervaharju"), "all", {"amount": "30", "school": "200"})
    assert (with_school.tier_known, with_school.tier, with_school.percent_tenths) == (
        True,
        2,
        150,
    )
    # The share of a two-measure ladder is the one of its percent measure's period.
    _, period = _result(
        kalliola, "poissaolot", {"amount": "300", "amount_2": "4", "school": "100"}, "grades_1_6"
    )
    assert (period.share, period.tier) == ((400, 10_000), None)


# --- the words of the result ------------------------------------------------------------------


def test_finnish_words_of_an_over_threshold(kalliola: Playbook) -> None:
    assert _lines(kalliola, "poissaolot", {"amount": "30,01"}, "fi", "grades_7_9") == [
        "Kaikki poissaolot: 30,01 tuntia lukuvuoden aikana.",
        "Kunnan porras",
        "Porras nyt: 2. Yhteys kotiin",
        "Porras on alkanut rajasta yli 30 tuntia lukuvuoden aikana.",
        "Kunta on liittänyt tämän portaan SKY-mallin tasoon 1.",
        "Seuraava porras: 3. Suunnitelma",
        "Raja: yli 80 tuntia lukuvuoden aikana tai 10 % kouluajasta arviointijakson aikana.",
        "Seuraavaan portaaseen on matkaa yli 49,99 tuntia.",
        "Prosenttirajoja ei nyt arvioitu, koska koulutunteja ei ole kirjoitettu. Tulos perustuu "
        "muihin rajoihin.",
        "Kansallinen SKY-taso",
        "Kansallisen SKY-tason näet, kun kirjoitat myös koulutunnit.",
        "Ei tasoa: alle 5 %",
        "Taso 1: 5 % – alle 10 %",
        "Taso 2: 10–20 %",
        "Taso 3: yli 20 %",
    ]


def test_swedish_words_of_two_measures_and_a_tier(kalliola: Playbook) -> None:
    values = {"amount": "100", "amount_2": "21", "school": "100"}
    assert _lines(kalliola, "poissaolot", values, "sv", "grades_7_9") == [
        "All frånvaro: 100 timmar under läsåret, 21 timmar under bedömningsperioden.",
        "Frånvaron är 21 % av skoltimmarna under bedömningsperioden.",
        "Kommunens steg",
        "Steget nu: 4. Nätverket",
        "Steget har börjat vid gränsen över 20 % av skoltiden under bedömningsperioden.",
        "Kommunen har kopplat det här steget till nivå 3 i SKY-modellen.",
        "Det här är trappans sista steg.",
        "Nationell SKY-nivå",
        "Den nationella SKY-modellen: nivå 3 (över 20 % av skoltiden). Vad nivå 3 betyder",
        "Ingen nivå: under 5 %",
        "Nivå 1: 5 % – under 10 %",
        "Nivå 2: 10–20 %",
        "Nivå 3: över 20 % – frånvaron är här",
        "Kommunens steg och den nationella nivån räknas på olika sätt: steget utifrån kommunens "
        "egna gränser, nivån utifrån frånvarons andel av skoltiden. Vad som görs står i "
        "kommunens steg.",
    ]


def test_finnish_words_of_a_range_and_of_a_percent_distance(strandvik: Playbook) -> None:
    assert _lines(strandvik, "franvaro", {"amount": "12", "school": "300"}, "fi") == [
        "Kaikki poissaolot: 12 tuntia lukukaudessa.",
        "Poissaoloja on 4 % koulutunneista lukukaudessa.",
        "Kunnan porras",
        "Lukujen perusteella mikään porras ei ole vielä alkanut.",
        "Huolen voi ottaa puheeksi heti, jos poissaolot huolestuttavat.",
        "Seuraava porras: 1. Varhainen tuki",
        "Raja: 5–10 % kouluajasta lukukaudessa.",
        "Seuraavaan portaaseen on matkaa 1 prosenttiyksikkö eli noin 3 tuntia (henkilöstön "
        "harkinnan mukaan) tai viimeistään 6 prosenttiyksikköä eli noin 18 tuntia, jos "
        "koulutunnit pysyvät samoina.",
        "Kansallinen SKY-taso",
        "Kansallinen SKY-malli: poissaoloja on alle 5 % kouluajasta. Tason 1 ennaltaehkäisevä "
        "työ koskee kaikkia oppilaita.",
        "Ei tasoa: alle 5 % – poissaolot ovat tässä",
        "Taso 1: 5 % – alle 10 %",
        "Taso 2: 10–20 %",
        "Taso 3: yli 20 %",
        "Kunnan porras ja kansallinen taso lasketaan eri tavoin: porras kunnan omista rajoista, "
        "taso poissaolojen osuudesta kouluajasta. Mitä tehdään, kerrotaan kunnan portaalla.",
    ]


def test_words_of_late_arrivals_and_warning_signs(kalliola: Playbook) -> None:
    assert _lines(kalliola, "myohastymiset", {"amount": "0"}, "sv") == [
        "Förseningar: 0 gånger under de senaste 6 skolveckorna.",
        "Kommunens steg",
        "Utifrån siffrorna har inget steg börjat ännu.",
        "Du kan ta upp oron genast om förseningarna oroar dig.",
        "Nästa steg: 7. Förseningar",
        "Gräns: 3 gånger under de senaste 6 skolveckorna.",
        "Till nästa steg saknas 3 gånger.",
        "9. Orsakerna till förseningarna börjar vid varningstecken, inte vid en siffra: eleven "
        "går hem mitt under skoldagen, vaga förklaringar till frånvaron.",
        "Nationell SKY-nivå",
        "Nivån i SKY-modellen räknas på all frånvaro. Välj ”All frånvaro” så ser du den.",
    ]
    assert _lines(kalliola, "myohastymiset", {"amount": "5"}, "fi")[5:7] == [
        "Raja: yli 5,5 kertaa viimeisten 6 kouluviikon aikana tai varoitusmerkit.",
        "Seuraavaan portaaseen on matkaa 1 kerta.",
    ]


def test_a_stage_without_a_tier_says_none(strandvik: Playbook) -> None:
    lines = _lines(strandvik, "sjukfranvaro", {"amount": "6"}, "fi")
    assert lines[:4] == [
        "Toistuvat sairauspoissaolot: 6 koulupäivää lukuvuoden aikana.",
        "Kunnan porras",
        "Porras nyt: 3. Toistuva sairastelu",
        "Porras on alkanut rajasta 5 koulupäivää lukuvuoden aikana.",
    ]
    assert not any("None" in line or "tasoon" in line for line in lines)
    assert lines[-1] == (
        "Kansallinen SKY-taso lasketaan kaikista poissaoloista. Valitse ”Kaikki poissaolot”, "
        "niin näet sen."
    )


def test_the_first_absence_starts_the_first_stage() -> None:
    rantala = _version_1("rantala")
    assert _lines(rantala, "all", {"amount": "0"}, "sv", "grades_1_6")[4:] == [
        "Nästa steg: 1. Ta upp oron",
        "Gräns: från den första oroväckande frånvaron.",
        "Nästa steg börjar från den första oroväckande frånvaron.",
        "Nationell SKY-nivå",
        "Nivån i SKY-modellen ser du när du också fyller i skoltimmarna.",
        "Ingen nivå: under 5 %",
        "Nivå 1: 5 % – under 10 %",
        "Nivå 2: 10–20 %",
        "Nivå 3: över 20 %",
    ]
    assert _lines(rantala, "all", {"amount": "0,5"}, "fi", "grades_1_6")[2:4] == [
        "Porras nyt: 1. Huoli puheeksi",
        "Tämä porras alkaa ensimmäisestä huolestuttavasta poissaolosta.",
    ]


def test_without_a_ladder_of_all_absences_no_tier_is_promised(tmp_path: Path) -> None:
    text = (
        write_calculator_playbook(tmp_path, "strandvik")
        .read_text(encoding="utf-8")
        .replace("    counts: all\n", "    counts: worrying\n")
    )
    playbook = load_playbook(write_playbook(tmp_path, text, name="strandvik")).playbook
    assert _lines(playbook, "sjukfranvaro", {"amount": "1"}, "sv")[-1] == (
        "Nivån i SKY-modellen räknas på all frånvaro, så räknaren visar den inte för de här "
        "siffrorna."
    )


# --- the page's data and words -----------------------------------------------------------------


def test_the_script_gets_each_stage_in_whole_hundredths_with_its_words(kalliola: Playbook) -> None:
    ladders = {ladder["id"]: ladder for ladder in page_data(kalliola, "fi")["ladders"]}
    stages = {stage["id"]: stage for stage in ladders["poissaolot"]["stages"]}
    assert stages["suunnitelma"]["bounds"] == {
        "hours": {
            "grades_1_6": {"kind": "at", "low": 6000, "high": None},
            "grades_7_9": {"kind": "over", "low": 8000, "high": None},
        },
        "percent": {"kind": "at", "low": 1000, "high": None},
    }
    assert stages["suunnitelma"]["starts"] == {
        "grades_1_6": "60 tuntia lukuvuoden aikana tai 10 % kouluajasta arviointijakson aikana",
        "grades_7_9": "yli 80 tuntia lukuvuoden aikana tai 10 % kouluajasta arviointijakson aikana",
    }
    assert stages["verkosto"]["bounds"]["hours"] == {"kind": "range", "low": 10000, "high": 12000}
    assert stages["huoli"]["bounds"] == {}
    assert stages["huoli"]["triggers"] == [
        "yksikin huolestuttava poissaolo",
        "poissaoloja samana viikonpäivänä tai samalta oppitunnilta",
    ]
    assert stages["yhteys"]["steps"] == [
        {
            "actors": "Luokanopettaja tai luokanohjaaja tai kuraattori",
            "action": "Keskustele huoltajan kanssa.",
            "condition": "",
            "deadline": "samana päivänä",
        },
        {
            "actors": "Terveydenhoitaja",
            "action": "Kutsu oppilas terveystarkastukseen.",
            "condition": "jos syy liittyy terveyteen",
            "deadline": "5 koulupäivän kuluessa",
        },
    ]
    assert stages["verkosto"]["steps"][0]["actors"] == "Koulu"
    assert ladders["luvattomat"]["stages"][0]["skyTier"] is None
    assert [stage["number"] for stage in ladders["myohastymiset"]["stages"]] == [7, 8, 9]
    assert ladders["poissaolot"]["share"] == {
        "amount": "amount_2",
        "school": "school",
        "window": "arviointijakson aikana",
    }


def test_page_data_cannot_break_out_of_its_script_element(tmp_path: Path) -> None:
    text = vary(
        "title: {fi: Huoli puheeksi, sv: Ta upp oron}",
        'title: {fi: "</script><script>alert(1)</script> & <!--", sv: "Ta upp\\u2028oron"}',
    )
    playbook = load_playbook(write_playbook(tmp_path, text)).playbook
    data = page_data(playbook, "fi")
    encoded = script_json(data)
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    swedish = script_json(page_data(playbook, "sv"))
    assert "\u2028" not in swedish and "Ta upp\\u2028oron" in swedish
    stages = data["ladders"][0]["stages"]
    assert stages[0]["title"] == "</script><script>alert(1)</script> & <!--"
    assert stages[1]["bounds"] == {"hours": {"kind": "at", "low": 5000, "high": None}}


def test_the_page_explains_each_ladder_it_counts(kalliola: Playbook) -> None:
    markdown = render_page("calculator.md.j2", kalliola, "fi", calc=calculator_page(kalliola, "fi"))
    how = markdown[markdown.index("<summary>Näin laskuri laskee</summary>") :].splitlines()
    assert how[2:5] == [
        "- **Kaikki poissaolot:** poissaolotunnit lukuvuoden aikana; poissaolojen osuus "
        "kouluajasta arviointijakson aikana. 100 tuntia vastaa 10 % kouluajasta\\.",
        "- **Luvattomat poissaolot:** poissaolotunnit lukukaudessa.",
        "- **Myöhästymiset:** myöhästymiskerrat viimeisten 6 kouluviikon aikana.",
    ]
    assert '<label for="sky-calc-ladder-myohastymiset">Myöhästymiset</label>' in markdown
    assert '<div class="sky-calc__inputs" id="sky-calc-inputs-luvattomat" hidden>' in markdown


def test_statement_update_cannot_precede_the_assessment(tmp_path: Path) -> None:
    text = vary("assessed: 2026-09-01", "assessed: 2026-09-01\n  updated: 2026-08-01")
    with pytest.raises(PlaybookInvalid) as error:
        load_playbook(write_playbook(tmp_path, text))
    problems = [problem for problem in error.value.problems if problem.code != "older-format"]
    assert [problem.render() for problem in problems] == [
        f"{tmp_path / 'pikkula.yml'}:51:3: accessibility.updated: the statement is updated "
        "(2026-08-01) before it was assessed (2026-09-01); check both dates [date-order]"
    ]


# --- one answer: the share shown agrees with the stage and the tier beside it ------------------


def test_a_share_just_over_20_percent_is_shown_as_over_20(kalliola: Playbook) -> None:
    values = {"amount": "300", "amount_2": "20,01", "school": "100"}
    lines = _lines(kalliola, "poissaolot", values, "fi", "grades_7_9")
    # Rounded down to a tenth it would read 20 %, which is not "yli 20 %" (tier 3).
    assert lines[1] == "Poissaoloja on yli 20 % koulutunneista arviointijakson aikana."
    assert "Taso 3: yli 20 % – poissaolot ovat tässä" in lines
    swedish = _lines(kalliola, "poissaolot", values, "sv", "grades_7_9")
    assert swedish[1] == "Frånvaron är över 20 % av skoltimmarna under bedömningsperioden."


def test_a_share_is_shown_to_a_hundredth_where_a_tenth_would_fall_below_its_bound() -> None:
    # 49 of 400 hours is 12,25 %: a stage at 12,25 % is reached, so 12,2 % would contradict it.
    assert shown_percent(49, 400, ([1225], [])) == (1225, False)
    assert shown_percent(49, 400, ([1000], [])) == (1220, False)
    # 9,96 % stays under 10 % (tier 1 ends below 10 %), so 9,9 % is shown, not 10 %.
    assert shown_percent(996, 10_000, ([500, 1000, 2000], [2000])) == (990, False)
    assert shown_percent(20_001, 100_000, ([2000], [2000])) == (2000, True)
    assert shown_percent(2000, 10_000, ([2000], [2000])) == (2000, False)


def test_the_stage_tier_and_the_share_tier_are_never_left_to_contradict(
    kalliola: Playbook,
) -> None:
    values = {"amount": "31", "amount_2": "3", "school": "100"}
    lines = _lines(kalliola, "poissaolot", values, "fi", "grades_7_9")
    assert "Kunta on liittänyt tämän portaan SKY-mallin tasoon 1." in lines
    assert "Ei tasoa: alle 5 % – poissaolot ovat tässä" in lines
    assert (
        "Kunta on liittänyt tämän portaan SKY-tasoon 1, mutta poissaoloja on alle 5 % "
        "kouluajasta. Toimi kunnan portaan mukaan."
    ) in lines
    agreeing = _lines(kalliola, "poissaolot", {**values, "amount_2": "6"}, "fi", "grades_7_9")
    assert "Taso 1: 5 % – alle 10 % – poissaolot ovat tässä" in agreeing
    assert not any("mutta" in line for line in agreeing)


def test_the_national_bands_leave_no_share_between_them() -> None:
    # Every share from 0 to 100 % in hundredths of a percent is in one band, or under 5 %.
    for hundredths in range(0, 10_001):
        inside = [band.tier for band in TIER_BANDS if band.contains(hundredths, 10_000)]
        assert len(inside) == (0 if hundredths < 500 else 1), hundredths
