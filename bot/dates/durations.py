"""Durations of agreements: "2 años", "18 meses", "año y medio"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.dates.days import add_days, add_months
from bot.dates.models import DateError
from bot.dates.words import NUMBER_WORDS, WORDS
from bot.folding import fold
from bot.texts import dates as texts
from bot.texts.dates import DURATION_HELP


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class Duration:
    months: int = 0
    days: int = 0

    def after(self, start: date) -> date:
        return add_days(add_months(start, self.months), self.days)

    def describe(self) -> str:
        parts = []
        years, months = divmod(self.months, 12)
        if years:
            parts.append(_plural(years, texts.YEAR_WORD, texts.YEARS_WORD))
        if months:
            parts.append(_plural(months, texts.MONTH_WORD, texts.MONTHS_WORD))
        if self.days:
            parts.append(_plural(self.days, texts.DAY_WORD, texts.DAYS_WORD))
        return texts.AND.join(parts) or texts.ZERO_DAYS


_DURATION_PART = re.compile(
    rf"(?P<sign>[-−])?\s*(?P<n>\d+(?:[.,]5)?|{WORDS})\s*(?P<half>y\s+medio\s+)?"
    rf"(?P<unit>anos?|meses|mes|semanas?|dias?|a|m|d)\b(?:\s+y\s+medio)?"
)


def parse_duration(text: str) -> Duration:
    """ "2 años", "dos años", "18 meses", "1 año y 6 meses", "año y medio".

    A negative or zero duration, or anything else, raises :class:`DateError`.
    """
    norm = re.sub(r"\s+", " ", fold(text)).strip()
    norm = re.sub(r"^(?:por|durante|de)\s+", "", norm)
    norm = re.sub(r"^(ano|mes)\b", r"1 \1", norm)
    written = text.strip()
    months = days = 0
    pos = 0
    matched_any = False
    for m in _DURATION_PART.finditer(norm):
        between = norm[pos:m.start()].strip(" ,")
        if between not in {"", "y"}:
            raise _duration_error(text)
        if m.group("sign"):
            raise DateError(texts.DURATION_NEGATIVE.format(text=written), DURATION_HELP)
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
            raise DateError(texts.DURATION_NEGATIVE.format(text=written), DURATION_HELP)
        raise _duration_error(text)
    if months <= 0 and days <= 0:
        raise DateError(texts.DURATION_ZERO.format(text=written), DURATION_HELP)
    if months > 12 * 100:
        raise DateError(texts.DURATION_TOO_LONG, DURATION_HELP)
    return Duration(months=months, days=days)


def _duration_error(text: str) -> DateError:
    return DateError(texts.DURATION_NOT_UNDERSTOOD.format(text=text.strip()[:40]), DURATION_HELP)
