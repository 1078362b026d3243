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
from bot.knowledge.text import content_words

EMBED_WORDS = 32  # what is embedded: the question and its subject (time grows with length)
# Of a long message, the asking sentences whole and the context's content words: the
# question's own wording matters to the model, the context's function words add tokens
# (time) but no subject. 24 words keep the right entry first as often as 32 did.
EMBED_MESSAGE_WORDS = 24

_SENTENCE = re.compile(r"[^.!?¿¡\n]*[?]+|[^.!?¿¡\n]+[.!\n]*|[¿¡][^?]*\??")
_GREETING = re.compile(
    r"^\s*(hola+|holi|buen[oa]?s?(\s+(dias|tardes|noches|dia))?|saludos(\s+cordiales)?|"
    r"que\s+mas|quiubo|hi|hello|hey|good\s+(morning|afternoon|evening)|dear\s+\w+|"
    r"estimad[oa]s?(\s+\w+)?|senor(es|as)?|sumerce|parce|profe)\b[\s,;:!.-]*")
# "soy (el/la) enlace (nuevo) de la Secretaría de X", "escribo del INVISBU",
# "I'm a consultant with the C40…", "I work with…": up to the next clause.
_SELF = re.compile(
    r"^\s*(yo\s+)?(soy|somos|les?\s+escribo|escribo|hablo|trabajo|estoy|estamos|"
    r"i\s*'?\s*m|i\s+am|i\s+work|we\s+are|my\s+name\s+is|me\s+llamo|mi\s+nombre\s+es)\b"
    r"[^,;.?]*?(?=(,|;|\.|\?|\s+y\s+(?!cooperacion)|\s+and\s+|$))[\s,;.]*")
_THANKS = re.compile(
    r"^\s*((muchas|mil)\s+)?(gracias|thanks|thank\s+you|quedo\s+atent[oa]|"
    r"atentamente|cordialmente|saludos)\b.*$")
_ASKING = re.compile(
    r"\b(que|cual|cuales|como|cuando|donde|quien|quienes|cuanto|cuantos|cuantas|por\s*que|"
    r"what|which|how|when|where|who|why|is|are|does|do|can)\b")


def sentences(text: str) -> list[str]:
    """The message cut into sentences, each keeping its "?"."""
    return [s.strip(" ,;") for s in _SENTENCE.findall(text) if s.strip(" ,;.!¿¡")]


def strip_preamble(sentence: str) -> str:
    """A sentence without its leading greeting and self-introduction."""
    folded = fold(sentence)
    cut = 0
    for pattern in (_GREETING, _SELF, _GREETING):
        match = pattern.match(folded[cut:])
        if match and match.end():
            cut += match.end()
    # Folding keeps one character per character for Latin text, so ``cut`` maps back.
    rest = sentence[cut:] if len(folded) == len(sentence) else folded[cut:]
    return rest.strip(" ,;:.")


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
    parts = sentences(text)
    if len(parts) <= 1 and len(text.split()) <= 16:
        return [text.strip()], []
    kept: list[str] = []
    asking: list[str] = []
    for part in parts:
        if _THANKS.match(fold(part)):
            continue
        rest = strip_preamble(part)
        if not rest:
            continue
        if "?" in part or (len(parts) > 1 and _ASKING.match(fold(rest))):
            asking.append(rest)
        else:
            kept.append(rest)
    return asking, kept


def embedding_text(text: str, limit: int = EMBED_MESSAGE_WORDS) -> str:
    """What is embedded of a message: its asking sentences, then its context's content words.

    Embedding time grows with every token (about 1 ms each on two cores), and the
    longest messages set the slowest answers. The asking sentences keep their
    wording (the model reads "¿cómo funciona…?" differently from "funciona");
    the context sentences only bring their subject, so their function words go.
    """
    asking, kept = split_message(text)
    context = [w for w in " ".join(kept).split() if content_words(w)]
    chosen = " ".join(asking).split() + context
    return " ".join(chosen[:limit]) if chosen else head(text, limit)


def head(text: str, limit: int = EMBED_WORDS) -> str:
    """The first ``limit`` words: what is worth embedding of a focused message."""
    return " ".join(text.split()[:limit])
