"""Finding the date in a message (``find_when``) or reading a whole answer (``parse_when``).

Every date-like word is accounted for: a date read only in part ("el viernes
de la semana 3", "a las tres y quince" where "y quince" would be lost) or two
dates where one is expected is refused with an example, never read as
something else. dateparser is only the last resort for a text that must be a
date as a whole, and an answer from it that lies years away is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

from bot.dates.models import DateError, Prefer, TwoDatesError, When
from bot.dates.patterns import (
    DANGLING,
    DATE_RES,
    DUE_LEAD,
    GLUE,
    LEAD,
    RANGE_BEFORE,
    TIME_RES,
    WHOLE_DATE_RES,
    WHOLE_TIME_RES,
    YEAR_AFTER_MONTH,
)
from bot.dates.resolve import date_resolver, later_today, time_resolver
from bot.dates.words import SHORT_WEEKDAYS, normalise
from bot.folding import fold
from bot.texts import dates as texts
from bot.texts.dates import WEEKDAYS

# How far (in years) a date from the dateparser fallback may lie from today.
FALLBACK_YEARS = 5


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    resolve: Callable[[], tuple[date | None, time | None]]
    kind: str = ""


def find_when(text: str, *, now: datetime, prefer: Prefer = "future") -> When | None:
    """The date (and its time) written inside ``text``, or None if there is none.

    Raises :class:`DateError` (and nothing else) when something date-like is
    invalid, read only in part, or given twice, so a typo never silently
    becomes "no date" or another date.
    """
    return _guarded(text, now, prefer, whole=False)


def parse_when(text: str, *, now: datetime, prefer: Prefer = "future") -> When:
    """``text`` read as a date as a whole; :class:`DateError` if it is not one."""
    clean = re.sub(r"\s*\(festivo:[^)]*\)", "", text).strip()  # our own echo, read back
    if not clean:
        raise DateError(texts.MISSING)
    short = fold(clean).strip(" .")
    if short in SHORT_WEEKDAYS:  # "ma", "mx": a weekday, when it is all the answer
        clean = WEEKDAYS[SHORT_WEEKDAYS[short]]
    found = _guarded(clean, now, prefer, whole=True)
    if found is not None and not _leftover(found.rest):
        return found
    fallback = _dateparser(clean, now, prefer)
    if fallback is not None:
        return fallback
    raise DateError(texts.NOT_UNDERSTOOD.format(text=clean[:60]))


def _guarded(text: str, now: datetime, prefer: Prefer, *, whole: bool) -> When | None:
    try:
        return _find(text, now, prefer, whole)
    except DateError:
        raise
    except (ValueError, OverflowError, KeyError, IndexError) as exc:  # defensive: never leak
        raise DateError(texts.NOT_UNDERSTOOD_INSIDE.format(text=text.strip()[:60])) from exc


def _leftover(rest: str) -> bool:
    """True when ``rest`` holds more than filler words and punctuation."""
    words = re.sub(r"[^\w]+", " ", fold(rest)).split()
    return any(w not in {"el", "la", "de", "del", "a", "para", "hasta", "las", "y"} for w in words)


def _find(text: str, now: datetime, prefer: Prefer, whole: bool) -> When | None:
    norm, index = normalise(text)
    today = now.date()
    date_res = DATE_RES + (WHOLE_DATE_RES if whole else [])
    time_res = TIME_RES + (WHOLE_TIME_RES if whole else [])
    dates = _candidates(norm, date_res, lambda kind, m: date_resolver(kind, m, today, prefer, now))

    def make_time(kind: str, m: re.Match):
        if kind == "clock_after_date" and not any(
                GLUE.match(norm[d.end:m.start()]) for d in dates if d.end <= m.start()):
            return None  # "a 11" is an hour only right after a date ("mañana a 11")
        return time_resolver(kind, m, at_end=whole or not norm[m.end():].strip(" .,;:!?)"))

    times = _candidates(norm, time_res, make_time)
    # A time pattern inside a date span ("15/12/2026" holds no time) is not a time.
    times = [t for t in times if not any(d.start <= t.start < d.end for d in dates)]
    periods = [t for t in times if t.kind == "period"]
    times = [t for t in times if t.kind != "period"]
    if not dates and not times:
        return None
    date_span = _one_date(text, norm, index, dates)
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
    others = [t for t in times if t is not time_span and t.kind != "noon"]
    if others and prefer == "future" and (time_span is not None or given_time is not None):
        # "de 9:30 a 11:00": a deadline has one hour (an activity log keeps no hour).
        shown = [_written(text, index, t) for t in [time_span, *others] if t is not None]
        raise TwoDatesError(texts.TWO_TIMES.format(first=shown[0], second=shown[-1]))
    clock = given_time
    if time_span is not None and time_span.kind != "period":
        _, clock = time_span.resolve()
    part = _part_of_day(norm, date_span, time_span, periods)
    if part is not None:
        spans_extra = [part]
        told = re.search(r"\b(?:am|pm|a\.\s?m|p\.\s?m|de la|en la|por la|del)\b",
                         norm[time_span.start:time_span.end]) if time_span else True
        if clock is not None and clock.hour < 12 and not told and re.search(
                r"tarde|noche", norm[part.start:part.end]):
            clock = clock.replace(hour=clock.hour + 12)  # "el jueves en la noche a las 9"
    else:
        spans_extra = []
    if day is None:
        assert clock is not None
        day = later_today(clock, now, prefer)
    spans = [s for s in (date_span, time_span) if s is not None]
    _check_accounted(text, norm, index, spans + spans_extra)
    return _when(text, norm, index, spans + spans_extra, day, clock)


def _part_of_day(norm: str, date_span: _Span | None, time_span: _Span | None,
                 periods: list[_Span]) -> _Span | None:
    """ "esta noche", "en la noche" next to the date or the hour: part of the date, and a
    12-hour clock with it is afternoon or night."""
    if date_span is not None and date_span.kind == "today_part":
        return date_span if time_span is not None else None
    if time_span is None or date_span is None:
        return None
    for period in periods:
        if _adjacent(norm, period, time_span) or _adjacent(norm, period, date_span):
            return period
    return None


def _one_date(text: str, norm: str, index: list[int], dates: list[_Span]) -> _Span | None:
    """The one date of the message; two apart are refused unless one is the due date."""
    if len(dates) <= 1:
        return dates[0] if dates else None
    marked = [d for d in dates if DUE_LEAD.search(norm[:d.start])]
    if len(marked) == 1:
        return marked[0]
    first, second = (_written(text, index, d) for d in dates[:2])
    raise TwoDatesError(texts.TWO_DATES.format(first=first, second=second))


def _written(text: str, index: list[int], span: _Span) -> str:
    return text[index[span.start]:index[span.end - 1] + 1].strip()


def _check_accounted(text: str, norm: str, index: list[int], spans: list[_Span]) -> None:
    """Refuse a date read only in part: date words right after it would be lost."""
    end = max(s.end for s in spans)
    last = max(spans, key=lambda s: s.end)
    if last.kind == "text" and YEAR_AFTER_MONTH.match(norm[end:]):
        matched = text[index[last.start]:index[end - 1] + 1].strip()
        tail = text[index[end]:].strip(" ,").split()
        raise DateError(texts.PARTLY.format(matched=matched, tail=" ".join(tail[:3])))
    for span in spans:
        before = RANGE_BEFORE.search(norm[:span.start])
        if before is not None:
            written = text[index[before.start()]:index[span.end - 1] + 1].strip()
            raise TwoDatesError(texts.RANGE.format(written=written))
    tail = DANGLING.match(norm[end:])
    if tail is None:
        return
    matched = text[index[min(s.start for s in spans)]:index[end - 1] + 1].strip()
    words = text[index[end]:].strip(" ,").split()
    raise DateError(texts.PARTLY.format(matched=matched, tail=" ".join(words[:5])))


def _candidates(norm: str, patterns, make) -> list[_Span]:
    """Non-overlapping matches, earliest first; at one start the longest wins."""
    found: list[tuple[int, int, _Span]] = []
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
    return bool(GLUE.match(gap))


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
        lead = LEAD.search(fold(before))
        cut = lead.start() if lead else len(before)
        before = before[:cut]
        rest = before.rstrip() + " " + rest[b:].lstrip(" ,.;:")
    rest = re.sub(r"\s{2,}", " ", rest).strip(" ,;:-\t\n")
    return When(day=day, time=clock, matched=matched, rest=rest)


def _dateparser(text: str, now: datetime, prefer: Prefer) -> When | None:
    """dateparser for forms not covered above, for a text that must be a date as a whole.

    Its answer is taken only when the text names the day it found (its number or
    its month) and lies within :data:`FALLBACK_YEARS` of today: "13 a 15 de julio"
    must not become the year 2115, nor "una hora" today.
    """
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
    if result is None:
        return None
    if abs(result.year - now.year) > FALLBACK_YEARS:
        raise DateError(texts.TOO_FAR_YEAR.format(text=text.strip()[:60], year=result.year))
    norm = fold(text)
    numbers = {int(n) for n in re.findall(r"\d+", norm)}
    if result.day not in numbers:
        return None
    has_time = bool(re.search(r"\d[:h]\d{2}|\b(?:am|pm)\b|\ba\s+las?\b", norm))
    clock = result.time().replace(second=0, microsecond=0) if has_time else None
    if re.search(r"\ba\s+\d|\d\s*(?:horas|hrs)\b", norm) and not has_time:
        return None  # an hour it did not read would be lost
    return When(day=result.date(), time=clock, matched=text.strip(), rest="")
