"""Spanish dates as people type them, shared by every feature of Enlace.

People write "el próximo viernes", "pasado mañana a las 3", "15/12", "fin de
mes", "en dos semanas", "setiembre 3": dateparser alone misses half of these
(relative forms, "fin de mes", number words, "a las 3" meaning 15:00 in an
office) and finds dates in words that are not dates. So the text is first
normalised (lower case, accents folded, number words read), the forms an
office uses are recognised here with explicit rules, and dateparser is only a
last resort for a text that must be a date as a whole (:func:`parse_when`).

``prefer`` says which way an incomplete date points: "future" for deadlines
("lunes" = next Monday, "15/12" = the next 15 December), "past" for activity
logs ("lunes" = last Monday, "15/12" = the last 15 December).

Anything that looks like a date but is not one ("32/13", "30 de febrero",
"25:00") raises :class:`DateError`, whose text tells the person how to write
it; nothing else is ever raised.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal

from rapidfuzz.distance import Levenshtein

from bot.folding import fold
from bot.refusal import Refusal

Prefer = Literal["past", "future"]

WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]

HOW_TO_WRITE = (
    "Escriba la fecha así: «15 de diciembre», «15/12/2026», «el próximo viernes», "
    "«pasado mañana», «en dos semanas» o «fin de mes»; la hora es opcional: «a las 10», "
    "«a las 3 pm», «17:30»."
)

MIN_YEAR, MAX_YEAR = 1900, 2199


class DateError(Refusal):
    """A date-like text that is not a valid date.

    ``str()`` is a Spanish explanation in plain text (it quotes what the person
    wrote, so ``html.escape`` it before sending it in HTML mode): what is wrong,
    then how to write it. ``problem`` is the first part alone.
    """

    def __init__(self, problem: str, how: str = HOW_TO_WRITE) -> None:
        super().__init__(f"{problem}\n{how}" if how else problem)
        self.problem = problem


@dataclass(frozen=True)
class When:
    """A date (and maybe a time) found in a text, and what is left of the text."""

    day: date
    time: time | None  # None when no hour was given
    matched: str  # what was understood as the date (two parts joined when the hour is apart)
    rest: str  # the input without it (nor a leading "el", "para el", "hasta el"), stripped

    def at(self, tz, default: time) -> datetime:
        """The aware datetime in ``tz``, at ``default`` when no hour was given."""
        return datetime.combine(self.day, self.time or default, tzinfo=tz)

    def describe(self) -> str:
        return format_when(self.day, self.time)


# --------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------


def format_day(d: date) -> str:
    """ "viernes 15 de diciembre de 2026" (a person checks a date by its weekday)."""
    return f"{WEEKDAYS[d.weekday()]} {d.day} de {MONTHS[d.month - 1]} de {d.year}"


def format_when(d: date, t: time | None) -> str:
    """ "viernes 15 de diciembre de 2026, 17:00", or just the day without a time."""
    return format_day(d) if t is None else f"{format_day(d)}, {t:%H:%M}"


def format_short(d: date) -> str:
    """ "vie 15 dic" for lists, where the year is obvious."""
    return f"{WEEKDAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}"


# --------------------------------------------------------------------------------------
# Calendar arithmetic
# --------------------------------------------------------------------------------------


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamped to the month's last day (31 ene + 1 = 28 feb).

    Raises :class:`DateError` when the result falls outside the supported years.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError("Esa fecha queda demasiado lejos.")
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_days(d: date, days: int) -> date:
    try:
        result = d + timedelta(days=days)
    except OverflowError:
        raise DateError("Esa fecha queda demasiado lejos.") from None
    if not MIN_YEAR <= result.year <= MAX_YEAR:
        raise DateError("Esa fecha queda demasiado lejos.")
    return result


def _add_business_days(d: date, days: int) -> date:
    """Monday to Friday only (holidays are not known here)."""
    if days > 3650:
        raise DateError("Esa fecha queda demasiado lejos.")
    step = 1 if days >= 0 else -1
    left = abs(days)
    while left:
        d += timedelta(days=step)
        if d.weekday() < 5:
            left -= 1
    return d


# --------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------


def _fold_char(c: str) -> str:
    decomposed = unicodedata.normalize("NFKD", c.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)) or c


def _normalise(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its index in ``text``.

    Folding is done per character so a match in the folded text can be mapped
    back to the exact substring the person wrote.
    """
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        folded = _fold_char(c)
        if c in "ºª°":  # "1º de enero": keep the ordinal mark as one character
            folded = "º"
        for ch in folded:
            chars.append(ch)
            index.append(i)
    return "".join(chars), index


