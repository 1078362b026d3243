"""Counts of a period's activities: by line, by person, by partner and by month."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.activities.models import Activity
from bot.activities.names import key_of
from bot.activities.periods import Period
from bot.config import ActionLine

MAX_CHART_MONTHS = 24


@dataclass(frozen=True)
class Summary:
    period: Period
    lines: tuple[ActionLine, ...]
    activities: tuple[Activity, ...]
    by_line: dict[int, int]  # every configured line, zeros included, in line order
    by_person: list[tuple[str, int]]  # most active first
    by_partner: list[tuple[str, int]]
    months: list[tuple[int, int]]  # (year, month) columns of the chart and the table
    by_month: dict[tuple[int, int], dict[int, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.activities)

    def line_total(self, number: int) -> int:
        return self.by_line.get(number, 0)


def summarize(activities: Sequence[Activity], lines: Sequence[ActionLine],
              period: Period) -> Summary:
    """Count ``activities`` (already limited to ``period``, live only)."""
    live = tuple(a for a in activities if not a.deleted and period.contains(a.day))
    by_line = {line.number: 0 for line in lines}
    for activity in live:
        by_line[activity.line] = by_line.get(activity.line, 0) + 1
    people = Counter(activity.user_name or str(activity.user_id) for activity in live)
    partners: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for activity in live:
        for name in activity.partners:
            spelling.setdefault(key_of(name), name)
            partners[key_of(name)] += 1
    months = _months(live, period)
    by_month = {m: {line.number: 0 for line in lines} for m in months}
    for activity in live:
        bucket = by_month.get((activity.day.year, activity.day.month))
        if bucket is not None:
            bucket[activity.line] = bucket.get(activity.line, 0) + 1
    return Summary(
        period=period,
        lines=tuple(lines),
        activities=live,
        by_line=by_line,
        by_person=_ranked(people),
        by_partner=[(spelling[k], n) for k, n in _ranked(partners)],
        months=months,
        by_month=by_month,
    )


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower()))


def _months(live: Sequence[Activity], period: Period) -> list[tuple[int, int]]:
    """The period's months; for a long period, only those from the first to the last entry."""
    months = period.months()
    if len(months) <= MAX_CHART_MONTHS or not live:
        return months if len(months) <= MAX_CHART_MONTHS else months[-MAX_CHART_MONTHS:]
    first = min(a.day for a in live)
    last = max(a.day for a in live)
    return [m for m in months if (first.year, first.month) <= m <= (last.year, last.month)]
