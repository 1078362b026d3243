"""Does the entry hold the *kind* of fact the question asks for?

The knowledge base is a record of reports and guides: it tells what the Comixta
is, not when the next one opens; where the C.A.S.A. point came from, not its
opening hours; who the mayor was in 2019, not who the mayor is today. A
question about the right subject asking for a fact of a kind the entry does
not hold (a phone number, an address, a timetable, a price, an amount of
money, a salary, the requirements of a procedure, how long something takes, a
future date, a year the entry never mentions, today's office holder, what an
atlas says of a place) must not get that entry as its answer: the person
would read it looking for a fact that is not there.

The same holds for details finer than what an entry records: how things stand
today when it retells a dated report, how many of something it never names, a
price per month when it gives none per period, the second issue of a series
when it numbers only the first, and whether a plan was carried out when it
describes only the plan. Each kind is checked against every phrasing of the
knowledge base and the benchmark questions, which must not fire it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from bot.folding import fold
from bot.knowledge.countries import missing_country
from bot.knowledge.counts import mentions, missing_count, tokens
from bot.knowledge.fact_kinds import (
    DAY,
    DAY_ASKED,
    KINDS,
    NAMES_ASKED,
    NAMES_GIVEN,
    PERSON_ASKED,
    PERSON_NAMED,
)
from bot.knowledge.focus import split_message
from bot.knowledge.text import content_words, respelled, stem
from bot.texts import knowledge as texts

# "este año" asks for today unless the question names the year it means ("este año 2021").
_THIS_PERIOD = re.compile(r"\b(este ano|este mes|este semestre|este trimestre|esta semana|"
                          r"esta temporada|this year|this month|this semester|this quarter|"
                          r"this week)\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A period named by its years ("la estrategia 2020-2024"): another period's plan is not it.
_PERIOD_YEARS = re.compile(r"\b(19[5-9]\d|20\d\d) ?(?:-|–|—|/| a | al | hasta )"
                           r" ?(19[5-9]\d|20\d\d|\d\d)\b")
# A department or institute named in the question ("enlace del Instituto de la Juventud")
# is who asks, not a name the answer must hold.
_OFFICE = re.compile(r"\b(?:[Ss]ecretar[ií]a|[Ii]nstituto|[Oo]ficina|[Dd]irecci[oó]n|"
                     r"[Dd]epartamento|[Dd]ependencia|[Ss]ubsecretar[ií]a|[Pp]ersoner[ií]a|"
                     r"[Cc]ontralor[ií]a|[Cc]oncejo)\s+(?:(?:de|del|para|y)\s+(?:la\s+|las\s+|los\s+|el\s+)?"
                     r"[A-ZÁÉÍÓÚÑ]\w*\s*)+")
_NAME = re.compile(r"(?<=\w)[\s,;:]+([A-ZÁÉÍÓÚÑ][\w-]*)")

# A price or amount per period ("¿cuánto cuesta al mes?") is finer than a total.
_MONEY = re.compile(r"\b(cuanto (cuesta|cuestan|vale|valen|cobra|cobran|pagan?|aporta|aportan|da|"
                    r"dan)|cuanta plata|cuanto dinero|precio|tarifa|costo|how much|fee|fees|"
                    r"price|cost)\b")
_PER_PERIOD = re.compile(r"\b(?:por|al|cada|per|a|every|each)\s+(?:un\s+|una\s+)?"
                         r"(mes|ano|dia|semana|hora|month|year|day|week|hour)\b|"
                         r"\b(mensual|mensuales|anual|anuales|diario|semanal|monthly|yearly|"
                         r"annual|daily|weekly)\b")
# Every way of naming a period, to the one the reply shows (texts.PERIODS).
_PERIOD = {"mensual": "mes", "mensuales": "mes", "monthly": "mes", "month": "mes",
           "anual": "ano", "anuales": "ano", "yearly": "ano", "annual": "ano", "year": "ano",
           "diario": "dia", "daily": "dia", "day": "dia", "semanal": "semana",
           "weekly": "semana", "week": "semana", "hour": "hora"}

# "el fascículo 2", "la fase 3", "issue 2": one part of a numbered series, whose number
# stands near a mention of the series in an entry that holds it.
_NEAR = 6
_PART = re.compile(r"\b(fasciculo|cuaderno|fase|etapa|volumen|tomo|edicion|version|capitulo|"
                   r"issue|booklet|notebook|volume|chapter|phase|stage|edition)s?\s+"
                   r"(?:n\.?o?\s*)?(\d{1,2})\b")
# An English question names the series in English; the entries, in Spanish.
_SERIES = {"issue": ("fasciculo", "numero"), "booklet": ("fasciculo",), "notebook": ("cuaderno",),
           "volume": ("volumen", "tomo"), "chapter": ("capitulo",), "phase": ("fase",),
           "stage": ("etapa",), "edition": ("edicion",)}

# Whether a plan was carried out, and what came of it.
_OUTCOME_ASKED = re.compile(
    r"\b(si (se )?logr\w*|ya (se )?(logr|puso|hizo|creo|implement|cre)\w*|finalmente|al final|"
    r"por fin|(quedo|quedaron) (elegid|seleccionad|escogid|hermanad)\w*|"
    r"(cual|que) fue el resultado|como les fue|"
    r"(se )?(llego|llegaron) a (firmar|concretar|realizar|hacer|crear|abrir|firmarse|"
    r"concretarse|realizarse|hacerse|crearse|abrirse)|"
    r"se concret\w*|en que quedo|(que|cuales|what) (resultados?|results?|logros?|outcomes?) "
    r"(tuvo|dio|ha tenido|ha dado|obtuvo|dejo|did|has|had)|"
    r"actually|finally|eventually|in the end|later on|afterwards|"
    r"what (came of|happened to|happened with)|ever (set up|"
    r"created|launched|implemented|built|opened|carried out|completed))\b")
# How something ended ("¿cómo terminó…?"), which a retold report tells only in so
# many words.
_ENDING_ASKED = re.compile(r"\b(como (termino|terminaron|acabo|acabaron|concluyo|finalizo|"
                           r"culmino)|en que (termino|terminaron|acabo|acabaron)|"
                           r"how did (it|they|the \w+) (end|turn out|finish))\b")
_ENDED = re.compile(r"\b(termino|terminaron|concluyo|finalizo|culmino|se cerro|cerro|"
                    r"resultado|resultados|se logro|logro)\b")
# An entry that describes a plan ("propuso crear", "estaba prevista para 2020")…
_PLANNED = re.compile(r"\b(previst[oa]s?|prevei?a|propuso|propone|planead[oa]s?|"
                      r"proyectad[oa]s?|se esperaba|(estaba|estaban) por \w+rse|"
                      r"proxim[oa]s? a \w+rse|gestiones iniciales|"
                      # still under way when the report was written
                      r"aun (la |lo |las |los )?(estaba|estaban) \w+ndo|en analisis)\b")
# …and no word of how it turned out.
_TURNED_OUT = re.compile(r"\b(se logro|logro|se cumplio|no fue|fue seleccionad\w*|se creo|"
                         r"se puso en marcha|funciona desde|entro en funcionamiento|"
                         r"resultado:|resultados obtenidos)")


# "El informe no publica los nombres de esos proyectos": the entry says itself what its
# source does not give. A question asking for that (a word the entry uses only there)
# asks for what is not known.
_UNSAID = re.compile(
    r"\b(?:el|la|los|las|ese|esa) (?:informe|documento|guia|fuente|texto|cuaderno|reporte|"
    r"acta|libro)s? (?:tampoco |aun )?no (?:dice|publica|detalla|menciona|precisa|indica|"
    r"especifica|informa|registra|reporta|nombra|aclara|explica|identifica|consigna|da|trae|"
    r"cuenta|incluye|lista|enumera)n?\b([^.;:(\n]*)")
_ABBREVIATION = re.compile(r"\b(?:\w\.){2,}")


# A request for a fact said without a question mark, inside the context of a long
# message: "…pero necesito saber por cuánto sería", "Necesito los nombres de cada uno".
_REQUEST = re.compile(
    r"\b(?:(?:necesito|necesitamos|necesitaria|quisiera|quisieramos|me gustaria|nos gustaria|"
    r"quiero|queremos|queria|quiere|quieren|requiero|requerimos|"
    r"me (?:piden|pidieron|solicitan|solicitaron)|"
    r"nos (?:piden|pidieron|solicitan|solicitaron)|me interesa|nos interesa|busco|buscamos|"
    r"estoy buscando|estamos buscando|agradeceria|agradeceriamos|agradezco)\s+(?:me\s+|nos\s+)?"
    r"(?:saber|conocer|averiguar|confirmar|indiquen|indicar|informar|informen|confirmen|"
    r"(?:el|la|los|las|un|una)\s+(?:dato|datos|nombre|nombres|numero|cifra|cifras|fecha|fechas|"
    r"monto|lista|listado|contacto|telefono|correo|direccion|horario|valor|costo|precio)\b|"
    r"cuant\w+|quien\w*|cual\w*|cuando|donde)|"
    r"me (?:pueden|puede|podrian|podria) (?:decir|indicar|confirmar|dar|pasar|enviar|compartir)|"
    r"i need to know|we need to know|i would like to know|i'd like to know|please tell me|"
    r"(?:i|we) need (?:the|a|an) (?:name|number|figure|date|amount|list|contact|address))\b")


def fact_question(text: str) -> str:
    """What a message asks, for the fact checks: its asking sentences and its requests.

    The context of a long message is left out ("el plan del próximo año", a
    secretaría's name asks for no date, no name), except from where it asks
    for a fact in so many words ("…, pero necesito saber por cuánto sería"):
    a request said without "?" is asked all the same.
    """
    asking, kept = split_message(text)
    if not kept:
        return text
    requests = []
    for sentence in kept:
        found = _REQUEST.search(fold(sentence))
        if found:  # folding keeps one character per character for Latin text
            requests.append(sentence[found.start():])
    return " ".join(asking + requests) or text


def missing_fact(question: str, entry_text: str,
                 corrections: Mapping[str, str] | None = None) -> str | None:
    """The kind of fact ``question`` asks for that ``entry_text`` lacks, or None.

    ``corrections`` maps the question's misspelt words to the knowledge base's
    ("enpleados" -> "empleados"), so what a misspelt question asks is found.
    """
    # Shorthand spelled out and typos corrected, once for every check: the kinds read
    # "q dia es" as "que dia es", the count "cuántos enpleados" as "empleados".
    asked = respelled(fold(question), corrections or {})
    text = fold(entry_text)
    for name, asks, holds in KINDS:
        if asks.search(asked) and (holds is None or not holds.search(text)):
            return name
    if _THIS_PERIOD.search(asked) and not _YEAR.search(asked):
        return texts.FACT_TODAY
    periods = {m.group(1) for m in _PERIOD_YEARS.finditer(asked)}
    missing_period = periods - {m.group(1) for m in _PERIOD_YEARS.finditer(text)}
    if missing_period:
        return texts.FACT_YEAR.format(year=min(missing_period))
    asked_years = set(_YEAR.findall(asked))
    years = asked_years - set(_YEAR.findall(text)) if asked_years else set()
    if years:
        return texts.FACT_YEAR.format(year=min(years))
    if NAMES_ASKED.search(asked) and not NAMES_GIVEN.search(entry_text):
        return texts.FACT_NAMES
    if DAY_ASKED.search(asked) and not DAY.search(entry_text):
        return texts.FACT_DAY
    if PERSON_ASKED.search(asked) and not PERSON_NAMED.search(entry_text):
        return texts.FACT_PERSON
    return (missing_count(asked, text) or _missing_rate(asked, text)
            or _missing_part(question, asked, text) or _missing_outcome(asked, text)
            or _unsaid(asked, entry_text) or missing_country(asked, text))


def _around(tokens: list[str], i: int) -> list[str]:
    return tokens[max(0, i - _NEAR): i + _NEAR + 1]


def _missing_rate(asked: str, text: str) -> str | None:
    """Money asked per month, year, day… when the entry gives nothing per period."""
    if not _MONEY.search(asked):
        return None
    per = _PER_PERIOD.search(asked)
    if per is None or _PER_PERIOD.search(text):
        return None
    period = per.group(1) or per.group(2)
    period = _PERIOD.get(period, period)
    return texts.FACT_RATE.format(period=texts.PERIODS[period])


def _missing_part(question: str, asked: str, text: str) -> str | None:
    """The N-th part of a series ("fascículo 2") when the entry numbers only others.

    "El número 3 de la colección de cuadernos" numbers the third notebook too:
    the number may stand anywhere near a mention of the series.
    """
    parts = list(_PART.finditer(asked))
    words = tokens(text) if parts else []
    for found in parts:
        series, number = found.group(1), found.group(2)
        names = _SERIES.get(series, (series,))
        near = [_around(words, i) for i in mentions(words, {stem(n) for n in names})]
        numbered = any(t.isdigit() for window in near for t in window)
        if numbered and not any(number in window for window in near):
            shown = question[found.start():found.end()] if len(question) == len(asked) \
                else found.group(0)
            return texts.FACT_PART.format(part=shown)
    return None


def _missing_outcome(asked: str, text: str) -> str | None:
    """Whether a plan was carried out, asked of an entry that describes only the plan."""
    if _OUTCOME_ASKED.search(asked) and _PLANNED.search(text) and not _TURNED_OUT.search(text):
        return texts.FACT_OUTCOME
    if _ENDING_ASKED.search(asked) and not _ENDED.search(text):
        return texts.FACT_OUTCOME
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
    question = _OFFICE.sub(" ", question)
    return next((m.group(1) for m in _NAME.finditer(question)
                 if fold(m.group(1)) in missing), None)


def _unsaid(asked: str, entry_text: str) -> str | None:
    """What the entry itself says its source does not give, when the question asks it.

    The question must use a word that the entry uses only in that admission
    ("nombres" in "no publica los nombres de esos siete proyectos"): words the
    entry uses elsewhere too (the subject) are what it does tell.
    """
    admissions = _admissions(entry_text)
    if not admissions:
        return None
    words = {stem(w) for w in content_words(asked)}
    return next((texts.FACT_UNSAID.format(what=shown) for shown, only_there in admissions
                 if words & only_there), None)


@lru_cache(maxsize=1024)
def _admissions(entry_text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The entry's "el informe no dice…" clauses (as written) and the word stems it uses
    only there. Cached: the same entries are checked question after question."""
    written = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), entry_text)
    text = fold(written)
    clauses = [m for m in _UNSAID.finditer(text) if m.group(1).strip()]
    if not clauses:
        return ()
    told = {stem(w) for w in content_words(_UNSAID.sub(" ", text))}
    # Shown as written: folding keeps one character per character for Latin text.
    shown = written if len(written) == len(text) else text
    return tuple((shown[c.start():c.end()].strip(),
                  frozenset({stem(w) for w in content_words(c.group(1))} - told))
                 for c in clauses)
