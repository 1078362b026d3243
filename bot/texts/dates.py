"""Texts of the date parser: refusals (plain text; the caller escapes them for HTML) and notes.

Every refusal is two lines: what was wrong, then how to write it (``HOW_TO_WRITE``).
"""

HOW_TO_WRITE = (
    "Escriba la fecha así: «15 de diciembre», «15/12/2026», «el próximo viernes», "
    "«pasado mañana», «en dos semanas» o «fin de mes»; la hora es opcional: «a las 10», "
    "«a las 3 pm», «17:30»."
)

MISSING = "Falta la fecha."
NOT_UNDERSTOOD = "No entendí la fecha «{text}»."
NOT_UNDERSTOOD_INSIDE = "No entendí la fecha en «{text}»."
TOO_FAR = "Esa fecha queda demasiado lejos."
TOO_FAR_YEAR = "En «{text}» el año {year} queda demasiado lejos; escriba el año completo."
BAD_MONTH = "En «{written}» el mes {month} no existe (los meses van de 1 a 12)."
BAD_DAY = "En «{written}» el día {day} no existe (los días van de 1 a 31)."
BAD_YEAR = "En «{written}» el año {year} no es válido."
WRONG_WEEKDAY = "El {day} de {month} de {year} es {actual}, no {written}. Revise el día."
NO_SUCH_DAY_IN_YEAR = "{month} de {year} tiene {last} días, no hay día {day}."
NO_SUCH_DAY = "{month} no tiene día {day}."
NO_NEAR_DATE = "No encontré un {day} de {month} cercano."
NO_NEAR_DAY = "No encontré un día {day} cercano."
NO_WEEKDAY_ON = "En el próximo año ningún {day} cae en {weekday}. Revise el día."
BAD_TIME = "«{written}» no es una hora válida (ej. 10:30 o 3 pm)."
TIME_TWICE = "«{written}»: use 17:00 o 5 pm, no las dos a la vez."
# A date read only in part: the words after it would be silently lost.
PARTLY = "Entendí «{matched}», pero no «{tail}»."
TWO_DATES = "Hay dos fechas en el mensaje: «{first}» y «{second}». Deje solo una."
TWO_TIMES = "Hay dos horas en el mensaje: «{first}» y «{second}». Deje solo una."
RANGE = "«{written}» son varias fechas; escriba solo una (la del plazo)."

# Working days and holidays (Colombia).
HOLIDAY_NOTE = " (festivo: {name})"

# Durations of agreements.
DURATION_HELP = "Escriba la duración así: «2 años», «18 meses», «1 año y 6 meses»."
DURATION_NEGATIVE = "La duración «{text}» no puede ser negativa."
DURATION_ZERO = "La duración «{text}» debe ser mayor que cero."
DURATION_TOO_LONG = "Esa duración es demasiado larga."
DURATION_NOT_UNDERSTOOD = "No entendí la duración «{text}»."

# Names people read.
WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]
YEAR_WORD, YEARS_WORD = "año", "años"
MONTH_WORD, MONTHS_WORD = "mes", "meses"
DAY_WORD, DAYS_WORD = "día", "días"
AND = " y "
ZERO_DAYS = "0 días"

# `enlace fecha`
CLI_BAD_NOW = "--ahora {value!r} no es una fecha y hora ISO (ej. 2013-02-12T04:30)."
CLI_NO_DATE = "sin fecha"
CLI_LINE = "{text}\t→ {when}\t| resto: {rest}"
CLI_REFUSED = "{text}\t→ {problem}"
CLI_HELP = "leer fechas como /plazo (o /registrar con --pasado): un texto por línea"
CLI_DESCRIPTION = (
    "Lee un texto por línea en la entrada estándar y dice qué fecha entiende Enlace, "
    "como la lee /plazo en una línea (con --pasado, como /registrar: mirando hacia atrás)."
)
CLI_JSON_HELP = 'un JSON por línea: {"text", "date", "time", "rest", "error"}'
CLI_PAST_HELP = "leer mirando hacia atrás, como el registro de actividades"
CLI_NOW_HELP = "hora de referencia, ej. 2013-02-12T04:30 (zona de la oficina); por defecto, ahora"
