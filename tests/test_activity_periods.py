"""The period parser of /resumen, /exportar and /informe."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.activities.periods import (
    Period,
    PeriodError,
    last_complete_quarter,
    parse_period,
    quarter,
    quarter_of,
)
from bot.dates import MONTHS

TODAY = date(2026, 11, 18)  # a Wednesday in the fourth quarter

days = st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31))
years = st.integers(min_value=2001, max_value=2099)
quarters = st.integers(min_value=1, max_value=4)


def period(text: str, today: date = TODAY) -> Period:
    result = parse_period(text, today=today)
    assert result is not None
    return result


@pytest.mark.parametrize(("text", "start", "end"), [
    ("esta semana", date(2026, 11, 16), date(2026, 11, 22)),
    ("semana pasada", date(2026, 11, 9), date(2026, 11, 15)),
    ("este mes", date(2026, 11, 1), date(2026, 11, 30)),
    ("el mes pasado", date(2026, 10, 1), date(2026, 10, 31)),
    ("trimestre", date(2026, 10, 1), date(2026, 12, 31)),
    ("el trimestre pasado", date(2026, 7, 1), date(2026, 9, 30)),
    ("2026-T3", date(2026, 7, 1), date(2026, 9, 30)),
    ("2026-t3", date(2026, 7, 1), date(2026, 9, 30)),
    ("T3 2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("Q3", date(2026, 7, 1), date(2026, 9, 30)),
    ("tercer trimestre de 2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("julio a septiembre", date(2026, 7, 1), date(2026, 9, 30)),
    ("de Julio a Septiembre de 2021", date(2021, 7, 1), date(2021, 9, 30)),
    ("jul-sep", date(2026, 7, 1), date(2026, 9, 30)),
    ("julio", date(2026, 7, 1), date(2026, 7, 31)),
    ("diciembre", date(2025, 12, 1), date(2025, 12, 31)),  # looks back, never forward
    ("noviembre 2025 a enero 2026", date(2025, 11, 1), date(2026, 1, 31)),
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("este año", date(2026, 1, 1), date(2026, 12, 31)),
    ("2026-11", date(2026, 11, 1), date(2026, 11, 30)),
    ("primer semestre", date(2026, 1, 1), date(2026, 6, 30)),
    ("últimos 30 días", date(2026, 10, 20), date(2026, 11, 18)),
    ("hoy", TODAY, TODAY),
    ("ayer", date(2026, 11, 17), date(2026, 11, 17)),
    ("15/11", date(2026, 11, 15), date(2026, 11, 15)),
    ("1/7 al 30/9/2025", date(2025, 7, 1), date(2025, 9, 30)),
])
def test_periods_people_write(text, start, end):
    result = period(text)
    assert (result.start, result.end) == (start, end)


def test_empty_text_means_the_callers_default():
    assert parse_period("  ", today=TODAY) is None


@pytest.mark.parametrize("text", ["xyz", "T5", "13/2026", "30/02", "la próxima luna",
                                  "septiembre 2026 a julio 2026"])
def test_what_is_not_a_period_is_explained_in_spanish(text):
    with pytest.raises(PeriodError) as error:
        parse_period(text, today=TODAY)
    assert "Escriba por ejemplo" in str(error.value)


def test_labels_and_slugs_name_the_period_for_people_and_files():
    t3 = period("2026-T3")
    assert t3.label == "julio – septiembre de 2026"
    assert t3.title == "JULIO – SEPTIEMBRE 2026"
    assert t3.slug == "2026-T3"
    assert t3.quarter_name == "tercer trimestre de 2026"
    assert period("julio").label == "julio de 2026"


def test_the_report_default_is_the_last_complete_quarter():
    assert last_complete_quarter(TODAY) == quarter(2026, 3)
    assert last_complete_quarter(date(2026, 1, 5)) == quarter(2025, 4)


@given(years, quarters, st.sampled_from(["{y}-T{q}", "T{q} {y}", "Q{q} {y}", "{y}-Q{q}",
                                         "t{q} de {y}", "{y}T{q}"]))
def test_every_way_to_write_a_quarter_gives_that_quarter(year, number, form):
    result = period(form.format(y=year, q=number))
    assert result == quarter(year, number)
    assert result.slug == f"{year}-T{number}"


@given(years, st.integers(1, 12), st.integers(1, 12), st.booleans())
def test_month_ranges_with_a_year_cover_whole_months(year, first, last, accents):
    names = MONTHS if accents else [m.upper() for m in MONTHS]
    text = f"{names[first - 1]} a {names[last - 1]} de {year}"
    if first > last:
        result = period(text)  # crosses the new year: the start is in the year before
        assert result.start == date(year - 1, first, 1)
    else:
        result = period(text)
        assert result.start == date(year, first, 1)
    assert result.end.month == last and result.end.year == year
    assert (result.end + timedelta(days=1)).day == 1


@given(days)
def test_relative_periods_contain_today_and_never_start_after_it(today):
    for text in ("esta semana", "este mes", "trimestre", "este año", "semestre"):
        result = period(text, today)
        assert result.start <= today <= result.end
    previous = period("el mes pasado", today)
    assert previous.end == today.replace(day=1) - timedelta(days=1)


@given(days, st.integers(1, 12))
def test_a_month_without_year_is_the_latest_that_has_started(today, month):
    result = period(MONTHS[month - 1], today)
    assert result.start <= today
    assert result.start.month == month
    assert result.start.year in (today.year, today.year - 1)


@given(days)
def test_last_complete_quarter_is_over_and_just_before_this_one(today):
    result = last_complete_quarter(today)
    assert result.complete(today)
    assert result.end + timedelta(days=1) == quarter_of(today).start


@given(st.text(max_size=40), days)
def test_any_text_is_a_period_or_a_spanish_error_never_a_crash(text, today):
    try:
        result = parse_period(text, today=today)
    except PeriodError as error:
        assert str(error)
    else:
        assert result is None or result.start <= result.end
