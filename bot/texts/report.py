"""Texts the informe de gestión adds around the office's configured ones (plain text, for
Word: no HTML), and the caption of /informe (HTML)."""

NO_ACTIVITIES = "En el periodo no se registraron actividades en Enlace."
PARTIAL = ("El periodo aún no ha terminado: este borrador incluye las actividades registradas "
           "hasta el {day}.")
LINE_LEAD = "En el periodo {registered} de esta línea"
LINE_LEAD_ONE = ", con {partner}"
LINE_LEAD_MANY = ", con entidades como {partners}"
REGISTERED_ONE = "se registró 1 actividad"
REGISTERED_MANY = "se registraron {n} actividades"
OTHER_ACTIVITIES = "Otras actividades"
PARTNERS = "Aliados: {names}"
DEPARTMENT = "Dependencia: {name}"
EVIDENCE = "Evidencia: {what}"
FIGURES_INTRO = "Número de actividades registradas por línea de acción{by_month}, {period}."
BY_MONTH = " y mes"
CHART_CAPTION = "Gráfico 1. Actividades por línea de acción y mes, {period}."
PARTNERS_SENTENCE = "Entidades aliadas del periodo (número de actividades): {names}."
TABLE_LINE = "Línea de acción"
TABLE_TOTAL = "Total"
SIGNER_MISSING = "[Nombre de quien firma]"
FOOTER = "Borrador generado por Enlace el {day} a partir de {records}"
RECORD_ONE = "1 registro"
RECORD_MANY = "{n} registros"

# The "para revisar" section of the document, and the caption's summary of it.
REVIEW_DUPLICATE = ("Posible duplicado, no incluido ni contado: #{dup} ({day}, {partners}) "
                    "repite #{kept}: «{text}». Si eran dos actividades distintas, agréguela.")
REVIEW_SHORT = "#{id} ({day}, línea {line}): el texto es muy corto («{text}»); complételo."
REVIEW_MORE_SHORT = "Y otros {n} textos muy cortos."
REVIEW_NO_SIGNER = ("Falta el nombre de quien firma: escríbalo o configúrelo en "
                    "[activities] report_signer.")
REVIEW_EMPTY_LINES = "Líneas sin actividades en el periodo: {lines}."
REVIEW_PHOTO_MISSING = ("#{id} ({day}): {n} foto(s) sin copia local; no aparecen en el "
                        "documento.")

CAPTION_REVIEW = "\nRevise: {items}."
CAPTION_DUPLICATES = "{n} posible(s) duplicado(s)"
CAPTION_SHORT = "{n} texto(s) muy corto(s)"
CAPTION_SIGNER = "la firma"
CAPTION_EMPTY_LINES = "{n} línea(s) sin actividades"
CAPTION_FALLBACK = ("\nEl trimestre pasado ({previous}) no tiene actividades registradas; "
                    "este es el trimestre en curso.")


# Defaults of the informe's fixed texts ([activities] report_* in the config), in our own
# words from the office's reports of 2019 and 2021.
DEFAULT_INTRODUCTION = [
    "Este informe presenta al {recipient} las actividades que la {office} realizó {span}, "
    "ordenadas según sus líneas de acción.",
    "La {office} fue creada por el Decreto municipal 018 de 2011 para apoyar y asesorar al "
    "alcalde y a las dependencias de la administración en cooperación internacional, "
    "inversión extranjera directa y los demás asuntos internacionales de la ciudad.",
    "Su trabajo se guía por el Plan de Desarrollo Municipal y por la Estrategia Nacional de "
    "Cooperación Internacional, para que lo que la ciudad propone a cooperantes e "
    "inversionistas responda a las metas locales y a las nacionales.",
]
DEFAULT_OBJECTIVE = (
    "Aportar a la visión de desarrollo que la planeación estratégica fija para el territorio, "
    "dando a la ciudad presencia y reconocimiento en el mundo y ampliando sus oportunidades "
    "de bienestar e intercambio cultural por medio de la cooperación académica, técnica y "
    "financiera, nacional e internacional."
)
DEFAULT_ACTIVITIES_INTRO = (
    "A continuación se presentan las actividades que la {office} desarrolló {span}, "
    "agrupadas por línea de acción y, dentro de cada línea, por aliado o tema."
)
DEFAULT_SIGNED_ON = "El informe anterior se firma a los {day} días del mes de {month} de {year}."
DEFAULT_CLOSING = [
    "La {office} seguirá articulando a organismos internacionales, academia, gremios y "
    "sociedad civil para dar a conocer la gestión de la administración y conseguir apoyo "
    "para los proyectos prioritarios de las dependencias, en línea con el Plan de Desarrollo "
    "Municipal.",
]
