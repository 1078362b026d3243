"""What the date parser gives back: a :class:`When`, or a :class:`DateError` refusal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

from bot.dates.formatting import format_when
from bot.refusal import Refusal
from bot.texts.dates import HOW_TO_WRITE

Prefer = Literal["past", "future"]

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


class TwoDatesError(DateError):
    """Two separate dates where one was expected (a range reader may split them itself)."""
