"""Periods people ask summaries and reports for, in Spanish.

"esta semana", "este mes", "el mes pasado", "trimestre", "2026-T3", "Q3",
"tercer trimestre de 2026", "julio a septiembre", "julio", "2026",
"primer semestre", "últimos 30 días", "1/7 al 30/9", "todo".

A period without a year is the most recent one that has already started
("julio" in November is this year's July; "diciembre" in November is last
year's): summaries and reports look back, never forward. Anything that is
not a period raises :class:`PeriodError` with a Spanish explanation and
examples; nothing else is raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.dates import (
    MONTHS,
    DateError,
    TwoDatesError,
    add_months,
    end_of_month,
    find_when,
    month_number,
)
from bot.folding import fold
from bot.refusal import Refusal
from bot.texts import periods as texts

EXAMPLES = texts.EXAMPLES

_ORDINALS = {"primer": 1, "primero": 1, "1er": 1, "1ro": 1, "1o": 1, "1": 1,
             "segundo": 2, "2do": 2, "2o": 2, "2": 2,
             "tercer": 3, "tercero": 3, "3er": 3, "3ro": 3, "3o": 3, "3": 3,
             "cuarto": 4, "4to": 4, "4o": 4, "4": 4}
_MIN_YEAR, _MAX_YEAR = 2000, 2100


class PeriodError(Refusal):
    """Not a period; ``str()`` is Spanish: what was not understood and how to write it."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"{problem}\n{EXAMPLES}")
        self.problem = problem


