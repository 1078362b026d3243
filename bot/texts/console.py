"""Texts of the terminal console (``enlace console``)."""

INTRO = (
    "Enlace en la terminal. Escriba su pregunta; /guias para ver los temas, "
    "/pendientes para las preguntas sin respuesta, /registrar y el texto para anotar "
    "una actividad (/cancelar la deja), un número para tocar un botón, /salir para terminar."
)
BYE = "¡Hasta pronto!"
UNKNOWN_NUMBER = "No hay un botón con ese número."
UNKNOWN_COMMAND = (
    "Ese comando no existe en la terminal. Use /guias, /pendientes, /registrar, /cancelar "
    "o /salir, o escriba su pregunta sin barra."
)
