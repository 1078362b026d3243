"""Calendar arithmetic that refuses, in Spanish, what does not exist or is out of reach."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from bot.dates.models import MAX_YEAR, MIN_YEAR, DateError, Prefer
from bot.dates.words import weekday_number
from bot.texts import dates as texts
from bot.texts.dates import MONTHS, WEEKDAYS


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamped to the month's last day (31 ene + 1 = 28 feb).

    Raises :class:`DateError` when the result falls outside the supported years.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(texts.TOO_FAR)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_days(d: date, days: int) -> date:
    try:
        result = d + timedelta(days=days)
    except OverflowError:
        raise DateError(texts.TOO_FAR) from None
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise DateError(texts.TOO_FAR)
    return result


def other(prefer: Prefer) -> Prefer:
    return "past" if prefer == "future" else "future"


def later(candidate: date, today: date, prefer: Prefer) -> bool:
    """True when ``candidate`` lies on the ``prefer`` side of ``today`` (today included)."""
    return candidate >= today if prefer == "future" else candidate <= today


def make_date(year: int, month: int, day: int) -> date:
    last = calendar.monthrange(year, month)[1]
    if day > last:
        raise DateError(texts.NO_SUCH_DAY_IN_YEAR.format(
            month=MONTHS[month - 1].capitalize(), year=year, last=last, day=day))
    return date(year, month, day)


def check_weekday(result: date, weekday: str | None) -> date:
    if weekday is not None and weekday_number(weekday) != result.weekday():
        raise DateError(texts.WRONG_WEEKDAY.format(
            day=result.day, month=MONTHS[result.month - 1], year=result.year,
            actual=WEEKDAYS[result.weekday()], written=WEEKDAYS[weekday_number(weekday)]))
    return result


def first_on_weekday(candidates: list[Callable[[], date]], weekday: str) -> date:
    """The first candidate that falls on ``weekday``; else explain the mismatch."""
    first = candidates[0]()
    for make in candidates:
        candidate = make()
        if candidate.weekday() == weekday_number(weekday):
            return candidate
    return check_weekday(first, weekday)


def calendar_date(day: int, month: int, year: int | None, today: date, prefer: Prefer,
                  written: str, weekday: str | None) -> date:
    """Day ``day`` of ``month``: in ``year``, else the nearest one ``prefer`` points to."""
    if not 1 <= month <= 12:
        raise DateError(texts.BAD_MONTH.format(written=written, month=month))
    if not 1 <= day <= 31:
        raise DateError(texts.BAD_DAY.format(written=written, day=day))
    if year is not None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateError(texts.BAD_YEAR.format(written=written, year=year))
        return check_weekday(make_date(year, month, day), weekday)
    if weekday is None:
        return next_or_last(day, month, today, prefer)
    # "viernes 20 de noviembre": the weekday tells which year is meant.
    return first_on_weekday(
        [lambda: next_or_last(day, month, today, prefer),
         lambda: next_or_last(day, month, today, other(prefer))], weekday)


def next_or_last(day: int, month: int, today: date, prefer: Prefer) -> date:
    """The next (future) or last (past) ``day``/``month``, today included."""
    if day > max(calendar.monthrange(y, month)[1] for y in (2027, 2028)):
        raise DateError(texts.NO_SUCH_DAY.format(month=MONTHS[month - 1].capitalize(), day=day))
    step = 1 if prefer == "future" else -1
    year = today.year
    for _ in range(9):  # 29 February exists at least every 8 years
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if later(candidate, today, prefer):
                return candidate
        year += step
    raise DateError(texts.NO_NEAR_DATE.format(day=day, month=MONTHS[month - 1]))


def day_of_month(day: int, today: date, prefer: Prefer, written: str,
                 weekday: int | None = None) -> date:
    """ "el día 15": this month's 15th, or the next (future) / previous (past) month's.

    With ``weekday`` ("jueves 15"), the nearest 15th that falls on that weekday.
    """
    if not 1 <= day <= 31:
        raise DateError(texts.BAD_DAY.format(written=written, day=day))
    step = 1 if prefer == "future" else -1
    month_start = today.replace(day=1)
    for i in range(13):
        first = add_months(month_start, i * step)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            candidate = first.replace(day=day)
            if later(candidate, today, prefer) and (
                    weekday is None or candidate.weekday() == weekday):
                return candidate
    if weekday is not None:
        raise DateError(texts.NO_WEEKDAY_ON.format(day=day, weekday=WEEKDAYS[weekday]))
    raise DateError(texts.NO_NEAR_DAY.format(day=day))


def day_in_month(day: int, first: date, written: str) -> date:
    """ "el 3 del próximo mes": day ``day`` of the month starting at ``first``."""
    if not 1 <= day <= 31:
        raise DateError(texts.BAD_DAY.format(written=written, day=day))
    return make_date(first.year, first.month, day)


def edge(edge: str, year: int, month: int | None) -> date:
    """The day an edge word names in a month (or, with ``month`` None, in a year)."""
    if month is None:
        return {"fin": date(year, 12, 31), "mediados": date(year, 6, 30),
                "principios": date(year, 1, 1)}[edge]
    if edge == "mediados":
        return date(year, month, 15)
    if edge == "principios":
        return date(year, month, 1)
    return end_of_month(year, month)
