"""Texts of the activity log, summaries, exports and the report (HTML; escape user values)."""

# -- what a quick log can get wrong -----------------------------------------------------
EXAMPLE = "<code>/registrar 2 ayer Reunión con #ProColombia sobre el Investment Summit</code>"
EMPTY = (
    "Falta el texto de la actividad; no guardé nada. Escríbalo después del comando, por "
    "ejemplo:\n" + EXAMPLE
    + "\nO envíe /registrar solo y le pregunto paso a paso."
)
ONLY_DETAILS = (
    "Veo la línea, la fecha o los aliados, pero no qué pasó. No guardé nada. Escriba también "
    "la actividad, por ejemplo:\n" + EXAMPLE
)
TOO_LONG = (
    "El texto tiene {count} caracteres y el máximo es {limit}. Resúmalo en pocas líneas; "
    "los detalles pueden ir en un documento adjunto. No guardé nada."
)
UNKNOWN_LINE = (
    "No existe la línea {number}. Las líneas de acción son:\n{lines}\n"
    "Escriba el número al comienzo, por ejemplo " + EXAMPLE + ", o escriba solo el texto y "
    "yo propongo la línea. No guardé nada."
)
BAD_DATE = (
    "{problem}\nPara la fecha de una actividad escriba, por ejemplo, «ayer», «lunes», «15/11» "
    "o «2026-11-15» (sin fecha, cuenta hoy). No guardé nada."
)
FUTURE_DATE = (
    "«{written}» es el {day}, en el futuro. Aquí se registran actividades ya realizadas "
    "(a más tardar mañana); para anotar algo que viene use /plazo. No guardé nada."
)
FUTURE_DATE_KEPT = (
    "«{written}» es una fecha futura: la dejé en el texto y registré la actividad con la fecha "
    "de hoy (cámbiela con /editar si no es así). Para que el grupo lo recuerde, use /plazo."
)
TOO_OLD = "La fecha {day} es demasiado antigua. Revise el año. No guardé nada."
EMPTY_DEPARTMENT = (
    "Después de «dependencia:» falta el nombre, por ejemplo <code>dependencia: Secretaría de "
    "Planeación</code>. No guardé nada."
)
BAD_PERIOD = (
    "{problem}\nPeriodos que entiendo: «esta semana», «este mes», «el mes pasado», "
    "«trimestre», «2026-T3», «Q3», «julio a septiembre», «julio», «2026», «últimos 30 días»."
)
NO_DATE_FOUND = "No encontré una fecha en «{text}»."

# -- managing entries -----------------------------------------------------------------
NOT_FOUND = "No encuentro la actividad #{id}. Vea sus actividades con /actividades."
NOT_YOURS = (
    "La actividad #{id} la registró otra persona; solo quien la registró o un administrador "
    "puede cambiarla."
)
NOTHING_TO_UNDO = "No tiene actividades registradas para deshacer."
NOTHING_TO_EDIT = "Aún no tiene actividades registradas. Registre una con /registrar."
ALREADY_DELETED = "La actividad #{id} está eliminada; un administrador puede recuperarla."
RESTORE_ADMIN_ONLY = "Solo un administrador puede recuperar actividades eliminadas."
DELETED_ADMIN_ONLY = "Solo un administrador puede ver las actividades eliminadas."
EDIT_WHAT = (
    "¿Qué cambio en la actividad #{id}? Por ejemplo:\n"
    "<code>/editar {id} línea 3</code>\n"
    "<code>/editar {id} fecha ayer</code>\n"
    "<code>/editar {id} aliados #APC #GOAL</code>\n"
    "<code>/editar {id} dependencia Secretaría de Planeación</code>\n"
    "<code>/editar {id} texto Reunión con la APC sobre la convocatoria</code>"
)
EDIT_HELP = (
    "Para corregir una actividad escriba su número y el cambio:\n"
    "<code>/editar 42 línea 3</code> · <code>/editar 42 fecha ayer</code> · "
    "<code>/editar 42 aliados #APC #GOAL</code> · <code>/editar 42 texto …</code>\n"
    "Sin número, cambio la última que registró: <code>/editar fecha 15/11</code>"
)
EDIT_LINE_NUMBER = "Escriba el número de la línea, por ejemplo <code>/editar 42 línea 3</code>."
EDIT_PARTNERS = (
    "Escriba los aliados así: <code>/editar 42 aliados #APC #GOAL</code>, o "
    "<code>/editar 42 aliados ninguno</code> para quitarlos."
)
EDITED = "✏️ Actualicé la actividad:"
EDITED_FROM_MESSAGE = "✏️ Usted editó su mensaje; actualicé la actividad:"

