"""Find the question in a long message.

Liaisons write the way people write to a colleague: a greeting, who they are
("soy enlace de la Secretaría de Salud"), why they ask ("mi jefe me pidió
averiguar…"), then the question, maybe a thank-you. The greeting and the
self-introduction name things (a secretaría, "enlace") that pull the search
towards the wrong entries, and they make the question slow to embed. So they
are cut, and the sentences that ask (a "?" or a question word) are put first,
with the remaining context after them: the context often names the subject
("…una convocatoria de la Embajada de Japón. ¿Me ayudan con esos datos?").
"""

from __future__ import annotations

import re

from bot.folding import fold
from bot.knowledge.text import content_words, english_stopwords

EMBED_WORDS = 32  # what is embedded: the question and its subject (time grows with length)
# Of a long message, the asking sentences whole and the context's content words: the
# question's own wording matters to the model, the context's function words add tokens
# (time) but no subject. 24 words keep the right entry first as often as 32 did.
EMBED_MESSAGE_WORDS = 24
CONTEXT_WORDS = 8  # of those, kept for the context's subject when the question is long
ASKING_WORDS = 3  # a compacted question keeps its first words whole ("¿En qué año")

_SENTENCE = re.compile(r"[^.!?¿¡\n]*[?]+|[^.!?¿¡\n]+[.!\n]*|[¿¡][^?]*\??")
_GREETING = re.compile(
    r"^\s*(hola+|holi|buen[oa]?s?(\s+(dias|tardes|noches|dia))?|saludos(\s+cordiales)?|"
    r"que\s+mas|quiubo|hi|hello|hey|good\s+(morning|afternoon|evening)|dear\s+\w+|"
    r"estimad[oa]s?(\s+\w+)?|senor(es|as)?|sumerce|parce|profe)\b[\s,;:!.-]*")
# "soy (el/la) enlace (nuevo) de la Secretaría de X", "escribo del INVISBU",
# "I'm a consultant with the C40…", "I work with…": up to the next clause.
# "Estamos revisando…", "estoy leyendo el cuaderno…", "estamos por reunirnos con…"
# say what the writer is doing, and that often is the subject: a verb in -ando/-iendo
# after the introducing verb makes it context, and "estoy/estamos" introduces only
# where one is ("estoy en la Secretaría…"). "…porque…" starts the reason for writing.
_SELF = re.compile(
    r"^\s*(yo\s+)?(soy|somos|les?\s+escribo|escribo|hablo|trabajo|"
    r"(estoy|estamos)(?=\s+(en|con|de|del|a\s+cargo)\b)|"
    r"i\s*'?\s*m|i\s+am|i\s+work|we\s+are|my\s+name\s+is|me\s+llamo|mi\s+nombre\s+es)\b"
    r"(?!\s+\w+(ando|iendo|yendo)\b)"
    r"[^,;.?]*?(?=(,|;|\.|\?|\s+y\s+(?!cooperacion)|\s+and\s+|\s+porque\s+|$))[\s,;.]*")
# "Soy nueva en la Secretaría de Educación y me nombraron enlace ante la OFAI": the role
# goes on with the introduction (alone, "me nombraron enlace, ¿qué hago?" is the subject).
_ROLE = re.compile(
    r"^\s*(y\s+)?(me|nos)\s+(acaban\s+de\s+)?(nombraron|nombrar|designaron|designar|"
    r"asignaron|asignar|delegaron|eligieron|pusieron|encargaron)\b"
    r"[^,;.?]*?(?=(,|;|\.|\?|\s+y\s+|$))[\s,;.]*")
# "…de la Oficina de Prensa y Comunicaciones": after "y" a capital goes on with the name.
_NAME_GOES_ON = re.compile(r"y\s+[A-ZÁÉÍÓÚÑ][^,;.?]*?(?=(,|;|\.|\?|\s+y\s+|$))[\s,;.]*")
# Words of a self-introduction that say who writes, not what about.
_SELF_WORDS = frozenset("""
    soy somos escribo hablo trabajo estoy estamos llamo nombre enlace enlaces nuevo nueva
    secretaria secretario oficina dependencia area equipo alcaldia municipio despacho
    consultant consultor consultora work name office team
""".split())
_THANKS = re.compile(
    r"^\s*((muchas|mil)\s+)?(gracias|thanks|thank\s+you|quedo\s+atent[oa]|"
    r"atentamente|cordialmente|saludos)\b.*$")
_ASKING = re.compile(
    r"\b(que|cual|cuales|como|cuando|donde|quien|quienes|cuanto|cuantos|cuantas|por\s+que|"
    r"what|which|how|when|where|who|why|is|are|does|do|can)\b")