_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
          "diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete",
          "dieciocho", "diecinueve", "veinte"]
NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)}
NUMBER_WORDS.update({"un": 1, "una": 1, "primero": 1, "primer": 1, "un par de": 2,
                     "par de": 2, "media": 0})
for _n, _word in enumerate(["uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
                            "nueve"], start=1):
    NUMBER_WORDS[f"veinti{_word}"] = 20 + _n
    NUMBER_WORDS[f"veinte y {_word}"] = 20 + _n
NUMBER_WORDS.update({"veintiun": 21, "treinta": 30, "treinta y uno": 31, "treinta y un": 31,
                     "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "noventa": 90,
                     "cien": 100, "ciento veinte": 120, "ciento ochenta": 180})
del NUMBER_WORDS["media"]

_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
NUM = rf"(?:\d{{1,4}}|{_WORDS})"


def _number(token: str) -> int:
    token = re.sub(r"\s+", " ", token.strip())
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS[token]


_MONTH_ALIASES: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_ALIASES.update({"setiembre": 9, "sept": 9, "set": 9})
for _i, _name in enumerate(MONTHS):
    _MONTH_ALIASES.setdefault(_name[:3], _i + 1)


def month_number(word: str, *, fuzzy: bool = True) -> int | None:
    """1..12 for a Spanish month name, abbreviation or a one-letter typo of one."""
    word = fold(word).strip(". ")
    if word in _MONTH_ALIASES:
        return _MONTH_ALIASES[word]
    if not fuzzy or len(word) < 5:
        return None
    for name in [*MONTHS, "setiembre"]:
        limit = 1 if len(name) <= 6 else 2
        if word[0] == name[0] and Levenshtein.distance(word, name) <= limit:
            return _MONTH_ALIASES[name]
    return None


_WEEKDAY_FOLDED = [fold(w) for w in WEEKDAYS]
WEEKDAY = r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)"


def _weekday_number(word: str) -> int:
    return _WEEKDAY_FOLDED.index(word)


# --------------------------------------------------------------------------------------
# Patterns, on the folded text
# --------------------------------------------------------------------------------------

_B = r"(?<![\w])"  # word start
_E = r"(?![\w])"  # word end
_NOT_NUM_BEFORE = r"(?<![\w/.,:$-])"
_NOT_NUM_AFTER = r"(?![\w/]|[.,:-]\d)"

DAYNUM = rf"(?:\d{{1,2}}(?:º|ro|ero|er)?|{_WORDS})"
YEAR = r"(?P<y>\d{4})"
# "15 de marzo del próximo año", "… del año que viene", "… de este año", "… del año pasado"
REL_YEAR = (r"\s+(?:de|del)\s+(?:(?P<ythis>este\s+ano)|(?P<ynext>(?:proximo|siguiente)\s+ano"
            r"|ano\s+(?:que\s+viene|entrante|proximo|siguiente))|(?P<yprev>ano\s+pasado))")
MONTH_WORD = r"(?P<mon>[a-z]{3,11}\.?)"

