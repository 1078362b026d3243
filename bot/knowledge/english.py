"""Questions in English, read with a small English -> Spanish glossary.

The office works in Spanish and so does the knowledge base; foreign partners
and bilingual staff ask in English. The embedding model is multilingual, but
the words of an English question ("ten tips", "agreement") meet nothing in
the Spanish index, so words alone could only match the names both languages
share (KUSANONE, FCM). Each English word is looked up, after a light
singularisation, in ``english.txt`` (general vocabulary of international
cooperation and local government, written by hand) and searched as its
Spanish words instead.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.folding import fold

GLOSSARY_FILE = Path(__file__).with_name("english.txt")


@cache
def glossary(path: Path = GLOSSARY_FILE) -> dict[str, tuple[str, ...]]:
    """English word -> its Spanish words (folded), from ``path``."""
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" not in line or line.lstrip().startswith("#"):
            continue
        english, spanish = line.split("=", 1)
        words = found.setdefault(fold(english.strip()), [])
        words.extend(w for w in fold(spanish).split() if w not in words)
    return {k: tuple(v) for k, v in found.items()}


def singular(word: str) -> list[str]:
    """The word and the singular forms it may have ("cities" -> "city", "tips" -> "tip")."""
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    return forms


def base_forms(word: str) -> list[str]:
    """The word and the dictionary forms it may come from.

    The glossary lists one form a word ("create", "plan", "identify"), and
    questions use every other: "created", "planned", "identified", "managing",
    "coordinates". British spelling ("organisation", "specialised") is read as
    the American one the glossary is written in.
    """
    forms = singular(word)
    for suffix in ("ing", "ed"):
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        forms += [stem, stem + "e"]
        if len(stem) > 3 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # "planned" -> "plan"
        if suffix == "ed" and stem.endswith("i"):
            forms.append(stem[:-1] + "y")  # "identified" -> "identify"
    return [*forms, *(_american(f) for f in forms if _american(f) != f)]


def _american(word: str) -> str:
    """"organisation" -> "organization", "specialise" -> "specialize"."""
    for british, american in (("isation", "ization"), ("ise", "ize"), ("our", "or")):
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


def spanish_words(word: str) -> tuple[str, ...]:
    """The Spanish words for an English ``word`` (folded), or () when the glossary lacks it."""
    words = glossary()
    for form in base_forms(word):
        if form in words:
            return words[form]
    return ()


_WHAT = frozenset({"what", "which"})
_NOT = frozenset({"not", "isn", "aren", "shouldn"})  # "isn't" is read as "isn", "t"


def asks_what_not(words: list[str]) -> bool:
    """Whether an English question asks what something is *not* ("what is X not?",
    "what isn't…"): the Spanish index reads that as "qué no es", a question of its own
    (see :func:`bot.knowledge.text.content_words`)."""
    first = next((i for i, w in enumerate(words) if w in _WHAT), None)
    return first is not None and any(w in _NOT for w in words[first + 1:])
