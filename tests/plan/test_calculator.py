"""The calculator's rules in Python: reading what a reader types, stages, distances, tiers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, vary, write_playbook
from generator.plan.calculator import AbsenceKind, GradeGroup
from generator.plan.calculator_page import page_data, script_json
from generator.playbook.loader import PlaybookInvalid, load_playbook
from generator.playbook.model import Playbook
from support.reference_calculator import (
    InputError,
    Inputs,
    calculate,
    national_tier,
    parse_hours,
    read_inputs,
)


def _example(slug: str) -> Playbook:
    return load_playbook(REPO / "playbooks" / f"{slug}.yml").playbook


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 1200),
        ("12,5", 1250),
        ("12.5", 1250),
        ("0,25", 25),
        ("  7 ", 700),
        ("\u00a08\u202f", 800),
        ("1 140", 114000),
        ("007", 700),
        ("10000", 1_000_000),
        ("", "empty"),
        ("   ", "empty"),
        ("-3", "negative"),
        ("\u22123,5", "negative"),
        ("abc", "not_number"),
        ("12,", "not_number"),
        (",5", "not_number"),
        ("1,2,3", "not_number"),
        ("1e3", "not_number"),
        ("12 5", "not_number"),
        ("\u0663", "not_number"),  # an Arabic-Indic digit: only 0-9 are read
        ("12,345", "too_precise"),
        ("10000,01", "too_large"),
        ("99999999999999999999", "too_large"),
    ],
)
def test_hours_are_read_as_finns_write_them(text: str, expected: int | str) -> None:
    assert parse_hours(text) == expected


def test_every_problem_is_reported_in_the_order_of_the_form() -> None:
    rantala = _example("rantala")  # hours, thresholds split by grade level
    assert read_inputs(rantala, "", "abc", None, "all") == (
        InputError("absent", "empty"),
        InputError("school", "not_number"),
        InputError("grades", "missing"),
    )
    assert read_inputs(rantala, "50", "40", "grades_1_6", "all") == (
        InputError("absent", "more_than_school"),
    )
    assert read_inputs(rantala, "50", "0", "grades_1_6", "all") == (InputError("school", "zero"),)
    # On an hours ladder the school hours are optional.
    assert read_inputs(rantala, "50", " ", "grades_7_9", "all") == Inputs(
        5000, None, "grades_7_9", "all"
    )


def test_a_percent_ladder_needs_the_school_hours() -> None:
    fjardskar = _example("fjardskar")
    assert read_inputs(fjardskar, "12", "", None, "all") == (InputError("school", "empty"),)


def _stage_ids(
    playbook: Playbook,
    absent: str,
    school: str = "",
    grades: GradeGroup | None = None,
    kind: AbsenceKind = "all",
) -> tuple[str | None, str | None, int | None]:
    inputs = read_inputs(playbook, absent, school, grades, kind)
    assert isinstance(inputs, Inputs), inputs
    result = calculate(playbook, inputs)
    return (
        result.stage.id if result.stage else None,
        result.next_stage.id if result.next_stage else None,
        result.distance_hours,
    )


def test_a_stage_is_reached_at_its_threshold_and_zero_means_any_absence() -> None:
    rantala = _example("rantala")  # 0; 30/40; 50/60; 80/100; 110/130 hours
    assert _stage_ids(rantala, "0", grades="grades_1_6") == (None, "huoli-puheeksi", 0)
    assert _stage_ids(rantala, "0,01", grades="grades_1_6") == (
        "huoli-puheeksi",
        "yhteys-kotiin",
        2999,
    )
    assert _stage_ids(rantala, "29,99", grades="grades_1_6") == (
        "huoli-puheeksi",
        "yhteys-kotiin",
        1,
    )
    assert _stage_ids(rantala, "30", grades="grades_1_6") == (
        "yhteys-kotiin",
        "toimintasuunnitelma",
        2000,
    )
    assert _stage_ids(rantala, "30", grades="grades_7_9") == (
        "huoli-puheeksi",
        "yhteys-kotiin",
        1000,
    )
    assert _stage_ids(rantala, "130", grades="grades_7_9") == ("verkosto", None, None)


def test_the_unauthorised_ladder_is_separate() -> None:
    tervaharju = _example("tervaharju")
    assert _stage_ids(tervaharju, "20", kind="unauthorised") == (
        "luvaton-15",
        "luvaton-30",
        1000,
    )
    assert _stage_ids(tervaharju, "20", kind="all") == (None, "kaikki-50", 3000)
    with pytest.raises(ValueError, match="no ladder for unauthorised"):
        read_inputs(_example("rantala"), "1", "", "grades_1_6", "unauthorised")


def test_percent_ladders_compare_exact_shares() -> None:
    fjardskar = _example("fjardskar")  # 0, 5, 10, 15, 21 %
    # 5 % of 333,33 hours is 16,6665 hours: 16,66 is below, 16,67 reaches it.
    below = calculate(fjardskar, read_inputs(fjardskar, "16,66", "333,33", None, "all"))  # type: ignore[arg-type]
    at = calculate(fjardskar, read_inputs(fjardskar, "16,67", "333,33", None, "all"))  # type: ignore[arg-type]
    assert below.stage is not None and below.stage.id == "ta-upp-oron"
    assert (below.distance_points, below.distance_hours) == (1, 1)
    assert at.stage is not None and at.stage.id == "tidig-varning"
    # 29 of 100 hours is exactly 29 % (29 / 100 * 100 in floating point is 28.999999999999996).
    result = calculate(fjardskar, read_inputs(fjardskar, "29", "100", None, "all"))  # type: ignore[arg-type]
    assert result.percent_tenths == 290
    assert result.stage is not None and result.stage.id == "samordnat-stod"
    assert result.tier == 3


@pytest.mark.parametrize(
    ("absent", "tier"),
    [(0, None), (499, None), (500, 1), (999, 1), (1000, 2), (2000, 2), (2001, 3)],
)
def test_national_tiers_by_share_of_school_time(absent: int, tier: int | None) -> None:
    assert national_tier(absent, 10_000) == tier


def test_the_tier_counts_all_absences_only_and_needs_school_hours() -> None:
    tervaharju = _example("tervaharju")
    unauthorised = calculate(
        tervaharju,
        read_inputs(tervaharju, "30", "100", None, "unauthorised"),  # type: ignore[arg-type]
    )
    assert (unauthorised.tier_known, unauthorised.tier, unauthorised.percent_tenths) == (
        False,
        None,
        300,
    )
    without_school = calculate(tervaharju, read_inputs(tervaharju, "30", "", None, "all"))  # type: ignore[arg-type]
    assert (without_school.tier_known, without_school.percent_tenths) == (False, None)


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
    assert data["stages"][0]["title"] == "</script><script>alert(1)</script> & <!--"
    assert data["stages"][1]["limit"] == 5000


def test_statement_update_cannot_precede_the_assessment(tmp_path: Path) -> None:
    text = vary("assessed: 2026-09-01", "assessed: 2026-09-01\n  updated: 2026-08-01")
    with pytest.raises(PlaybookInvalid) as error:
        load_playbook(write_playbook(tmp_path, text))
    assert [problem.render() for problem in error.value.problems] == [
        f"{tmp_path / 'pikkula.yml'}:51:3: accessibility.updated: the statement is updated "
        "(2026-08-01) before it was assessed (2026-09-01); check both dates [date-order]"
    ]
