"""Texts of deadlines, agreements and reminders (HTML; user values are escaped by the caller)."""

COMMANDS = [
    ("plazo", "Anotar una fecha límite (ej. /plazo Informe al concejo el 15/12)"),
    ("plazos", "Ver los plazos abiertos, del más próximo al más lejano"),
    ("convenio", "Registrar un convenio o memorando, paso a paso"),
    ("convenios", "Ver convenios, vencimientos y seguimientos"),
]

# -- deadlines ----------------------------------------------------------------------------
PLAZO_USAGE = (
    "Para anotar un plazo escriba, por ejemplo:\n"
    "<code>/plazo Convocatoria KUSANONE el 15 de diciembre a las 10</code>\n"
    "Opcional: <code>línea 4</code>, y notas o un enlace después de <code>|</code>.\n"
    "O escriba solo /plazo y le pregunto paso a paso."
)
ASK_TITLE = "¿Qué vence? Escriba el título del plazo (ej. <i>Convocatoria KUSANONE</i>)."
ASK_DUE = (
    "¿Para cuándo es <b>{title}</b>? Escriba la fecha como le salga: <i>15 de diciembre</i>, "
    "<i>el próximo viernes a las 10</i>, <i>en dos semanas</i>, <i>fin de mes</i>, "
    "<i>15/12/2026</i>."
)
ASK_NOTES = "Escriba las notas o el enlace del plazo (o «-» para dejarlas vacías)."
ASK_OWNER = "¿Quién es responsable? Toque un nombre o escriba el nombre de la persona."
ASK_LINE = "¿A qué línea de acción pertenece?"
ASK_NEW_DATE = "¿Para cuándo lo pasamos? Escriba la nueva fecha (ej. <i>el próximo lunes</i>)."

DRAFT_CARD = (
    "{heading}\n"
    "<b>{title}</b>\n"
    "📅 {when}{left}\n"
    "📌 {line}\n"
    "👤 Responsable: {owner}"
    "{notes}\n\n"
    "¿Está bien la fecha? Guárdelo o corrija lo que haga falta."
)
DRAFT_HEADING = "Entendí este plazo:"
NO_LINE = "Sin línea de acción"
SAVED = (
    "✅ Plazo guardado: <b>{title}</b>, {when}.\n"
    "Recordaré {leads} {where}."
)
SAVED_NO_REMINDERS = "✅ Plazo guardado: <b>{title}</b>, {when}."
ALREADY_SAVED = "Ese plazo ya quedó guardado."
DRAFT_GONE = "Ese borrador ya no está vigente. Vuelva a empezar con /plazo."

LIST_EMPTY = "No hay plazos abiertos. Anote uno con /plazo."
LIST_HEADING = "<b>Plazos abiertos</b> ({count}), del más próximo al más lejano:"
LIST_ITEM = "{n}. <b>{title}</b>\n    {when} · {left}{extra}"
LIST_BUTTONS_HELP = "\n\nBotones: ✅ hecho · ⏰ posponer · 🗑 borrar (por número)."
LIST_MORE = "\n\n… y {count} más."

DONE = "✅ «{title}» marcado como hecho por {name}."
ALREADY_CLOSED = "Ese plazo ya estaba cerrado."
NOT_FOUND = "No encontré ese plazo; puede que lo hayan borrado."
POSTPONE_ASK = "¿Cuánto pospongo «{title}» (vence {when})?"
POSTPONED = "⏰ «{title}» pasa al {when} (lo pospuso {name})."
ALREADY_MOVED = "Ese plazo ya se había movido: ahora vence el {when}."
DELETE_ASK = "¿Borrar el plazo «{title}» ({when})? No se enviarán más recordatorios."
DELETED = "🗑 Plazo «{title}» borrado por {name}."
KEPT = "Listo, no se borró."

# -- reminders ----------------------------------------------------------------------------
LATE = "⚠️ <b>Con retraso</b>: debía llegar el {when}.\n"
REMINDER_DEADLINE = (
    "⏰ <b>Plazo: {title}</b>\n"
    "Vence {when} — <b>{left}</b>.{extra}"
)
REMINDER_EXPIRY = (
    "📄 <b>Convenio por vencer: {partner}</b>\n"
    "{kind}{object}\n"
    "Vence el {when} — <b>{left}</b>.{extra}\n"
    "¿Se renueva? Actualice la fecha de fin en /convenios."
)
REMINDER_FOLLOWUP = (
    "🤝 <b>Seguimiento {cadence} al convenio con {partner}</b>\n"
    "{kind}{object}\n"
    "Toca el seguimiento del {when}. Último registrado: {last}.{extra}"
)
OWNER_LINE = "\n👤 Responsable: {owner}"
LINE_LINE = "\n📌 Línea {number}: {name}"
NOTES_LINE = "\n📝 {notes}"

