"""Two ways a word in a question meets the word an entry uses: synonyms and spelling.

A synonym group ("aod", "ayuda oficial al desarrollo") becomes one shared token
on both sides, so either form finds the other; a word the knowledge base never
uses is replaced by its closest vocabulary word when a typo explains it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.common_words import zipf
from bot.knowledge.text import analyze, content_words

SYNONYM_PREFIX = "§"


class SynonymMatcher:
    """Adds a shared token wherever any form of a synonym group occurs."""

    def __init__(self, groups: Iterable[list[str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self.terms_of: dict[str, set[str]] = {}
        self.words: set[str] = set()
        for index, group in enumerate(groups):
            token = f"{SYNONYM_PREFIX}{index}"
            for form in group:
                terms = tuple(analyze(form))
                self.words.update(content_words(form))
                if terms:
                    self._by_first[terms[0]].append((terms, token))
                    self.terms_of.setdefault(token, set()).update(terms)

    def expand(self, terms: list[str]) -> list[str]:
        """``terms`` plus one synonym token per phrase occurrence."""
        extra: list[str] = []
        for i, term in enumerate(terms):
            for form, token in self._by_first.get(term, ()):
                if tuple(terms[i : i + len(form)]) == form:
                    extra.append(token)
        return terms + extra


# Letters Spanish writes differently for one sound: b/v, s/z/c before e and i,
# y/ll, a silent h, k/qu/c before a, o, u, n/m before p and b. Misspellings follow them.
_SOUNDS = ((re.compile(r"ll"), "y"), (re.compile(r"v"), "b"), (re.compile(r"z"), "s"),
           (re.compile(r"c(?=[ei])"), "s"), (re.compile(r"qu(?=[ei])"), "k"),
           (re.compile(r"c"), "k"), (re.compile(r"h"), ""), (re.compile(r"n(?=[pb])"), "m"))
# A word at least this common in Spanish (Zipf scale, see bot.common_words: about one use
# in a million words) is a real word, not a typo of another that merely looks like it.
REAL_WORD_ZIPF = 3.0


def sound(word: str) -> str:
    """How ``word`` sounds in Spanish, spelt one way: "velo" and "belo" are one."""
    for pattern, letter in _SOUNDS:
        word = pattern.sub(letter, word)
    return word


def closest_word(word: str, vocabulary: Sequence[str]) -> str | None:
    """Nearest word by edit distance (a swap of two letters counts as one edit).

    A word that sounds the same within two edits wins: "sinco" is "cinco", not
    "sico", "chekeo" is "chequeo", "ejenplo" is "ejemplo", and "Velo Horizonte"
    is "Belo". Otherwise one edit for words up to seven letters, two for longer
    ones: enough for "cooperasion" or "convneio", not enough to turn "pasaporte"
    into "aporte"; and an everyday Spanish word is taken as meant ("dame" is not
    "DANE", "visa" is not "vías"): the knowledge base just does not use it.
    """
    matches = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=2, limit=12)
    heard = sound(word)
    alike = [m for m in matches if sound(m[0]) == heard]
    if alike:
        return min(alike, key=lambda m: (m[1], m[2]))[0]
    limit = 1 if len(word) <= 7 else 2
    near = [m for m in matches if m[1] <= limit]
    if not near or zipf(word) >= REAL_WORD_ZIPF:
        return None
    return min(near, key=lambda m: (m[1], m[2]))[0]


class Corrector:
    """Spelling fixes against one vocabulary, each worked out once and remembered."""

    def __init__(self, vocabulary: Iterable[str], function_words: Iterable[str]) -> None:
        self._by_length: dict[int, list[str]] = defaultdict(list)
        for word in sorted(vocabulary):
            self._by_length[len(word)].append(word)
        self._function_sounds = frozenset(sound(w) for w in function_words if len(w) > 3)
        self._fixes: dict[str, str | None] = {}

    def correct(self, word: str) -> str | None:
        """The vocabulary word ``word`` was probably meant to be (see :func:`closest_word`)."""
        if len(word) < 4:
            return None
        if word not in self._fixes:
            near = [w for n in range(len(word) - 2, len(word) + 3)
                    for w in self._by_length.get(n, ())]
            self._fixes[word] = closest_word(word, near)
        return self._fixes[word]

    def function_word(self, word: str) -> bool:
        """Whether ``word`` is a stopword or filler word misspelt ("ejenplo"): dropped as one."""
        return len(word) > 3 and sound(word) in self._function_sounds
