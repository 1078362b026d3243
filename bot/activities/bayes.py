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

from collections import defaultdict
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
    """Per-line stem counts over labelled examples, and a note's probability per line."""

    def __init__(self) -> None:
        self.stems = PerText(stems_of)  # each text's stems, computed once

    def probabilities(self, text: str, examples: Sequence[tuple[str, int, float]],
                      numbers: Sequence[int], budget: int | None = None) -> dict[int, float]:
        """P(line | the note's stems) with every line equally likely beforehand; the
        examples are (text, line, weight). Stems no example uses are left out, so a note
        of new words leaves the lines level instead of favouring the line with fewest words."""
        counts: dict[int, dict[str, float]] = {n: defaultdict(float) for n in numbers}
        found = self.stems([t for t, _, _ in examples], budget)
        for (_, line, weight), stems in zip(examples, found, strict=True):
            if stems is not None and line in counts:
                for s in stems:
                    counts[line][s] += weight
        vocabulary = set().union(*(c.keys() for c in counts.values()))
        (note,) = self.stems([text])
        assert note is not None
        known = [s for s in note if s in vocabulary]
        size = len(vocabulary)
        logs = np.zeros(len(numbers))
        for i, n in enumerate(numbers):
            total = sum(counts[n].values()) + ALPHA * size
            logs[i] = sum(np.log((counts[n].get(s, 0.0) + ALPHA) / total) for s in known)
        weights = np.exp(logs - logs.max())
        return dict(zip(numbers, (weights / weights.sum()).tolist(), strict=True))
