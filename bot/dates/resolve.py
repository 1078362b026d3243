"""From one matched pattern to a day and a time, looking forward or back.

A resolver is returned for a match and only called for the match that is
chosen, so an odd word elsewhere in the text can not raise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from bot.dates.days import (
    add_days,
    add_months,
    calendar_date,
    day_in_month,
    day_of_month,
    edge,
    first_on_weekday,
    next_or_last,
)
from bot.dates.models import DateError, Prefer
from bot.dates.words import NUMBER_WORDS, month_number, number, weekday_number
from bot.dates.workdays import add_working_days, next_working_day
from bot.texts import dates as texts

Resolver = Callable[[], tuple[date | None, time | None]]

_NEXT = {"que viene", "entrante", "proximo", "proxima", "siguiente"}
_PREV = {"pasado", "pasada", "anterior"}
_HOLIDAYS = {"navidad": (12, 25), "nochebuena": (12, 24), "nochevieja": (12, 31),
             "ano nuevo": (1, 1)}
_OFFSETS = {"hoy": 0, "manana": 1, "pasado manana": 2, "ayer": -1, "anoche": -1,
            "antier": -2, "anteayer": -2, "antes de ayer": -2}


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "")


def two_digit_year(text: str, today: date) -> int:
    """ "26" is 2026 and "74" is 1974: the year in the 100 ending 20 years from today."""
    year = int(text)
    if len(text) != 2:
        return year
    latest = today.year + 20
    candidate = latest // 100 * 100 + year
    return candidate if candidate <= latest else candidate - 100


def date_resolver(kind: str, m: re.Match, today: date, prefer: Prefer,
                  now: datetime) -> Resolver | None:
    """A function giving (day, time) for match ``m``, or None if it is not a date after all."""
    g = m.groupdict()
    written = m.group(0)
    if kind in {"iso", "numeric"}:
        year = two_digit_year(g["y"], today) if g.get("y") else None
        return lambda: (calendar_date(int(g["d"]), int(g["m"]), year, today, prefer, written,
                                      g.get("wd")), None)
    if kind in {"text", "text_md"}:
        return _text_resolver(kind, g, today, prefer, written)
    if kind == "end":
        return _end_resolver(g, today, prefer)
    if kind == "eight_days":  # "de hoy en ocho" is a week on, "en quince" two
        start = 0 if g["w"] == "hoy" else 1
        weeks = 1 if g["n"] in {"ocho", "8"} else 2
        return lambda: (today + timedelta(days=start + 7 * weeks), None)
    if kind == "today_part":
        return lambda: (today, None)
    if kind == "word":
        offset = _OFFSETS[_squash(g["w"])]
        return lambda: (today + timedelta(days=offset), None)
    if kind == "holiday":
        month, day = _HOLIDAYS[_squash(g["w"])]
        return lambda: (next_or_last(day, month, today, prefer), None)
    if kind == "weekday":
        return lambda: (_weekday_date(g, today, prefer, written), None)
    if kind == "relative":
        return lambda: (_relative_date(g, today), None)
    if kind == "next_unit":
        return lambda: (_next_unit(g, today), None)
    if kind == "next_workday":
        return lambda: (next_working_day(today), None)
    if kind == "daynum":
        shift = 1 if g.get("mnext") else -1 if g.get("mprev") else 0 if g.get("mthis") else None
        if shift is not None:
            first = add_months(today.replace(day=1), shift)
            return lambda: (day_in_month(int(g["d"]), first, written), None)
        return lambda: (day_of_month(number(g["d"]), today, prefer, written), None)
    if kind == "relative_time":
        return lambda: _relative_moment(g, now)
    raise AssertionError(kind)


def _text_resolver(kind: str, g: dict, today: date, prefer: Prefer,
                   written: str) -> Resolver | None:
    month = month_number(g["mon"], fuzzy=kind == "text")
    if month is None:
        return None
    day_text = g["d"]
    if day_text[0].isdigit():
        day_text = re.sub(r"(º|ro|ero|er)$", "", day_text)
    if not day_text.isdigit() and day_text not in NUMBER_WORDS:
        return None
    year = int(g["y"]) if g.get("y") else None
    if g.get("ythis") or g.get("ynext") or g.get("yprev"):
        year = today.year + (1 if g.get("ynext") else -1 if g.get("yprev") else 0)
    return lambda: (calendar_date(number(day_text), month, year, today, prefer, written,
                                  g.get("wd")), None)


def _end_resolver(g: dict, today: date, prefer: Prefer) -> Resolver | None:
    """ "fin de mes", "finales de año", "mediados de enero", "fin del próximo mes"."""
    word = _squash(g["edge"])
    word = {"final": "fin", "finales": "fin", "ultimo dia": "fin", "inicios": "principios",
            "comienzos": "principios"}.get(word, word)
    unit = g["unit"]
    post = _squash(g.get("post"))
    shift = 0
    if g.get("pre") in {"proximo", "siguiente"} or post in _NEXT:
        shift = 1
    elif post in _PREV:
        shift = -1
    explicit = shift != 0 or g.get("pre") in {"este", "esta"}
    year_text = g.get("y")
    month = None if unit in {"mes", "ano"} else month_number(unit)
    if unit not in {"mes", "ano"} and month is None:
        return None

    def settle(make: Callable[[int], date]) -> tuple[date, None]:
        """``make(k)`` is the edge k periods away; pick by ``prefer`` unless told."""
        result = make(shift)
        if not explicit and not year_text:
            if prefer == "future" and result < today:
                result = make(1)
            elif prefer == "past" and result > today:
                result = make(-1)
        return result, None

    if unit == "mes":
        def in_month(k: int) -> date:
            first = add_months(today.replace(day=1), k)
            return edge(word, first.year, first.month)
        return lambda: settle(in_month)
    return lambda: settle(lambda k: edge(word, int(year_text) if year_text
                                         else today.year + k, month))


def _weekday_date(g: dict, today: date, prefer: Prefer, written: str) -> date:
    target = weekday_number(g["wd"])
    pre, post = g.get("pre"), _squash(g.get("post"))
    if g.get("dn"):
        day = int(g["dn"])
        return first_on_weekday(
            [lambda: day_of_month(day, today, prefer, written, target)], g["wd"])
    if g.get("wthis") or g.get("wnext") or g.get("wprev"):
        # "el lunes de esta semana", "el miércoles de la semana que viene"
        weeks = 1 if g.get("wnext") else -1 if g.get("wprev") else 0
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=7 * weeks + target)
    ahead = (target - today.weekday()) % 7  # 0..6, today included
    back = (today.weekday() - target) % 7
    if pre in {"proximo", "siguiente"} or post in _NEXT:
        return today + timedelta(days=ahead or 7)
    if pre == "pasado" or post in _PREV:
        return today - timedelta(days=back or 7)
    if pre == "este":
        return today + timedelta(days=ahead) if prefer == "future" else today - timedelta(
            days=back)
    if prefer == "future":
        return today + timedelta(days=ahead or 7)
    return today - timedelta(days=back or 7)


def _relative_date(g: dict, today: date) -> date:
    n = number(g["n"])
    unit = g["unit"]
    sign = -1 if g["dir"] == "hace" else 1
    if unit.startswith("dia"):
        if g.get("hab"):
            if n > 3650:
                raise DateError(texts.TOO_FAR)
            return add_working_days(today, sign * n)
        return add_days(today, sign * n)
    if unit.startswith("semana"):
        return add_days(today, sign * 7 * n)
    if unit.startswith("mes"):
        return add_months(today, sign * n)
    return add_months(today, sign * 12 * n)


def _next_unit(g: dict, today: date) -> date:
    """ "la semana que viene" is a week from today, "el mes pasado" a month ago."""
    unit = g.get("u1") or g.get("u2") or "semana"  # "la otra semana": next week
    sign = -1 if _squash(g.get("pre") or g.get("post")) in _PREV else 1
    return add_days(today, 7 * sign) if unit == "semana" else add_months(today, sign)


def _relative_moment(g: dict, now: datetime) -> tuple[date, time]:
    """ "en 2 minutos", "dentro de 3 horas", "en media hora": a day and a minute."""
    minutes = 30 if g.get("half") else number(g["n"]) * (
        60 if g["unit"].startswith("h") else 1)
    if minutes > 60 * 24 * 366:
        raise DateError(texts.TOO_FAR)
    sign = -1 if g["dir"] == "hace" else 1
    moment = now + timedelta(minutes=sign * minutes)
    return moment.date(), moment.time().replace(second=0, microsecond=0, tzinfo=None)


def time_resolver(kind: str, m: re.Match, *, at_end: bool) -> Resolver | None:
    """(None, time) for a time match; None for "las 3 actividades", which is no time.

    ``at_end``: nothing but punctuation follows the match ("nos vemos a las doce").
    """
    g = m.groupdict()
    if kind == "period":  # "mañana por la tarde": part of the date, but no hour
        return lambda: (None, None)
    if kind == "noon":
        word = g["w"].replace(" ", "")
        return lambda: (None, time(12, 0) if word == "mediodia" else time(23, 59))
    hour_text = re.sub(r"\s+", " ", g["h"])
    if not hour_text.isdigit() and hour_text not in NUMBER_WORDS:
        return None
    told = any(g.get(k) for k in ("m", "frac", "mer", "mw", "mz", "less"))
    if m.group(0).startswith("la") and not (told or at_end):
        return None  # "las 3 actividades" is not a time; "a las 3" and "las 3 pm" are

    def clock() -> tuple[None, time]:
        return None, clock_time(number(hour_text), g, m.group(0))
    return clock


def _minute(g: dict) -> int:
    for key in ("m", "mw", "mz"):
        if g.get(key):
            return number(g[key])
    return {"media": 30, "cuarto": 15}.get(g.get("frac") or "", 0)


def clock_time(hour: int, g: dict, written: str) -> time:
    """The time an hour and its minutes, "y cuarto", "menos cinco", "pm" or "de la noche" give."""
    minute = _minute(g)
    if g.get("less"):
        less = 15 if g["less"] == "cuarto" else number(g["less"])
        if not 0 < less < 60:
            raise DateError(texts.BAD_TIME.format(written=written.strip()))
        hour, minute = hour - 1, 60 - less
        if hour == 0 and not g.get("mer"):
            hour = 12  # "la una menos cuarto" is 12:45
    mer = re.sub(r"[\s.]", "", g.get("mer") or "")
    if hour > 23 or minute > 59 or hour < 0:
        raise DateError(texts.BAD_TIME.format(written=written.strip()))
    afternoon = {"pm", "delatarde", "delanoche", "enlatarde", "enlanoche", "porlatarde",
                 "porlanoche"}
    morning = {"am", "delamanana", "enlamanana", "porlamanana", "delamadrugada",
               "enlamadrugada", "porlamadrugada"}
    if mer in afternoon:
        if hour > 12:
            raise DateError(texts.TIME_TWICE.format(written=written.strip()))
        if "noche" in mer and hour in (0, 12):
            hour = 0  # "las doce de la noche", "la una menos cuarto de la noche" (00:45)
        elif hour < 12:
            hour += 12
    elif mer in morning:
        if hour > 12:
            raise DateError(texts.TIME_TWICE.format(written=written.strip()))
        if hour == 12:
            hour = 0
    elif mer == "delmediodia":
        if 1 <= hour <= 6:
            hour += 12  # "las 3 del mediodía": afternoon
    elif mer == "m":
        pass
    elif 1 <= hour <= 6 and not g.get("m"):
        # "a las 3" in an office means 15:00; "a las 7" means 7:00.
        hour += 12
    return time(hour, minute)


def later_today(clock: time, now: datetime, prefer: Prefer) -> date:
    """A time with no date: the next such time (future) or the last one (past)."""
    today = now.date()
    current = now.time().replace(tzinfo=None)
    if prefer == "future":
        return today if clock > current else today + timedelta(days=1)
    return today if clock <= current else today - timedelta(days=1)


__all__ = ["clock_time", "date_resolver", "later_today", "time_resolver", "two_digit_year"]