_DATE_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"{_NOT_NUM_BEFORE}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_NOT_NUM_AFTER}"),
    ("numeric", rf"{_NOT_NUM_BEFORE}(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
                rf"(?:/(?P<y>\d{{4}}|\d{{2}}))?{_NOT_NUM_AFTER}"),
    ("numeric", rf"{_NOT_NUM_BEFORE}(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<d>\d{{1,2}})(?P<sep>[.-])"
                rf"(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){_NOT_NUM_AFTER}"),
    ("text", rf"{_B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?:el\s+)?dia\s+)?(?P<d>{DAYNUM})"
             rf"(?:\s*(?:de|del)\s+|\s+){MONTH_WORD}"
             rf"(?:(?:\s*,\s*|\s+)(?:de\s+|del\s+)?{YEAR}|{REL_YEAR})?{_E}"),
    ("text_md", rf"{_B}(?:(?P<wd>{WEEKDAY}),?\s+)?{MONTH_WORD}\s+(?P<d>\d{{1,2}})"
                rf"(?:(?:\s*,\s*|\s+)(?:de\s+|del\s+)?{YEAR})?{_E}"),
    ("end", rf"{_B}(?:a\s+)?(?P<edge>fin|final|finales|ultimo\s+dia|mediados|principios|inicios"
            rf"|comienzos)\s+(?:de|del)\s+"
            rf"(?:(?P<pre>este|esta|proximo|siguiente|el)\s+)?(?P<unit>mes|ano|[a-z]{{3,11}})"
            rf"(?:\s+(?P<post>que\s+viene|entrante|proximo|siguiente|pasado|anterior))?"
            rf"(?:\s+(?:de|del)\s+{YEAR})?{_E}"),
    ("word", rf"{_B}(?P<w>pasado\s+manana|antes\s+de\s+ayer|anteayer|antier|anoche|ayer|hoy"
             rf"|(?<!la\s)(?<!esta\s)manana){_E}"),
    ("weekday", rf"{_B}(?:(?P<pre>proximo|pasado|este|siguiente)\s+)?(?P<wd>{WEEKDAY})"
                rf"(?:\s+(?P<dn>\d{{1,2}})(?!\s*(?:[/:.-]|de\s|del\s|h\b|am|pm)))?"
                rf"(?:\s+(?P<post>que\s+viene|entrante|proximo|siguiente|pasado|anterior))?{_E}"),
    ("relative", rf"{_B}(?P<dir>en|dentro\s+de|hace)\s+(?:(?:unos|unas)\s+)?(?P<n>{NUM})\s+"
                 rf"(?P<unit>dias?|semanas?|mes|meses|anos?)(?:\s+(?P<hab>habiles))?{_E}"),
    ("relative_time", rf"{_B}(?P<dir>en|dentro\s+de|hace)\s+(?:(?P<n>{NUM})\s+"
                      rf"(?P<unit>minutos?|mins?|horas?|hrs?)|(?P<half>media\s+hora)){_E}"),
    ("daynum", rf"{_B}(?:el\s+)?(?:dia\s+)?(?P<d>\d{{1,2}})\s+(?:de|del)\s+(?:(?P<mthis>este\s+mes)"
               rf"|(?P<mnext>(?:proximo|siguiente)\s+mes|mes\s+(?:que\s+viene|entrante|proximo|"
               rf"siguiente))|(?P<mprev>mes\s+pasado)){_E}"),
    ("daynum", rf"{_B}(?:el\s+)?dia\s+(?P<d>\d{{1,2}}){_E}(?!\s*(?:[/.-]\d|de\s|del\s))"),
]

MERIDIEM = (r"(?P<mer>am|a\.\s?m\.|a\.m|pm|p\.\s?m\.|p\.m|m(?![\w.])"
            r"|de\s+la\s+(?:manana|tarde|noche)|en\s+la\s+(?:manana|tarde|noche)"
            r"|por\s+la\s+(?:manana|tarde|noche)|del\s+mediodia)")
_HOUR = rf"(?P<h>\d{{1,2}}|{_WORDS})"
_MINUTES = r"(?::(?P<m>\d{2})|\s+y\s+(?P<frac>media|cuarto)|\s+(?P<less>menos\s+cuarto))"

_TIME_PATTERNS: list[tuple[str, str]] = [
    ("clock", rf"{_B}(?:(?:a|desde|hasta|antes\s+de|sobre)\s+)?(?:las?)\s+{_HOUR}{_MINUTES}?"
              rf"(?:\s*{MERIDIEM})?(?:\s*(?:h|hrs|horas)\b)?(?![\w:])"),
    ("clock", rf"{_NOT_NUM_BEFORE}(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::\d{{2}})?(?:\s*{MERIDIEM})?"
              rf"(?:\s*(?:h|hrs|horas)\b)?(?![\w:/])"),
    ("clock", rf"{_NOT_NUM_BEFORE}(?P<h>\d{{1,2}})\s+(?P<mer>de\s+la\s+(?:manana|tarde|noche))"
              rf"{_E}"),
    ("clock", rf"{_NOT_NUM_BEFORE}(?P<h>\d{{1,2}})\s*(?P<mer>am|pm|a\.\s?m\.|p\.\s?m\.|a\.m|p\.m)"
              rf"(?![\w])"),
    ("clock", rf"{_NOT_NUM_BEFORE}(?P<h>\d{{1,2}})h(?P<m>\d{{2}})?(?![\w:])"),
    ("period", rf"{_B}(?:por|en|de)\s+la\s+(?:manana|tarde|noche){_E}"),
    ("noon", rf"{_B}(?:(?:a|al|hasta\s+el|antes\s+del)\s+)?(?P<w>medio\s?dia|media\s?noche){_E}"),
]