DIGEST_HEADING = "🗓 <b>Resumen semanal</b>: lo que vence en los próximos {days} días."
DIGEST_EMPTY = "🗓 <b>Resumen semanal</b>: nada vence en los próximos {days} días."
DIGEST_OVERDUE = "\n\n⚠️ <b>Vencidos sin marcar como hechos</b>"
DIGEST_DEADLINES = "\n\n<b>Plazos</b>"
DIGEST_AGREEMENTS = "\n\n<b>Convenios</b>"
DIGEST_ITEM = "\n• {day} — {text} ({left})"
DIGEST_FOOTER = "\n\nDetalle y botones en /plazos y /convenios."

BUTTON_DONE = "✅ Hecho"
BUTTON_POSTPONE_DAY = "⏰ Posponer 1 día"
BUTTON_POSTPONE_WEEK = "⏰ Posponer 1 semana"
BUTTON_POSTPONE_DATE = "📅 Otra fecha"
BUTTON_FOLLOWUP_DONE = "✅ Seguimiento hecho"
BUTTON_SAVE = "✅ Guardar"
BUTTON_CHANGE_DATE = "📅 Corregir fecha"
BUTTON_TITLE = "✏️ Título"
BUTTON_LINE = "📌 Línea"
BUTTON_OWNER = "👤 Responsable"
BUTTON_NOTES = "📝 Notas"
BUTTON_CANCEL = "✖️ Cancelar"
BUTTON_ME = "Yo"
BUTTON_YES_DELETE = "🗑 Sí, borrar"
BUTTON_NO = "No"
BUTTON_SKIP = "Saltar"

# -- agreements ---------------------------------------------------------------------------
KIND_NAMES: dict[str, str] = {
    "mou": "Memorando de entendimiento (MoU)",
    "convenio": "Convenio",
    "hermanamiento": "Hermanamiento",
    "carta": "Carta de intención",
    "otro": "Otro",
}
CADENCE_NAMES: dict[str, str] = {
    "none": "sin seguimiento periódico", "mensual": "mensual", "trimestral": "trimestral",
    "semestral": "semestral", "anual": "anual",
}
STATUS_NAMES: dict[str, str] = {
    "negociacion": "en negociación",
    "vigente": "vigente",
    "vencido": "vencido",
    "terminado": "terminado",
}
AG_ASK_PARTNER = "¿Con quién es el convenio? Escriba la contraparte (ej. <i>GOAL</i>)."
AG_ASK_KIND = "¿Qué tipo de acuerdo es?"
AG_ASK_OBJECT = "¿Cuál es el objeto? Una frase (ej. <i>gestión del riesgo en barrios</i>)."
AG_ASK_SIGNED = ("¿Cuándo se firmó? Escriba la fecha (ej. <i>15/03/2025</i>) o toque "
                 "«Aún no se firma».")
AG_ASK_END = ("¿Hasta cuándo va? Escriba la fecha de fin (<i>15/03/2027</i>) o la duración "
              "(<i>2 años</i>, <i>18 meses</i>).")
