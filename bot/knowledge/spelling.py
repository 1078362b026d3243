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
# y/ll, a silent h, k/qu/c before a, o, u. Misspellings follow them.
_SOUNDS = ((re.compile(r"ll"), "y"), (re.compile(r"v"), "b"), (re.compile(r"z"), "s"),
           (re.compile(r"c(?=[ei])"), "s"), (re.compile(r"qu(?=[ei])"), "k"),
           (re.compile(r"c"), "k"), (re.compile(r"h"), ""))


def sound(word: str) -> str:
    """How ``word`` sounds in Spanish, spelt one way: "velo" and "belo" are one."""
    for pattern, letter in _SOUNDS:
        word = pattern.sub(letter, word)
    return word


def closest_word(word: str, vocabulary: Sequence[str]) -> str | None:
    """Nearest word by edit distance (a swap of two letters counts as one edit).

    One edit for words up to seven letters, two for longer ones: enough for
    "cooperasion" or "convneio", not enough to turn "pasaporte" into "aporte".
    Among the nearest, a word that sounds the same wins: "sinco" is "cinco",
    not "sico", and "Velo Horizonte" is "Belo", not "veo".
    """
    limit = 1 if len(word) <= 7 else 2
    matches = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=limit,
                              limit=8)
    if not matches:
        return None
    heard = sound(word)
    return min(matches, key=lambda m: (sound(m[0]) != heard, m[1], m[2]))[0]