def sentences(text: str) -> list[str]:
    """The message cut into sentences, each keeping its "?"."""
    return [s.strip(" ,;") for s in _SENTENCE.findall(text) if s.strip(" ,;.!¿¡")]


def strip_preamble(sentence: str) -> str:
    """A sentence without its leading greeting and self-introduction."""
    return split_preamble(sentence)[1]


def split_preamble(sentence: str) -> tuple[str, str]:
    """What a sentence's self-introduction names (its uncommon words), and the rest.

    "Hola, soy de la Oficina de la Bicicleta" names a subject ("bicicleta") the
    question after it may only point at ("¿cómo lo hicimos?"), while "soy enlace
    de la Secretaría de…" mostly names who writes. So the introduction is cut
    from the sentence, and what it names is kept apart: weak evidence, used only
    for the meaning of the message (see :func:`embedding_text`).
    """
    folded = fold(sentence)
    cut = 0
    introduction = ""
    for pattern in (_GREETING, _SELF, _ROLE, _GREETING):
        if pattern is _ROLE and not introduction:
            continue
        match = pattern.match(folded[cut:])
        if match and match.end():
            cut += match.end()
            if pattern is _ROLE:
                introduction += " " + match.group(0)
            if pattern is _SELF:
                introduction = match.group(0)
                name = _NAME_GOES_ON.match(sentence, cut) if len(folded) == len(sentence) else None
                if name:
                    introduction += " " + folded[cut:name.end()]
                    cut = name.end()
    # Folding keeps one character per character for Latin text, so ``cut`` maps back.
    rest = sentence[cut:] if len(folded) == len(sentence) else folded[cut:]
    named = [w for w in content_words(introduction)
             if w not in _SELF_WORDS and w not in english_stopwords()]
    return " ".join(named), rest.strip(" ,;:.")


def focus(text: str) -> str:
    """The question of ``text``, asking sentences first; short messages come back as they are."""
    asking, kept = split_message(text)
    ordered = asking + kept
    return " ".join(ordered) if ordered else text.strip()


def asked(text: str) -> str | None:
    """Only the sentences that ask, without the context (None when that is all of it)."""
    asking, kept = split_message(text)
    return " ".join(asking) if asking and kept else None


def split_message(text: str) -> tuple[list[str], list[str]]:
    """The sentences that ask and the context sentences, preambles and thanks cut."""
    asking, kept, _ = read_message(text)
    return asking, kept


def read_message(text: str) -> tuple[list[str], list[str], list[str]]:
    """The asking sentences, the context sentences and what the self-introductions name."""
    parts = sentences(text)
    if len(parts) <= 1 and len(text.split()) <= 16:
        return [text.strip()], [], []
    kept: list[str] = []
    asking: list[str] = []
    named: list[str] = []
    for part in parts:
        if _THANKS.match(fold(part)):
            continue
        introduced, rest = split_preamble(part)
        if introduced:
            named.append(introduced)
        if not rest:
            continue
        if "?" in part or (len(parts) > 1 and _ASKING.match(fold(rest))):
            asking.append(rest)
        else:
            kept.append(rest)
    return asking, kept, named


def embedding_text(text: str, limit: int = EMBED_MESSAGE_WORDS) -> str:
    """What is embedded of a message: its asking sentences, then its context's content words.

    Embedding time grows with every token (about 1 ms each on two cores), and the
    longest messages set the slowest answers. The asking sentences keep their
    wording (the model reads "¿cómo funciona…?" differently from "funciona");
    the context sentences only bring their subject, so their function words go.
    What the writer's introduction names comes last, the weakest context: in
    meaning it helps ("de la Oficina de la Bicicleta… ¿cómo lo hicimos?"); in
    words it would pull towards whatever entry names that office.
    """
    asking, kept, named = read_message(text)
    context = [w for w in " ".join(kept).split() if content_words(w)]
    context += " ".join(named).split()
    question = " ".join(asking).split()
    # A long question would push out all of the context, yet the context often
    # names the subject the question only points at ("el modelo de Medellín.
    # ¿En qué año se creó la agencia que lidera su internacionalización…?").
    # So some room is kept for it, and a question that does not fit keeps its
    # asking words and content words only.
    room = limit - min(len(context), CONTEXT_WORDS)
    if len(question) > room:
        question = [w for s in asking for w in compact(s)]
    chosen = question[:room] + context
    return " ".join(chosen[:limit]) if chosen else head(text, limit)


def compact(sentence: str) -> list[str]:
    """A sentence's opening words (how it asks: "¿En qué año…") and its content words."""
    found = sentence.split()
    return [w for i, w in enumerate(found) if i < ASKING_WORDS or content_words(w)]


def head(text: str, limit: int = EMBED_WORDS) -> str:
    """The first ``limit`` words: what is worth embedding of a focused message."""
    return " ".join(text.split()[:limit])
