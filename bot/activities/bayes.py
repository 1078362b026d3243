"""Word evidence the line chooser learns: a naive Bayes over the word stems of every
labelled example (the config's purposes and seeds, and every saved activity).

The embedding views (nearest examples, regression) see what a note is about, but e5 puts
notes typed the same way close together and blurs the names that decide a line in a
real office: a partner ("comfenalco", "progresa"), a programme, a network's acronym.
The keywords know only the words someone listed. Counting which stems each line's
examples use covers both: every name or word the office has written on a line becomes
evidence for it, learnt from each saved activity without anyone listing it, and words
that every line uses ("reunion", "alcaldia") cancel out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from bot.activities.vectors import PerText
from bot.knowledge.text import stem, stopwords, words

# Smoothing for a stem a line has never used (additive, per stem).
ALPHA = 0.5


def stems_of(text: str) -> frozenset[str]:
    """The distinct stems of a text's words of three letters or more, without the function
    words of the ``stop-words`` package (the list the knowledge search uses)."""
    skip = stopwords()
    return frozenset(stem(w) for w in words(text) if len(w) >= 3 and w not in skip)


class WordBayes:
    """Per-line stem counts over labelled examples, and a note's probability per line.

    The counts are kept between choices and brought up to date from the difference between
    the examples counted so far and the ones given now: a saved activity adds its stems
    once, a "Cambiar línea" moves them from one line to the other, a deleted one takes
    them away. A choice no longer recounts the office's whole history (147 ms with 1 000
    saved activities, 207 ms with 5 000), and the sums are the same, since every weight
    is a multiple of one half and adds and subtracts exactly."""

    def __init__(self) -> None:
        self.stems = PerText(stems_of)  # each text's stems, computed once
        self._numbers: tuple[int, ...] = ()
        self._counted: Counter[tuple[str, int, float]] = Counter()
        self._counts: dict[int, dict[str, float]] = {}
        self._totals: dict[int, float] = {}
        self._users: Counter[str] = Counter()  # counted examples using each stem

    def probabilities(self, text: str, examples: Sequence[tuple[str, int, float]],
                      numbers: Sequence[int], budget: int | None = None) -> dict[int, float]:
        """P(line | the note's stems) with every line equally likely beforehand; the
        examples are (text, line, weight). Stems no example uses are left out, so a note
        of new words leaves the lines level instead of favouring the line with fewest words."""
        self._bring_up_to_date(examples, tuple(numbers), budget)
        (note,) = self.stems([text])
        assert note is not None
        known = [s for s in note if s in self._users]
        size = len(self._users)
        logs = np.zeros(len(numbers))
        for i, n in enumerate(numbers):
            counts = self._counts[n]
            total = self._totals[n] + ALPHA * size
            logs[i] = sum(np.log((counts.get(s, 0.0) + ALPHA) / total) for s in known)
        weights = np.exp(logs - logs.max())
        return dict(zip(numbers, (weights / weights.sum()).tolist(), strict=True))

    def _bring_up_to_date(self, examples: Sequence[tuple[str, int, float]],
                          numbers: tuple[int, ...], budget: int | None) -> None:
        """Counts for exactly the given examples whose stems are known: those no longer
        given are taken away, new ones added (their stems computed in the order given,
        at most ``budget`` new texts per choice; the rest count from a later choice)."""
        if numbers != self._numbers:
            self._numbers = numbers
            self._counted = Counter()
            self._counts = {n: defaultdict(float) for n in numbers}
            self._totals = dict.fromkeys(numbers, 0.0)
            self._users = Counter()
        given = Counter((t, n, w) for t, n, w in examples)
        for key, times in (self._counted - given).items():
            for _ in range(times):
                self._count(key, -1)
        missing = given - self._counted  # the same note logged twice counts twice
        pending = []
        for example in examples:
            if missing[example] > 0:
                missing[example] -= 1
                pending.append(example)
        found = self.stems([t for t, _, _ in pending], budget)
        for example, stems in zip(pending, found, strict=True):
            if stems is not None:
                self._count(example, +1, stems)

    def _count(self, example: tuple[str, int, float], sign: int,
               stems: frozenset[str] | None = None) -> None:
        text, line, weight = example
        self._counted[example] += sign
        if self._counted[example] <= 0:
            del self._counted[example]
        if line not in self._counts:
            return  # a line no longer configured: counted as seen, adds no evidence
        if stems is None:
            (stems,) = self.stems([text])
            assert stems is not None  # it was counted, so its stems are known
        counts = self._counts[line]
        for s in stems:
            counts[s] += sign * weight
            if counts[s] == 0.0:
                del counts[s]
            self._users[s] += sign
            if self._users[s] <= 0:
                del self._users[s]
        self._totals[line] += sign * weight * len(stems)