_DATE_RES = [(kind, re.compile(p)) for kind, p in _DATE_PATTERNS]
_TIME_RES = [(kind, re.compile(p)) for kind, p in _TIME_PATTERNS]

# What may sit between a date and its time ("15 de diciembre, a las 10", "2026-12-15T10:00").
_GLUE = re.compile(r"^[\s,]*(?:(?:el|del|de|y|t|para\s+el|desde\s+el|hasta\s+el)\s*)?[\s,]*$")
# Words before a date that belong to it ("para el 15", "hasta el viernes").
_LEAD = re.compile(
    r"(?:\b(?:para\s+el|hasta\s+el|antes\s+del|antes\s+de|desde\s+el|el\s+dia|el|para|hasta"
    r"|del|al|a|de)\s*)?[\s,:;-]*$"
)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    resolve: Callable[[], tuple[date | None, time | None]]
    kind: str = ""


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def find_when(text: str, *, now: datetime, prefer: Prefer = "future") -> When | None:
    """The first date (and its time) written inside ``text``, or None if there is none.

    Raises :class:`DateError` (and nothing else) when something date-like is
    invalid, so a typo never silently becomes "no date".
    """
    try:
        return _find(text, now, prefer)
    except DateError:
        raise
    except (ValueError, OverflowError, KeyError, IndexError) as exc:  # defensive: never leak
        raise DateError(f"No entendí la fecha en «{text.strip()[:60]}».") from exc


def parse_when(text: str, *, now: datetime, prefer: Prefer = "future") -> When:
    """``text`` read as a date as a whole; :class:`DateError` if it is not one."""
    clean = text.strip()
    if not clean:
        raise DateError("Falta la fecha.")
    found = find_when(clean, now=now, prefer=prefer)
    if found is not None and not _leftover(found.rest):
        return found
    fallback = _dateparser(clean, now, prefer)
    if fallback is not None:
        return fallback
    raise DateError(f"No entendí la fecha «{clean[:60]}».")


def _leftover(rest: str) -> bool:
    """True when ``rest`` holds more than filler words and punctuation."""
    words = re.sub(r"[^\w]+", " ", fold(rest)).split()
    return any(w not in {"el", "la", "de", "del", "a", "para", "hasta", "las", "y"} for w in words)


# --------------------------------------------------------------------------------------
# The finder
# --------------------------------------------------------------------------------------


def _find(text: str, now: datetime, prefer: Prefer) -> When | None:
    norm, index = _normalise(text)
    today = now.date()
    dates = _candidates(norm, _DATE_RES,
                        lambda kind, m: _date_resolver(kind, m, today, prefer, now))
    times = _candidates(norm, _TIME_RES, lambda kind, m: _time_resolver(kind, m))
    # A time pattern inside a date span ("15/12/2026" holds no time) is not a time.
    times = [t for t in times if not any(d.start <= t.start < d.end for d in dates)]
    periods = [t for t in times if t.kind == "period"]
    times = [t for t in times if t.kind != "period"]
    if not dates and not times:
        return None
    date_span = dates[0] if dates else None
    time_span: _Span | None = None
    if date_span is not None:
        day, given_time = date_span.resolve()
        adjacent = [t for t in times if _adjacent(norm, date_span, t)]
        pool = adjacent or times or [p for p in periods if _adjacent(norm, date_span, p)]
        if pool and given_time is None:
            time_span = pool[0]
    else:
        day, given_time = None, None
        time_span = times[0]
    clock = given_time
    if time_span is not None and time_span.kind != "period":
        _, clock = time_span.resolve()
    if day is None:
        assert clock is not None
        day = _day_for_time(clock, now, prefer)
    spans = [s for s in (date_span, time_span) if s is not None]
    return _when(text, norm, index, spans, day, clock)


