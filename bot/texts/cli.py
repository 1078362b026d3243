"""What the ``enlace`` command line says: its help and the lines it prints."""

# -- argparse: the program, its options and subcommands ---------------------------------
DESCRIPTION = "Enlace: asistente de la Oficina de Asuntos Internacionales."
CONFIG_HELP = "archivo TOML (por defecto config.toml, luego config.example.toml)"
RUN_HELP = "iniciar el bot de Telegram"
DOCTOR_HELP = "revisar configuración, token, grupo, base de datos y guías, y decir qué corregir"
CONSOLE_HELP = "conversar con Enlace en la terminal, sin Telegram"
ASK_HELP = "responder una pregunta (o varias con --json)"
ASK_TEXT_HELP = "la pregunta"
ASK_JSON_HELP = "una pregunta por línea en la entrada estándar; un JSON por línea"
ASK_USE_DB_HELP = "usar la base de datos configurada (frases agregadas por admins)"
IMPORT_HELP = "cargar plazos o convenios desde un CSV (todo o nada)"
IMPORT_DESCRIPTION = (
    "Carga plazos (columnas titulo, fecha, hora, linea, responsable_id, "
    "responsable, notas) o convenios (contraparte, tipo, objeto, firma, fin, "
    "duracion, seguimiento, estado, responsable_id, responsable, notas). "
    "Si una fila tiene errores no se carga nada y se dice cuál."
)
IMPORT_FILE_HELP = "archivo CSV (ej. examples/convenios.csv)"
REPORT_HELP = "borrador del informe de gestión en Word (DOCX)"
REPORT_DESCRIPTION = (
    "Escribe el borrador del informe de gestión de un periodo; por defecto, "
    "el último trimestre completo."
)
REPORT_QUARTER_HELP = "trimestre o periodo: 2026-T3, Q3, julio a septiembre, 2026…"
REPORT_OUT_HELP = "archivo .docx (por defecto informe-gestion-<periodo>.docx)"
EXPORT_HELP = "actividades en CSV, con todos los campos"
EXPORT_DESCRIPTION = (
    "Escribe las actividades de un periodo en CSV (UTF-8 con BOM, para Excel)."
)
EXPORT_PERIOD_HELP = "periodo: este mes, 2026-T3, julio a septiembre… (por defecto, todo)"
EXPORT_OUT_HELP = "archivo .csv (por defecto actividades-<periodo>.csv; - = pantalla)"
EXPORT_DELETED_HELP = "incluir las eliminadas"
KB_HELP = "base de conocimiento"
KB_CHECK_HELP = "validar las guías (sale con 1 si hay problemas)"
KB_PATH_HELP = "carpeta de guías"
KB_SOURCES_HELP = "carpeta de documentos fuente: verifica que ninguna guía los copie"
KB_PHRASINGS_HELP = "frases agregadas desde Telegram"

# -- what the subcommands print ------------------------------------------------------------
ASK_EMPTY = "Escriba la pregunta, ej.: enlace ask \"qué es una comixta\""
KB_COPIED = "{entry}:1: copia un fragmento de {source}: «{text}»"
KB_WARNING = "aviso: {warning}"
KB_SUMMARY = "{entries} guías en {categories} categorías; {problems} problemas{warnings}."
KB_SUMMARY_WARNINGS = ", {count} avisos"
NO_PHRASINGS = "No hay frases nuevas agregadas desde Telegram."
REPORT_WRITTEN = "Informe de gestión {period}: {total} actividades -> {out}"
EXPORT_WRITTEN = "{count} actividades ({period}) -> {out}"
