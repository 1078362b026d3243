"""Dates as people write them (issue 12): the forms both ways, nothing read in part, holidays.

Reference: Wednesday 18 November 2026, 10:00 in Bogotá (Monday 16 was a holiday,
the Independencia de Cartagena moved to Monday).
"""

from __future__ import annotations

from datetime import date, datetime, time

import holidays
import pytest

from bot.dates import (
    DateError,
    add_working_days,
    find_when,
    format_when,
    holiday_name,
    is_working_day,
    parse_when,
)
from tests.support.clock import BOGOTA, NOW


def read(text: str, prefer: str = "future") -> tuple[date, time | None]:
    found = parse_when(text, now=NOW, prefer=prefer)
    return found.day, found.time


@pytest.mark.parametrize(
    ("text", "future", "past"),
    [
        ("el miércoles de la semana que viene", date(2026, 11, 25), date(2026, 11, 25)),
        ("miércoles de la próxima semana", date(2026, 11, 25), date(2026, 11, 25)),
        ("el lunes de esta semana", date(2026, 11, 16), date(2026, 11, 16)),
        ("viernes de esta semana", date(2026, 11, 20), date(2026, 11, 20)),
        ("el domingo de la semana pasada", date(2026, 11, 15), date(2026, 11, 15)),
        ("el 20", date(2026, 11, 20), date(2026, 10, 20)),
        ("el 16", date(2026, 12, 16), date(2026, 11, 16)),
        ("día quince", date(2026, 12, 15), date(2026, 11, 15)),
        ("el día veinte", date(2026, 11, 20), date(2026, 10, 20)),
        ("lun.", date(2026, 11, 23), date(2026, 11, 16)),
        ("mié.", date(2026, 11, 25), date(2026, 11, 11)),
        ("jue 10", date(2026, 12, 10), date(2026, 9, 10)),
        ("la semana que viene", date(2026, 11, 25), date(2026, 11, 25)),
        ("la próxima semana", date(2026, 11, 25), date(2026, 11, 25)),
        ("el mes que viene", date(2026, 12, 18), date(2026, 12, 18)),
        ("el mes pasado", date(2026, 10, 18), date(2026, 10, 18)),
        ("viernes, el 12 de septiembre de 2025", date(2025, 9, 12), date(2025, 9, 12)),
        ("31/10/74", date(1974, 10, 31), date(1974, 10, 31)),
    ],
)
def test_day_forms_both_directions(text: str, future: date, past: date) -> None:
    assert read(text, "future")[0] == future
    assert read(text, "past")[0] == past


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("a las tres y quince", time(15, 15)),
        ("a las 4 y 20", time(16, 20)),
        ("a las 3 y treinta", time(15, 30)),
        ("a las once y cuarenta y cinco", time(11, 45)),
        ("las doce menos cuarto", time(11, 45)),
        ("a las doce menos cinco", time(11, 55)),
        ("a las una menos cuarto de la noche", time(0, 45)),  # found by hypothesis
        ("a las una menos cuarto de la tarde", time(12, 45)),
        ("a las doce de la noche", time(0, 0)),
        ("a las tres y cuarto de la tarde", time(15, 15)),
        ("15.30", time(15, 30)),
        ("a las 8.15", time(8, 15)),
        ("nueve de la noche", time(21, 0)),
        ("a las 2 de la madrugada", time(2, 0)),
        ("las doce", time(12, 0)),
        ("las seis cero dos pm", time(18, 2)),
    ],
)
def test_times_in_words_and_with_a_dot(text: str, clock: time) -> None:
    assert read(f"mañana {text}") == (date(2026, 11, 19), clock)


def test_a_time_alone_is_the_next_one_or_the_last_one() -> None:
    assert read("a las once y cuarenta y cinco") == (date(2026, 11, 18), time(11, 45))
    assert read("a las nueve y media", "past") == (date(2026, 11, 18), time(9, 30))
    assert read("a las once y media", "past") == (date(2026, 11, 17), time(11, 30))


@pytest.mark.parametrize(
    ("text", "day", "clock", "rest"),
    [
        ("Comité el miércoles de la semana que viene a las tres y cuarto", date(2026, 11, 25),
         time(15, 15), "Comité"),
        ("Informe hoy a las once y cuarenta y cinco", date(2026, 11, 18), time(11, 45), "Informe"),
        ("Llamar a GOAL mañana a 11", date(2026, 11, 19), time(11, 0), "Llamar a GOAL"),
        ("Foro viernes, el 10 de septiembre de 2027", date(2027, 9, 10), None, "Foro"),
        ("Revisar convenio el 20", date(2026, 11, 20), None, "Revisar convenio"),
        ("Entregar acta el próximo día hábil", date(2026, 11, 19), None, "Entregar acta"),
    ],
)
def test_one_line_reads_the_whole_date_and_leaves_only_the_title(
        text: str, day: date, clock: time | None, rest: str) -> None:
    found = find_when(text, now=NOW)
    assert found is not None
    assert (found.day, found.time, found.rest) == (day, clock, rest)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Informe 13 a 15 de julio", "13 a 15 de julio"),  # not the year 2115, not 15 July
        ("Taller el 2 y 3 de mayo", "2 y 3 de mayo"),
        ("Cierre mañana a las 10 y el jueves", "dos fechas"),
        ("Foro el 4 de mayo de mil novecientos noventa", "mil novecientos noventa"),
        ("Cita el viernes de la semana 3", "semana 3"),
    ],
)
def test_a_date_read_only_in_part_is_refused_with_an_example(text: str, says: str) -> None:
    for prefer in ("future", "past"):
        with pytest.raises(DateError) as caught:
            find_when(text, now=NOW, prefer=prefer)
        message = str(caught.value)
        assert says in message
        assert "15 de diciembre" in message  # how to write it


