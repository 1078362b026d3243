"""Likely duplicates in a period: the same day, the same partners and nearly the same
text (two people logging one meeting). The informe counts such an activity once and
lists the other for review; nothing stored is changed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from bot.activities.models import Activity
from bot.activities.names import key_of
from bot.activities.summary import Summary, summarize
from bot.folding import fold

_DIGITS = re.compile(r"\d+")
SAME_TEXT = 90  # rapidfuzz ratio of two notes of one day and partners: the same activity


@dataclass(frozen=True)
class Duplicate:
    kept: Activity
    dropped: Activity



def deduplicate(summary: Summary) -> tuple[Summary, list[Duplicate]]:
    """``summary`` without likely duplicates, and the duplicates found."""
    kept: list[Activity] = []
    duplicates: list[Duplicate] = []
    by_day: dict[tuple[date, frozenset[str]], list[tuple[str, Activity]]] = {}
    for activity in sorted(summary.activities, key=lambda a: (a.day, a.id)):
        partners = frozenset(key_of(p) for p in activity.partners)
        text = " ".join(fold(activity.text).split())
        twins = by_day.setdefault((activity.day, partners), [])
        same = next((a for t, a in twins if _same_text(t, text)), None)
        if same is not None:
            duplicates.append(Duplicate(same, activity))
            continue
        twins.append((text, activity))
        kept.append(activity)
    if not duplicates:
        return summary, []
    return summarize(kept, summary.lines, summary.period), duplicates


def _same_text(a: str, b: str) -> bool:
    """Near-identical notes; "Actividad 1" and "Actividad 7" are two activities."""
    return _DIGITS.findall(a) == _DIGITS.findall(b) and fuzz.ratio(a, b) >= SAME_TEXT
