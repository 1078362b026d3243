"""The written forms of dates and times, as regular expressions on the folded text.

Each pattern has a kind, which :mod:`bot.dates.resolve` turns into a day and a
time. ``STRICT`` patterns may be found inside any sentence; ``WHOLE`` ones only
when the whole text must be a date (the guided "¿para cuándo?" step), because
inside a title "17-2" or "15.30" may be a score or an amount.
"""

from __future__ import annotations

import re

from bot.dates.words import NUM, WEEKDAY, WORDS

B = r"(?<![\w])"  # word start
E = r"(?![\w])"  # word end
NOT_NUM_BEFORE = r"(?<![\w/.,:$-])"
NOT_NUM_AFTER = r"(?![\w/]|[.,:-]\d)"

DAYNUM = rf"(?:\d{{1,2}}(?:º|ro|ero|er)?|{WORDS})"
YEAR4 = r"(?P<y>\d{4})"


def this_next_last(unit: str, tag: str) -> str:
    """"este mes", "(el) próximo / siguiente mes", "el mes que viene / entrante / próximo",
    "el mes pasado" (or ``ano``…) as the groups ``<tag>this``, ``<tag>next``, ``<tag>prev``."""
    return (rf"(?:(?P<{tag}this>este\s+{unit})|(?P<{tag}next>(?:proximo|siguiente)\s+{unit}"
            rf"|{unit}\s+(?:que\s+viene|entrante|proximo|siguiente))|(?P<{tag}prev>{unit}\s+pasado))")


# "15 de marzo del próximo año", "… del año que viene", "… de este año", "… del año pasado"
REL_YEAR = rf"\s+(?:de|del)\s+{this_next_last('ano', 'y')}"
MONTH_WORD = r"(?P<mon>[a-z]{3,11}\.?)"
NEXT = r"que\s+viene|entrante|proxim[oa]|siguiente"
PREV = r"pasad[oa]|anterior"
# "de esta semana", "de la semana que viene", "de la próxima semana", "de la semana pasada"
WEEK = (rf"\s+de\s+(?:(?P<wnext>la\s+(?:{NEXT}|otra)\s+semana|la\s+semana\s+(?:{NEXT}))"
        rf"|(?P<wprev>la\s+semana\s+(?:{PREV})|la\s+(?:{PREV})\s+semana)"
        rf"|(?P<wthis>esta\s+semana|la\s+semana(?:\s+(?:actual|en\s+curso))?(?!\s+\d)))")
LEAD_WD = rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:el\s+)?)?"

