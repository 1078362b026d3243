"""Field notes made presentable for the informe, without touching what was stored.

Staff type on phones: no accents, no capitals, typos in names. For the report
(and only there) each text is tidied:

- accents restored on words that can only be one thing: "reunion" becomes
  "reunión" because the Spanish word list (the one ``pyspellchecker`` maintains)
  has "reunión" and not "reunion"; "esta" stays, since both "esta" and "está"
  exist;
- known partners written as they are known ("procolmbia" -> "ProColombia"),
  and place names the guides always capitalise ("santander" -> "Santander");
- sentence case: a note typed in capitals is lowered, the first letter raised,
  and it ends with a full stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import frontmatter
from rapidfuzz import fuzz

from bot.folding import fold

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
FUZZY_MIN = 90


COMMON = 5000  # occurrences in the word list above which a word is an everyday word
DOMINANT = 20  # an accented spelling this many times commoner than the others is the one
_ESDRUJULA_VERB = re.compile(r"[áéíóú][^aeiouáéíóú]*[aeiou][^aeiouáéíóú]*[aeo]$")
_SUFFIXES = (("cion", "ción"), ("sion", "sión"))  # Spanish spelling: always accented


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """Folded word -> its accented spelling, for words whose plain form is not a word and
    whose accented spelling is (nearly) the only one in the word list."""
    from spellchecker import SpellChecker

    words = SpellChecker(language="es").word_frequency.dictionary
    variants: dict[str, list[str]] = {}
    for word in words:
        plain = fold(word)
        if plain != word and plain not in words:
            variants.setdefault(plain, []).append(word)
    out = {}
    for plain, forms in variants.items():
        forms.sort(key=lambda w: -words[w])
        rest = sum(words[w] for w in forms[1:])
        best = forms[0]
        if rest and words[best] < DOMINANT * rest:
            continue
        # "publico" may be the verb ("publicó", "público"): leave -ar/-er/-ir forms alone.
        if _ESDRUJULA_VERB.search(best) and any(plain[:-1] + end in words
                                                 for end in ("ar", "er", "ir")):
            continue
        out[plain] = best
    return out


def _accent_of(word: str) -> str | None:
    found = _accented().get(word)
    if found is None:
        for plain, accented in _SUFFIXES:
            if word.endswith(plain) and len(word) > len(plain) + 2:
                return word[:-len(plain)] + accented
    return found


def restore_accents(text: str) -> str:
    """Accents back on words with one possible spelling; case kept."""
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower != fold(lower):  # already has its accents (or an ñ)
            return word
        found = _accent_of(lower)
        if found is None:
            return word
        if word.isupper() and len(word) > 1:
            return found.upper()
        return found.capitalize() if word[0].isupper() else found

    return _WORD.sub(fix, text)


@lru_cache(maxsize=4)
def proper_nouns(knowledge_path: str) -> dict[str, str]:
    """Words the guides write capitalised inside sentences and never in lower case
    ("Santander", "Bucaramanga", "Pittsburgh"), by their folded form."""
    capital: dict[str, str] = {}
    lower: set[str] = set()
    for file in sorted(Path(knowledge_path).rglob("*.md")):
        try:
            text = frontmatter.load(file).content
        except (OSError, ValueError):
            continue
        text = re.sub(r"\S+\.(?:co|com|org)\S*", " ", text)  # web addresses are lower case
        for sentence in re.split(r"[.!?:\n]\s*", text):
            for i, word in enumerate(_WORD.findall(sentence)):
                if word.islower():
                    lower.add(fold(word))
                elif i > 0 and word[0].isupper() and not word.isupper() and len(word) > 3:
                    capital.setdefault(fold(word), word)
    common = _common_words()
    return {k: v for k, v in capital.items() if k not in lower and k not in common}


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Everyday Spanish words (folded): "Semana" in a title is still the word "semana"."""
    from spellchecker import SpellChecker

    words = SpellChecker(language="es").word_frequency.dictionary
    return frozenset(fold(w) for w, n in words.items() if n >= COMMON)


def fix_names(text: str, names: Iterable[str]) -> str:
    """Known names in ``text`` written as they are known: case, accents and small typos."""
    spans = [(m.start(), m.end(), fold(m.group(0))) for m in re.finditer(r"[\w\-]+", text)]
    out, last = [], 0
    wanted = [(fold(n).replace("-", " ").split(), n) for n in names if n.strip()]
    i = 0
    while i < len(spans):
        hit = None
        for parts, name in wanted:
            size = len(parts)
            window = spans[i:i + size]
            if len(window) < size:
                continue
            written = " ".join(w for _, _, w in window).replace("-", " ")
            phrase = " ".join(parts)
            same = written == phrase or (len(phrase) >= 6
                                         and fuzz.ratio(written, phrase) >= FUZZY_MIN)
            if same and (hit is None or size > hit[0]):
                hit = (size, name)
        if hit is None:
            i += 1
            continue
        size, name = hit
        start, end = spans[i][0], spans[i + size - 1][1]
        written = text[start:end]
        if _key(written) == _key(name) and written != written.lower():
            i += size  # the name itself, written with care ("ONU Hábitat"): leave it
            continue
        out += [text[last:start], name]
        last = end
        i += size
    out.append(text[last:])
    return "".join(out)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(name))


def capitalise_places(text: str, places: dict[str, str]) -> str:
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        return places.get(fold(word), word) if word.islower() else word

    return _WORD.sub(fix, text)


def sentence(text: str, *, names: Iterable[str] = (), places: dict[str, str] | None = None) -> str:
    """``text`` ready for the document (see the module docstring)."""
    text = (text or "").strip()
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.7 * len(letters) and len(letters) > 8:
        text = text.lower()
    text = fix_names(text, names)
    text = restore_accents(text)
    if places:
        text = capitalise_places(text, places)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    if text and not text.endswith((".", "!", "?", "…")):
        text += "."
    return text
