"""Random dates and times, written the ways people write them in Spanish, read back exactly.

Each property formats a random datetime as a person would type it (digits or
words, "y cuarto", "menos cuarto", "de la tarde", the weekday of next week…),
alone (the guided step) and inside a title (the one-line command), and checks
that Enlace reads back the same day and minute and leaves exactly the title.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.dates import (
    MONTHS,
    WEEKDAYS,
    add_working_days,
    find_when,
    is_working_day,
    parse_when,
)

BOGOTA = ZoneInfo("America/Bogota")
_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
          "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete",
          "dieciocho", "diecinueve", "veinte"]
_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta"}
TITLES = ["Informe al concejo", "Convocatoria KUSANONE", "Comixta con Perú",
          "Reunión con GOAL", "Cierre beca Fulbright"]


def in_words(n: int) -> str:
    """1..59 as written: "quince", "veintitrés", "cuarenta y cinco"."""
    if n <= 20:
        return _UNITS[n]
    if n < 30:
        return "veinti" + _UNITS[n - 20].replace("dos", "dós").replace("tres", "trés") \
            .replace("seis", "séis")
    tens, unit = divmod(n, 10)
    return _TENS[tens] + (f" y {_UNITS[unit]}" if unit else "")


def hour_in_words(hour: int) -> str:
    return "una" if hour == 1 else _UNITS[hour]


def part_of_day(hour: int) -> str:
    """The words that fix a 12-hour clock: "de la mañana", "de la tarde", "de la noche"."""
    if hour == 0:
        return "de la noche"
    if hour < 6:
        return "de la madrugada"
    if hour < 12:
        return "de la mañana"
    if hour < 19:
        return "de la tarde"
    return "de la noche"


def twelve(hour: int) -> int:
    return hour % 12 or 12


def spoken_times(t: time) -> list[str]:
    """Ways a person writes ``t`` that name it exactly."""
    h, m = t.hour, t.minute
    forms = [f"{h:02d}:{m:02d}", f"a las {h}:{m:02d}"]
    mer = part_of_day(h)
    if m == 0:
        forms += [f"a las {twelve(h)} {mer}", f"a las {hour_in_words(twelve(h))} {mer}",
                  f"a las {twelve(h)} {'am' if h < 12 else 'pm'}"]
    elif m == 15:
        forms += [f"a las {hour_in_words(twelve(h))} y cuarto {mer}"]
    elif m == 30:
        forms += [f"a las {twelve(h)} y media {mer}"]
    elif m == 45:
        nxt = (h + 1) % 24
        forms += [f"a las {hour_in_words(twelve(nxt))} menos cuarto {part_of_day(h)}"]
    else:
        forms += [f"a las {hour_in_words(twelve(h))} y {in_words(m)} {mer}",
                  f"a las {twelve(h)} y {m} {mer}"]
    return forms


def spoken_days(d: date) -> list[str]:
    """Ways a person writes ``d`` with its year, so any reference time reads it the same."""
    month, weekday = MONTHS[d.month - 1], WEEKDAYS[d.weekday()]
    return [
        f"{d.day} de {month} de {d.year}",
        f"el {in_words(d.day) if d.day < 32 and d.day != 1 else 'primero'} de {month} de "
        f"{d.year}",
        f"{weekday} {d.day} de {month} de {d.year}",
        f"{weekday}, el {d.day} de {month} de {d.year}",
        f"{month.capitalize()} {d.day} de {d.year}",
        f"{d.day} {month[:3]} {d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day}-{d.month}-{str(d.year)[2:]}",
    ]


days = st.dates(min_value=date(2010, 1, 1), max_value=date(2045, 12, 31))
minutes = st.times().map(lambda t: t.replace(second=0, microsecond=0))
moments = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2040, 12, 31)).map(
    lambda d: d.replace(tzinfo=BOGOTA))
now_2026 = datetime(2026, 11, 18, 10, 0, tzinfo=BOGOTA)


@settings(max_examples=150, deadline=None)
@given(days, minutes, st.sampled_from(TITLES), st.data())
def test_a_written_date_and_time_read_back_alone_and_inside_a_title(
        d: date, t: time, title: str, data) -> None:
    day_text = data.draw(st.sampled_from(spoken_days(d)), label="day")
    time_text = data.draw(st.sampled_from(spoken_times(t)), label="time")
    for prefer in ("future", "past"):
        found = parse_when(f"{day_text} {time_text}", now=now_2026, prefer=prefer)
        assert (found.day, found.time) == (d, t), (day_text, time_text)
    found = find_when(f"{title} {day_text} {time_text}", now=now_2026)
    assert found is not None
    assert (found.day, found.time, found.rest) == (d, t, title)
    lead = "para" if day_text.startswith("el ") else "para el"
    found = find_when(f"{title} {lead} {day_text} {time_text}", now=now_2026, prefer="past")
    assert found is not None
    assert (found.day, found.time, found.rest) == (d, t, title)


@settings(max_examples=150, deadline=None)
@given(moments, st.integers(min_value=0, max_value=6), st.sampled_from(TITLES),
       st.sampled_from([("de esta semana", 0), ("de la semana que viene", 1),
                        ("de la próxima semana", 1), ("de la semana pasada", -1)]))
def test_weekday_of_a_named_week(now: datetime, wd: int, title: str, week) -> None:
    words, shift = week
    monday = now.date() - timedelta(days=now.weekday())
    expected = monday + timedelta(days=7 * shift + wd)
    for prefer in ("future", "past"):
        found = find_when(f"{title} el {WEEKDAYS[wd]} {words}", now=now, prefer=prefer)
        assert found is not None
        assert (found.day, found.rest) == (expected, title)


@settings(max_examples=100, deadline=None)
@given(moments, st.integers(min_value=1, max_value=40))
def test_working_days_land_on_working_days_and_count_them(now: datetime, n: int) -> None:
    today = now.date()
    due = parse_when(f"en {n} días hábiles", now=now).day
    assert due == add_working_days(today, n)
    assert is_working_day(due)
    between = [today + timedelta(days=k) for k in range(1, (due - today).days + 1)]
    assert sum(is_working_day(day) for day in between) == n
    back = parse_when(f"hace {n} días hábiles", now=now, prefer="past").day
    assert is_working_day(back) and back < today


@settings(max_examples=100, deadline=None)
@given(moments, st.integers(min_value=1, max_value=31), st.sampled_from(["future", "past"]))
def test_the_day_of_the_month_alone(now: datetime, day: int, prefer) -> None:
    """ "el 16", "día dieciséis": the nearest such day that exists, in the right direction."""
    today = now.date()
    for text in (f"el {day}", f"día {in_words(day) if day <= 59 and day > 1 else day}"):
        found = parse_when(text, now=now, prefer=prefer).day
        assert found.day == day
        assert (found >= today) if prefer == "future" else (found <= today)
        assert abs((found - today).days) <= 62
