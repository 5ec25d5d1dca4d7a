"""Format 2's rules: each one's exact message in English, Finnish and Swedish, where it points,
and what a version-1 file becomes when it is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, TESTS, vary, write_playbook
from generator.playbook.loader import PlaybookInvalid, load_playbook
from generator.playbook.model import Limit, Playbook
from generator.problems import Problem

FORMAT_2 = (FIXTURES / "pikkula2.yml").read_text(encoding="utf-8")
V1_EXAMPLES = TESTS / "corpus" / "v1"


def _load(folder: Path, text: str) -> tuple[Playbook | None, list[Problem]]:
    try:
        loaded = load_playbook(write_playbook(folder, text))
    except PlaybookInvalid as invalid:
        return None, invalid.problems
    return loaded.playbook, list(loaded.warnings)


def _shown(problems: list[Problem], code: str) -> dict[str, str]:
    found = [problem for problem in problems if problem.code == code]
    assert len(found) == 1, [problem.render() for problem in problems]
    problem = found[0]
    shown = {"en": problem.render(), "fi": problem.render("fi"), "sv": problem.render("sv")}
    return {language: text.split("pikkula.yml:", 1)[1] for language, text in shown.items()}


def test_the_format_2_fixture_is_valid_and_says_everything_it_holds(tmp_path: Path) -> None:
    playbook, warnings = _load(tmp_path, FORMAT_2)
    assert playbook is not None
    assert warnings == []
    network = playbook.stages[1]
    assert network.threshold is not None
    assert network.threshold.measures == {"hours": Limit(over=200), "percent": Limit(over=20)}
    assert network.steps[0].actors == ("principal", "school_social_worker")
    assert playbook.stages[2].steps[0].actors == ()
    assert playbook.ladder_of(playbook.stages[2]).counts == "lateness"


def test_a_stage_of_a_playbook_with_several_ladders_names_its_ladder(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, vary("    ladder: myohastymiset\n", "", FORMAT_2))
    assert _shown(problems, "ladder-missing") == {
        "en": "70:5: stages[3]: the playbook has several ladders (poissaolot, myohastymiset); "
        "write which one this stage belongs to, e.g. 'ladder: poissaolot, myohastymiset' "
        "[ladder-missing]",
        "fi": "70:5: stages[3]: pelisäännöissä on useita portaikkoja (poissaolot, "
        "myohastymiset); kirjoita, mihin niistä tämä porras kuuluu, esim. 'ladder: "
        "poissaolot, myohastymiset' [ladder-missing]",
        "sv": "70:5: stages[3]: spelreglerna har flera trappor (poissaolot, myohastymiset); "
        "skriv vilken av dem steget hör till, t.ex. 'ladder: poissaolot, myohastymiset' "
        "[ladder-missing]",
    }


def test_an_unknown_ladder_is_named_with_the_ladders_there_are(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, vary("ladder: myohastymiset", "ladder: myohastyminen", FORMAT_2))
    assert _shown(problems, "unknown-ladder")["fi"] == (
        "72:5: stages[3].ladder: portaikkoa 'myohastyminen' ei ole; kohdan 'ladders:' "
        "portaikot ovat: poissaolot, myohastymiset [unknown-ladder]"
    )


def test_lateness_is_counted_in_times(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, vary("      - unit: times\n", "      - unit: hours\n", FORMAT_2))
    shown = _shown(problems, "ladder-unit")
    assert shown["en"] == (
        "27:5: ladders[2].measures: a ladder of late arrivals counts times: write 'unit: times' "
        "[ladder-unit]"
    )
    assert shown["sv"].endswith(
        "en trappa för förseningar räknar gånger: skriv 'unit: times' [ladder-unit]"
    )


def test_a_threshold_in_a_unit_the_ladder_does_not_measure(tmp_path: Path) -> None:
    _, problems = _load(tmp_path, vary("      times: {from: 5, to: 8}", "      days: 5", FORMAT_2))
    assert _shown(problems, "unit-mismatch")["en"] == (
        "74:7: stages[3].threshold.days: this threshold is in 'days:', but the ladder "
        "'myohastymiset' measures times:; write one of those here or add the measure to the "
        "ladder [unit-mismatch]"
    )


def test_over_after_at_the_same_number_rises_but_at_after_over_does_not(tmp_path: Path) -> None:
    rising = vary(
        "    triggers: [single_worrying_absence]\n", "    threshold: {hours: 200}\n", FORMAT_2
    )
    playbook, _ = _load(tmp_path, rising)
    assert playbook is not None  # 200, then over 200
    falling = vary(
        "    triggers: [single_worrying_absence]\n",
        "    threshold: {hours: {over: 200}}\n",
        vary("hours: {over: 200}", "hours: 200", FORMAT_2),
    )
    _, problems = _load(tmp_path, falling)
    shown = _shown(problems, "threshold-order")
    assert shown["en"] == (
        "59:7: stages[2].threshold.hours: the threshold 200 is not above the previous stage's "
        "over 200 (stages[1], ladder 'poissaolot'); thresholds must rise along a ladder "
        "[threshold-order]"
    )
    assert "raja 200 ei ole suurempi kuin edellisen portaan raja yli 200" in shown["fi"]
    assert "gränsen 200 är inte högre än föregående stegs över 200" in shown["sv"]


def test_a_percent_tier_names_both_numbers_and_over_twenty_is_tier_three(tmp_path: Path) -> None:
    playbook, _ = _load(tmp_path, FORMAT_2)
    assert playbook is not None  # over 20 % is tier 3
    _, problems = _load(tmp_path, vary("percent: {over: 20}", "percent: 20", FORMAT_2))
    assert _shown(problems, "tier-band") == {
        "en": "57:5: stages[2].sky_tier: 20 % is SKY tier 2 (10 % to 20 %), but sky_tier says 3: "
        "write sky_tier: 2, or change the threshold [tier-band]",
        "fi": "57:5: stages[2].sky_tier: 20 % on SKY-mallin taso 2 (10–20 %), mutta sky_tier "
        "on 3: kirjoita sky_tier: 2 tai muuta rajaa [tier-band]",
        "sv": "57:5: stages[2].sky_tier: 20 % är nivå 2 i SKY-modellen (10–20 %), men sky_tier "
        "är 3: skriv sky_tier: 2 eller ändra gränsen [tier-band]",
    }


def test_no_tier_three_is_a_warning_not_an_error(tmp_path: Path) -> None:
    playbook, problems = _load(tmp_path, vary("    sky_tier: 3\n", "", FORMAT_2))
    assert playbook is not None
    assert _shown(problems, "tier-3-missing")["en"].endswith(
        "warning: stages: no stage is marked sky_tier: 3 (coordinated, multi-professional "
        "support); if a stage of yours is that, mark it [tier-3-missing]"
    )


def test_a_measure_without_a_window_is_a_warning(tmp_path: Path) -> None:
    playbook, problems = _load(tmp_path, vary("        per: term\n", "", FORMAT_2))
    assert playbook is not None
    assert _shown(problems, "window-missing")["fi"] == (
        "20:9: varoitus: ladders[1].measures[1]: kerro, miltä jaksolta poissaolot (hours) "
        "lasketaan: 'per: term', 'per: school_year', 'per: rolling_weeks' (ja 'weeks:') tai "
        "'per: period'; lukijat näkevät jakson jokaisen rajan vieressä [window-missing]"
    )


def test_a_stage_without_texts_for_guardians_is_a_warning(tmp_path: Path) -> None:
    text = vary(
        "    for_guardians: {fi: Opettaja soittaa sinulle., sv: Läraren ringer dig.}\n",
        "",
        FORMAT_2,
    )
    playbook, problems = _load(tmp_path, text)
    assert playbook is not None
    assert _shown(problems, "guardian-text-missing")["sv"] == (
        "50:9: varning: stages[1].steps[1]: 1 av stegets 1 åtgärder saknar text för "
        "vårdnadshavare ('for_guardians:'), och steget saknar också en; vårdnadshavarnas sida "
        "och broschyr säger då bara vilka som deltar [guardian-text-missing]"
    )


def test_unknown_forms_and_legal_bases_are_named(tmp_path: Path) -> None:
    text = vary(
        "form: loma",
        "form: lomaa",
        vary("pupil_and_student_welfare_act_19", "pupil_welfare_act_19", FORMAT_2),
    )
    _, problems = _load(tmp_path, text)
    assert _shown(problems, "unknown-form")["en"] == (
        "35:65: guardians.leave[2].form: there is no form 'lomaa' under 'forms:'; did you mean "
        "'loma'? [unknown-form]"
    )
    assert _shown(problems, "unknown-legal-basis")["fi"] == (
        "63:19: stages[2].legal_basis[1]: tuntematon säännös 'pupil_welfare_act_19'; "
        "tarkoititko 'pupil_and_student_welfare_act_19'? [unknown-legal-basis]"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "{from: 5, to: 8}",
            "{from: 8, to: 5}",
            "the range must rise: 'to: 5' is not above 'from: 8'",
        ),
        (
            "{from: 5, to: 8}",
            "{over: 5, at: 6}",
            "write one of 'over: 30', 'at: 30' or 'from: 25' with 'to: 30'",
        ),
        (
            "        weeks: 6\n",
            "",
            "write 'weeks:' exactly when 'per: rolling_weeks' (for example 'weeks: 12')",
        ),
        (
            "        deadline: same_day\n",
            "        deadline: same_day\n        within_school_days: 1\n",
            "write 'within_school_days:' or 'deadline:', not both",
        ),
        (
            "      - roles: [principal, school_social_worker]\n",
            "      - roles: [principal, school_social_worker]\n        role: principal\n",
            "write 'role:' for one actor or 'roles:' for several, not both",
        ),
        (
            "    triggers: [single_worrying_absence]\n",
            "",
            "write when the stage starts: 'threshold:', 'triggers:' or both",
        ),
        (
            "percent: {over: 20}",
            "percent: {over: 120}",
            "120 % is more than the whole school time; a share is at most 100 %",
        ),
    ],
)
def test_shapes_that_cannot_be_are_refused_with_what_to_write(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    _, problems = _load(tmp_path, vary(old, new, FORMAT_2))
    assert any(expected in problem.render() for problem in problems), [
        problem.render() for problem in problems
    ]
    for problem in problems:
        for language in ("fi", "sv"):
            assert problem.render(language) != problem.render()


def test_the_comma_trap_says_what_happened_and_what_to_write(tmp_path: Path) -> None:
    text = vary(
        "action: {fi: Soita kotiin., sv: Ring hem.}",
        "action: {fi: Soita kotiin, vaikka syy olisi tiedossa., sv: Ring hem.}",
        FORMAT_2,
    )
    _, problems = _load(tmp_path, text)
    shown = _shown(problems, "unknown-key")
    assert shown["en"] == (
        "52:36: stages[1].steps[1].action.vaikka syy olisi tiedossa.: a comma ended the text: in "
        "'{fi: ..., sv: ...}' a comma ends a text, so 'vaikka syy olisi tiedossa.' became a key "
        'of its own. Put the text in quotes (fi: "text, with commas") or write it in block '
        "form: 'fi: >-' and the text on the next lines, indented [unknown-key]"
    )
    assert "pilkku katkaisi tekstin" in shown["fi"]
    assert "ett kommatecken avbröt texten" in shown["sv"]


@pytest.mark.parametrize("name", ["rantala", "tervaharju", "fjardskar"])
def test_a_version_1_file_reads_as_version_2_with_one_notice(tmp_path: Path, name: str) -> None:
    source = V1_EXAMPLES / f"{name}.yml"
    text = source.read_text(encoding="utf-8")
    for logo in (V1_EXAMPLES / "logos").glob("*"):
        (tmp_path / "logos").mkdir(exist_ok=True)
        (tmp_path / "logos" / logo.name).write_bytes(logo.read_bytes())
    loaded = load_playbook(write_playbook(tmp_path, text, name))
    codes = [problem.code for problem in loaded.warnings]
    assert codes[0] == "older-format"
    assert "window-missing" not in codes and "guardian-text-missing" not in codes
    assert (
        loaded.warnings[0]
        .render()
        .endswith(
            f"run 'sky migrate {tmp_path / name}.yml' to move it, keeping your comments [older-format]"
        )
    )
    playbook = loaded.playbook
    assert playbook.schema_version == 2
    # Every stage keeps its threshold, in the one unit the version-1 file used.
    unit = "percent" if name == "fjardskar" else "hours"
    assert all(ladder.measures[0].unit == unit for ladder in playbook.ladders)
    assert all(
        stage.threshold is not None and list(stage.threshold.measures) == [unit]
        for stage in playbook.stages
    )
    kinds = [ladder.counts for ladder in playbook.ladders]
    assert kinds == (["unauthorised", "all"] if name == "tervaharju" else ["all"])
