"""Texts of the question-and-answer feature."""

SOURCE = "<i>Fuente: {sources}</i>"
RELATED_BUTTON = "📄 {title}"
FULL_BUTTON = "📖 Ver completo"
HELPFUL = "👍 Me sirvió"
NOT_HELPFUL = "👎 No me sirvió"
THANKS_FOR_FEEDBACK = "¡Gracias! Su opinión ayuda a mejorar las respuestas."
FEEDBACK_GONE = "No encontré esa pregunta; quizá es muy antigua."

CLARIFY = "No estoy seguro de haber entendido. ¿Te refieres a…?"
CLARIFY_NONE_OF_THESE = "❌ Ninguna de estas"
MISSING_FACT = (
    "Ese dato ({what}) no está en lo que sé: consúltelo con la OFAI o con la entidad "
    "encargada. Esta guía trata el tema:"
)
NOT_FOUND = (
    "No encontré una respuesta para eso en la base de conocimiento. "
    "Anoté su pregunta para que la oficina la agregue.\n\n"
    "Puede intentar con otras palabras o explorar los temas:"
)
GREETING = (
    "¡Hola! Soy Enlace. Escríbame su pregunta sobre cooperación internacional, "
    "por ejemplo: <i>qué es la cooperación descentralizada</i>."
)
THANKS = "Con gusto. Si tiene otra pregunta, escríbala cuando quiera."
BYE = "¡Hasta pronto!"
EMPTY_QUESTION = (
    "Escriba la pregunta después del comando, por ejemplo: "
    "<code>/pregunta qué es una comixta</code>"
)

CATEGORIES = "<b>Temas de la base de conocimiento</b>\nElija una categoría:"
CATEGORY = "<b>{name}</b>\n{count} guías. Elija una:"
BACK_TO_CATEGORIES = "⬅️ Categorías"
UNKNOWN_ENTRY = "Esa guía ya no existe. Use /guias para ver las disponibles."

PENDING_EMPTY = "No hay preguntas pendientes. ¡Todo lo que han preguntado tuvo respuesta!"
PENDING_HEADER = "<b>Preguntas sin respuesta</b> (las más repetidas primero)\n"
PENDING_LINE = "{n}. «{text}» — {count} {times}, última: {last}"
PENDING_HINT = "\nToque una para asignarla a una guía existente."
PENDING_BUTTON = "{n}. {text}"
ATTACH_CHOOSE = "¿A qué guía corresponde «{text}»?"
ATTACH_NO_SUGGESTIONS = (
    "No encontré guías parecidas a «{text}». Hay que escribir una guía nueva en knowledge/."
)
ATTACHED = (
    "Listo: «{text}» quedó como otra forma de preguntar por «{title}». "
    "Desde ya, esa pregunta recibe esa respuesta."
)

# Live answers from the registry (/convenios, /plazos), for staff and admins.
LIVE_AGREEMENT_HEAD = "📌 <b>{partner}</b> — {kind} (según /convenios)"
LIVE_STATUS = "Estado: <b>{status}</b>"
LIVE_SIGNED = "Firmado el {day}"
LIVE_NOT_SIGNED = "Aún no está firmado."
LIVE_ENDS = "Vence el {day} (en {days} días)"
LIVE_ENDED = "Venció el {day} (hace {days} días)"
LIVE_NEXT_FOLLOWUP = "Próximo seguimiento: {day}"
LIVE_LAST_FOLLOWUP = "Último seguimiento hecho: {day}"
LIVE_OWNER = "Responsable: {owner}"
LIVE_NO_OWNER = "Sin responsable asignado."
AGREEMENT_STATUS = {"negociacion": "en negociación", "vigente": "vigente",
                    "vencido": "vencido", "terminado": "terminado"}
LIVE_DEADLINES_HEAD = "📅 <b>Plazos abiertos</b> (según /plazos)"
LIVE_DEADLINE_LINE = "• {title}: {when} — {left}{owner}"
LIVE_DAYS_LEFT = "en {days} días"
LIVE_TODAY = "vence hoy"
LIVE_OVERDUE = "⚠️ vencido hace {days} días"
LIVE_DEADLINE_OWNER = " · {owner}"
LIVE_NO_DEADLINES = "📅 No hay plazos abiertos en los próximos {days} días (según /plazos)."
LIVE_BACKGROUND = "\n\n<b>Contexto:</b> {title}\n{lead}"
# Under the lead: the lines further down the entry that the question is about.
PASSAGE = "📌 <b>Sobre lo que pregunta:</b>\n{passage}"

#: The command menu entries of questions and answers (name, description).
COMMANDS = [
    ("pregunta", "Hacer una pregunta sobre cooperación internacional"),
    ("guias", "Explorar las guías por tema"),
    ("pendientes", "Preguntas sin respuesta (administración)"),
]

# Kinds of fact a guide may lack (bot/knowledge/facts.py): named in the reply that offers
# the guide instead of answering.
FACT_CONTACT = "teléfono o contacto"
FACT_ADDRESS = "dirección"
FACT_HOURS = "horario"
FACT_PRICE = "precio o tarifa"
FACT_AMOUNT = "monto de dinero"
FACT_SALARY = "sueldo u honorarios"
FACT_DURATION = "cuánto tarda o dura"
FACT_PLACE = "datos generales del lugar (población, clima, idioma, moneda)"
FACT_REQUIREMENTS = "requisitos que piden"
FACT_FUTURE_DATE = "fecha futura"
FACT_OFFICE_HOLDER = "quién ocupa hoy el cargo"
FACT_YEAR = "el año {year}"
FACT_COUNTRY = "lo relacionado con {country}"
FACT_TODAY = "cómo está hoy: lo que sé viene de informes y guías con fecha"
FACT_RATE = "precio o monto por {period}"
FACT_COUNT = "cuántos {what}"
FACT_COUNT_FEMININE = "cuántas {what}"
PERIODS = {"mes": "mes", "ano": "año", "dia": "día", "semana": "semana", "hora": "hora"}
FACT_PART = "«{part}»"
FACT_OUTCOME = "si se llevó a cabo y qué resultó: lo que sé describe el plan"

# enlace kb check --sources (bot/knowledge/originality.py, run as a module)
COPIED_RUN = "{entry}: copia de {source}: «{text}»"
COPIED_TOTAL = "{n} fragmentos copiados"
FACT_PERCENT = "tasa o porcentaje"
FACT_DAY = "la fecha exacta (el día)"
FACT_DEADLINE = "fecha límite o de cierre"
FACT_PERSON = "el nombre de la persona"
FACT_UNSAID = "la fuente no lo dice: «{what}»"
FACT_WEB = "página web o enlace"
FACT_FIGURES = "cifras o estadísticas"
FACT_ACCESS = "usuario o contraseña para entrar a un sistema"
FACT_RANK = "puesto en un ranking o puntaje"
FACT_TRAVEL = "trámites de viaje (visa, vacunas, pasajes, hospedaje)"
FACT_FILE = "enviar el archivo: solo sé lo que dicen los documentos"
FACT_MEASURE = "una medida (kilómetros, hectáreas, toneladas)"
FACT_CONTRACT = "contratos, licitaciones o la empresa que lo hizo"
FACT_FOUNDED = "cuándo se fundó"
FACT_RECIPE = "una receta de cocina"
FACT_NAMES = "los nombres uno por uno"
