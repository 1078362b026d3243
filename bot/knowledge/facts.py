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

from bot.folding import fold
from bot.knowledge.english import spanish_words
from bot.knowledge.text import stem, stopwords
from bot.texts import knowledge as texts

# (name shown to the person, what asks for it, what an entry holding it contains)
_KINDS: tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    (texts.FACT_CONTACT,
     re.compile(r"\b(telefono|celular|whatsapp|numero de contacto|correo electronico|"
                r"email|phone|extension|y correo|contact details)\b|"
                r"\b(me das|dame|cual es) (el|su) (correo|numero)\b|\bquien es el contacto\b"),
     re.compile(r"\b(tel\.?|telefono|celular|@|\+57)\b")),
    (texts.FACT_ADDRESS, re.compile(r"\b(cual es la direccion|y la direccion|su direccion|"
                             r"donde queda|donde quedan|address)\b"),
     re.compile(r"\b(direccion|calle|carrera|cra\.?|avenida)\b")),
    (texts.FACT_HOURS, re.compile(r"\b(horario|horarios|a que hora|opening hours)\b"),
     re.compile(r"\b(horario|a\.m\.|p\.m\.|\d{1,2}:\d{2})")),
    (texts.FACT_PRICE,
     re.compile(r"\b(cuanto (cuesta|cuestan|vale|valen|cobra|cobran)|precio|tarifa|tarifas|"
                r"how much does|fee|fees)\b"),
     # A price, or the entry saying there is none ("sin costo", "gratuitos").
     re.compile(r"(\$|\bpesos\b|\bdolares\b|\busd\b|\bcop\b|\bprecio\b|\btarifa|"
                r"\bgratuit|\bsin costo\b|\bno tiene costo\b|\bfree\b)")),
    (texts.FACT_AMOUNT,
     re.compile(r"\b(cuanta plata|cuanto dinero|cuantos recursos|que monto|cual fue el monto|"
                r"cuanto (aporto|aportaron|dio|dieron|invirtio|invirtieron|financio|donaron?)|"
                r"por cuanto (fue|fueron|era|salio|salieron)|"
                r"how much money|how much funding|(cual|cuanto|que) (es |era |fue )?"
                r"(el |su )?presupuesto|budget)\b"),
     # An amount, or the entry saying there was none ("no tenía presupuesto asignado").
     # ("euro-latinoamericana" names no currency.)
     re.compile(r"(\$|\bmillones?\b|\bdolares\b|\busd\b|\bcop\b|\beuros?\b(?!-)|\bpesos\b|"
                r"\bfrancos\b|\bsin presupuesto\b|\bno (tenia|tiene|tuvo) presupuesto\b|"
                r"\bsin recursos\b)")),
    (texts.FACT_SALARY, re.compile(r"\b(sueldo|sueldos|salario|salarios|salary|cuanto gana|"
                                  r"cuanto ganan|honorarios|cuanto (les? )?pagan|"
                                  r"bonificacion|bonificaciones)\b"),
     re.compile(r"(\$|\bpesos\b|\bsalario|\bhonorarios)")),
    (texts.FACT_DURATION,
     re.compile(r"\b(cuanto (tiempo )?(tarda|tardan|demora|demoran|se demora|se demoran|dura|"
                r"duran|duro)|how long (does|did|will|do))\b"),
     re.compile(r"\b(\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|"
                r"veinte|treinta) (dias|semanas|meses|anos|horas|days|weeks|months|years)\b|"
                r"\bhasta (el|finales|diciembre|20)")),
    # What any atlas says of a place (its population, climate, language, currency): the
    # entries tell what the office did with a city, not what the city is like.
    (texts.FACT_PLACE,
     re.compile(r"\b(cuantos habitantes|cuanta poblacion|que poblacion tiene|superficie|"
                r"cuanto mide|que clima|como es el clima|que idioma se habla|moneda|"
                r"tasa de cambio|population of|how many people live|weather|climate|"
                r"what language|currency|exchange rate)\b"),
     re.compile(r"\b(poblacion|habitantes|superficie|km|kilometros|clima|idioma|lengua|"
                r"moneda|tasa de cambio)\b")),
    # What a procedure asks for (a visa, a permit, a call): a guide about the subject
    # that names no requirement or condition does not say.
    (texts.FACT_REQUIREMENTS,
     re.compile(r"\b(requisitos?|requirements?|que (documentos|papeles) (piden|necesito|"
                r"se necesitan|hay que))\b"),
     re.compile(r"\b(requisit\w*|requier\w*|requerid\w*|deben? (presentar|cumplir|tener|ser)|"
                r"condicion\w*|pueden (presentar|participar|postular))")),
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
                r"presidente|presidenta|gobernador|gobernadora|consul|jefe|jefa|mayor)\b"), None),
    # The entries retell dated reports and guides: how things stand today is not in them.
    (texts.FACT_TODAY,
     re.compile(r"\b(hoy|ahorita|actual|actuales|actualmente|en la actualidad|a la fecha|todavia|"
                r"siguen? (vigentes?|activ[oa]s?|funcionando|existiendo|operando|abiert[oa]s?)|"
                r"en este momento|por estos dias|today|"
                r"current|currently|nowadays|at present|at the moment|right now|these days|"
                r"still)\b"), None),
)
# "este año" asks for today unless the question names the year it means ("este año 2021").
_THIS_PERIOD = re.compile(r"\b(este ano|este mes|this year|this month)\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# A department or institute named in the question ("enlace del Instituto de la Juventud")
# is who asks, not a name the answer must hold.
_OFFICE = re.compile(r"\b(?:[Ss]ecretar[ií]a|[Ii]nstituto|[Oo]ficina|[Dd]irecci[oó]n|"
                     r"[Dd]epartamento|[Dd]ependencia|[Ss]ubsecretar[ií]a|[Pp]ersoner[ií]a|"
                     r"[Cc]ontralor[ií]a|[Cc]oncejo)\s+(?:(?:de|del|para|y)\s+(?:la\s+|las\s+|los\s+|el\s+)?"
                     r"[A-ZÁÉÍÓÚÑ]\w*\s*)+")
_NAME = re.compile(r"(?<=\w)[\s,;:]+([A-ZÁÉÍÓÚÑ][\w-]*)")

# "¿cuántos empleados…?", "how many employees…": what is counted is the next word (and
# its alternative: "cuántas áreas o líneas").
_COUNT = re.compile(r"\b(?:cuant[oa]s|how many)\s+(?:de\s+)?(?:(?:los|las|the)\s+)?([a-z]+)"
                    r"(?:\s+(?:o|u|or)\s+([a-z]+))?")
# The thing counted is no verb ("¿cuántos quedaron…?") and no span of time.
_VERB_ENDING = re.compile(r"(aron|ieron|aban|ian|ado|ados|ada|adas|ido|idos)$")
_TIME_UNITS = frozenset("ano anos vez veces year years time times".split())
# What is counted under several names: an entry naming any of them may say how many.
_SAME_COUNT = tuple(frozenset(stem(w) for w in group.split()) for group in (
    "persona personas gente funcionario funcionarios empleado empleados personal "
    "trabajador trabajadores contratista contratistas profesional profesionales "
    "servidor servidores integrante integrantes miembro miembros",
    "visita visitas viaje viajes mision misiones",
))

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
    r"se concret\w*|en que quedo|(que|cuales|what) (resultados?|results?|logros?|outcomes?) "
    r"(tuvo|dio|ha tenido|ha dado|obtuvo|dejo|did|has|had)|"
    r"actually|finally|in the end|what (came of|happened to|happened with)|ever (set up|"
    r"created|launched|implemented|built|opened|carried out|completed))\b")