DATE_PATTERNS: list[tuple[str, str]] = [
    ("iso", rf"{NOT_NUM_BEFORE}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){NOT_NUM_AFTER}"),
    ("numeric", rf"{NOT_NUM_BEFORE}{LEAD_WD}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
                rf"(?:/(?P<y>\d{{4}}|\d{{2}}))?{NOT_NUM_AFTER}"),
    ("numeric", rf"{NOT_NUM_BEFORE}{LEAD_WD}(?P<d>\d{{1,2}})(?P<sep>[.-])"
                rf"(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){NOT_NUM_AFTER}"),
    # "el 3-3": a day and month with a dash, only after "el"
    ("numeric", rf"{B}(?<=el\s)(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}}){NOT_NUM_AFTER}"),
    ("text", rf"{B}{LEAD_WD}(?:(?:el\s+)?dia\s+)?(?P<d>{DAYNUM})"
             rf"(?:\s*(?:de|del)\s+|\s*){MONTH_WORD}"
             rf"(?:(?:\s*,\s*|\s+)(?:de\s+|del\s+)?{YEAR4}|{REL_YEAR})?{E}"),
    ("text_md", rf"{B}{LEAD_WD}{MONTH_WORD}\s+(?P<d>\d{{1,2}})"
                rf"(?:(?:\s*,\s*|\s+)(?:de\s+|del\s+)?{YEAR4})?{E}"),
    ("end", rf"{B}(?:a\s+)?(?P<edge>fin|final|finales|ultimo\s+dia|mediados|principios|inicios"
            rf"|comienzos)\s+(?:de|del)\s+"
            rf"(?:(?P<pre>este|esta|proximo|siguiente|el)\s+)?(?P<unit>mes|ano|[a-z]{{3,11}})"
            rf"(?:\s+(?P<post>{NEXT}|{PREV}))?"
            rf"(?:\s+(?:de|del)\s+{YEAR4})?{E}"),
    # "esta tarde", "esta noche": today, and an hour with them is afternoon or night
    ("today_part", rf"{B}esta\s+(?P<part>manana|tarde|noche){E}"),
    # "de hoy en ocho": a week from today (Colombia)
    ("eight_days", rf"{B}(?:de\s+)?(?P<w>hoy|manana)\s+en\s+(?P<n>ocho|quince|8|15){E}"),
    ("word", rf"{B}(?:el\s+dia\s+de\s+)?(?P<w>pasado\s+manana|antes\s+de\s+ayer|anteayer|antier"
             rf"|anoche|ayer|hoy"
             rf"|(?<!la\s)(?<!esta\s)manana){E}"),
    ("weekday", rf"{B}(?:(?P<pre>proximo|pasado|este|siguiente)\s+)?(?P<wd>{WEEKDAY})"
                rf"(?:\s+(?P<dn>\d{{1,2}})(?!\s*(?:[/:.-]|de\s|del\s|h\b|am|pm)))?"
                rf"(?:\s+(?P<post>{NEXT}|{PREV})|{WEEK})?{E}"),
    ("relative", rf"{B}(?P<dir>en|dentro\s+de|hace)\s+(?:(?:unos|unas)\s+)?(?P<n>{NUM})\s+"
                 rf"(?P<unit>dias?|semanas?|mes|meses|anos?)(?:\s+(?P<hab>habil(?:es)?))?{E}"),
    ("relative_time", rf"{B}(?P<dir>en|dentro\s+de|hace)\s+(?:(?P<n>{NUM})\s+"
                      rf"(?P<unit>minutos?|mins?|horas?|hrs?)|(?P<half>media\s+hora)){E}"),
    # "la semana que viene", "la próxima semana", "el mes que viene", "el mes pasado"
    ("next_unit", rf"{B}(?:(?:la|el)\s+)?(?:(?P<pre>{NEXT}|{PREV})\s+(?P<u1>semana|mes)"
                  rf"|(?P<u2>semana|mes)\s+(?P<post>{NEXT}|{PREV})|(?P<other>la\s+otra\s+semana)){E}"),
    ("next_workday", rf"{B}(?:el\s+)?(?:proximo|siguiente)\s+dia\s+habil{E}"),
    ("daynum", rf"{B}(?:el\s+)?(?:dia\s+)?(?P<d>\d{{1,2}})\s+(?:de|del)\s+"
               rf"{this_next_last('mes', 'm')}{E}"),
    # "el día 15", "día quince", "el 16"
    ("daynum", rf"{B}(?:el\s+)?dia\s+(?P<d>\d{{1,2}}|{WORDS}){E}(?!\s*(?:[/.-]\d|de\s|del\s))"),
    ("daynum", rf"{B}(?<=\bel\s)(?P<d>\d{{1,2}}){E}"
               rf"(?!\s*(?:[/.:-]\d|de\s|del\s|h\b|hrs?\b|horas?\b|am\b|pm\b|%|y\s+\d))"),
]
WHOLE_DATE_PATTERNS: list[tuple[str, str]] = [
    ("numeric", r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})$"),
    ("holiday", r"^(?:la\s+|el\s+)?(?P<w>navidad|nochebuena|nochevieja|ano\s+nuevo)$"),
]

MERIDIEM = (r"(?P<mer>am|a\.\s?m\.|a\.m|pm|p\.\s?m\.|p\.m|m(?![\w.])"
            r"|(?:de|en|por)\s+la\s+(?:manana|tarde|noche|madrugada)|del\s+mediodia|del\s+dia)")
PERIOD_OF_DAY = r"(?P<mer>(?:de|en|por)\s+la\s+(?:manana|tarde|noche|madrugada))"
HOUR = rf"(?P<h>\d{{1,2}}|{WORDS})"
MINUTES = (rf"(?:[:.](?P<m>\d{{2}})|\s+y\s+(?P<frac>media|cuarto)"
           rf"|\s+y\s+(?P<mw>{WORDS}|\d{{1,2}})(?:\s+minutos?)?"
           rf"|\s+menos\s+(?P<less>cuarto|{WORDS}|\d{{1,2}}))")
HOURS_WORD = r"(?:\s*(?:h|hrs|horas|en\s+punto)\b)?"