# -- guided log -----------------------------------------------------------------------
NO_DRAFT = "No tiene un registro en curso. Empiece con /registrar."
DRAFT_GONE = "Ese registro ya no está en curso. Empiece de nuevo con /registrar."
DRAFT_INCOMPLETE = "Falta la línea o el texto de la actividad; complete los pasos o /cancelar."
ASK_LINE = "📝 <b>Nueva actividad.</b> ¿En qué línea de acción va?"
ASK_LINE_FOR = "¿En qué línea de acción va esta actividad?\n«{text}»"
ASK_LINE_AGAIN = "¿En qué línea de acción va?"
ASK_TWO_LINES = "¿Línea {first} o {second}?\n«{text}»"
BUTTON_OTHER_LINE = "Otra línea"
ASK_TEXT = (
    "Línea: <b>{line}</b>\n\n"
    "Cuénteme qué pasó: qué, con quién y cuándo. Por ejemplo:\n"
    "<i>Ayer reunión con #ProColombia sobre el Investment Summit</i>\n"
    "Sin fecha, cuenta hoy. /cancelar para salir."
)
ASK_EVIDENCE = (
    "¿Tiene una foto, un documento o la ubicación como evidencia? Envíela ahora, "
    "o toque «Omitir»."
)
ASK_CONFIRM = "Revise y toque «Guardar»:"
MORE_EVIDENCE = "<i>Puede enviar más fotos o documentos antes de guardar.</i>"
EVIDENCE_ADDED = "📎 Recibí la evidencia."
GROUP_GUIDED = (
    "En el grupo registre en una sola línea, por ejemplo " + EXAMPLE + ".\n"
    "Para el paso a paso, escríbame /registrar en privado."
)
DRAFT_DROPPED = (
    "⚠️ Su registro anterior quedó sin guardar y lo reemplacé por este: «{text}». "
    "Si lo necesita, envíelo de nuevo."
)
BUTTON_SAVE = "✅ Guardar"
BUTTON_CHANGE_LINE = "Cambiar línea"
BUTTON_UNDO = "Deshacer"
BUTTON_CANCEL = "Cancelar"
BUTTON_SKIP = "Omitir"
BUTTON_KEEP = "Dejar como está"
BUTTON_RESTORE = "Recuperar"

# -- confirmation card ------------------------------------------------------------------
SAVED = "✅ <b>Actividad #{id} guardada</b>"
ALREADY_SAVED = "✅ <b>La actividad #{id} ya estaba guardada</b>"
CARD_LINE = "<b>Línea:</b> {line}"
CARD_DAY = "<b>Fecha:</b> {day}"
CARD_TODAY = "hoy"
CARD_TEXT = "<b>Actividad:</b> {text}"
CARD_PARTNERS = "<b>Aliados:</b> {partners}"
CARD_NO_PARTNERS = "<b>Aliados:</b> ninguno (agréguelos con #Nombre)"
CARD_DEPARTMENT = "<b>Dependencia:</b> {department}"
CARD_EVIDENCE = "<b>Evidencia:</b> {evidence}"
CARD_WHO = "<b>Registrada por:</b> {name}"
GUESSED_LINE = "<i>Elegí la línea por las palabras del texto; cámbiela si no corresponde.</i>"
SEND_EVIDENCE = (
    "<i>¿Tiene foto, documento o ubicación? Envíela en los próximos {minutes} minutos y la "
    "adjunto a esta actividad.</i>"
)
ATTACHED = "📎 Adjunté {what} a la actividad #{id} («{text}»)."
ATTACHED_AGAIN = "📎 Esa evidencia ya estaba en la actividad #{id}."
EVIDENCE_NOWHERE = (
    "No sé a qué actividad va esta evidencia. Envíela con /registrar en el pie de foto, "
    "justo después de registrar (hasta {minutes} minutos), o responda a la foto con "
    "<code>/registrar …</code>."
)
DELETED = (
    "🗑 Eliminé la actividad #{id} («{text}»). Queda guardada como eliminada: un "
    "administrador puede recuperarla."
)
DELETED_ALREADY = "La actividad #{id} ya estaba eliminada."
RESTORED = "♻️ Recuperé la actividad #{id}:"
RESTORE_HOW = (
    "Escriba el número de la actividad, por ejemplo <code>/recuperar 42</code>. "
    "Vea las eliminadas con /actividades borradas."
)
RESTORED_ALREADY = "La actividad #{id} no estaba eliminada."
PICK_LINE = "Elija la nueva línea de la actividad #{id} («{text}»):"
LINE_CHANGED = "Línea cambiada."

