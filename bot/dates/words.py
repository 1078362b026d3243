"""The vocabulary of dates: weekday and month names, number words, text normalisation."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from bot.folding import fold
from bot.texts.dates import MONTHS, WEEKDAYS

__all__ = ["MONTHS", "NUMBER_WORDS", "WEEKDAYS", "month_number"]


def _fold_char(c: str) -> str:
    decomposed = unicodedata.normalize("NFKD", c.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)) or c


def normalise(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its index in ``text``.

    Folding is done per character so a match in the folded text can be mapped
    back to the exact substring the person wrote.
    """
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        folded = _fold_char(c)
        if c in "ºª°":  # "1º de enero": keep the ordinal mark as one character
            folded = "º"
        for ch in folded:
            chars.append(ch)
            index.append(i)
    return "".join(chars), index


_UNITS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
          "diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete",
          "dieciocho", "diecinueve", "veinte"]
NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)}
NUMBER_WORDS.update({"un": 1, "una": 1, "primero": 1, "primer": 1, "un par de": 2,
                     "par de": 2})
for _n, _word in enumerate(_UNITS[1:10], start=1):
    NUMBER_WORDS[f"veinti{_word}"] = 20 + _n
    NUMBER_WORDS[f"veinte y {_word}"] = 20 + _n
    for _tens, _value in (("treinta", 30), ("cuarenta", 40), ("cincuenta", 50)):
        NUMBER_WORDS[f"{_tens} y {_word}"] = _value + _n  # minutes: "cuarenta y cinco"
NUMBER_WORDS.update({"veintiun": 21, "treinta y un": 31, "treinta": 30, "cuarenta": 40,
                     "cincuenta": 50, "sesenta": 60, "noventa": 90, "cien": 100,
                     "ciento veinte": 120, "ciento ochenta": 180})

WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
NUM = rf"(?:\d{{1,4}}|{WORDS})"


def number(token: str) -> int:
    """The value of digits or a Spanish number word ("quince", "cuarenta y cinco")."""
    token = re.sub(r"\s+", " ", token.strip())
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS[token]


_MONTH_ALIASES: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTHS)}
_MONTH_ALIASES.update({"setiembre": 9, "sept": 9, "set": 9})
for _i, _name in enumerate(MONTHS):
    _MONTH_ALIASES.setdefault(_name[:3], _i + 1)


def month_number(word: str, *, fuzzy: bool = True) -> int | None:
    """1..12 for a Spanish month name, abbreviation or a one-letter typo of one."""
    word = fold(word).strip(". ")
    if word in _MONTH_ALIASES:
        return _MONTH_ALIASES[word]
    if not fuzzy or len(word) < 5:
        return None
    for name in [*MONTHS, "setiembre"]:
        limit = 1 if len(name) <= 6 else 2
        if word[0] == name[0] and Levenshtein.distance(word, name) <= limit:
            return _MONTH_ALIASES[name]
    return None


_WEEKDAY_FOLDED = [fold(w) for w in WEEKDAYS]
# Full names, and the abbreviations people write with a dot ("lun.", "mié.", "jue").
WEEKDAY = (r"(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo"
           r"|(?:lun|mier?|jue|vie|sab|dom)(?:\.|(?=\s*\d)))")  # "lun." or "jue 15", not "Lun Wei"
_ABBREVIATIONS = {"lun": 0, "mie": 2, "mier": 2, "jue": 3, "vie": 4, "sab": 5, "dom": 6,
                  "mar": 1}
# Two-letter forms, only when the whole answer is the weekday ("ma", "mx").
SHORT_WEEKDAYS = {"lu": 0, "ma": 1, "mi": 2, "mx": 2, "ju": 3, "vi": 4, "sa": 5, "do": 6,
                  "lun": 0, "mar": 1, "mie": 2, "jue": 3, "vie": 4, "sab": 5, "dom": 6}


def weekday_number(word: str) -> int:
    """0 (Monday) .. 6 for a folded weekday name or abbreviation."""
    word = word.strip(". ")
    if word in _WEEKDAY_FOLDED:
        return _WEEKDAY_FOLDED.index(word)
    return _ABBREVIATIONS[word]
