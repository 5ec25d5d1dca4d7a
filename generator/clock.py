"""The one place the toolkit reads the calendar and the wall clock.

Date rules (an accessibility statement "in the future", a starter's next school year) and the
link cache's age compare with "now". Reading it here, and nowhere else, lets a check be
reproduced on another day and lets tests run on any date: ``SKY_TODAY=2026-11-26`` fixes the
date, and the wall-clock time with it (midnight UTC of that day).
"""

from __future__ import annotations

import datetime as dt
import os
import time

TODAY_VARIABLE = "SKY_TODAY"


class ClockError(ValueError):
    """``SKY_TODAY`` is set but is not a date like 2026-11-26."""


def today() -> dt.date:
    """The date that date rules compare with: ``SKY_TODAY`` if set, else the real date."""
    fixed = _fixed_date()
    return fixed if fixed is not None else dt.date.today()


def now() -> float:
    """Seconds since the epoch: midnight UTC of ``SKY_TODAY`` if set, else the real time."""
    fixed = _fixed_date()
    if fixed is None:
        return time.time()
    return dt.datetime(fixed.year, fixed.month, fixed.day, tzinfo=dt.UTC).timestamp()


def _fixed_date() -> dt.date | None:
    written = os.environ.get(TODAY_VARIABLE, "").strip()
    if not written:
        return None
    try:
        return dt.date.fromisoformat(written)
    except ValueError:
        raise ClockError(
            f"{TODAY_VARIABLE}={written!r} is not a date; write it like 2026-11-26"
        ) from None
