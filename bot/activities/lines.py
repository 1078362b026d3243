"""Which action line an activity belongs to, from its number or its words.

Staff write "/registrar 2 …" when they know the line; otherwise the text is
matched against each line's keywords (from the config) and the words of its
name: accent- and case-insensitive, by Snowball stem ("becas" meets "beca",
"inversionistas" meets "inversión") and fuzzily for typos ("coperacion").
When no line clearly wins, the bot asks instead of guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from bot.config import ActionLine
from bot.knowledge.text import stem, words

KEYWORD_WEIGHT = 1.0
NAME_WEIGHT = 0.5
MARGIN = 0.5  # how far ahead the best line must be to be chosen without asking
FUZZY_MIN = 86  # rapidfuzz ratio for a typo of a keyword (words of 5+ letters)

# Words of line names too common in the office's writing to point at one line.
_GENERIC = {"nacional", "internacional", "institucional", "directa", "estrategico", "exterior",
            "extranjera"}


@dataclass(frozen=True)
class LineGuess:
    """The chosen line (None when it can not be told) and every line's score."""

    line: int | None
    scores: dict[int, float] = field(default_factory=dict)

    @property
    def candidates(self) -> list[int]:
        """Lines with any evidence, best first."""
        return [n for n, s in sorted(self.scores.items(), key=lambda kv: (-kv[1], kv[0])) if s > 0]


def line_by_number(number: int, lines: Sequence[ActionLine]) -> ActionLine | None:
    return next((line for line in lines if line.number == number), None)


def guess_line(text: str, lines: Sequence[ActionLine]) -> LineGuess:
    """Score every line against ``text``; choose one only if it clearly wins."""
    tokens = words(text)
    stems = [stem(t) for t in tokens]
    scores = {line.number: _score(tokens, stems, line) for line in lines}
    ranked = sorted(scores.values(), reverse=True)
    best = ranked[0] if ranked else 0.0
    second = ranked[1] if len(ranked) > 1 else 0.0
    if best <= 0 or best - second < MARGIN:
        return LineGuess(None, scores)
    chosen = next(n for n, s in scores.items() if s == best)
    return LineGuess(chosen, scores)


def _score(tokens: list[str], stems: list[str], line: ActionLine) -> float:
    weights: dict[tuple[str, ...], float] = {}
    for word in words(line.name):
        if len(word) >= 5 and word not in _GENERIC:
            weights[(word,)] = NAME_WEIGHT
    for keyword in line.keywords:
        key = tuple(words(keyword))
        if key:
            weights[key] = KEYWORD_WEIGHT
    return sum(w for key, w in weights.items() if _present(key, tokens, stems))


def _present(key: tuple[str, ...], tokens: list[str], stems: list[str]) -> bool:
    if len(key) > 1:
        size = len(key)
        wanted = [stem(k) for k in key]
        return any(stems[i:i + size] == wanted for i in range(len(stems) - size + 1)) or (
            fuzz.partial_ratio(" ".join(key), " ".join(tokens)) >= 95
        )
    (keyword,) = key
    if len(keyword) <= 3:  # "ied", "apc", "onu": exact only
        return keyword in tokens
    target = stem(keyword)
    if target in stems:
        return True
    return len(keyword) >= 5 and any(
        len(token) >= 5 and fuzz.ratio(token, keyword) >= FUZZY_MIN for token in tokens
    )
