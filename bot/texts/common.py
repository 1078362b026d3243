"""Texts shared by every feature."""

UNKNOWN_USER = (
    "Hola. Este asistente es de uso interno de la {office}.\n"
    "Para pedir acceso, envíe a la oficina su número de usuario: <code>{user_id}</code>"
)
STAFF_ONLY = (
    "Esta acción es solo para el equipo de la oficina. "
    "Si debería tener acceso, envíe su número de usuario a la oficina: <code>{user_id}</code>"
)
ADMIN_ONLY = "Esta acción es solo para quienes administran la oficina en Enlace."
ERROR = "Algo falló de nuestro lado y no pude terminar. Intente de nuevo en un momento."
CANCELLED = "Listo, cancelado. No se guardó nada."
NOTHING_TO_CANCEL = "No hay nada en curso para cancelar."
EXPIRED_BUTTON = "Ese botón ya no está vigente. Vuelva a empezar con el comando."

MISSING_TOKEN = (
    "Falta el token del bot de Telegram.\n"
    "Configúrelo con la variable de entorno ENLACE_TELEGRAM__TOKEN=<token> "
    "o con la clave token en la sección [telegram] de config.toml.\n"
    "Para probar Enlace sin Telegram, use: enlace console"
)

WELCOME = (
    "Hola, {name}. Soy <b>Enlace</b>, el asistente de la {office}.\n\n"
    "Pregúnteme lo que necesite sobre cooperación internacional: escriba su pregunta "
    "como le salga, por ejemplo <i>qué es una comixta</i> o <i>cómo arranco una estrategia "
    "internacional</i>.\n"
    "Con /guias ve todos los temas por categoría y con /ayuda, lo que sé hacer."
)
WELCOME_STAFF = (
    "\n\nComo parte del equipo también puede:\n"
    "• /registrar una actividad (ej. <code>/registrar 2 Reunión con ProColombia</code>)\n"
    "• /plazo para anotar una fecha límite y /convenio para un convenio\n"
    "• /resumen y /informe para ver lo hecho"
)
WELCOME_ADMIN = (
    "\n\nComo administrador: /pendientes muestra las preguntas que no supe responder."
)

HELP = (
    "<b>Qué hago</b>\n"
    "• Respondo preguntas sobre cooperación internacional y la oficina, con su fuente.\n"
    "  Ejemplos: <i>que es aod</i>, <i>pasos para internacionalizar el municipio</i>, "
    "<i>qué cubre el memorando con GOAL</i>.\n"
    "• /guias: explorar los temas por categoría.\n"
    "• /pregunta &lt;texto&gt;: preguntar (en grupos, también mencionándome o "
    "respondiendo a un mensaje mío).\n"
    "• /plazos y /convenios: ver fechas límite y convenios vigentes."
)
HELP_STAFF = (
    "\n\n<b>Para el equipo</b>\n"
    "• /registrar [línea] texto: registra una actividad (fecha opcional: ayer, 15/11; "
    "aliados con #APC). /registrar solo abre una guía paso a paso.\n"
    "• /lineas, /actividades, /editar, /deshacer\n"
    "• /resumen [periodo], /exportar [periodo], /informe [trimestre]\n"
    "• /plazo texto con fecha, /convenio\n"
    "• /cancelar: salir de cualquier paso a paso"
)
HELP_ADMIN = "\n\n<b>Administración</b>\n• /pendientes: preguntas sin respuesta"
UNKNOWN_COMMAND = "No conozco el comando {command}. Escriba /ayuda para ver lo que sé hacer."
REPLY_HINT = "<i>Toque un botón o responda a este mensaje.</i>"

GROUP_NOT_ALLOWED = (
    "Hola. Trabajo solo en el grupo de la {office} y en chats privados, así que salgo de "
    "este grupo. Para preguntar, escríbame en privado."
)
PRIVATE_ONLY = (
    "Por privacidad, esto lo envío solo en el chat privado. Escríbame en privado y repita "
    "el comando."
)
KNOWN_ONLY = (
    "Los plazos y convenios son solo para el equipo y los enlaces registrados. Si debería "
    "verlos, envíe su número de usuario a la oficina: <code>{user_id}</code>"
)
NOT_YOUR_QUESTION = "Solo quien hizo la pregunta puede calificarla o elegir la respuesta."
EDITED_IGNORED = (
    "Vi que editó un mensaje. La edición no cambia lo que ya respondí ni lo que ya se "
    "guardó; si quiere otra cosa, envíela en un mensaje nuevo."
)
MEDIA_NOT_UNDERSTOOD = (
    "Recibí su archivo, pero solo entiendo mensajes escritos. Escriba su pregunta con "
    "palabras, por ejemplo <i>qué es una comixta</i>."
)
ERROR_AFTER_SAVE = (
    "No pude enviarle la respuesta completa por un problema de conexión con Telegram. "
    "Lo que había que guardar ya quedó guardado: no lo repita. Puede revisarlo con "
    "/actividades o /plazos."
)

#: The command menu entries of /start and /ayuda (name, description).
COMMANDS = [
    ("start", "Empezar y ver qué puedo hacer"),
    ("ayuda", "Qué hago, con ejemplos"),
]
#: The command menu entry answered by ``handlers.fallback``.
FALLBACK_COMMANDS = [("cancelar", "Cancelar lo que esté en curso")]