# An entry that describes a plan ("propuso crear", "estaba prevista para 2020")…
_PLANNED = re.compile(r"\b(previst[oa]s?|prevei?a|propuso|propone|planead[oa]s?|"
                      r"proyectad[oa]s?|se esperaba)\b")
# …and no word of how it turned out.
_TURNED_OUT = re.compile(r"\b(se logro|logro|se cumplio|no fue|fue seleccionad\w*|se creo|"
                         r"se puso en marcha|funciona desde|entro en funcionamiento|"
                         r"resultado:|resultados obtenidos)")


def missing_fact(question: str, entry_text: str,
                 corrections: Mapping[str, str] | None = None) -> str | None:
    """The kind of fact ``question`` asks for that ``entry_text`` lacks, or None.

    ``corrections`` maps the question's misspelt words to the knowledge base's
    ("enpleados" -> "empleados"), so what a misspelt question counts is found.
    """
    asked = fold(question)
    text = fold(entry_text)
    for name, asks, holds in _KINDS:
        if asks.search(asked) and (holds is None or not holds.search(text)):
            return name
    if _THIS_PERIOD.search(asked) and not _YEAR.search(asked):
        return texts.FACT_TODAY
    years = set(_YEAR.findall(asked)) - set(_YEAR.findall(text))
    if years:
        return texts.FACT_YEAR.format(year=min(years))
    return (_missing_count(asked, text, corrections or {}) or _missing_rate(asked, text)
            or _missing_part(question, asked, text) or _missing_outcome(asked, text))


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z]+|\d[\d.,-]*", text)


def _mentions(tokens: list[str], stems: set[str]) -> list[int]:
    return [i for i, token in enumerate(tokens) if stem(token) in stems]


def _around(tokens: list[str], i: int) -> list[str]:
    return tokens[max(0, i - _NEAR): i + _NEAR + 1]


def _missing_count(asked: str, text: str, corrections: Mapping[str, str]) -> str | None:
    """"¿Cuántos X…?" when the entry never mentions X.

    An entry that names X may count it in many ways (a number beside it, a
    numbered list, names one by one); one that never names X, nor another
    word for the same thing ("personas" for "funcionarios"), cannot say how
    many there are.
    """
    found = _COUNT.search(asked)
    if found is None:
        return None
    word = found.group(1)
    if word in stopwords() or word in _TIME_UNITS or _VERB_ENDING.search(word):
        return None
    english = found.group(0).startswith("how")
    names = set()
    for said in filter(None, found.groups()):
        said = corrections.get(said, said)
        names |= set(spanish_words(said)) if english else {said}
    if not names:
        return None  # an English word the glossary lacks: nothing to look for
    stems = {stem(n) for n in names}
    # Only people and trips: other things go by too many names ("naciones" in an
    # entry that counts "países", "ejes" where it says "motores") for the entry's
    # silence about the word to mean it does not count them.
    counted = [group for group in _SAME_COUNT if group & stems]
    if not counted:
        return None
    stems |= set().union(*counted)
    if _mentions(_tokens(text), stems):
        return None
    shown = sorted(names)[0] if english else corrections.get(word, word)
    return texts.FACT_COUNT.format(what=shown)


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
    tokens = _tokens(text)
    for found in _PART.finditer(asked):
        series, number = found.group(1), found.group(2)
        names = _SERIES.get(series, (series,))
        near = [_around(tokens, i) for i in _mentions(tokens, {stem(n) for n in names})]
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
