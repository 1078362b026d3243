"""How many of something: does an entry give the count a question asks for?

"¿Cuántos funcionarios tiene la oficina?" asked of an entry that names the
officials but gives no figure beside them is asked of the wrong text. Read by
:func:`bot.knowledge.facts.missing_fact`, one of the finer kinds of fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.knowledge.english import spanish_words
from bot.knowledge.text import stem, stopwords
from bot.texts import knowledge as texts

# "¿cuántos empleados…?", "how many employees…": what is counted is the next word (and
# its alternative: "cuántas áreas o líneas"); in English after an adjective, a word
# that is no plural before one that is ("how many Venezuelan migrants", "how many
# municipal projects").
_COUNT = re.compile(r"\b(?:cuant[oa]s|how many(?:\s+[a-z]*[a-rt-z](?=\s+[a-z]+s\b))?)"
                    r"\s+(?:de\s+)?(?:(?:los|las|the)\s+)?([a-z]+)"
                    r"(?:\s+(?:o|u|or)\s+([a-z]+))?")
# The thing counted is no verb ("¿cuántos quedaron…?") and no span of time.
_VERB_ENDING = re.compile(r"(aron|ieron|aban|ian|ado|ados|ada|adas|ido|idos)$")
_TIME_UNITS = frozenset("ano anos vez veces year years time times".split())
# A count in an entry: a figure or a number word standing just before what it counts
# ("300 personas", "una sola persona", "una misión") or just after it ("asistentes: 40"). Not a year
# ("en 2019 los migrantes…"), nor a list's number ("2. Estatuto para migrantes").
_NUMBER = re.compile(r"(?!(19|20)\d\d$)\d[\d.,]*(?<!\.)|ningun|ninguna|dos|tres|cuatro|"
                     r"cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|veinte|"
                     r"treinta|cuarenta|cincuenta|cien|cientos|centenares|mil|miles|decenas|"
                     r"docena")
_COUNT_BEFORE, _COUNT_AFTER = 3, 2
# One, said right before the word only ("una misión", "una sola persona"): "solo para
# servidores" or "un taller para funcionarios" count no people.
_ONE = tuple([w] for w in "un una uno sola solo unico unica".split())

# What is counted under several names: an entry naming any of them may say how many.
# Matched as whole words: their stems would also read "visitas" as "visitantes",
# "estudios" as "estudiantes".
_SAME_COUNT = tuple(frozenset(group.split()) for group in (
    "persona personas gente funcionario funcionarios empleado empleados personal "
    "trabajador trabajadores contratista contratistas profesional profesionales "
    "servidor servidores integrante integrantes miembro miembros migrante migrantes "
    "participante participantes asistente asistentes beneficiario beneficiarios estudiante "
    "estudiantes joven jovenes voluntario voluntarios delegado delegados becario becarios "
    "empresario empresarios seguidor seguidores visitante visitantes usuario usuarios "
    "inscrito inscritos pasajero pasajeros ciclista ciclistas",
    "empresa empresas compania companias emprendimiento emprendimientos negocio negocios",
    "voto votos",
    "contacto contactos",
    "beca becas becado becados scholarship scholarships",
    "visita visitas viaje viajes mision misiones",
))


def missing_count(asked: str, text: str) -> str | None:
    """"¿Cuántos X…?" when the entry gives no number of X.

    An entry may count X under another word for the same thing ("personas"
    for "funcionarios"), or list them one by one ("los socios son Quito, Lima
    y Morón"); one that only names them ("los funcionarios participaron de
    forma activa"), with no figure beside the word and no list after it, does
    not say how many there were. Of things that go by many names ("naciones"
    in an entry that counts "países") an entry that never names them may count
    them all the same: only people, trips and businesses, counted under the
    names of :data:`_SAME_COUNT`, are missing from an entry silent about them.
    """
    found = _COUNT.search(asked)
    if found is None:
        return None
    word = found.group(1)
    english = found.group(0).startswith("how")
    if word in stopwords() or word in _TIME_UNITS or _VERB_ENDING.search(word):
        return None
    if not english and not word.endswith("s"):
        return None  # no plural noun but a verb: "¿y cuántas eligió?"
    names = set()
    for said in filter(None, found.groups()):
        names |= set(spanish_words(said)) if english else {said}
    if not names:
        return None  # an English word the glossary lacks: nothing to look for
    stems = {stem(n) for n in names}
    counted = [group for group in _SAME_COUNT if names & group or stems & _stems(group)]
    same = frozenset().union(*counted)
    words = tokens(text)
    named = [i for i, token in enumerate(words) if token in same or stem(token) in stems]
    if not named and not counted:
        return None
    if any(_counts(words, i, stems | _stems(same)) for i in named):
        return None
    # People are counted, not listed, in a report; other things may be listed by name.
    if not counted and _listed(text, stems):
        return None
    shown = sorted(names)[0] if english else word
    return (texts.FACT_COUNT_FEMININE if _feminine(shown) else texts.FACT_COUNT).format(
        what=shown)


@lru_cache(maxsize=64)
def _stems(words: frozenset[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words)


def _counts(tokens: list[str], i: int, stems: set[str]) -> bool:
    """Whether a figure beside ``tokens[i]`` counts it: "300 personas", "una sola
    persona", "asistentes: 40", but not "bicicletas en 12 estaciones" (the figure
    counts the word after it)."""
    if tokens[i - 1: i] in _ONE:
        return True
    for j in range(max(0, i - _COUNT_BEFORE), min(len(tokens), i + _COUNT_AFTER + 1)):
        if j == i or not _NUMBER.fullmatch(tokens[j]):
            continue
        after = tokens[j + 1: j + 2]
        if j > i and after and after[0] not in stopwords() and stem(after[0]) not in stems:
            continue
        return True
    return False


def _feminine(plural: str) -> bool:
    """Whether "cuántas" goes before ``plural``: "cuántas empresas", "cuántas ciudades"."""
    return plural.endswith(("as", "dades", "ciones", "siones", "umbres"))


# What follows a colon when a line says when something is due, not which ones there are.
_WHEN_ONLY = re.compile(r"(?:[\s\d.,;()\u2013\u2014-]|\b(?:y|e|o|hasta|desde|cada|ano|anos|"
                        r"anual|anualmente|siguientes)\b)*")
# An item of a bulleted or numbered list.
_BULLET = re.compile(r"\s*([-*]|\d+[.)])\s")


def _listed(text: str, stems: set[str]) -> bool:
    """Whether a line naming the thing goes on to list them (a colon, commas, a bulleted
    or numbered list below it)."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        found = re.findall(r"[a-z]+", line)
        at = mentions(found, stems)
        if not at:
            continue
        rest = line[line.find(found[at[0]]):]
        below = next((ln.strip() for ln in lines[n + 1:] if ln.strip()), "")
        items = rest.count(",") + rest.count(" y ")
        after = rest.split(":", 1)[1] if ":" in rest else ""
        if re.search(r"\d", after) and _WHEN_ONLY.fullmatch(after):
            continue  # "acuerdos firmados: 2012-2016 y cada año" says when, not which
        # A bulleted list below counts when this line introduces it, not when it is an
        # item of another list ("- Promover la firma de acuerdos.").
        introduces = not _BULLET.match(line)
        if ":" in rest or items >= 2 or (introduces and _BULLET.match(below)):
            return True
    return False



def tokens(text: str) -> list[str]:
    """Folded words and figures of ``text``."""
    return re.findall(r"[a-z]+|\d[\d.,-]*", text)


def mentions(words: list[str], stems: set[str]) -> list[int]:
    """Where ``words`` name one of ``stems``."""
    return [i for i, token in enumerate(words) if stem(token) in stems]
