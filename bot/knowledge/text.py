"""Spanish text analysis, applied the same way to questions and to entries.

Liaisons type on phones: no accents, capitals at random, "q" for "que". So
both sides are folded (lower case, accents and ñ removed), split into words,
stripped of Spanish stopwords (the maintained ``stop-words`` list) and reduced
with the Snowball Spanish stemmer (PyStemmer), so "convenios", "convenio" and
"Convenío" meet. Because the same :func:`analyze` runs on both sides, any
quirk of the stemmer cancels out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import Stemmer
from stop_words import get_stop_words

from bot.folding import fold

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Words that the stopword list drops but that carry meaning in this domain
# ("red" de ciudades, "plan" de desarrollo...), and chat shorthand to expand.
_KEEP = {"red", "redes", "plan", "paso", "pasos", "tipo", "tipos", "grupo", "mundo", "nuevo",
         "nueva", "ciudad", "ciudades", "pais", "paises", "gobierno", "trabajo", "fin", "uso",
         "bien", "bienes", "ideas", "idea", "meta", "metas", "lado", "partes", "parte",
         "largo", "corto", "mediano", "primera", "primer", "primero", "segunda", "segundo",
         "tercera", "tercer", "cuarta", "cuarto", "quien", "quienes", "cinco", "cuatro", "dos"}
_SHORTHAND = {"q": "que", "k": "que", "xq": "porque", "pq": "porque", "x": "por", "pa": "para",
              "pal": "para", "face": "facebook", "d": "de", "tb": "tambien", "tmb": "tambien",
              "bga": "bucaramanga", "bogo": "bogota", "info": "informacion", "porfa": "favor",
              "xfa": "favor",
              # Chat spelling with "k" for "qu"/"c" in the everyday asking words.
              "ke": "que", "kien": "quien", "kienes": "quienes", "kual": "cual",
              "kuales": "cuales", "kuando": "cuando", "komo": "como", "kuanto": "cuanto",
              "kuantos": "cuantos", "kuanta": "cuanta", "kuantas": "cuantas", "porke": "porque",
              "xke": "porque", "aki": "aqui", "kiero": "quiero", "kieren": "quieren"}

_stemmer = Stemmer.Stemmer("spanish")


def words(text: str) -> list[str]:
    """Folded words, with chat shorthand ("q", "pa", "xq") spelled out.

    A hyphenated name gives its parts and, when it is all letters, the joined
    form too, so "AL-LAs" (whose parts are stopwords) is still found as "allas".
    """
    found: list[str] = []
    for token in _WORD.findall(fold(text)):
        if "-" not in token:
            found.append(_SHORTHAND.get(token, token))
            continue
        parts = token.split("-")
        if token.replace("-", "").isalpha():
            found.append("".join(parts))
        found.extend(_SHORTHAND.get(p, p) for p in parts)
    return found


_WORD = re.compile(r"[\w-]+")


def respelled(text: str, corrections: Mapping[str, str]) -> str:
    """``text`` with chat shorthand spelled out and misspelt words corrected.

    The embedding model reads "ke ase la gobernasion" far from "qué hace la
    gobernación"; the words the lexical index already understood (shorthand,
    ``corrections`` of folded typos to the knowledge base's words) are given
    back to it spelled as the knowledge base spells them.
    """
    def fix(match: re.Match[str]) -> str:
        word = fold(match.group(0))
        return corrections.get(word) or _SHORTHAND.get(word) or match.group(0)
    return _WORD.sub(fix, text)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(fold(w) for w in get_stop_words("es")) - _KEEP


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """English function words: a question in English ("what does … stand for") is welcome,
    and its "what", "does", "the" say nothing about the subject."""
    return frozenset(fold(w) for w in get_stop_words("en"))


def is_english(text: str) -> bool:
    """True when the text reads as English: more English than Spanish function words."""
    found = words(text)
    english = sum(w in english_stopwords() and w not in _SPANISH_TOO for w in found)
    spanish = sum(w in stopwords() and w not in _SPANISH_TOO for w in found)
    return english >= 2 and english > 2 * spanish


# Function words both languages write the same way.
_SPANISH_TOO = frozenset("a no me he son is de en la".split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def content_words(text: str) -> list[str]:
    """Folded words that carry meaning (stopwords removed, single letters dropped).

    "no" is a stopword, except in "qué no es…": asking what something is *not*
    is another question than asking what it is, and the knowledge base answers
    both (an entry titled "Qué no es…" beside the one that defines it).
    """
    stop = stopwords()
    found = words(text)
    return [w for i, w in enumerate(found)
            if (w not in stop and (len(w) > 1 or w.isdigit())) or _negated(found, i)]


_DEFINING = frozenset("es son seria significa incluye hace hacen debe deben deberia deberian"
                      .split())
# "qué no es", "lo que no debe ser", "qué cosas no debería ser"
_ASKING_WHAT = frozenset({"que", "cosas"})


def _negated(found: list[str], i: int) -> bool:
    """Whether ``found[i]`` is the "no" of "que no es" (what something is not)."""
    return (found[i] == "no" and 0 < i < len(found) - 1 and found[i - 1] in _ASKING_WHAT
            and found[i + 1] in _DEFINING)


def analyze(text: str) -> list[str]:
    """The terms a text is indexed or searched by: stems of its content words."""
    return [stem(w) for w in content_words(text)]
