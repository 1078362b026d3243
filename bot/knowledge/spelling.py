"""Typo correction against the knowledge base's own vocabulary."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA


def closest_word(word: str, vocabulary: Sequence[str]) -> str | None:
    """Nearest word by edit distance (a swap of two letters counts as one edit).

    One edit for words up to seven letters, two for longer ones: enough for
    "cooperasion" or "convneio", not enough to turn "pasaporte" into "aporte".
    """
    limit = 1 if len(word) <= 7 else 2
    match = process.extractOne(word, vocabulary, scorer=OSA.distance, score_cutoff=limit)
    return match[0] if match else None