# -- lists and summaries ----------------------------------------------------------------
LINES_TITLE = "<b>Líneas de acción</b>"
LINES_HINT = (
    "\nRegistre con el número: " + EXAMPLE + "\n"
    "o sin él y yo la propongo por las palabras clave."
)
LIST_TITLE = "<b>{title}</b>"
LIST_MINE = "Sus actividades"
LIST_ALL = "Actividades del equipo"
LIST_DELETED = "Actividades eliminadas"
LIST_EMPTY = "No hay actividades que coincidan. Registre una con /registrar."
LIST_MORE = "<i>… y {more} más. Use /exportar para verlas todas.</i>"
LIST_HELP = (
    "<i>Filtros: /actividades línea 2, /actividades este mes, "
    "/actividades julio a septiembre{admin}.</i>"
)
LIST_HELP_ADMIN = ", /actividades @Ana, /actividades borradas"
SUMMARY_TITLE = "📊 <b>Resumen de actividades · {period}</b>"
SUMMARY_TOTAL = "Total: <b>{total}</b> · personas: {people} · aliados: {partners}"
SUMMARY_EMPTY = "No hay actividades registradas en {period}."
SUMMARY_BY_LINE = "<b>Por línea de acción</b>"
SUMMARY_BY_PERSON = "<b>Por persona</b>"
SUMMARY_BY_PARTNER = "<b>Por aliado</b>"
SUMMARY_OTHERS = "otros {count}: {total}"
CHART_CAPTION = "Actividades por línea y mes · {period}"
PARTIAL_PERIOD = "<i>El periodo aún no termina: cuenta lo registrado hasta hoy.</i>"

# -- export and report ------------------------------------------------------------------
EXPORT_CAPTION = "📄 {count} actividades · {period}"
EXPORT_EMPTY = "No hay actividades registradas en {period}; no hay nada que exportar."
REPORT_CAPTION = (
    "📄 Borrador del informe de gestión · {period}\n{count} actividades. "
    "Revíselo y complételo antes de enviarlo."
)
REPORT_EMPTY_HINT = (
    "\nEl periodo no tiene actividades registradas. Para el trimestre en curso use "
    "<code>/informe trimestre</code>."
)
REPORT_FAILED = "No pude generar el informe. Intente de nuevo en un momento."

COMMANDS = [
    ("registrar", "Registrar una actividad (ej. /registrar 2 Reunión con APC)"),
    ("lineas", "Ver las líneas de acción"),
    ("actividades", "Ver las actividades registradas"),
    ("editar", "Corregir una actividad"),
    ("deshacer", "Eliminar su última actividad"),
    ("resumen", "Resumen y gráfico de un periodo"),
    ("exportar", "Descargar las actividades en CSV"),
    ("informe", "Borrador del informe de gestión (Word)"),
]
EDIT_OF_DELETED = (
    "La actividad #{id} de ese mensaje fue eliminada: su edición no cambia nada. "
    "La administración puede recuperarla con <code>/recuperar {id}</code>."
)