def _candidates(norm: str, patterns, make) -> list[_Span]:
    """Non-overlapping matches, earliest first; at one start the longest wins."""
    found: list[tuple[int, int, object]] = []
    for kind, pattern in patterns:
        for m in pattern.finditer(norm):
            resolver = make(kind, m)
            if resolver is not None:
                span = _Span(m.start(), m.end(), resolver, kind)
                found.append((m.start(), -(m.end() - m.start()), span))
    found.sort(key=lambda item: (item[0], item[1]))
    chosen: list[_Span] = []
    for _, _, span in found:
        if all(span.start >= c.end or span.end <= c.start for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _adjacent(norm: str, a: _Span, b: _Span) -> bool:
    gap = norm[a.end:b.start] if a.end <= b.start else norm[b.end:a.start]
    return bool(_GLUE.match(gap))


def _when(text: str, norm: str, index: list[int], spans: list[_Span], day: date,
          clock: time | None) -> When:
    spans = sorted(spans, key=lambda s: s.start)
    if len(spans) == 2 and _adjacent(norm, spans[0], spans[1]):
        spans = [_Span(spans[0].start, spans[1].end, spans[0].resolve)]
    pieces: list[tuple[int, int]] = []
    for span in spans:
        start = index[span.start]
        end = index[span.end - 1] + 1
        pieces.append((start, end))
    matched = " ".join(text[a:b].strip() for a, b in pieces)
    rest = text
    for a, b in reversed(pieces):
        before = rest[:a]
        lead = _LEAD.search(fold(before))
        cut = lead.start() if lead else len(before)
        before = before[:cut]
        rest = before.rstrip() + " " + rest[b:].lstrip(" ,.;:")
    rest = re.sub(r"\s{2,}", " ", rest).strip(" ,;:-\t\n")
    return When(day=day, time=clock, matched=matched, rest=rest)


def _day_for_time(clock: time, now: datetime, prefer: Prefer) -> date:
    """A time with no date: the next such time (future) or the last one (past)."""
    today = now.date()
    current = now.time().replace(tzinfo=None)
    if prefer == "future":
        return today if clock > current else today + timedelta(days=1)
    return today if clock <= current else today - timedelta(days=1)


# --------------------------------------------------------------------------------------
# Resolving one match
# --------------------------------------------------------------------------------------


def _date_resolver(kind: str, m: re.Match, today: date, prefer: Prefer,
                   now: datetime | None = None):
    """A function giving (day, time) for match ``m``, or None if it is not a date after all.

    Validation happens when the function is called (for the chosen match only),
    so an odd word elsewhere in the text can not raise.
    """
    g = m.groupdict()
    if kind in {"iso", "numeric"}:
        def numeric():
            return _calendar_date(int(g["d"]), int(g["m"]), g.get("y"), today, prefer,
                                  m.group(0), g.get("wd")), None
        return numeric
    if kind in {"text", "text_md"}:
        month = month_number(g["mon"], fuzzy=kind == "text")
        if month is None:
            return None
        day_text = g["d"]
        if day_text[0].isdigit():
            day_text = re.sub(r"(º|ro|ero|er)$", "", day_text)
        if not day_text.isdigit() and day_text not in NUMBER_WORDS:
            return None
        year_text = g.get("y")
        if g.get("ythis") or g.get("ynext") or g.get("yprev"):
            shift = 1 if g.get("ynext") else -1 if g.get("yprev") else 0
            year_text = str(today.year + shift)
        return lambda: (_calendar_date(_number(day_text), month, year_text, today, prefer,
                                       m.group(0), g.get("wd")), None)
    if kind == "end":
        return _end_resolver(g, today, prefer)
    if kind == "word":
        offsets = {"hoy": 0, "manana": 1, "pasado manana": 2, "ayer": -1, "anoche": -1,
                   "antier": -2, "anteayer": -2, "antes de ayer": -2}
        offset = offsets[re.sub(r"\s+", " ", g["w"])]
        return lambda: (today + timedelta(days=offset), None)
    if kind == "weekday":
        return lambda: (_weekday_date(g, today, prefer, m.group(0)), None)
    if kind == "relative":
        return lambda: (_relative_date(g, today), None)
    if kind == "daynum":
        shift = 1 if g.get("mnext") else -1 if g.get("mprev") else 0 if g.get("mthis") else None
        if shift is not None:
            return lambda: (_day_in_month(int(g["d"]), add_months(today.replace(day=1), shift),
                                          m.group(0)), None)
        return lambda: (_day_of_month(int(g["d"]), today, prefer, m.group(0)), None)
    if kind == "relative_time":
        assert now is not None
        return lambda: _relative_moment(g, now)
    raise AssertionError(kind)


def _calendar_date(day: int, month: int, year_text: str | None, today: date, prefer: Prefer,
                   written: str, weekday: str | None) -> date:
    if not 1 <= month <= 12:
        raise DateError(f"En «{written}» el mes {month} no existe (los meses van de 1 a 12).")
    if not 1 <= day <= 31:
        raise DateError(f"En «{written}» el día {day} no existe (los días van de 1 a 31).")
    if year_text is not None:
        year = int(year_text)
        if len(year_text) == 2:
            year += 2000
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DateError(f"En «{written}» el año {year} no es válido.")
        return _check_weekday(_make_date(year, month, day), weekday)
    if weekday is None:
        return _next_or_last(day, month, today, prefer)
    # "viernes 20 de noviembre": the weekday tells which year is meant.
    return _first_on_weekday(
        [lambda: _next_or_last(day, month, today, prefer),
         lambda: _next_or_last(day, month, today, _other(prefer))], weekday)


def _other(prefer: Prefer) -> Prefer:
    return "past" if prefer == "future" else "future"


def _first_on_weekday(candidates: list[Callable[[], date]], weekday: str) -> date:
    """The first candidate that falls on ``weekday``; else explain the mismatch."""
    first = candidates[0]()
    for make in candidates:
        candidate = make()
        if candidate.weekday() == _weekday_number(weekday):
            return candidate
    return _check_weekday(first, weekday)


def _check_weekday(result: date, weekday: str | None) -> date:
    if weekday is not None and _weekday_number(weekday) != result.weekday():
        raise DateError(
            f"El {result.day} de {MONTHS[result.month - 1]} de {result.year} es "
            f"{WEEKDAYS[result.weekday()]}, no {WEEKDAYS[_weekday_number(weekday)]}. "
            "Revise el día."
        )
    return result


def _make_date(year: int, month: int, day: int) -> date:
    last = calendar.monthrange(year, month)[1]
    if day > last:
        raise DateError(f"{MONTHS[month - 1].capitalize()} de {year} tiene {last} días, "
                        f"no hay día {day}.")
    return date(year, month, day)


def _next_or_last(day: int, month: int, today: date, prefer: Prefer) -> date:
    """The next (future) or last (past) ``day``/``month``, today included."""
    if day > max(calendar.monthrange(y, month)[1] for y in (2027, 2028)):
        raise DateError(f"{MONTHS[month - 1].capitalize()} no tiene día {day}.")
    step = 1 if prefer == "future" else -1
    year = today.year
    for _ in range(9):  # 29 February exists at least every 8 years
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if (candidate >= today) if prefer == "future" else (candidate <= today):
                return candidate
        year += step
    raise DateError(f"No encontré un {day} de {MONTHS[month - 1]} cercano.")


def _day_of_month(day: int, today: date, prefer: Prefer, written: str) -> date:
    """ "el día 15": this month's 15th, or the next (future) / previous (past) month's."""
    if not 1 <= day <= 31:
        raise DateError(f"En «{written}» el día {day} no existe (los días van de 1 a 31).")
    step = 1 if prefer == "future" else -1
    month_start = today.replace(day=1)
    for i in range(13):
        first = add_months(month_start, i * step)
        if day <= calendar.monthrange(first.year, first.month)[1]:
            candidate = first.replace(day=day)
            if (candidate >= today) if prefer == "future" else (candidate <= today):
                return candidate
    raise DateError(f"No encontré un día {day} cercano.")


def _edge(edge: str, year: int, month: int | None) -> date:
    """The day an edge word names in a month (or, with ``month`` None, in a year)."""
    if month is None:
        return {"fin": date(year, 12, 31), "mediados": date(year, 6, 30),
                "principios": date(year, 1, 1)}[edge]
    if edge == "mediados":
        return date(year, month, 15)
    if edge == "principios":
        return date(year, month, 1)
    return end_of_month(year, month)


def _day_in_month(day: int, first: date, written: str) -> date:
    """ "el 3 del próximo mes": day ``day`` of the month starting at ``first``."""
    if not 1 <= day <= 31:
        raise DateError(f"En «{written}» el día {day} no existe (los días van de 1 a 31).")
    return _make_date(first.year, first.month, day)


def _end_resolver(g: dict, today: date, prefer: Prefer):
    """ "fin de mes", "finales de año", "mediados de enero", "fin del próximo mes"."""
    edge = re.sub(r"\s+", " ", g["edge"])
    edge = {"final": "fin", "finales": "fin", "ultimo dia": "fin", "inicios": "principios",
            "comienzos": "principios"}.get(edge, edge)
    unit = g["unit"]
    post = re.sub(r"\s+", " ", g.get("post") or "")
    shift = 0
    if g.get("pre") in {"proximo", "siguiente"} or post in {"que viene", "entrante", "proximo",
                                                             "siguiente"}:
        shift = 1
    elif post in {"pasado", "anterior"}:
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
            return _edge(edge, first.year, first.month)
        return lambda: settle(in_month)
    if unit == "ano":
        return lambda: settle(lambda k: _edge(edge, int(year_text) if year_text
                                              else today.year + k, None))
    return lambda: settle(lambda k: _edge(edge, int(year_text) if year_text
                                          else today.year + k, month))


def _weekday_date(g: dict, today: date, prefer: Prefer, written: str) -> date:
    target = _weekday_number(g["wd"])
    pre, post = g.get("pre"), re.sub(r"\s+", " ", g.get("post") or "")
    if g.get("dn"):
        day = int(g["dn"])
        return _first_on_weekday(
            [lambda: _day_of_month(day, today, prefer, written),
             lambda: _day_of_month(day, today, _other(prefer), written)], g["wd"])
    ahead = (target - today.weekday()) % 7  # 0..6, today included
    back = (today.weekday() - target) % 7
    if pre in {"proximo", "siguiente"} or post in {"que viene", "entrante", "proximo",
                                                   "siguiente"}:
        return today + timedelta(days=ahead or 7)
    if pre == "pasado" or post in {"pasado", "anterior"}:
        return today - timedelta(days=back or 7)
    if pre == "este":
        return today + timedelta(days=ahead) if prefer == "future" else today - timedelta(
            days=back)
    if prefer == "future":
        return today + timedelta(days=ahead or 7)
    return today - timedelta(days=back or 7)


def _relative_date(g: dict, today: date) -> date:
    n = _number(g["n"])
    unit = g["unit"]
    sign = -1 if g["dir"] == "hace" else 1
    if unit.startswith("dia"):
        if g.get("hab"):
            return _add_business_days(today, sign * n)
        return _add_days(today, sign * n)
    if unit.startswith("semana"):
        return _add_days(today, sign * 7 * n)
    if unit.startswith("mes"):
        return add_months(today, sign * n)
    return add_months(today, sign * 12 * n)


def _relative_moment(g: dict, now: datetime) -> tuple[date, time]:
    """ "en 2 minutos", "dentro de 3 horas", "en media hora": a day and a minute."""
    minutes = 30 if g.get("half") else _number(g["n"]) * (
        60 if g["unit"].startswith("h") else 1)
    if minutes > 60 * 24 * 366:
        raise DateError("Esa fecha queda demasiado lejos.")
    sign = -1 if g["dir"] == "hace" else 1
    moment = now + timedelta(minutes=sign * minutes)
    return moment.date(), moment.time().replace(second=0, microsecond=0, tzinfo=None)


def _time_resolver(kind: str, m: re.Match):
    g = m.groupdict()
    if kind == "period":  # "mañana por la tarde": part of the date, but no hour
        return lambda: (None, None)
    if kind == "noon":
        word = g["w"].replace(" ", "")
        return lambda: (None, time(12, 0) if word == "mediodia" else time(23, 59))
    hour_text = g["h"]
    if not hour_text.isdigit() and hour_text not in NUMBER_WORDS:
        return None
    if m.group(0).startswith("la") and not (g.get("m") or g.get("frac") or g.get("mer")):
        return None  # "las 3 actividades" is not a time; "a las 3" and "las 3 pm" are

    def clock():
        return None, _clock_time(_number(hour_text), g, m.group(0))
    return clock


def _clock_time(hour: int, g: dict, written: str) -> time:
    minute = int(g["m"]) if g.get("m") else 0
    if g.get("frac") == "media":
        minute = 30
    elif g.get("frac") == "cuarto":
        minute = 15
    mer = re.sub(r"[\s.]", "", g.get("mer") or "")
    if g.get("less"):
        hour, minute = hour - 1, 45
    if hour > 23 or minute > 59 or hour < 0:
        raise DateError(f"«{written.strip()}» no es una hora válida (ej. 10:30 o 3 pm).")
    if mer in {"pm", "delatarde", "delanoche", "enlatarde", "enlanoche", "porlatarde",
               "porlanoche"}:
        if hour > 12:
            raise DateError(f"«{written.strip()}»: use 17:00 o 5 pm, no las dos a la vez.")
        if hour < 12:
            hour += 12
        elif "noche" in mer:
            hour = 0
    elif mer in {"am", "delamanana", "enlamanana", "porlamanana"}:
        if hour > 12:
            raise DateError(f"«{written.strip()}»: use 17:00 o 5 pm, no las dos a la vez.")
        if hour == 12:
            hour = 0
    elif mer in {"m", "delmediodia"}:
        hour = 12 if hour == 12 else hour
    elif 1 <= hour <= 6 and not g.get("m"):
        # "a las 3" in an office means 15:00; "a las 7" means 7:00.
        hour += 12
    return time(hour, minute)


# --------------------------------------------------------------------------------------
# dateparser, the last resort
# --------------------------------------------------------------------------------------


def _dateparser(text: str, now: datetime, prefer: Prefer) -> When | None:
    """dateparser for forms not covered above, for a text that must be a date as a whole."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - declared dependency
        return None
    base = now.replace(tzinfo=None)
    try:
        result = dateparser.parse(
            text,
            languages=["es"],
            settings={
                "PREFER_DATES_FROM": prefer,
                "RELATIVE_BASE": base,
                "TIMEZONE": str(getattr(now.tzinfo, "key", "UTC")),
                "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["day", "month"],
            },
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if result is None or not MIN_YEAR <= result.year <= MAX_YEAR:
        return None
    norm = fold(text)
    has_time = bool(re.search(r"\d[:h]\d{2}|\b(?:am|pm)\b|\ba\s+las?\b", norm))
    clock = result.time().replace(second=0, microsecond=0) if has_time else None
    return When(day=result.date(), time=clock, matched=text.strip(), rest="")


# --------------------------------------------------------------------------------------
# Durations ("2 años", "18 meses") for agreements
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Duration:
    months: int = 0
    days: int = 0

    def after(self, start: date) -> date:
        return _add_days(add_months(start, self.months), self.days)

    def describe(self) -> str:
        parts = []
        years, months = divmod(self.months, 12)
        if years:
            parts.append(f"{years} año" + ("s" if years != 1 else ""))
        if months:
            parts.append(f"{months} mes" + ("es" if months != 1 else ""))
        if self.days:
            parts.append(f"{self.days} día" + ("s" if self.days != 1 else ""))
        return " y ".join(parts) or "0 días"


DURATION_HELP = "Escriba la duración así: «2 años», «18 meses», «1 año y 6 meses»."
_DURATION_PART = re.compile(
    rf"(?P<sign>[-−])?\s*(?P<n>\d+(?:[.,]5)?|{_WORDS})\s*(?P<half>y\s+medio\s+)?"
    rf"(?P<unit>anos?|meses|mes|semanas?|dias?|a|m|d)\b(?:\s+y\s+medio)?"
)


def parse_duration(text: str) -> Duration:
    """ "2 años", "dos años", "18 meses", "1 año y 6 meses", "año y medio".

    A negative or zero duration, or anything else, raises :class:`DateError`.
    """
    norm = re.sub(r"\s+", " ", fold(text)).strip()
    norm = re.sub(r"^(?:por|durante|de)\s+", "", norm)
    norm = re.sub(r"^(ano|mes)\b", r"1 \1", norm)
    months = days = 0
    pos = 0
    matched_any = False
    for m in _DURATION_PART.finditer(norm):
        between = norm[pos:m.start()].strip(" ,")
        if between not in {"", "y"}:
            raise _duration_error(text)
        if m.group("sign"):
            raise DateError(f"La duración «{text.strip()}» no puede ser negativa.",
                            DURATION_HELP)
        raw = m.group("n").replace(",", ".")
        n = float(raw) if raw[0].isdigit() else float(NUMBER_WORDS[raw])
        half = bool(m.group("half")) or m.group(0).rstrip().endswith("y medio")
        unit = m.group("unit")
        if unit.startswith("a"):
            months += round((n + (0.5 if half else 0)) * 12)
        elif unit.startswith("m"):
            months += round(n)
            days += 15 if half else 0
        elif unit.startswith("s"):
            days += round(n * 7)
        else:
            days += round(n)
        pos = m.end()
        matched_any = True
    if not matched_any or norm[pos:].strip(" ,.") or "-" in norm or "−" in norm:
        if "-" in norm or "−" in norm:
            raise DateError(f"La duración «{text.strip()}» no puede ser negativa.",
                            DURATION_HELP)
        raise _duration_error(text)
    if months <= 0 and days <= 0:
        raise DateError(f"La duración «{text.strip()}» debe ser mayor que cero.", DURATION_HELP)
    if months > 12 * 100:
        raise DateError("Esa duración es demasiado larga.", DURATION_HELP)
    return Duration(months=months, days=days)


def _duration_error(text: str) -> DateError:
    return DateError(f"No entendí la duración «{text.strip()[:40]}».", DURATION_HELP)
