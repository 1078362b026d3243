"""What Enlace says about a configuration it can not use: the key, where, and the fix.

Values are never shown (a token must not reach a log); only keys and variable names.
"""

# -- one section's own checks ---------------------------------------------------------------
UNKNOWN_TIMEZONE = "zona horaria desconocida: {value!r} (ej. 'America/Bogota')"
BAD_LEAD_TIME = "antelación no válida: {value!r}; use días '7d', horas '2h' o minutos '30m'"
DUPLICATE_LINE_NUMBERS = "hay números de línea de acción repetidos"
NO_ACTION_LINES = "debe haber al menos una línea de acción"

# -- reading the file and the environment ---------------------------------------------------
NO_CONFIG_FILE = "No encuentro el archivo de configuración {path}."
THE_CONFIGURATION = "la configuración"
UNREADABLE = "No pude leer {where}: {error}"
SOME_VARIABLE = "una variable ENLACE_…"
BAD_ENVIRONMENT = (
    "No pude leer {names}: su valor no es JSON válido.\n"
    "Las listas van entre corchetes y separadas por comas, p. ej. "
    "ENLACE_ACCESS__ADMINS='[123, 456]'."
)

# -- one line per invalid key ---------------------------------------------------------------
INVALID = "Configuración no válida ({where}):"
UNKNOWN_KEY = "- clave desconocida «{key}»: bórrela o revise cómo se escribe."
BAD_KEY = "- «{key}» (o la variable {env}): {problem}"
SEE_EXAMPLE = "Vea config.example.toml: cada clave está documentada allí."

# -- what a pydantic error means ------------------------------------------------------------
EXPECTED_ONE_OF = "se esperaba uno de: {expected}."
EXPECTED_INTEGER = "se esperaba un número entero."
EXPECTED_NUMBER = "se esperaba un número."
EXPECTED_TEXT = "se esperaba un texto entre comillas."
EXPECTED_LIST = "se esperaba una lista, ej. [1, 2]."
EXPECTED_TIME = "se esperaba una hora como 08:00."
OUT_OF_RANGE = "valor fuera de rango ({limits})."
MISSING = "falta este valor."
