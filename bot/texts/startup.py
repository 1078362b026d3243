"""What `enlace run` and `enlace doctor` tell the person starting the bot."""

TOKEN_SHAPE = (
    "El token de Telegram no tiene la forma de los que entrega @BotFather "
    "(un número, dos puntos y letras, p. ej. 123456:ABC-def). Revise "
    "ENLACE_TELEGRAM__TOKEN o la clave token de [telegram]: sin espacios ni comillas de más."
)
TOKEN_REJECTED = (
    "Telegram rechazó el token del bot (quizá fue revocado o está mal copiado).\n"
    "Pida el token vigente a @BotFather (/token) y póngalo en ENLACE_TELEGRAM__TOKEN."
)
TELEGRAM_UNREACHABLE = (
    "No pude comunicarme con Telegram ({error}). Revise la conexión a internet "
    "o telegram.base_url."
)
WEBHOOK_NO_URL = (
    "El modo webhook necesita la URL pública del bot: ponga telegram.webhook_url "
    "(p. ej. https://enlace.ejemplo.gov.co/telegram) o use mode = \"polling\"."
)
WEBHOOK_NO_SECRET = (
    "El modo webhook necesita un secreto, para que nadie más que Telegram pueda enviarle "
    "mensajes al bot.\nGenere uno y póngalo en la variable ENLACE_TELEGRAM__WEBHOOK_SECRET "
    "(o en webhook_secret de [telegram]), por ejemplo:\n"
    "  export ENLACE_TELEGRAM__WEBHOOK_SECRET=$(python3 -c \"import secrets; "
    "print(secrets.token_urlsafe(32))\")\n"
    "Solo letras, números, _ y -, hasta 256 caracteres."
)
WEBHOOK_BAD_SECRET = (
    "El secreto del webhook solo puede tener letras, números, _ y - (hasta 256 caracteres). "
    "Revise ENLACE_TELEGRAM__WEBHOOK_SECRET."
)
NO_KNOWLEDGE_DIR = (
    "No encuentro la carpeta de guías {path} (knowledge.path). Revise la ruta: si es "
    "relativa, cuenta desde la carpeta del archivo de configuración."
)
NO_ENTRIES = (
    "La carpeta de guías {path} no tiene ninguna guía válida: el bot respondería "
    "«No encontré» a todo. Revise con: enlace kb check"
)
BAD_ENTRIES = "{count} guías tienen problemas y no se cargaron (corríjalas; enlace kb check):"
DATABASE = (
    "No puedo abrir ni escribir la base de datos {path} ({error}).\n"
    "Revise storage.database y que la carpeta exista y se pueda escribir."
)
UNEXPECTED = "El bot se detuvo por un error inesperado: {error}"

DOCTOR_OK = "✔ {what}"
DOCTOR_BAD = "✘ {what}\n  → {fix}"
DOCTOR_WARN = "! {what}\n  → {fix}"
DOCTOR_SUMMARY_OK = "Todo en orden."
DOCTOR_SUMMARY_BAD = "{count} cosas por corregir."
DOCTOR_CONFIG = "configuración leída de {where}"
DOCTOR_TOKEN = "token aceptado por Telegram: @{username}"
DOCTOR_NO_TOKEN = "no hay token"
DOCTOR_NO_TOKEN_FIX = "póngalo en ENLACE_TELEGRAM__TOKEN (lo da @BotFather)"
DOCTOR_GROUP_UNSET = "no hay grupo de la oficina (office.group_chat_id)"
DOCTOR_GROUP_UNSET_FIX = (
    "agregue el bot al grupo, escriba algo allí y ponga el número del grupo en "
    "office.group_chat_id; sin él, los recordatorios solo van en privado")
DOCTOR_GROUP_OK = "grupo {chat_id} «{title}»: el bot es {status} y puede escribir"
DOCTOR_GROUP_MISSING = "el bot no puede ver el grupo {chat_id} ({error})"
DOCTOR_GROUP_MISSING_FIX = (
    "agregue el bot al grupo o corrija office.group_chat_id; si el grupo pasó a "
    "supergrupo, su número cambió (empieza por -100)")
DOCTOR_GROUP_MIGRATED = "el grupo {chat_id} pasó a supergrupo con el número {new_id}"
DOCTOR_GROUP_MIGRATED_FIX = "cambie office.group_chat_id a {new_id}"
DOCTOR_GROUP_MUTED = "el bot está en el grupo {chat_id} pero no puede escribir ({status})"
DOCTOR_GROUP_MUTED_FIX = "en el grupo, dele permiso de enviar mensajes al bot"
DOCTOR_DATABASE = "base de datos {path}: {done} mensajes atendidos, {pending} pendientes"
DOCTOR_KNOWLEDGE = "{count} guías en {path}"
DOCTOR_KNOWLEDGE_PROBLEM = "guía con problemas: {problem}"
DOCTOR_KNOWLEDGE_FIX = "corrija el archivo en esa línea (enlace kb check)"
DOCTOR_WEBHOOK = "webhook en {listen}:{port}/{path}, con secreto"
DOCTOR_ACCESS_OPEN = "access.liaisons está vacío: cualquiera puede preguntar (no ver plazos)"
DOCTOR_ACCESS_OPEN_FIX = (
    "si no es lo que quiere, ponga los números de los enlaces en access.liaisons")
DOCTOR_NO_ADMINS = "no hay administradores (access.admins)"
DOCTOR_NO_ADMINS_FIX = "ponga su número de usuario de Telegram en access.admins"

# -- why the database could not be opened (the {error} of DATABASE) ---------------------
REASON_PERMISSION = "permiso denegado"
REASON_NO_FOLDER = "la carpeta no existe"
REASON_FILE_IN_PATH = "en su ruta hay un archivo donde debería haber una carpeta"
DOCTOR_CONFIG_DEFAULTS = "valores por defecto"
DOCTOR_SEE_EXAMPLE = "vea config.example.toml"