def test_a_deadline_has_one_hour() -> None:
    with pytest.raises(DateError) as caught:
        find_when("Reunión el viernes de 9:30 - 11:00", now=NOW)
    assert "dos horas" in str(caught.value) and "«9:30» y «11:00»" in str(caught.value)
    assert "15 de diciembre" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "day", "clock", "rest"),
    [
        ("Cena esta noche a las 8", date(2026, 11, 18), time(20, 0), "Cena"),
        ("Llamada esta tarde", date(2026, 11, 18), None, "Llamada"),
        ("Foro dom 22nov", date(2026, 11, 22), None, "Foro"),
        ("Cierre a la medianoche", date(2026, 11, 18), time(23, 59), "Cierre"),
        ("Visita ayer de noche", date(2026, 11, 17), None, "Visita"),
        ("Cena el jueves en la noche a las 9", date(2026, 11, 19), time(21, 0), "Cena"),
        ("Foro mañana por la mañana a las 9", date(2026, 11, 19), time(9, 0), "Foro"),
        ("Llamar a las 9 en punto", date(2026, 11, 19), time(9, 0), "Llamar"),
        ("Acta de hoy en ocho", date(2026, 11, 25), None, "Acta"),
        ("Comité el jueves de la otra semana", date(2026, 11, 26), None, "Comité"),
        ("Informe el día de hoy", date(2026, 11, 18), None, "Informe"),
    ],
)
def test_parts_of_the_day_and_glued_months(text: str, day: date, clock: time | None,
                                           rest: str) -> None:
    found = find_when(text, now=NOW, prefer="past" if "ayer" in text else "future")
    assert found is not None
    assert (found.day, found.time, found.rest) == (day, clock, rest)


@pytest.mark.parametrize("text", ["Foro 10 agosto 88 d. C.", "Reunión 8:10 - 12.32"])
def test_numbers_right_after_a_date_are_not_dropped(text: str) -> None:
    with pytest.raises(DateError) as caught:
        find_when(text, now=NOW)
    assert "pero no" in str(caught.value) and "15 de diciembre" in str(caught.value)


def test_a_deadline_mentioning_another_date_takes_the_one_marked_as_due() -> None:
    found = find_when("Informe del 15 de noviembre para el 30 de noviembre", now=NOW)
    assert found is not None
    assert found.day == date(2026, 11, 30)
    assert found.rest == "Informe del 15 de noviembre"


@pytest.mark.parametrize("text", ["13 a 15 de julio", "una hora", "en este momento"])
def test_the_guided_step_never_guesses(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_when(text, now=NOW)
    assert "15 de diciembre" in str(caught.value)


def test_free_text_does_not_read_scores_or_amounts_as_dates() -> None:
    assert find_when("Reunión el lunes otra vez", now=NOW).day == date(2026, 11, 23)
    assert find_when("Reunión con Lun Wei el viernes", now=NOW).rest == "Reunión con Lun Wei"
    for text in ("Partido 17-2 con la UIS", "Aporte de 15.30 dólares", "Hay 3 actividades",
                 "Plan de navidad con la UPB", "Fin de semana cultural"):
        assert find_when(text, now=NOW) is None, text


# ----------------------------------------------------------------------------- holidays

def test_every_colombian_holiday_of_2026_and_2027_is_skipped_by_working_days() -> None:
    official = holidays.country_holidays("CO", years=[2026, 2027])
    assert len(official) >= 36
    for day in official:
        assert not is_working_day(day), day
        assert holiday_name(day)
        before = add_working_days(day, -1)
        # one working day after the day before a holiday never lands on it
        assert add_working_days(before, 1) != day


def test_working_days_skip_weekends_and_the_puentes() -> None:
    # Friday 13 November 2026 + 1 working day: Monday 16 is a holiday -> Tuesday 17.
    assert add_working_days(date(2026, 11, 13), 1) == date(2026, 11, 17)
    # Friday 4 December + 3: 7 (Mon), 9 (Wed; Tuesday 8 is the Inmaculada), 10.
    assert add_working_days(date(2026, 12, 4), 3) == date(2026, 12, 10)
    # Holy week 2027: Wednesday 24 March + 1 -> Monday 29 (Thursday 25 and Friday 26 off).
    assert add_working_days(date(2027, 3, 24), 1) == date(2027, 3, 29)
    assert add_working_days(date(2026, 11, 17), -1) == date(2026, 11, 13)


def test_in_n_working_days_skips_holidays() -> None:
    now = datetime(2026, 12, 4, 9, 0, tzinfo=BOGOTA)
    assert parse_when("en 3 días hábiles", now=now).day == date(2026, 12, 10)
    assert parse_when("el próximo día hábil", now=now).day == date(2026, 12, 7)
    assert parse_when("hace 1 día hábil", now=NOW, prefer="past").day == date(2026, 11, 17)


def test_a_date_on_a_holiday_says_so_and_reads_back() -> None:
    text = format_when(date(2026, 12, 8), time(10, 0))
    assert text == "martes 8 de diciembre de 2026 (festivo: La Inmaculada Concepción), 10:00" \
        or ("festivo:" in text and "Inmaculada" in text)
    assert parse_when(text, now=NOW).day == date(2026, 12, 8)
    assert "festivo" not in format_when(date(2026, 12, 9), None)
    assert "festivo" in format_when(date(2026, 11, 16), None)  # a puente Monday
