"""Texts of the question-and-answer feature."""

SOURCE = "<i>Fuente: {sources}</i>"
RELATED_BUTTON = "📄 {title}"
HELPFUL = "👍 Me sirvió"
NOT_HELPFUL = "👎 No me sirvió"
THANKS_FOR_FEEDBACK = "¡Gracias! Su opinión ayuda a mejorar las respuestas."
FEEDBACK_GONE = "No encontré esa pregunta; quizá es muy antigua."

CLARIFY = "No estoy seguro de haber entendido. ¿Te refieres a…?"
CLARIFY_NONE_OF_THESE = "❌ Ninguna de estas"
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
