"""Does the entry hold the *kind* of fact the question asks for?

The knowledge base is a record of reports and guides: it tells what the Comixta
is, not when the next one opens; where the C.A.S.A. point came from, not its
opening hours; who the mayor was in 2019, not who the mayor is today. A
question about the right subject asking for a fact of a kind the entry does
not hold (a phone number, an address, a timetable, a price, an amount of money, a future date, a
year the entry never mentions, today's office holder) must not get that entry
as its answer: the person would read it looking for a fact that is not there.
"""

from __future__ import annotations

import re

from bot.folding import fold
from bot.texts import knowledge as texts

# (name shown to the person, what asks for it, what an entry holding it contains)
_KINDS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (texts.FACT_CONTACT,
     re.compile(r"\b(telefono|celular|whatsapp|numero de contacto|correo electronico|"
                r"email|phone|extension)\b|\b(me das|dame|cual es) (el|su) (correo|numero)\b"),
     re.compile(r"\b(tel\.?|telefono|celular|@|\+57)\b")),
    (texts.FACT_ADDRESS, re.compile(r"\b(cual es la direccion|y la direccion|su direccion|"
                             r"donde queda|donde quedan|address)\b"),
     re.compile(r"\b(direccion|calle|carrera|cra\.?|avenida)\b")),
    (texts.FACT_HOURS, re.compile(r"\b(horario|horarios|a que hora|opening hours)\b"),
     re.compile(r"\b(horario|a\.m\.|p\.m\.|\d{1,2}:\d{2})")),
    (texts.FACT_PRICE,
     re.compile(r"\b(cuanto (cuesta|cuestan|vale|valen|cobran)|precio|tarifa|tarifas|"
                r"how much does|fee|fees)\b"),
     # A price, or the entry saying there is none ("sin costo", "gratuitos").
     re.compile(r"(\$|\bpesos\b|\bdolares\b|\busd\b|\bcop\b|\bprecio\b|\btarifa|"
                r"\bgratuit|\bsin costo\b|\bno tiene costo\b|\bfree\b)")),
    (texts.FACT_AMOUNT,
     re.compile(r"\b(cuanta plata|cuanto dinero|cuantos recursos|que monto|cual fue el monto|"
                r"how much money|how much funding|(cual|cuanto|que) (es |era |fue )?"
                r"(el |su )?presupuesto|budget)\b"),
     # An amount, or the entry saying there was none ("no tenía presupuesto asignado").
     re.compile(r"(\$|\bmillones?\b|\bdolares\b|\busd\b|\bcop\b|\beuros?\b|\bpesos\b|"
                r"\bfrancos\b|\bsin presupuesto\b|\bno (tenia|tiene|tuvo) presupuesto\b|"
                r"\bsin recursos\b)")),
    (texts.FACT_FUTURE_DATE,
     re.compile(r"\b(proxima|proximo|proximas|proximos|next|upcoming)\b"), None),
    # When an agreement expires: the registry may know (/convenios), an entry rarely says.
    (texts.FACT_FUTURE_DATE,
     re.compile(r"\b(cuando vence|se vence|vencimiento|expira|hasta (que|cual) (ano|fecha)|"
                r"vigente hasta|until when|expire|expires)\b"),
     re.compile(r"\b(vigente hasta|vence el|vencimiento|vigencia de|expira el)\b")),
    (texts.FACT_OFFICE_HOLDER,
     re.compile(r"\b(quien es|quienes son|who is)\b.{0,30}\b(alcalde|alcaldesa|director|"
                r"directora|embajador|embajadora|secretario|secretaria|ministro|ministra|"
                r"presidente|presidenta|gobernador|gobernadora|consul|jefe|jefa|mayor)\b|"
                r"\b(actual|actualmente|hoy en dia|current|currently)\b"), None),
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_NAME = re.compile(r"(?<=\w)[\s,;:]+([A-ZÁÉÍÓÚÑ][\w-]*)")


def missing_fact(question: str, entry_text: str) -> str | None:
    """The kind of fact ``question`` asks for that ``entry_text`` lacks, or None."""
    asked = fold(question)
    text = fold(entry_text)
    for name, asks, holds in _KINDS:
        if asks.search(asked) and (holds is None or not holds.search(text)):
            return name
    years = set(_YEAR.findall(asked)) - set(_YEAR.findall(text))
    if years:
        return texts.FACT_YEAR.format(year=min(years))
    return None


def unknown_name(question: str, unknown: list[str]) -> str | None:
    """A name the question asks about that the knowledge base never mentions, or None.

    A capitalised word inside a sentence ("¿qué ciudades de Ruritania…?", "el
    crédito del BIX") that is no word of the knowledge base, not even
    misspelt, names a place, body or programme it knows nothing about: the
    closest entry is about something else that shares the rest of the words.
    ``unknown`` holds the question's unknown words, folded.
    """
    missing = set(unknown)
    return next((m.group(1) for m in _NAME.finditer(question)
                 if fold(m.group(1)) in missing), None)
