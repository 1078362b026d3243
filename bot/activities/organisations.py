"""Organisations a note writes out as one, known or not: "Fundación X", "Universidad de Y",
"Cámara de Comercio de Z", "Corporación …".

The directory cannot know every foundation or university an office meets. A name written
the way organisations are written is a partner all the same, tidied for the report; and a
known short form inside such a name is not that partner: "universidad de pittsburgh" is a
university, not the Alcaldía de Pittsburgh; "cámara de comercio de cúcuta" is not
Bucaramanga's chamber.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.activities.cities import HOME, named_city
from bot.activities.names import CASED, everyday, typed
from bot.folding import fold
from bot.knowledge.text import stopwords

# The words that open an organisation's name, folded ("de" is read after them).
_HEADS = ("camara de comercio", "caja de compensacion familiar", "caja de compensacion",
          "fundacion", "universidad", "corporacion", "asociacion", "federacion",
          "confederacion", "cooperativa", "instituto", "agencia", "gobernacion", "alcaldia",
          "ministerio", "organizacion", "camara")
# Heads that open a name only typed with a capital, the word being common in lower case:
# "Banco Interamericano", "Red Colombiana de Ciudades", "Fondo Acción"; "la ONG Techo".
_CASED_HEADS = {"banco", "fondo", "red", "observatorio", "ong"}
# Heads whose name may follow with no "de" ("fundación bavaria", "universidad javeriana").
_BARE_HEADS = {"fundacion", "universidad", "corporacion", "asociacion", "cooperativa",
               "instituto"}
_NAME_LINKS = ("de la", "de los", "de las", "del", "de", "y", "para el", "para la", "para",
               "contra el", "contra la", "contra", "en", "sin")
# Words that alone after the head describe the organisation instead of naming it.
_DESCRIPTIONS = {"publica", "privada", "local", "nacional", "internacional", "regional",
                 "organizador", "organizadora", "directivo", "directiva", "ejecutivo",
                 "ejecutiva", "tecnico", "asesor", "consultivo", "editorial",
                 "municipal", "departamental", "aliada", "extranjera", "cooperacion",
                 "tecnica", "colombia", "colombiana", "apc", "mayor", "descentralizada"}
# The office's own house is no partner: the alcaldía "de Bucaramanga", "municipal", "de la
# ciudad".
_OWN_HOUSE = {"bucaramanga", "municipal", "ciudad"}
# The small words inside a name, written in lower case in it.
LINK_WORDS = {"de", "del", "la", "los", "las", "y", "para", "el", "en", "contra", "sin"}


@dataclass(frozen=True)
class Organisation:
    """An organisation written in a note: where (in ``tokens(text)``), how far its opening
    words go, and its name tidied; no name when the opening words are followed by "de" and
    a description ("la cámara de representantes"): some organisation of that kind, not the
    one a bare opening word may stand for ("Cámara" for the chamber of commerce)."""

    start: int
    head_end: int
    end: int
    name: str


def organisations(text: str) -> list[Organisation]:
    """Organisations written the way one writes an organisation: an opening word
    ("Fundación", "Universidad", "Cámara de Comercio", "Corporación"…) and a name.

    Capitalised name words are read with the links between them ("Universidad de los
    Andes", "Fundación Mujeres del Futuro"). In lower case a name is only taken when it
    cannot be an ordinary word ("universidad de pittsburgh", "camara de comercio de
    cucuta"), since "la cámara de comercio presenta el informe" names no other chamber."""
    note = typed(text)
    if note is None:
        return []
    plain, found, folded, caps = note.plain, note.found, note.folded, note.caps
    says_case = names_capitalised(found, caps, plain)
    out: list[Organisation] = []
    i = 0
    while i < len(folded):
        head = next((h.split() for h in _HEADS
                     if folded[i:i + len(h.split())] == h.split()), None)
        if head is None and folded[i] in _CASED_HEADS and caps[i] and says_case:
            head = [folded[i]]  # "Banco Interamericano", "Red Cómo Vamos", not "la red"
        if head is None:
            i += 1
            continue
        head_end = i + len(head)
        end = _name_end(folded, found, plain, caps if says_case else None, head_end,
                        bare=" ".join(head) in _BARE_HEADS or head[0] in _CASED_HEADS)
        names = [w for w in folded[head_end:end] if w not in LINK_WORDS]
        own = head == ["alcaldia"] and set(names) <= _OWN_HOUSE
        # "el Banco de Proyectos", "un Fondo de Emprendimiento": a programme of common words
        own = own or (head in (["banco"], ["fondo"]) and all(everyday(w) for w in names))
        if end == head_end and folded[head_end:head_end + 1] in (["de"], ["del"]):
            out.append(Organisation(i, head_end, head_end, ""))  # "cámara de representantes"
        elif names and not all(w in _DESCRIPTIONS for w in names) and not own:
            begin = head_end if head == ["ong"] else i  # "la ONG Techo" is "Techo"
            out.append(Organisation(i, head_end, end, tidy_org(
                found[begin:end], folded[begin:end], text, plain)))
        i = max(end, i + 1)
    return out


def names_capitalised(found: list[re.Match[str]], caps: list[bool], plain: str) -> bool:
    """Whether the note writes names with a capital ("reunión con la Fundación X"), not
    only its acronyms ("reu con la fundacion semillas de paz y la UIS"): then a word in
    lower case is no part of a name."""
    return not plain.isupper() and any(
        cap and not m.group(0).isupper() for m, cap in zip(found, caps, strict=True))


def _name_end(words: list[str], found: list[re.Match[str]], plain: str,
              caps: list[bool] | None, at: int, *, bare: bool) -> int:
    """Where the name after the opening words ends (``at`` when there is none): words
    capitalised (when the note uses capitals: ``caps``) or that cannot be an everyday word,
    and the links between them; "de"/"del" first unless the head is ``bare``. Punctuation
    ends a name, and so do six words (three not capitalised)."""
    end = i = at
    limit = 6 if caps is not None else 3
    while i < len(words) and limit > 0:
        link = next((lk.split() for lk in _NAME_LINKS if words[i:i + len(lk.split())]
                     == lk.split()), [])
        j = i + len(link)
        if j >= len(words) or punctuated(plain, found, j - 1, j):
            break
        capital = caps is not None and caps[j]
        if i == at and not bare and not capital and link[:1] not in (["de"], ["del"]):
            break  # "cámara de comercio presenta…": in lower case a name needs its "de"
        if link[:1] in (["en"], ["contra"], ["sin"]) and (not capital or words[j] in HOME):
            break  # "Ayuda en Acción", "Acción contra el Hambre"; not "… en Bucaramanga"
        if link == ["y"] and not capital:
            break  # "la cámara de comercio y comfenalco": two partners, not one name
        city = None if capital or link[-1:] not in (["de"], ["del"]) else named_city(words, j)
        if city is not None and not set(words[j:j + city[0]]) & HOME:
            end = i = j + city[0]  # "universidad de salamanca": a city ends the name
            break
        if words[j].isdigit():
            break  # "el Observatorio de Cooperación 2020": a year, not the name
        if not capital and (words[j] in stopwords() or words[j] in NOTE_WORDS
                            or words[j] in _DESCRIPTIONS
                            or (everyday(words[j]) and not (caps is None and bare
                                                            and _name_word(words[j])))):
            break
        end = i = j + 1
        limit -= 1 if capital else 2
    tail = end + 1
    if caps is None and bare and end > at and words[end:tail] in (["de"], ["del"]) \
            and tail < len(words) and not punctuated(plain, found, end, tail) \
            and _closes_name(words, found, plain, tail):
        return tail + 1  # "fundación semillas de paz": one last word after "de"
    return end


def _name_word(word: str) -> bool:
    """A plural noun or adjective, or an adjective of the kinds names use, as the words of
    a foundation's or institute's name in lower case are ("fundación pies descalzos",
    "instituto tecnológico de …"); a note's verbs after the name ("presentó", "entrega")
    are neither."""
    plural = len(word) >= 4 and word.endswith("s") and not word.endswith(("mos", "ais", "eis"))
    return plural or (len(word) >= 6 and word.endswith(_ADJECTIVE_ENDINGS))


_ADJECTIVE_ENDINGS = ("ico", "ica", "ano", "ana", "ense", "esa", "ino", "ina")


def _closes_name(words: list[str], found: list[re.Match[str]], plain: str, j: int) -> bool:
    """Whether ``words[j]``, after a name's "de", is its last word: a word of the
    language (not a function word) followed by the end, punctuation or a function word."""
    word = words[j]
    if word in stopwords() or word in NOTE_WORDS or word in _DESCRIPTIONS or word in HOME:
        return False
    after = j + 1
    return after >= len(words) or punctuated(plain, found, j, after) or (
        words[after] in stopwords() and (words[after] not in LINK_WORDS or words[after] == "y"))


# Quick-note words that are no name, though no dictionary has them.
NOTE_WORDS = {"pa", "pal", "q", "x", "xq", "reu", "tb", "tmb", "k"}


def punctuated(plain: str, found: list[re.Match[str]], before: int | None,
                after: int) -> bool:
    """Whether punctuation (other than a hyphen inside a name) stands between the tokens
    ``before`` and ``after``."""
    if before is None:
        return False
    gap = plain[found[before].end():found[after].start()]
    return any(c in ",;:.()[]!?¿¡/|+\n\t" for c in gap) or " - " in gap


def tidy_org(matches: list[re.Match[str]], words: list[str], text: str, plain: str) -> str:
    """The name as the report writes it: each word capitalised with its accents (as typed,
    or restored where the word can only be one), the links in lower case, acronyms kept."""
    from bot.activities.tidy import restore_accents

    out = []
    for match, word in zip(matches, words, strict=True):
        typed = match.group(0)
        if word in LINK_WORDS and out:
            out.append(word)
        elif typed.isupper() and len(typed) > 1:
            out.append(typed)
        else:
            typed_as = _typed_with_accents(text, plain, match)
            accented = typed_as if typed_as and fold(typed_as) != typed_as.lower() \
                else _city_spelling(word) or restore_accents(word)
            out.append(accented[:1].upper() + accented[1:].lower())
    return " ".join(out)


def _city_spelling(word: str) -> str | None:
    """A one-word city's own spelling ("medellin" -> "Medellín"), if the word is one."""
    found = named_city([word], 0)
    return found[1].name if found and fold(found[1].name) == word else None


def _typed_with_accents(text: str, plain: str, match: re.Match[str]) -> str | None:
    """The word as typed, accents included, when the text lines up with ``plain``."""
    if len(text) == len(plain):
        return text[match.start():match.end()]
    found = re.findall(r"[^\W_]+", text)
    plain_words = CASED.findall(plain)
    if len(found) == len(plain_words):
        index = sum(1 for m in CASED.finditer(plain[:match.start()]))
        return found[index] if fold(found[index]) == match.group(0).lower() else None
    return None
