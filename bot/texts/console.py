"""Texts of the terminal console (``enlace console``)."""

INTRO = (
    "Enlace en la terminal. Escriba su pregunta; /guias para ver los temas, "
    "/pendientes para las preguntas sin respuesta, un número para tocar un botón, "
    "/salir para terminar."
)
BYE = "¡Hasta pronto!"
UNKNOWN_NUMBER = "No hay un botón con ese número."
