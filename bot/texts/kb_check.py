"""What ``enlace kb check`` (and the bot's start-up) says about a knowledge entry.

Each message follows ``path:line:`` and tells the curator what to fix in that file.
"""

EMPTY_ANSWER = "la respuesta está vacía"
LONG_LEAD = (
    "el primer párrafo tiene {length} caracteres (máximo {limit}): "
    "acórtelo, el resto queda tras «Ver completo»"
)
NO_FOLDER = "no existe la carpeta de conocimiento"
DUPLICATE_ID = "id repetido «{id}» (ya está en {first})"
UNREADABLE_HEADER = "no pude leer el encabezado: {error}"
BAD_FIELD = "campo «{where}»: {problem}"
UNKNOWN_CATEGORY = "categoría desconocida «{category}»; use una de {categories}"
CATEGORY_NOT_FOLDER = "la categoría «{category}» no coincide con la carpeta «{folder}»"
WRONG_FILE_NAME = "el archivo debería llamarse {id}.md"
REPLACES_LIVE = "«replaces» nombra «{old}», que todavía es una guía: quite una de las dos"
REPLACES_TWICE = "«replaces» nombra «{old}», que ya reemplaza «{first}»"
RELATED_MISSING = "«related» apunta a «{other}», que no existe"
BAD_YAML = "YAML no válido: {error}"
BAD_CATEGORIES = "se esperaba «carpeta: Nombre visible» por línea"
BAD_SYNONYM_GROUP = "cada grupo debe ser una lista de dos o más formas"

# -- what a field error means -----------------------------------------------------------
FIELD_MISSING = "falta"
FIELD_UNKNOWN = "campo desconocido"
FIELD_BAD_ID = "use minúsculas sin tildes y guiones, ej. ofai-que-es"
FIELD_EMPTY_LIST = "debe ser una lista con al menos un elemento"
FIELD_BAD_DATE = "fecha no válida, use AAAA-MM-DD"
