"""Spanish dates as people type them, shared by every feature of Enlace.

People write "el próximo viernes", "pasado mañana a las 3", "15/12", "fin de
mes", "el miércoles de la semana que viene", "a las tres y cuarto": dateparser
alone misses half of these and finds dates in words that are not dates. So the
text is first normalised (lower case, accents folded, number words read), the
forms an office uses are recognised with explicit rules, and dateparser is only
a last resort for a text that must be a date as a whole (:func:`parse_when`).

``prefer`` says which way an incomplete date points: "future" for deadlines
("lunes" = next Monday, "15/12" = the next 15 December), "past" for activity
logs ("lunes" = last Monday, "15/12" = the last 15 December).

Anything that looks like a date but is not one ("32/13", "30 de febrero",
"25:00"), a date read only in part, or two dates where one is expected raise
:class:`DateError`, whose text tells the person how to write it; nothing else
is ever raised.

The rooms: ``words`` (names, number words), ``patterns`` (the written forms),
``resolve`` (a match to a day and time), ``find`` (the finder), ``days``
(calendar arithmetic), ``workdays`` (Colombian working days and holidays),
``formatting``, ``durations``, ``models``.
"""

from bot.dates.days import add_months, end_of_month
from bot.dates.durations import Duration, parse_duration
from bot.dates.find import find_when, parse_when
from bot.dates.formatting import format_day, format_short, format_when
from bot.dates.models import MAX_YEAR, MIN_YEAR, DateError, Prefer, TwoDatesError, When
from bot.dates.words import MONTHS, NUMBER_WORDS, WEEKDAYS, month_number
from bot.dates.workdays import add_working_days, holiday_name, is_working_day, next_working_day
from bot.texts.dates import DURATION_HELP, HOW_TO_WRITE

__all__ = [
    "DURATION_HELP", "HOW_TO_WRITE", "MAX_YEAR", "MIN_YEAR", "MONTHS", "NUMBER_WORDS",
    "WEEKDAYS", "DateError", "Duration", "Prefer", "TwoDatesError", "When", "add_months",
    "add_working_days", "end_of_month", "find_when", "format_day", "format_short", "format_when",
    "holiday_name", "is_working_day", "month_number", "next_working_day", "parse_duration",
    "parse_when",
]
