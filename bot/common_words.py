"""How common a Spanish word is, from the ``wordfreq`` package's word list.

Two features need it: activities (an everyday word typed in lower case is not an
acronym) and knowledge search (an everyday word the knowledge base does not use
is a word it does not know, not a misspelling of one it does: "dame" is not
"DANE", "visa" is not "vías", "persigue" is not "persiste").
"""

from __future__ import annotations

import math
from functools import lru_cache

from bot.folding import fold


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    """Folded Spanish word -> its commonest spelling's frequency per word of text
    ("jovenes" is as common as "jóvenes"). Loaded on first use (~0.2 s)."""
    from wordfreq import get_frequency_dict

    out: dict[str, float] = {}
    for word, share in get_frequency_dict("es", wordlist="small").items():
        key = fold(word)
        out[key] = max(out.get(key, 0.0), share)
    return out


def zipf(word: str) -> float:
    """The Zipf frequency of a folded word: log10 of its uses per billion words (0 if unseen).

    3 is about one use in a million words ("afiliados", "visa"); 5 is everyday ("casa").
    """
    share = frequencies().get(word, 0.0)
    return math.log10(share) + 9 if share > 0 else 0.0