AG_ASK_CADENCE = "¿Cada cuánto hay que hacerle seguimiento?"
AG_ASK_STATUS = "¿En qué estado está?"
AG_BUTTON_NOT_SIGNED = "Aún no se firma"
AG_BUTTON_NO_END = "Sin fecha de fin"
AG_CARD = (
    "Entendí este convenio:\n"
    "<b>{partner}</b> — {kind}\n"
    "🎯 {object}\n"
    "✍️ Firma: {signed}\n"
    "⌛ Fin: {end}\n"
    "🔁 Seguimiento: {cadence}\n"
    "📍 Estado: {status}\n"
    "👤 Responsable: {owner}\n\n"
    "¿Lo guardo?"
)
AG_SAVED = "✅ Convenio con <b>{partner}</b> guardado.{reminders}"
AG_ALREADY_SAVED = "Ese convenio ya quedó guardado."
AG_SAVED_REMINDERS = "\nAvisaré {what} {where}."
WHERE_GROUP_AND_OWNER = "en el grupo y a {owner}"
WHERE_GROUP = "en el grupo"
WHERE_OWNER = "a {owner}"
WHERE_ADMINS = "a la administración"
AG_LIST_EMPTY = "No hay convenios registrados. Anote uno con /convenio."
AG_LIST_HEADING = "<b>Convenios</b> ({count}):"
AG_LIST_ITEM = "{n}. <b>{partner}</b> — {kind} · <i>{status}</i>{object}{end}{followup}{owner}"
AG_FOLLOWUP_DONE = "✅ Seguimiento al convenio con <b>{partner}</b> registrado ({name}).{activity}"
AG_FOLLOWUP_ACTIVITY = "\n📒 Quedó en el registro de actividades (línea {line})."
AG_FOLLOWUP_ALREADY = "Ese seguimiento ya estaba registrado."
AG_NO_FOLLOWUP = "Ese convenio no tiene seguimiento periódico pendiente."
AG_NOT_FOUND = "No encontré ese convenio; puede que lo hayan borrado."
AG_EDIT_MENU = "¿Qué cambia en el convenio con <b>{partner}</b>?"
AG_BUTTON_SIGNED = "✍️ Firma"
AG_BUTTON_STATUS = "📍 Estado"
AG_BUTTON_END = "⌛ Fecha de fin"
AG_BUTTON_CADENCE = "🔁 Seguimiento"
AG_BUTTON_DELETE = "🗑 Borrar"
AG_UPDATED = "✅ Convenio con <b>{partner}</b> actualizado: {what}."
AG_DELETE_ASK = "¿Borrar el convenio con <b>{partner}</b>? No habrá más avisos."
AG_DELETED = "🗑 Convenio con <b>{partner}</b> borrado."
AG_ASK_NEW_END = ("Escriba la nueva fecha de fin (<i>15/03/2028</i>) o la duración desde la "
                  "firma (<i>2 años</i>).")
AG_ASK_NEW_SIGNED = "¿Cuándo se firmó? Escriba la fecha (ej. <i>15/03/2026</i> o <i>ayer</i>)."
AG_USAGE = ("Con /convenio le pregunto paso a paso; también puede empezar con la contraparte: "
            "<code>/convenio GOAL</code>.")
FOLLOWUP_ACTIVITY_TEXT = "Seguimiento al convenio con {partner}"

ACCESS_STAFF = ("Crear o cambiar plazos y convenios es solo para el equipo de la oficina; "
                "puede verlos con /plazos y /convenios.")
IMPORT_OK = "{count} {what} cargados desde {path}."
IMPORT_FAILED = "No se cargó nada de {path}: hay {count} errores."

# -- refusals (plain text: they are escaped when shown) -----------------------------------
TITLE_HELP = "Escriba qué vence, por ejemplo: «Convocatoria KUSANONE»."
TITLE_MISSING = "Falta el título del plazo. " + TITLE_HELP
TITLE_TOO_LONG = "El título es muy largo ({length} caracteres; máximo {limit}). " + TITLE_HELP
DUE_PASSED = ("Esa fecha ya pasó. Un plazo debe ser hoy o una fecha futura, por ejemplo "
              "«el 15 de diciembre» o «el próximo viernes».")
HOUR_PASSED = "Las {hour} de hoy ya pasaron. Escriba una hora más tarde o otro día."
LINE_UNKNOWN = "La línea {line} no existe; las líneas son {numbers}."
DUE_MISSING = ("Falta la fecha del plazo. Escríbala como «15 de diciembre», «15/12/2026» o "
               "«el próximo viernes».")
NOTES_TOO_LONG = "Las notas son muy largas (máximo {limit} caracteres)."
OWNER_MISSING = "Escriba el nombre de la persona responsable."
KIND_INVALID = ("Tipo de convenio no válido. Use: mou (memorando de entendimiento), convenio, "
                "hermanamiento, carta (de intención) u otro.")
CADENCE_INVALID = "Seguimiento no válido. Use: ninguno, mensual, trimestral, semestral o anual."
STATUS_INVALID = "Estado no válido. Use: en negociación, vigente, vencido o terminado."
END_HOW = "{problem} Escriba la fecha de fin («15/12/2028») o la duración («2 años», «18 meses»)."
END_BEFORE_SIGNED = "La fecha de fin debe ser posterior a la firma."
PARTNER_MISSING = ("Falta la contraparte del convenio, por ejemplo «GOAL» o "
                   "«Alcaldía de Pittsburgh».")
