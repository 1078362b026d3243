"""Texts of periods (summaries, exports, reports): refusals and period names, plain text."""

EXAMPLES = (
    "Escriba por ejemplo: «esta semana», «este mes», «el mes pasado», «trimestre», "
    "«2026-T3», «julio a septiembre», «julio», «2026» o «últimos 30 días»."
)

NO_SUCH_QUARTER = "El trimestre {number} no existe: son T1, T2, T3 y T4."
YEAR_OUT_OF_RANGE = "El año {year} está fuera de rango ({low}–{high})."
NOT_UNDERSTOOD = "No entendí el periodo «{text}»."
COUNT_NOT_POSITIVE = "El número de días, semanas o meses debe ser mayor que cero."
STARTS_TOO_EARLY = "Ese periodo empieza demasiado atrás."
NO_SUCH_MONTH = "El mes {number} no existe (los meses van de 1 a 12)."
NO_LEAP_DAY = "El año {year} no tiene 29 de febrero."
END_NOT_UNDERSTOOD = "No entendí dónde termina el periodo «{text}»."
START_NOT_UNDERSTOOD = "No entendí dónde empieza el periodo «{text}»."
ENDS_BEFORE_START = (
    "El periodo «{text}» termina antes de empezar; escriba primero el inicio y luego el final."
)

# Names of periods.
ALL = "todo el registro"
MONTH = "{month} de {year}"
MONTHS_SAME_YEAR = "{first} – {last} de {year}"
MONTHS_TWO_YEARS = "{first} de {year1} – {last} de {year2}"
DAY = "{day} de {month} de {year}"
DAYS_TWO_YEARS = "{day1} de {month1} de {year1} – {day2} de {month2} de {year2}"
DAYS_TWO_MONTHS = "{day1} de {month1} – {day2} de {month2} de {year}"
DAYS_ONE_MONTH = "{day1} – {day2} de {month} de {year}"
TITLE_MONTHS = "{first} – {last} {year}"
TITLE_MONTH = "{month} {year}"
QUARTER_NAME = "{ordinal} trimestre de {year}"
ORDINAL_WORDS = {1: "primer", 2: "segundo", 3: "tercer", 4: "cuarto"}
SLUG_ALL = "todo"