TIME_PATTERNS: list[tuple[str, str]] = [
    ("clock", rf"{B}(?:(?:a|al|para|desde|hasta|antes\s+de|sobre)\s+)?(?:las?)\s+{HOUR}"
              rf"(?:\s+(?:cero|zero|0)\s+(?P<mz>\d|{WORDS}))?{MINUTES}?"
              rf"(?:\s*{MERIDIEM})?{HOURS_WORD}(?![\w:])"),
    ("clock", rf"{NOT_NUM_BEFORE}(?P<h>\d{{1,2}}):(?P<m>\d{{2}})(?::\d{{2}})?(?:\s*{MERIDIEM})?"
              rf"{HOURS_WORD}(?![\w:/])"),
    # "9 de la noche", "nueve de la noche", "tres y cuarto de la tarde"
    ("clock", rf"{NOT_NUM_BEFORE}{HOUR}{MINUTES}?\s+{PERIOD_OF_DAY}{E}"),
    ("clock", rf"{NOT_NUM_BEFORE}(?P<h>\d{{1,2}})\s*(?P<mer>am|pm|a\.\s?m\.|p\.\s?m\.|a\.m|p\.m)"
              rf"(?![\w])"),
    # "seis cero dos pm", "seis dos de la tarde": only with am/pm or the part of the day
    ("clock", rf"{B}{HOUR}\s+(?:(?:cero|zero|0)\s+)?(?P<mz>\d|{WORDS})\s*{MERIDIEM}(?![\w])"),
    ("clock", rf"{NOT_NUM_BEFORE}(?P<h>\d{{1,2}})h(?P<m>\d{{2}})?(?![\w:])"),
    # "5 y cuarto", "12 menos cuarto"
    ("clock", rf"{NOT_NUM_BEFORE}(?P<h>\d{{1,2}})\s+(?:y\s+(?P<frac>cuarto|media)"
              rf"|menos\s+(?P<less>cuarto)){E}"),
    # "mañana a 11": an hour after "a", only right after a date
    ("clock_after_date", rf"{B}a\s+(?P<h>\d{{1,2}}){MINUTES}?(?:\s*{MERIDIEM})?{E}(?![:.]\d)"),
    ("period", rf"{B}(?:(?:por|en|de)\s+la\s+(?P<part>manana|tarde|noche|madrugada)"
               rf"|de\s+(?P<part2>noche|tarde|madrugada)|temprano){E}"),
    ("noon", rf"{B}(?:(?:a\s+la|a|al|la|el|hasta\s+la|hasta\s+el|antes\s+de\s+la|antes\s+del)"
             rf"\s+)?(?P<w>medio\s?dia|media\s?noche){E}"),
]
WHOLE_TIME_PATTERNS: list[tuple[str, str]] = [
    ("clock", rf"{NOT_NUM_BEFORE}(?:(?:a|al|para|hasta)\s+las?\s+)?(?P<h>\d{{1,2}})\.(?P<m>\d{{2}})"
              rf"(?:\s*{MERIDIEM})?{HOURS_WORD}$"),
]

# Words a date may be read only in part from: met right after a date, they are refused.
DANGLING = re.compile(
    rf"^[\s,]*(?:(?:y|menos)\s+(?:\d|(?:{WORDS}){E}|cuarto|media)"
    rf"|(?:de|del)\s+(?:(?:esta|este|la|el|proxim[oa]|siguiente|otr[oa]|mism[oa])\s+){{0,2}}"
    rf"(?:semana|mes|ano|\d{{4}}|mil|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    rf"|septiembre|setiembre|octubre|noviembre|diciembre){E}"
    rf"|(?:a|de|para)\s+las?\s+(?:\d|(?:{WORDS}){E})|a\s+\d"
    rf"|(?:cero|zero)\s|\d{{1,2}}\s*(?:pm|am|de\s+la){E}"
    rf"|(?:am|pm|hrs?|horas)\b|(?:{NEXT}|{PREV}){E}"
    rf"|(?:de|en|por)\s+la\s+(?:tarde|noche|madrugada){E}|el\s+\d{{1,2}}\s+de\s"
    rf"|[-–]\s*\d)"
)


# A number right before a date or time makes it a range ("13 a 15 de julio", "9:30 - 11:00").
RANGE_BEFORE = re.compile(
    rf"(?:{B}\d{{1,2}}(?:[:.]\d{{2}})?|{B}(?:{WORDS}))\s*(?:-|–|a|al|hasta|y)\s*(?:las?\s+)?$")


def compile_all(patterns: list[tuple[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(p)) for kind, p in patterns]


DATE_RES = compile_all(DATE_PATTERNS)
WHOLE_DATE_RES = compile_all(WHOLE_DATE_PATTERNS)
TIME_RES = compile_all(TIME_PATTERNS)
WHOLE_TIME_RES = compile_all(WHOLE_TIME_PATTERNS)

# What may sit between a date and its time ("15 de diciembre, a las 10", "2026-12-15T10:00").
GLUE = re.compile(r"^[\s,]*(?:(?:el|del|de|y|t|para\s+el|desde\s+el|hasta\s+el)\s*)?[\s,]*$")
# Words before a date that belong to it ("para el 15", "hasta el viernes").
LEAD = re.compile(
    r"(?:\b(?:para\s+el|hasta\s+el|antes\s+del|antes\s+de|desde\s+el|el\s+dia|el|para|hasta"
    r"|del|al|a|de)\s*)?[\s,:;-]*$"
)
# A bare number right after "10 de agosto": a year Enlace did not read ("10 agosto 88").
YEAR_AFTER_MONTH = re.compile(r"^[\s,]+(?:de\s+|del\s+)?\d{2,4}(?![\d:.]|\s*(?:am|pm|h)\b)")
# A deadline's own date, when a message holds two: "para el 20", "hasta el viernes".
DUE_LEAD = re.compile(r"\b(?:para|hasta|antes\s+de|antes\s+del|vence|vencimiento)(?:\s+el)?\s*$")
