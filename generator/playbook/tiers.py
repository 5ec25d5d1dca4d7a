"""The three tiers of the national SKY model: the one definition of their bands.

A tier is a share of school time: tier 1 from 5 % to under 10 %, tier 2 from 10 % to 20 %
inclusive, tier 3 over 20 %; under 5 % no tier applies (tier 1's prevention is for every pupil
anyway). How the share is counted is each municipality's decision, not part of the bands.

Every comparison is made on whole numbers, so that no share falls between two bands (9.5 % is
tier 1, 20.01 % tier 3): percentages in hundredths of a percent, hours in hundredths of an hour.
The calculator's script receives these bands as data (:func:`bands_data`) and compares in the
same way; the checker, the pages and the printouts take their numbers and words from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from generator.messages import Msg, msg

HUNDREDTHS_PER_PERCENT: Final = 100
WHOLE: Final = 100 * HUNDREDTHS_PER_PERCENT  # 100 % in hundredths of a percent


@dataclass(frozen=True)
class TierBand:
    """Shares from ``lower`` up to ``upper`` (hundredths of a percent; ``None``: no end)."""

    tier: int
    lower: int
    lower_included: bool
    upper: int | None
    upper_included: bool

    def contains(self, part: int, whole: int) -> bool:
        """Whether ``part`` out of ``whole`` (any one unit, e.g. hundredths of an hour) is in."""
        share = part * WHOLE  # compared with bound * whole: no division, no rounding
        above = share >= self.lower * whole if self.lower_included else share > self.lower * whole
        if self.upper is None:
            return above
        below = share <= self.upper * whole if self.upper_included else share < self.upper * whole
        return above and below

    def words_message(self) -> Msg:
        """The band in words: '5 % – alle 10 %', '10–20 %', 'yli 20 %' (a message, so that a
        problem can show it in the author's language)."""
        if self.upper is None:
            return msg("part.tier-band.over", lower=_percent(self.lower))
        key = "closed" if self.upper_included else "below"
        return msg(f"part.tier-band.{key}", lower=_percent(self.lower), upper=_percent(self.upper))

    def words(self, language: str) -> str:
        return self.words_message().render(language)


TIER_BANDS: Final[tuple[TierBand, ...]] = (
    TierBand(1, lower=500, lower_included=True, upper=1000, upper_included=False),
    TierBand(2, lower=1000, lower_included=True, upper=2000, upper_included=True),
    TierBand(3, lower=2000, lower_included=False, upper=None, upper_included=False),
)


def band(tier: int) -> TierBand:
    for candidate in TIER_BANDS:
        if candidate.tier == tier:
            return candidate
    raise KeyError(f"no SKY tier {tier}")


def national_tier(part: int, whole: int) -> int | None:
    """The SKY tier of ``part`` out of ``whole``, or None under 5 % (or with no whole)."""
    if whole <= 0:
        return None
    for candidate in TIER_BANDS:
        if candidate.contains(part, whole):
            return candidate.tier
    return None


def tier_of_percent(percent: float) -> int | None:
    """The SKY tier of a percentage written in a playbook (at most two decimals)."""
    return national_tier(round(percent * HUNDREDTHS_PER_PERCENT), WHOLE)


def bands_data(language: str) -> list[dict[str, object]]:
    """The bands for the calculator's script, with their words in ``language``."""
    return [
        {
            "tier": candidate.tier,
            "lower": candidate.lower,
            "lowerIncluded": candidate.lower_included,
            "upper": candidate.upper,
            "upperIncluded": candidate.upper_included,
            "words": candidate.words(language),
        }
        for candidate in TIER_BANDS
    ]


def _percent(hundredths: int) -> str:
    whole, rest = divmod(hundredths, HUNDREDTHS_PER_PERCENT)
    return f"{whole},{rest:02d}".rstrip("0").rstrip(",") if rest else str(whole)
