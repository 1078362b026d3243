"""The Spanish date parser: the forms people write, both directions, and what it refuses."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.dates import (
    MONTHS,
    WEEKDAYS,
    DateError,
    Duration,
    add_months,
    find_when,
    format_day,
    format_when,
    parse_duration,
    parse_when,
)
from tests.support.clock import BOGOTA, NOW


def parse(text: str, prefer: str = "future", now: datetime = NOW) -> tuple[date, time | None]:
    found = parse_when(text, now=now, prefer=prefer)
    return found.day, found.time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hoy", date(2026, 11, 18)),
        ("mañana", date(2026, 11, 19)),
        ("manana", date(2026, 11, 19)),
        ("Mañana", date(2026, 11, 19)),
        ("pasado mañana", date(2026, 11, 20)),
        ("pasado manana", date(2026, 11, 20)),
        ("ayer", date(2026, 11, 17)),
        ("antier", date(2026, 11, 16)),
        ("anteayer", date(2026, 11, 16)),
        ("el viernes", date(2026, 11, 20)),
        ("viernes", date(2026, 11, 20)),
        ("el próximo viernes", date(2026, 11, 20)),
        ("el proximo lunes", date(2026, 11, 23)),
        ("el lunes que viene", date(2026, 11, 23)),
        ("este viernes", date(2026, 11, 20)),
        ("el miércoles", date(2026, 11, 25)),  # today is Wednesday: the next one
        ("este miercoles", date(2026, 11, 18)),
        ("el viernes pasado", date(2026, 11, 13)),
        ("en dos semanas", date(2026, 12, 2)),
        ("en 2 semanas", date(2026, 12, 2)),
        ("en 3 días", date(2026, 11, 21)),
        ("en tres dias", date(2026, 11, 21)),
        ("dentro de un mes", date(2026, 12, 18)),
        ("dentro de 15 días", date(2026, 12, 3)),
        ("en 5 días hábiles", date(2026, 11, 25)),
        ("en un año", date(2027, 11, 18)),
        ("fin de mes", date(2026, 11, 30)),
        ("a fin de mes", date(2026, 11, 30)),
        ("finales de mes", date(2026, 11, 30)),
        ("fin del próximo mes", date(2026, 12, 31)),
        ("fin de año", date(2026, 12, 31)),
        ("fin de febrero", date(2027, 2, 28)),
        ("mediados de enero", date(2027, 1, 15)),
        ("15 de diciembre", date(2026, 12, 15)),
        ("el 15 de diciembre", date(2026, 12, 15)),
        ("15 de dic", date(2026, 12, 15)),
        ("15 diciembre 2027", date(2027, 12, 15)),
        ("diciembre 15", date(2026, 12, 15)),
        ("3 de setiembre", date(2027, 9, 3)),
        ("3 de septiembre de 2027", date(2027, 9, 3)),
        ("24 de dicembre", date(2026, 12, 24)),  # typo
        ("24 de diciembere", date(2026, 12, 24)),
        ("1 de febero", date(2027, 2, 1)),
        ("primero de enero", date(2027, 1, 1)),
        ("1º de enero", date(2027, 1, 1)),
        ("treinta y uno de diciembre", date(2026, 12, 31)),
        ("viernes 20 de noviembre", date(2026, 11, 20)),
        ("15/12", date(2026, 12, 15)),
        ("15/12/2026", date(2026, 12, 15)),
        ("15/12/26", date(2026, 12, 15)),
        ("15-12-2026", date(2026, 12, 15)),
        ("15.12.2026", date(2026, 12, 15)),
        ("2026-12-15", date(2026, 12, 15)),
        ("1/3", date(2027, 3, 1)),
        ("el día 15", date(2026, 12, 15)),
        ("18 de noviembre", date(2026, 11, 18)),  # today is still "next"
        ("15 de marzo del próximo año", date(2027, 3, 15)),
        ("15 de diciembre del año que viene", date(2027, 12, 15)),
        ("el 3 del próximo mes", date(2026, 12, 3)),
        ("el 15 del mes que viene", date(2026, 12, 15)),
        ("la próxima semana", date(2026, 11, 25)),  # dateparser, as the last resort
    ],
)
def test_future_dates(text: str, expected: date) -> None:
    assert parse(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lunes", date(2026, 11, 16)),
        ("el lunes", date(2026, 11, 16)),
        ("el viernes", date(2026, 11, 13)),
        ("el miércoles", date(2026, 11, 11)),
        ("este lunes", date(2026, 11, 16)),
        ("el próximo lunes", date(2026, 11, 23)),  # said explicitly: still ahead
        ("15 de diciembre", date(2025, 12, 15)),
        ("15/12", date(2025, 12, 15)),
        ("3 de noviembre", date(2026, 11, 3)),
        ("18/11", date(2026, 11, 18)),
        ("hace 3 días", date(2026, 11, 15)),
        ("hace dos semanas", date(2026, 11, 4)),
        ("ayer", date(2026, 11, 17)),
        ("el día 20", date(2026, 10, 20)),
    ],
)
def test_past_dates(text: str, expected: date) -> None:
    assert parse(text, "past")[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el 15 de diciembre a las 10", (date(2026, 12, 15), time(10, 0))),
        ("15 de diciembre a las 10:30", (date(2026, 12, 15), time(10, 30))),
        ("15/12 17:00", (date(2026, 12, 15), time(17, 0))),
        ("2026-12-15 17:00", (date(2026, 12, 15), time(17, 0))),
        ("2026-12-15T08:15", (date(2026, 12, 15), time(8, 15))),
        ("mañana a las 3 pm", (date(2026, 11, 19), time(15, 0))),
        ("mañana a las 3", (date(2026, 11, 19), time(15, 0))),  # office hours: 15:00
        ("mañana a las 8", (date(2026, 11, 19), time(8, 0))),
        ("mañana 10am", (date(2026, 11, 19), time(10, 0))),
        ("el viernes a las 5 de la tarde", (date(2026, 11, 20), time(17, 0))),
        ("el viernes a las 9 de la mañana", (date(2026, 11, 20), time(9, 0))),
        ("hoy a las 12 m", (date(2026, 11, 18), time(12, 0))),
        ("hoy a mediodía", (date(2026, 11, 18), time(12, 0))),
        ("mañana a las tres y media", (date(2026, 11, 19), time(15, 30))),
        ("mañana a la una", (date(2026, 11, 19), time(13, 0))),
        ("mañana a las 11 p. m.", (date(2026, 11, 19), time(23, 0))),
        ("mañana por la tarde", (date(2026, 11, 19), None)),
        ("a las 3 pm", (date(2026, 11, 18), time(15, 0))),  # later today
        ("a las 9", (date(2026, 11, 19), time(9, 0))),  # 9:00 has passed: tomorrow
        ("10:30", (date(2026, 11, 18), time(10, 30))),
        ("15 de diciembre", (date(2026, 12, 15), None)),
        ("15 de diciembre, 5 de la tarde", (date(2026, 12, 15), time(17, 0))),
        ("15/12/2026 17:00:00", (date(2026, 12, 15), time(17, 0))),
    ],
)
def test_times(text: str, expected: tuple[date, time | None]) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en 2 minutos", (date(2026, 11, 18), time(10, 2))),
        ("en 5 min", (date(2026, 11, 18), time(10, 5))),
        ("en media hora", (date(2026, 11, 18), time(10, 30))),
        ("dentro de 3 horas", (date(2026, 11, 18), time(13, 0))),
        ("en una hora", (date(2026, 11, 18), time(11, 0))),
        ("en 15 horas", (date(2026, 11, 19), time(1, 0))),
        ("hace 10 minutos", (date(2026, 11, 18), time(9, 50))),
    ],
)
def test_minutes_and_hours_from_now(text: str, expected: tuple[date, time]) -> None:
    assert parse(text) == expected


def test_time_alone_in_the_past_is_the_last_such_time() -> None:
    assert parse("a las 9", "past") == (date(2026, 11, 18), time(9, 0))
    assert parse("a las 3 pm", "past") == (date(2026, 11, 17), time(15, 0))


@pytest.mark.parametrize(
    ("text", "day", "clock", "rest"),
    [
        ("Convocatoria KUSANONE el 15 de diciembre a las 10", date(2026, 12, 15), time(10, 0),
         "Convocatoria KUSANONE"),
        ("Informe trimestral al concejo para el 15/12", date(2026, 12, 15), None,
         "Informe trimestral al concejo"),
        ("Cierre beca Fulbright hasta el viernes", date(2026, 11, 20), None,
         "Cierre beca Fulbright"),
        ("Comixta con Perú en dos semanas", date(2026, 12, 2), None, "Comixta con Perú"),
        ("el 15 de diciembre: Convocatoria KUSANONE", date(2026, 12, 15), None,
         "Convocatoria KUSANONE"),
        ("Reunión con GOAL el lunes a las 3 con la UPB", date(2026, 11, 23), time(15, 0),
         "Reunión con GOAL con la UPB"),
        ("Entrega informe el 15 de diciembre con la UPB a las 17:00", date(2026, 12, 15),
         time(17, 0), "Entrega informe con la UPB"),
    ],
)
def test_find_when_inside_a_sentence(text: str, day: date, clock: time | None, rest: str) -> None:
    found = find_when(text, now=NOW)
    assert found is not None
    assert (found.day, found.time, found.rest) == (day, clock, rest)
    assert all(word in text for word in found.matched.split())


def test_find_when_in_the_past_for_activity_logs() -> None:
    found = find_when("2 Reunión ayer con APC sobre la comixta", now=NOW, prefer="past")
    assert found is not None
    assert found.day == date(2026, 11, 17)
    assert found.matched == "ayer"
    assert found.rest == "2 Reunión con APC sobre la comixta"


@pytest.mark.parametrize(
    "text",
    [
        "Reunión con la UPB sobre el memorando",
        "Hay 3 actividades pendientes",
        "Revisar las 3 propuestas",
        "Decreto 0123 de 2026",
        "Ley 1/2026",
        "Aporte de $1.256.755.000",
        "Ver https://ejemplo.org/convocatorias/15/12",
        "Trabajamos junto con la gobernación",
        "Informe de marzo de 2026",
        "Fin de semana cultural",
        "Taller de 3 horas con la comunidad",
        "",
    ],
)
def test_texts_without_a_date(text: str) -> None:
    assert find_when(text, now=NOW) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("32/13", "mes 13"),
        ("Taller el 32/12", "día 32"),
        ("30 de febrero", "Febrero no tiene día 30"),
        ("29 de febrero de 2027", "28 días"),
        ("31/04/2027", "30 días"),
        ("Reunión a las 25:00", "hora"),
        ("mañana a las 10:75", "hora"),
        ("viernes 15 de diciembre de 2026", "martes"),
        ("el 15/12/3000", "año"),
    ],
)
def test_invalid_dates_explain_how_to_write_them(text: str, says: str) -> None:
    with pytest.raises(DateError) as caught:
        find_when(text, now=NOW)
    message = str(caught.value)
    assert says in message
    assert "15 de diciembre" in message  # how to write it


@pytest.mark.parametrize("text", ["ninguna fecha", "el día que sea", "pronto", "  "])
def test_parse_when_rejects_what_is_not_a_date(text: str) -> None:
    with pytest.raises(DateError):
        parse_when(text, now=NOW)


def test_parse_when_refuses_a_date_with_extra_words() -> None:
    with pytest.raises(DateError):
        parse_when("15 de diciembre con la UPB", now=NOW)


def test_weekday_picks_the_year_it_falls_on() -> None:
    # 20 November is a Friday in 2026 (past preference would otherwise say 2025).
    assert parse("viernes 20 de noviembre", "past")[0] == date(2026, 11, 20)
    assert parse("el martes 15", "future")[0] == date(2026, 12, 15)


def test_twenty_ninth_of_february_without_year_goes_to_the_next_leap_year() -> None:
    assert parse("29 de febrero")[0] == date(2028, 2, 29)
    assert parse("29 de febrero", "past")[0] == date(2024, 2, 29)


def test_formatting_in_words_with_weekday() -> None:
    assert format_day(date(2026, 12, 18)) == "viernes 18 de diciembre de 2026"
    assert format_when(date(2026, 12, 18), time(17, 0)) == "viernes 18 de diciembre de 2026, 17:00"
    assert format_when(date(2026, 12, 18), None) == "viernes 18 de diciembre de 2026"


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), -12) == date(2025, 12, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 años", Duration(months=24)),
        ("dos años", Duration(months=24)),
        ("1 año", Duration(months=12)),
        ("año y medio", Duration(months=18)),
        ("18 meses", Duration(months=18)),
        ("1 año y 6 meses", Duration(months=18)),
        ("6 meses y 15 días", Duration(months=6, days=15)),
        ("por 3 años", Duration(months=36)),
    ],
)
def test_durations(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["-3 años", "0 meses", "tres", "mucho tiempo", "", "2 siglos"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_duration(text)
    assert "2 años" in str(caught.value)


def test_duration_after_a_date() -> None:
    assert parse_duration("2 años").after(date(2024, 2, 29)) == date(2026, 2, 28)


# ----------------------------------------------------------------------------- properties

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
moments = st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2098, 12, 31)).map(
    lambda d: d.replace(tzinfo=BOGOTA)
)


@given(days)
def test_written_dates_parse_back_to_themselves(d: date) -> None:
    for text in (
        f"{d.day} de {MONTHS[d.month - 1]} de {d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day}-{d.month}-{d.year}",
        d.isoformat(),
        format_day(d),
        f"el {d.day} de {MONTHS[d.month - 1].upper()} del {d.year}",
    ):
        assert parse_when(text, now=NOW).day == d, text


@given(days, st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_formatted_when_parses_back(d: date, t: time) -> None:
    found = parse_when(format_when(d, t), now=NOW)
    assert (found.day, found.time) == (d, t)


@given(moments, st.sampled_from(range(7)), st.sampled_from(["past", "future"]))
def test_weekdays_land_on_that_weekday_within_a_week(now: datetime, wd: int, prefer) -> None:
    today = now.date()
    found = parse_when(f"el {WEEKDAYS[wd]}", now=now, prefer=prefer)
    assert found.day.weekday() == wd
    delta = (found.day - today).days
    assert (1 <= delta <= 7) if prefer == "future" else (-7 <= delta <= -1)
    nxt = parse_when(f"el próximo {WEEKDAYS[wd]}", now=now, prefer=prefer).day
    assert nxt.weekday() == wd and 1 <= (nxt - today).days <= 7


@given(moments, st.integers(min_value=0, max_value=400))
def test_in_n_days_is_n_days_later(now: datetime, n: int) -> None:
    assert parse_when(f"en {n} días", now=now).day == now.date() + timedelta(days=n)
    assert parse_when(f"hace {n} días", now=now, prefer="past").day == now.date() - timedelta(
        days=n)


@given(moments, st.integers(min_value=1, max_value=28), st.integers(min_value=1, max_value=12),
       st.sampled_from(["past", "future"]))
def test_day_month_without_year_is_the_nearest_in_the_right_direction(
    now: datetime, day: int, month: int, prefer
) -> None:
    found = parse_when(f"{day}/{month}", now=now, prefer=prefer).day
    today = now.date()
    assert (found.day, found.month) == (day, month)
    if prefer == "future":
        assert today <= found < add_months(today, 12) + timedelta(days=1)
    else:
        assert add_months(today, -12) - timedelta(days=1) < found <= today


@given(moments)
def test_end_of_month_is_the_last_day(now: datetime) -> None:
    found = parse_when("fin de mes", now=now).day
    assert found.month == now.month and (found + timedelta(days=1)).day == 1


@given(st.text(max_size=80))
def test_find_when_only_ever_raises_date_error(text: str) -> None:
    try:
        found = find_when(text, now=NOW)
    except DateError:
        return
    if found is not None:
        assert isinstance(found.day, date)
        assert found.matched


_FRAGMENTS = ["el", "de", "a las", "15", "32", "13", "/", "-", ":", "diciembre", "febrero",
              "viernes", "próximo", "en", "dos", "semanas", "mañana", "pm", "fin", "mes", "año",
              "2026", "hace", "30", "y media", "del", "°", "dia", "hasta", "0", "99", "treinta"]


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=8).map(" ".join))
def test_date_like_noise_only_raises_date_error(text: str) -> None:
    for prefer in ("past", "future"):
        try:
            find_when(text, now=NOW, prefer=prefer)
        except DateError as exc:
            assert "Escriba" in str(exc)


@given(st.text(max_size=40))
def test_parse_when_only_ever_raises_date_error(text: str) -> None:
    assume("\x00" not in text)
    with contextlib.suppress(DateError):
        parse_when(text, now=NOW)
