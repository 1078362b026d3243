"""Colombian working days: Monday to Friday, public holidays excluded.

The holidays come from the maintained ``holidays`` package, which knows the
Ley Emiliani *puentes* (a holiday moved to the next Monday) and the Easter-based
ones, so nothing here is a hand-kept list that goes stale.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays

COUNTRY = "CO"


@lru_cache(maxsize=64)
def _year(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays(COUNTRY, years=year, language="es"))


def holiday_name(day: date) -> str | None:
    """The Spanish name of the Colombian public holiday on ``day``, or None.

    A holiday moved to Monday (Ley Emiliani) is named without the package's
    "(observado)": the person sees the day it is observed on anyway.
    """
    name = _year(day.year).get(day)
    return re.sub(r"\s*\([^)]*\)", "", name).strip() if name else None


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def add_working_days(day: date, days: int) -> date:
    """``day`` moved by ``days`` working days (negative: backwards); ``day`` itself not counted."""
    step = 1 if days >= 0 else -1
    left = abs(days)
    while left:
        day += timedelta(days=step)
        if is_working_day(day):
            left -= 1
    return day


def next_working_day(day: date) -> date:
    """The first working day after ``day``."""
    return add_working_days(day, 1)
