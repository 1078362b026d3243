"""Dates as a person checks them: with the weekday, and the holiday when it is one."""

from __future__ import annotations

from datetime import date, time

from bot.dates.workdays import holiday_name
from bot.texts.dates import HOLIDAY_NOTE, MONTHS, WEEKDAYS


def format_day(d: date) -> str:
    """ "viernes 15 de diciembre de 2026" (a person checks a date by its weekday)."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} de {MONTHS[d.month - 1]} de {d.year}"


def format_when(d: date, t: time | None) -> str:
    """ "viernes 15 de diciembre de 2026, 17:00", or just the day without a time.

    A Colombian public holiday is named ("viernes 25 de diciembre de 2026 (festivo:
    Navidad)"): a deadline on a holiday is one the office will not be working.
    """
    name = holiday_name(d)
    day = format_day(d) + (HOLIDAY_NOTE.format(name=name) if name else "")
    return day if t is None else f"{day}, {t:%H:%M}"


def format_short(d: date) -> str:
    """ "vie 15 dic" for lists, where the year is obvious."""
    return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}"
