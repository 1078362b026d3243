"""The words run together in a hashtag: "#camaracomerciobga" is "camara comercio bga".

Staff tag partners as they type them, without spaces; the directory knows the
organisation by its words. A tag is cut where its pieces are words: everyday
Spanish ones (bot.common_words), the words of known names, the usual
abbreviations ("bga", "coop"), with capitals inside the tag ("embajadaNL") as
cuts of their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.activities.names import ABBREVIATIONS, tokens
from bot.common_words import zipf

_CAMEL = re.compile(r"(?<=[a-záéíóúñ])(?=[A-ZÁÉÍÓÚÑ])|[_\-.]+")
# The longest piece looked for, and how common an everyday piece must be (Zipf).
_LONGEST = 16
_WORD_ZIPF = 3.0
# Short pieces taken as words: the links inside names, and the city's own abbreviation.
_SHORT = frozenset({"de", "del", "la", "las", "los", "el", "y", "en", "bga"})


@lru_cache(maxsize=4096)
def _is_piece(piece: str, known: frozenset[str]) -> bool:
    return piece in known or piece in ABBREVIATIONS or piece in _SHORT or (
        len(piece) > 2 and zipf(piece) >= _WORD_ZIPF)


def tag_words(tag: str, known: frozenset[str] = frozenset()) -> str:
    """``tag`` (without "#") as words; as it is when it cannot be cut into words.

    ``known`` holds the words of the partners' names. Fewest pieces win, so
    "camaracomerciobga" is "camara comercio bga", not "cama ra comercio bga".
    """
    words: list[str] = []
    for part in (p for p in _CAMEL.split(tag) if p):
        folded = " ".join(tokens(part))
        if " " in folded or not folded:
            words.append(part)
            continue
        cut = _cut(folded, known)
        words.extend(cut if cut else [part])
    return " ".join(words)


def _cut(text: str, known: frozenset[str]) -> list[str] | None:
    """The fewest words ``text`` splits into, or None (dynamic programming over prefixes)."""
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - _LONGEST), end):
            before = best[start]
            piece = text[start:end]
            if before is not None and _is_piece(piece, known) and (
                    best[end] is None or len(before) + 1 < len(best[end])):
                best[end] = [*before, piece]
    return best[len(text)]
