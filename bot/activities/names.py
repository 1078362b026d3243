"""Names of partners and departments: found in free text, written the same way each time.

A partner mentioned as ``#APC`` is named explicitly; one already known (from
the config or from earlier entries) is recognised in plain text too,
accent-insensitively and with small typos ("Procolmbia" -> "ProColombia").
Each name may have aliases in the config, separated by ``|``:
``"APC|Agencia Presidencial de Cooperación"``; the first is how it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.folding import fold

FUZZY_MIN = 90
# Abbreviations of organisation words in quick notes, read in full when looking for names.
ABBREVIATIONS = {"coop": "cooperacion", "univ": "universidad", "emb": "embajada",
                 "gob": "gobernacion", "min": "ministerio", "fund": "fundacion",
                 "inst": "instituto", "asoc": "asociacion", "org": "organizacion",
                 "sub": "subdireccion", "subd": "subdireccion"}
_TOKEN = re.compile(r"[a-z0-9]+")
HASHTAG = re.compile(r"(?<![\w#/&])#(\w[\w\-.&]*)")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def key_of(name: str) -> str:
    """Spelling-blind identity of a name: "ONU-Hábitat" and "onu habitat" are one."""
    return "".join(tokens(name))


@dataclass(frozen=True)
class Name:
    canonical: str
    aliases: tuple[tuple[str, ...], ...]  # each alias as folded tokens
    findable: tuple[tuple[str, ...], ...]  # the aliases worth looking for in free text


class NameIndex:
    """Known names (partners or departments) to look for in a text.

    With ``single_words=False`` a one-word alias is only looked for in free text
    when it is an acronym (INVISBU): "Planeación" alone is too common a word to
    mean the department, but ``dependencia: Planeación`` still finds it.
    """

    def __init__(self, entries: Iterable[str], *, single_words: bool = True) -> None:
        self.names: list[Name] = []
        seen: set[str] = set()
        for entry in entries:
            parts = [p.strip() for p in entry.split("|") if p.strip()]
            if not parts:
                continue
            keys = {key_of(p) for p in parts}
            if keys & seen:
                continue
            seen |= keys
            aliases = tuple(tuple(tokens(p)) for p in parts if tokens(p))
            findable = tuple(
                tuple(tokens(p)) for p in parts
                if tokens(p) and (single_words or len(tokens(p)) > 1 or p.isupper())
            )
            self.names.append(Name(parts[0], aliases, findable))

    def canonical(self, name: str) -> str:
        """The known spelling of ``name`` if it is a known name (or a typo of one)."""
        key = key_of(name)
        best, best_score = None, 0.0
        for known in self.names:
            for alias in known.aliases:
                alias_key = "".join(alias)
                if alias_key == key:
                    return known.canonical
                if len(key) >= 6 and len(alias_key) >= 6:
                    score = fuzz.ratio(alias_key, key)
                    if score >= FUZZY_MIN and score > best_score:
                        best, best_score = known.canonical, score
        return best or name

    def find(self, text: str) -> list[str]:
        """Known names mentioned in ``text``, in order of appearance (the usual
        abbreviations read in full: "coop. suiza" is "cooperación suiza"). A name read
        inside a longer one is that longer name only: "ONU-Hábitat" is not also the
        "ONU", nor the "Programa de Naciones Unidas…" the "Naciones Unidas"."""
        words = _content([ABBREVIATIONS.get(w, w) for w in tokens(text)])
        found: list[tuple[int, int, str]] = []
        for known in self.names:
            span = self._position(known, words)
            if span is not None:
                found.append((*span, known.canonical))
        inside = {name for start, size, name in found
                  if any(s <= start and start + size <= s + n and n > size
                         for s, n, _ in found)}
        return [name for _, _, name in sorted(found) if name not in inside]

    @staticmethod
    def _position(known: Name, words: tuple[str, ...]) -> tuple[int, int] | None:
        """Where the longest alias of ``known`` found in ``words`` starts, and its length:
        "mesa de internacionalización regional de santander" is read whole, so a shorter
        name inside it ("Santander") stays inside it."""
        best: tuple[int, int] | None = None
        for alias in map(_content, known.findable):
            if not alias or (best is not None and len(alias) <= best[1]):
                continue
            size = len(alias)
            phrase = " ".join(alias)
            for i in range(len(words) - size + 1):
                window = words[i:i + size]
                if tuple(window) == tuple(alias) or (
                        len(phrase) >= 6
                        and fuzz.ratio(" ".join(window), phrase) >= FUZZY_MIN):
                    best = (i, size)
                    break
        return best


_LINKS = {"de", "del", "la", "las", "el", "los", "y"}


def _content(words: Iterable[str]) -> tuple[str, ...]:
    """Words without the links a quick note leaves out ("sub. turismo" for the
    "Subdirección de Turismo"); a name left with fewer than two words ("AL LAS")
    stays as it is."""
    words = tuple(words)
    kept = tuple(w for w in words if w not in _LINKS)
    return kept if len(kept) >= min(2, len(words)) else words


def hashtags(text: str) -> tuple[list[str], str]:
    """Partners written as ``#Name`` and the text made readable again.

    Trailing hashtags ("… sobre becas #APC #GOAL") are removed; hashtags inside
    a sentence keep their word ("reunión con APC sobre…"). Underscores stand
    for spaces (``#ONU_Hábitat`` -> "ONU Hábitat"); ``#42`` is not a name.
    """
    names: list[str] = []
    seen: set[str] = set()
    for match in HASHTAG.finditer(text):
        name = _tag_name(match.group(1))
        if name and key_of(name) not in seen:
            seen.add(key_of(name))
            names.append(name)
    block = _TRAILING.search(text)
    clean = text
    if block and not _reads_on(text[:block.start()]):
        clean = text[:block.start()]
    clean = HASHTAG.sub(lambda m: _tag_name(m.group(1)) or m.group(0), clean)
    return names, clean


_TRAILING = re.compile(r"(?:[\s,;]*(?:\b(?:y|e)\s+)?#(?!\d+\b)\w[\w\-.&]*)+[\s.,;]*$")
# Words after which a hashtag is part of the sentence ("reunión con #APC"), not a label.
_FUNCTION_WORDS = {"con", "la", "el", "los", "las", "de", "del", "a", "al", "y", "e", "para",
                   "por", "sobre", "entre", "en", "ante", "desde", "hacia", "segun", "junto",
                   "un", "una", "su", "sus", "nuestra", "nuestro"}


def _reads_on(before: str) -> bool:
    """True when the text before a trailing block of hashtags needs them to make sense."""
    words = tokens(before)
    return bool(words) and words[-1] in _FUNCTION_WORDS


def _tag_name(raw: str) -> str:
    name = raw.rstrip("-.&").replace("_", " ").strip()
    return "" if not name or name.isdigit() else name


def merge(*groups: Iterable[str]) -> list[str]:
    """Names from several sources, each once (spelling-blind), first spelling kept."""
    out: list[str] = []
    seen: set[str] = set()
    for group in groups:
        for name in group:
            key = key_of(name)
            if key and key not in seen:
                seen.add(key)
                out.append(name)
    return out
