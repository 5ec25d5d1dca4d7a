"""The national tier bands: one definition, used by the checker, the calculator and the pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, vary, write_playbook
from generator.plan.calculator_page import page_data
from generator.playbook.ladder_rules import by_group, start
from generator.playbook.loader import PlaybookInvalid, load_playbook
from generator.playbook.tiers import TIER_BANDS, national_tier, tier_of_percent

_PERCENT_LADDER = vary("  unit: hours\n", "  unit: percent\n").replace(
    "threshold: {hours: 0}", "threshold: {percent: 0}"
)


@pytest.mark.parametrize(
    ("percent", "tier"),
    [(0, None), (4.99, None), (5, 1), (9.5, 1), (9.99, 1), (10, 2), (20, 2), (20.01, 3), (100, 3)],
)
def test_every_share_from_5_percent_falls_in_exactly_one_band(
    percent: float, tier: int | None
) -> None:
    assert tier_of_percent(percent) == tier
    assert sum(band.contains(round(percent * 100), 10_000) for band in TIER_BANDS) == (
        0 if tier is None else 1
    )


def test_hours_are_compared_without_rounding() -> None:
    # 40 of 200 hours is exactly 20 %; 40.01 of 200 is just over it.
    assert (national_tier(4000, 20000), national_tier(4001, 20000)) == (2, 3)
    # 19 of 200 hours is 9.5 %: tier 1, not a gap between 9 % and 10 %.
    assert national_tier(1900, 20000) == 1


def test_the_bands_in_words() -> None:
    assert [band.words("fi") for band in TIER_BANDS] == ["5 % – alle 10 %", "10–20 %", "yli 20 %"]
    assert [band.words("sv") for band in TIER_BANDS] == [
        "5 % – under 10 %",
        "10–20 %",
        "över 20 %",
    ]


def test_a_tier_that_disagrees_with_its_percentage_is_an_error_naming_both(
    tmp_path: Path,
) -> None:
    text = _PERCENT_LADDER.replace("threshold: {hours: 50}", "threshold: {percent: 20}")
    with pytest.raises(PlaybookInvalid) as caught:
        load_playbook(write_playbook(tmp_path, text))
    [problem] = [p for p in caught.value.problems if p.code == "tier-band"]
    assert problem.field == "stages[2].sky_tier"  # counted from 1, as authors count
    assert problem.message_in("en") == (
        "20 % is SKY tier 2 (10 % to 20 %), but sky_tier says 3: write sky_tier: 2, "
        "or change the threshold"
    )
    assert problem.message_in("fi") == (
        "20 % on SKY-mallin taso 2 (10–20 %), mutta sky_tier on 3: kirjoita sky_tier: 2 "
        "tai muuta rajaa"
    )
    assert problem.message_in("sv") == (
        "20 % är nivå 2 i SKY-modellen (10–20 %), men sky_tier är 3: skriv sky_tier: 2 "
        "eller ändra gränsen"
    )


def test_a_tier_that_matches_its_percentage_passes(tmp_path: Path) -> None:
    text = _PERCENT_LADDER.replace("threshold: {hours: 50}", "threshold: {percent: 20.5}")
    load_playbook(write_playbook(tmp_path, text))


def test_every_shipped_example_agrees_with_the_bands() -> None:
    checked = 0
    for path in sorted((REPO / "playbooks").glob("*.yml")):
        playbook = load_playbook(path).playbook
        for stage in playbook.stages:
            ladder = playbook.ladder_of(stage)
            if stage.threshold is None or stage.threshold.percent is None or ladder.counts != "all":
                continue
            for amount in by_group(stage.threshold.percent).values():
                number, only_above = start(amount)
                implied = tier_of_percent(number + 0.01 if only_above else number)
                assert implied in (None, stage.sky_tier), (path.name, stage.id)
                checked += 1
    assert checked >= 3  # the examples do have percent stages to check


def test_the_calculator_page_hands_its_script_the_bands() -> None:
    playbook = load_playbook(REPO / "playbooks" / "fjardskar.yml").playbook
    data = page_data(playbook, "sv")
    assert data["tiers"] == [
        {
            "tier": 1,
            "lower": 500,
            "lowerIncluded": True,
            "upper": 1000,
            "upperIncluded": False,
            "words": "5 % – under 10 %",
        },
        {
            "tier": 2,
            "lower": 1000,
            "lowerIncluded": True,
            "upper": 2000,
            "upperIncluded": True,
            "words": "10–20 %",
        },
        {
            "tier": 3,
            "lower": 2000,
            "lowerIncluded": False,
            "upper": None,
            "upperIncluded": False,
            "words": "över 20 %",
        },
    ]
    assert not any(key.startswith("tier_band") for key in data["text"])