@dataclass(frozen=True)
class Period:
    """Days ``start`` to ``end``, both included, and how to name them."""

    start: date
    end: date
    kind: str  # day | week | month | quarter | semester | year | range | all

    @property
    def label(self) -> str:
        """Lower-case Spanish name: "julio – septiembre de 2026", "noviembre de 2026"."""
        s, e = self.start, self.end
        if self.kind == "all":
            return texts.ALL
        if self.kind == "year":
            return str(s.year)
        if self.kind == "month":
            return texts.MONTH.format(month=MONTHS[s.month - 1], year=s.year)
        first, last = MONTHS[s.month - 1], MONTHS[e.month - 1]
        if self.kind in {"quarter", "semester"} or self._whole_months():
            if s.year == e.year:
                return texts.MONTHS_SAME_YEAR.format(first=first, last=last, year=s.year)
            return texts.MONTHS_TWO_YEARS.format(first=first, year1=s.year, last=last,
                                                 year2=e.year)
        if s == e:
            return texts.DAY.format(day=s.day, month=first, year=s.year)
        if s.year != e.year:
            return texts.DAYS_TWO_YEARS.format(day1=s.day, month1=first, year1=s.year,
                                               day2=e.day, month2=last, year2=e.year)
        if s.month != e.month:
            return texts.DAYS_TWO_MONTHS.format(day1=s.day, month1=first, day2=e.day,
                                                month2=last, year=s.year)
        return texts.DAYS_ONE_MONTH.format(day1=s.day, day2=e.day, month=first, year=s.year)

    @property
    def title(self) -> str:
        """Upper-case for a report cover, as the office writes it: "JULIO – SEPTIEMBRE 2026"."""
        s, e = self.start, self.end
        if self.kind in {"quarter", "semester"} or (self._whole_months() and s != e):
            if self.kind == "month":
                return texts.TITLE_MONTH.format(month=MONTHS[s.month - 1], year=s.year).upper()
            if s.year == e.year:
                return texts.TITLE_MONTHS.format(first=MONTHS[s.month - 1],
                                                 last=MONTHS[e.month - 1], year=s.year).upper()
        return self.label.upper()

    @property
    def slug(self) -> str:
        """For file names: "2026-T3", "2026-11", "2026", "2026-07-15_2026-09-30"."""
        if self.kind == "quarter":
            return f"{self.start.year}-T{(self.start.month - 1) // 3 + 1}"
        if self.kind == "semester":
            return f"{self.start.year}-S{1 if self.start.month == 1 else 2}"
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "all":
            return texts.SLUG_ALL
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    @property
    def quarter_name(self) -> str | None:
        """ "tercer trimestre de 2026" for a quarter, else None."""
        if self.kind != "quarter":
            return None
        return texts.QUARTER_NAME.format(
            ordinal=texts.ORDINAL_WORDS[(self.start.month - 1) // 3 + 1], year=self.start.year)

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        out = []
        current = self.start.replace(day=1)
        while current <= self.end:
            out.append((current.year, current.month))
            current = add_months(current, 1)
        return out

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def complete(self, today: date) -> bool:
        """True once the period is over (a report on it will not change)."""
        return self.end < today

    def _whole_months(self) -> bool:
        return self.start.day == 1 and self.end == end_of_month(self.end.year, self.end.month)


# -- building blocks ------------------------------------------------------------------


def quarter(year: int, number: int) -> Period:
    if not 1 <= number <= 4:
        raise PeriodError(texts.NO_SUCH_QUARTER.format(number=number))
    first = date(_year(year), 3 * (number - 1) + 1, 1)
    return Period(first, end_of_month(first.year, first.month + 2), "quarter")


def month(year: int, number: int) -> Period:
    first = date(_year(year), number, 1)
    return Period(first, end_of_month(first.year, number), "month")


def semester(year: int, number: int) -> Period:
    first = date(_year(year), 1 if number == 1 else 7, 1)
    return Period(first, end_of_month(first.year, first.month + 5), "semester")


def whole_year(year: int) -> Period:
    return Period(date(_year(year), 1, 1), date(year, 12, 31), "year")


def quarter_of(day: date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def last_complete_quarter(today: date) -> Period:
    """The quarter before the one ``today`` is in: the default for the report."""
    return quarter_of(quarter_of(today).start - timedelta(days=1))


def _year(year: int) -> int:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise PeriodError(texts.YEAR_OUT_OF_RANGE.format(year=year, low=_MIN_YEAR, high=_MAX_YEAR))
    return year


def _latest_started(make, today: date, year: int | None):
    """``make(year)`` for ``year``, else for the latest year whose period has started."""
    if year is not None:
        return make(year)
    period = make(today.year)
    return make(today.year - 1) if period.start > today else period


# -- parsing ----------------------------------------------------------------------------

_Y = r"(?P<y>\d{4})"
_DE = r"(?:\s*(?:de|del|-|/)?\s*)"
_Q = r"(?:t|q|trim\.?|trimestre)"
_ORD = r"(?P<o>primer|primero|segundo|tercer|tercero|cuarto|[1-4](?:er|ro|do|to|o)?)"
_ONE = r"(?P<n>[1-4])"

_SINGLE: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(rf"^{pattern}$")) for kind, pattern in [
        ("all", r"(?:todo|todas?|todos|siempre|historico|todo el (?:registro|historial|tiempo))"),
        ("today", r"hoy"),
        ("yesterday", r"ayer"),
        ("week", r"(?:(?:esta|la)\s+)?semana(?:\s+(?:actual|en curso))?"),
        ("last_week", r"(?:(?:la|ultima)\s+)?semana\s+(?:pasada|anterior)|la\s+ultima\s+semana"),
        ("month", r"(?:(?:este|el)\s+)?mes(?:\s+(?:actual|en curso))?"),
        ("last_month", r"(?:el\s+)?(?:mes\s+(?:pasado|anterior)|ultimo\s+mes)"),
        ("quarter", r"(?:(?:este|el)\s+)?trimestre(?:\s+(?:actual|en curso))?"),
        ("last_quarter", r"(?:el\s+)?(?:trimestre\s+(?:pasado|anterior)|ultimo\s+trimestre)"),
        ("semester", r"(?:(?:este|el)\s+)?semestre(?:\s+(?:actual|en curso))?"),
        ("last_semester", r"(?:el\s+)?(?:semestre\s+(?:pasado|anterior)|ultimo\s+semestre)"),
        ("year", r"(?:(?:este|el)\s+)?ano(?:\s+(?:actual|en curso))?"),
        ("last_year", r"(?:el\s+)?(?:ano\s+(?:pasado|anterior)|ultimo\s+ano)"),
        ("last_n", r"(?:los\s+)?ultimos?\s+(?P<n>\d{1,4})\s+(?P<unit>dias?|semanas?|mes|meses)"),
        ("y", _Y),
        ("yq", rf"{_Y}\s*-?\s*{_Q}\s*{_ONE}"),
        ("qy", rf"{_Q}\s*{_ONE}(?:{_DE}{_Y})?"),
        ("oq", rf"(?:el\s+)?{_ORD}\s+trimestre(?:{_DE}{_Y})?"),
        ("ys", rf"{_Y}\s*-?\s*s\s*(?P<n>[12])"),
        ("sy", rf"s\s*(?P<n>[12])(?:{_DE}{_Y})?"),
        ("os", r"(?:el\s+)?(?P<o>primer|primero|segundo|1er|1ro|2do|1|2)\s+semestre"
               rf"(?:{_DE}{_Y})?"),
        ("ym", r"(?P<y>\d{4})-(?P<m>\d{1,2})"),
        ("my", r"(?P<m>\d{1,2})/(?P<y>\d{4})"),
        ("month_name", rf"(?:(?:el\s+)?mes\s+de\s+)?(?P<mon>[a-z]{{3,11}})\.?(?:{_DE}{_Y})?"),
    ]
]
_RANGE = re.compile(
    r"^(?:(?:de|del|desde|entre)\s+)?(?P<a>.+?)\s*(?:\s(?:a|al|hasta|y)\s|-|–|—)\s*(?P<b>.+)$"
)


def parse_period(text: str, *, today: date) -> Period | None:
    """The period ``text`` names, or None when it is empty (the caller's default applies).

    Raises :class:`PeriodError` when it is not a period.
    """
    norm = _normalise(text)
    if not norm:
        return None
    single = _single(norm, today, None)
    if single is not None:
        return single
    match = _RANGE.match(norm)
    if match:
        return _range(match.group("a"), match.group("b"), today, text)
    raise PeriodError(texts.NOT_UNDERSTOOD.format(text=text.strip()[:60]))


def _normalise(text: str) -> str:
    norm = fold(text).replace("–", "-").replace("—", "-")
    norm = re.sub(r"\s+", " ", norm).strip(" .,;:¿?¡!")
    return re.sub(r"^(?:en|durante|para|periodo|del periodo)\s+", "", norm)


def _single(norm: str, today: date, year: int | None) -> Period | None:
    """One period (no range), or None if ``norm`` does not name one.

    ``year`` is the year a range's other end gave, for "julio a septiembre de 2026".
    """
    for kind, pattern in _SINGLE:
        match = pattern.match(norm)
        if match:
            period = _build(kind, match.groupdict(), today, year)
            if period is not None:
                return period
    return _as_day(norm, today, year)


def _build(kind: str, g: dict, today: date, year: int | None) -> Period | None:
    given = int(g["y"]) if g.get("y") else year
    this_quarter = quarter_of(today)
    if kind == "all":
        return Period(date(_MIN_YEAR, 1, 1), today, "all")
    if kind in {"today", "yesterday"}:
        day = today if kind == "today" else today - timedelta(days=1)
        return Period(day, day, "day")
    if kind in {"week", "last_week"}:
        monday = today - timedelta(days=today.weekday())
        if kind == "last_week":
            monday -= timedelta(days=7)
        return Period(monday, monday + timedelta(days=6), "week")
    if kind == "month":
        return month(today.year, today.month)
    if kind == "last_month":
        first = add_months(today.replace(day=1), -1)
        return month(first.year, first.month)
    if kind == "quarter":
        return this_quarter
    if kind == "last_quarter":
        return last_complete_quarter(today)
    if kind in {"semester", "last_semester"}:
        current = semester(today.year, 1 if today.month <= 6 else 2)
        if kind == "semester":
            return current
        before = current.start - timedelta(days=1)
        return semester(before.year, 1 if before.month <= 6 else 2)
    if kind == "year":
        return whole_year(today.year)
    if kind == "last_year":
        return whole_year(today.year - 1)
    if kind == "last_n":
        n, unit = int(g["n"]), g["unit"]
        if n < 1:
            raise PeriodError(texts.COUNT_NOT_POSITIVE)
        if unit.startswith("dia"):
            start = today - timedelta(days=n - 1)
        elif unit.startswith("semana"):
            start = today - timedelta(days=7 * n - 1)
        else:
            start = add_months(today, -n) + timedelta(days=1)
        if start.year < _MIN_YEAR:
            raise PeriodError(texts.STARTS_TOO_EARLY)
        return Period(start, today, "range")
    if kind == "y":
        return whole_year(int(g["y"]))
    if kind in {"yq", "qy", "oq"}:
        number = int(g["n"]) if g.get("n") else _ORDINALS[g["o"]]
        return _latest_started(lambda y: quarter(y, number), today, given)
    if kind in {"ys", "sy", "os"}:
        number = int(g["n"]) if g.get("n") else _ORDINALS[g["o"]]
        return _latest_started(lambda y: semester(y, number), today, given)
    if kind in {"ym", "my"}:
        number = int(g["m"])
        if not 1 <= number <= 12:
            raise PeriodError(texts.NO_SUCH_MONTH.format(number=number))
        return month(int(g["y"]), number)
    if kind == "month_name":
        number = month_number(g["mon"])
        if number is None:
            return None
        return _latest_started(lambda y: month(y, number), today, given)
    raise AssertionError(kind)


def _as_day(norm: str, today: date, year: int | None = None) -> Period | None:
    """A single written date ("15/11", "2026-11-15", "15 de noviembre") as a one-day period.

    ``year`` (from the other end of a range) replaces the year of a date written without one.
    """
    if not re.search(r"\d", norm):
        return None
    try:
        when = find_when(norm, now=datetime.combine(today, time(12)), prefer="past")
    except TwoDatesError:
        return None  # a range: the caller splits it
    except DateError as exc:
        raise PeriodError(exc.problem) from None
    if when is None or when.time is not None or when.rest.strip(" ,.-"):
        return None
    day = when.day
    if year is not None and not re.search(r"\d{4}", norm):
        try:
            day = day.replace(year=year)
        except ValueError:  # 29 February
            raise PeriodError(texts.NO_LEAP_DAY.format(year=year)) from None
    if not _MIN_YEAR <= day.year <= _MAX_YEAR:
        return None
    return Period(day, day, "day")


_YEAR_AT_END = re.compile(r"(?:de|del|-|/)?\s*(\d{4})$")


def _range(a: str, b: str, today: date, original: str) -> Period:
    """ "julio a septiembre [de 2026]", "T1 a T3", "1/7 al 30/9", "noviembre 2025 a enero 2026"."""
    end = _single(b, today, None)
    if end is None:
        raise PeriodError(texts.END_NOT_UNDERSTOOD.format(text=original.strip()[:60]))
    b_has_year = bool(_YEAR_AT_END.search(b)) or end.kind == "year"
    a_has_year = bool(_YEAR_AT_END.search(a))
    start = _single(a, today, end.start.year if b_has_year and not a_has_year else None)
    if start is None:
        raise PeriodError(texts.START_NOT_UNDERSTOOD.format(text=original.strip()[:60]))
    if not a_has_year and start.kind in {"month", "quarter", "semester"}:
        if b_has_year and start.start > end.end:
            start = _single(a, today, end.start.year - 1)
        elif not b_has_year and end.kind in {"month", "quarter", "semester"}:
            # Neither end has a year: the start is the latest that has begun,
            # and the end follows it ("noviembre a enero" crosses the new year).
            shifted = _single(b, today, start.start.year)
            if shifted is not None and shifted.end < start.start:
                shifted = _single(b, today, start.start.year + 1)
            end = shifted or end
    assert start is not None
    if start.start > end.end:
        raise PeriodError(texts.ENDS_BEFORE_START.format(text=original.strip()[:60]))
    return Period(start.start, end.end, _range_kind(start.start, end.end))


def _range_kind(start: date, end: date) -> str:
    """A range that happens to be one quarter is reported as that quarter."""
    for kind, make in (("quarter", quarter_of),):
        candidate = make(start)
        if candidate.start == start and candidate.end == end:
            return kind
    if start.day == 1 and end == end_of_month(start.year, start.month) and \
            start.month == end.month and start.year == end.year:
        return "month"
    if start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return "year"
    return "range"