AG_TEXT_TOO_LONG = "El texto es muy largo (máximo 500 caracteres)."
SIGNED_IN_FUTURE = "La fecha de firma no puede ser futura."
SIGNED_AFTER_END = "La firma debe ser anterior a la fecha de fin ({end})."
END_NEEDS_SIGNED = ("El convenio no tiene fecha de firma: escriba la fecha de fin, por ejemplo "
                    "«15/03/2028».")

# -- digest items -------------------------------------------------------------------------
DIGEST_AGREEMENT_ENDS = "vence el convenio con <b>{partner}</b>"
DIGEST_FOLLOWUP = "seguimiento {cadence} al convenio con <b>{partner}</b>"
DIGEST_DEADLINE = "<b>{title}</b>{clock} · {owner}"

# -- chats that moved ---------------------------------------------------------------------
GROUP_MOVED = ("ℹ️ Telegram convirtió el grupo de la oficina en supergrupo y le dio un número "
               "nuevo: <code>{new}</code> (antes <code>{old}</code>). Los recordatorios ya van "
               "al grupo nuevo. Actualice <code>office.group_chat_id</code> en la "
               "configuración.")

# -- deleting and restoring ---------------------------------------------------------------
DELETE_NOT_YOURS = "Solo la persona responsable, quien lo creó o la administración puede borrarlo."
RESTORE_NOT_YOURS = ("Solo la persona responsable, quien lo creó o la administración puede "
                     "recuperarlo.")
BUTTON_RESTORE = "↩️ Recuperar"
RESTORED = "↩️ Plazo «{title}» recuperado por {name} ({when})."
AG_RESTORED = "↩️ Convenio con <b>{partner}</b> recuperado."
NOT_DELETED = "Eso no está borrado."
DRAFT_NOT_YOURS = "Ese borrador es de otra persona."
AG_SAVED_EXPIRY = "el vencimiento {days} días antes"
AG_SAVED_FOLLOWUP = "cada seguimiento {cadence}"
AG_WHAT_STATUS = "estado {status}"
AG_WHAT_CADENCE = "seguimiento {cadence}"
AG_WHAT_SIGNED = "firmado el {day}"
AG_WHAT_ENDS = "vence el {day}"
AND = " y "

# -- small words --------------------------------------------------------------------------
TODAY = "hoy"
TOMORROW = "mañana"
IN_DAYS = "en {days} días"
OVERDUE_YESTERDAY = "venció ayer"
OVERDUE_DAYS = "venció hace {days} días"
OVERDUE = "ya venció"
DUE_NOW = "vence ahora"
IN_MINUTES = "en {minutes} min"
IN_HOURS = "en {hours} h"
IN_HOURS_MINUTES = "en {hours} h {minutes} min"
LINE_NAMED = "Línea {number}: {name}"
LINE_NUMBER = "Línea {number}"
OWNER_ID = "usuario {owner_id}"
NO_OWNER = "sin responsable"
BUTTON_UPDATE = "✏️ Actualizar"
NO_FOLLOWUP_YET = "ninguno"
END_AFTER_SIGNING = "{duration} desde la firma"
NO_END = "sin fecha de fin"
NOT_SIGNED_YET = "aún no se firma"
AG_LIST_OBJECT = "\n    🎯 {object}"
AG_LIST_END = "\n    ⌛ Vence: {when} ({left})"
AG_LIST_FOLLOWUP_PENDING = "\n    🔁 ⚠️ Seguimiento {cadence} pendiente desde el {since}"
AG_LIST_FOLLOWUP_NEXT = "\n    🔁 Próximo seguimiento ({cadence}): {when} ({left})"
AG_LIST_OWNER = "\n    👤 {owner}"
LEAD_SAME_DAY = "el mismo día"
LEAD_DAY = "{days} día antes"
LEAD_DAYS = "{days} días antes"
LEAD_HOURS = "{hours} h antes"
LEAD_MINUTES = "{minutes} min antes"
LEAD_ON_TIME = "a la hora"
BUTTON_FOLLOWUP_N = "✅ Seguimiento {n}"
