"""Names of partners and departments: found in free text, written the same way each time.

A partner mentioned as ``#APC`` is named explicitly; one already known (from
the config or from earlier entries) is recognised in plain text too,
accent-insensitively and with small typos ("Procolmbia" -> "ProColombia").
Each name may have aliases in the config, separated by ``|``:
``"APC|Agencia Presidencial de Cooperación"``; the first is how it is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from bot.common_words import zipf
from bot.folding import fold

FUZZY_MIN = 90
# Abbreviations of organisation words in quick notes, read in full when looking for names.
ABBREVIATIONS = {"coop": "cooperacion", "univ": "universidad", "emb": "embajada",
                 "gob": "gobernacion", "min": "ministerio", "fund": "fundacion",
                 "inst": "instituto", "asoc": "asociacion", "org": "organizacion",
                 "sub": "subdireccion", "subd": "subdireccion"}
_TOKEN = re.compile(r"[a-z0-9]+")
CASED = re.compile(r"[A-Za-z0-9]+")  # a word of the text without accents, as typed
MARKS = re.compile(r"[\u0300-\u036f]")
# How common a word must be (Zipf scale of the ``wordfreq`` package: ten uses per million
# words) to be an everyday Spanish word: "unido", "copa", "mesa" are; "sena", "apc", "uis",
# "giz" are not, so staff may type those acronyms in lower case.
EVERYDAY = 4.0
TYPO_WORD_MIN = 70  # rapidfuzz ratio of a name's mistyped word to the word it stands for
# Countries and regions of two words or more: a word inside one is not a partner's short
# form ("Reino Unido" is not UNIDO, "Estados Unidos" not a partner of its own).
PLACES = ("reino unido", "estados unidos", "emiratos arabes unidos", "paises bajos",
          "corea del sur", "corea del norte", "nueva zelanda", "costa rica", "el salvador",
          "republica dominicana", "arabia saudita", "puerto rico", "america latina",
          "america del sur", "america central", "union africana")
# Where an organisation sits, after its name: the city, the region or the country.
_LOCALITY = re.compile(r"\s+(?:(?:de|en|del)\s+)?(?:Bucaramanga|Santander|Colombia)\s*$",
                       re.IGNORECASE)
HASHTAG = re.compile(r"(?<![\w#/&])#(\w[\w\-.&]*)")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def everyday(word: str) -> bool:
    """Whether a (folded) word is common in Spanish text, by its frequency (acronyms the
    news write often, "onu", count too)."""
    return zipf(word) >= EVERYDAY


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="es").word_frequency.dictionary)


def in_dictionary(word: str) -> bool:
    """Whether a (folded) word is in the Spanish word list of ``pyspellchecker``, accents
    aside ("valorizacion")."""
    return word in _folded_dictionary()


@lru_cache(maxsize=1)
def _folded_dictionary() -> frozenset[str]:
    return frozenset(fold(w) for w in _dictionary())


def ordinary_word(word: str) -> bool:
    """Whether a (folded) word is an everyday Spanish word of the dictionary: common
    (:func:`everyday`) and in the Spanish word list of ``pyspellchecker`` ("unido",
    "copa"), which acronyms are not ("onu", "ue", "unam")."""
    return everyday(word) and word in _dictionary()


def cased_words(text: str) -> tuple[str, list[re.Match[str]]] | None:
    """``text`` without accents, and its words as typed (:data:`CASED`), one for each of
    ``tokens(text)``; None when the two readings do not line up."""
    plain = MARKS.sub("", unicodedata.normalize("NFKD", text))
    cased = list(CASED.finditer(plain))
    if [m.group(0).lower() for m in cased] != tokens(text):
        return None
    return plain, cased


@dataclass(frozen=True)
class Typed:
    """A note as typed, lined up word for word with ``tokens(text)`` (see :func:`typed`)."""

    plain: str  # the text without accents
    found: list[re.Match[str]]  # each word as typed
    folded: list[str]  # each word in lower case
    caps: list[bool]  # whether its capital says something (see :func:`capitalised`)


def typed(text: str) -> Typed | None:
    """The note's words as typed, in lower case, and capitalised or not; None when the two
    readings of the text do not line up (see :func:`cased_words`). The readers of names
    (organisations, companies, names after "con") all start from it."""
    lined = cased_words(text)
    if lined is None:
        return None
    plain, found = lined
    caps = [(m.group(0).isupper() and len(m.group(0)) > 1) or (
        m.group(0)[0].isupper() and not _SENTENCE_START.search(plain[:m.start()]))
        for m in found]
    return Typed(plain, found, [m.group(0).lower() for m in found], caps)


def capitalised(text: str) -> list[bool]:
    """For each of ``tokens(text)``: whether it was typed with a capital first letter that
    says something (not the first word of a sentence); all False when the two readings of
    the text do not line up."""
    note = typed(text)
    return note.caps if note else [False] * len(tokens(text))


_SENTENCE_START = re.compile(r"(?:^|[.!?¿¡]|\n)[\s\"'(«]*$")
_APART = re.compile(r"[-–/,;:()+|\n]")


def set_apart(text: str) -> list[bool]:
    """For each of ``tokens(text)``: whether punctuation (or the start or end of the text)
    stands on both its sides, the way a name is listed: "comité koica - unido: …", not
    "el equipo quedó unido tras…"."""
    lined = cased_words(text)
    if lined is None:
        return [False] * len(tokens(text))
    plain, cased = lined
    edges = [0, *(m.end() for m in cased)], [*(m.start() for m in cased), len(plain)]
    gaps = [plain[a:b] for a, b in zip(*edges, strict=True)]
    last = len(cased) - 1
    return [bool((i == 0 or _APART.search(gaps[i]))
                 and (i == last or _APART.search(gaps[i + 1]))) for i in range(len(cased))]


def key_of(name: str) -> str:
    """Spelling-blind identity of a name: "ONU-Hábitat" and "onu habitat" are one."""
    return "".join(tokens(name))


@dataclass(frozen=True)
class Name:
    canonical: str
    aliases: tuple[tuple[str, ...], ...]  # each alias as folded tokens
    findable: tuple[tuple[str, ...], ...]  # the aliases worth looking for in free text
    # one-word aliases that are everyday words of the dictionary ("unido" for UNIDO, "copa"
    # for Copa Airlines): they name the partner only when typed with a capital
    shy: frozenset[str] = frozenset()


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
            # read the way :meth:`spans` reads a note: "World Wildlife Fund" has a "fund"
            findable = tuple(
                tuple(ABBREVIATIONS.get(w, w) for w in tokens(p)) for p in parts
                if tokens(p) and (single_words or len(tokens(p)) > 1 or p.isupper())
            )
            shy = frozenset(a[0] for a in findable if len(a) == 1 and ordinary_word(a[0]))
            self.names.append(Name(parts[0], aliases, findable, shy))

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the known names (the pieces a hashtag is cut into, :mod:`.tag_words`)."""
        return frozenset(w for name in self.names for alias in name.aliases for w in alias)

    def canonical(self, name: str) -> str:
        """The known spelling of ``name`` if it is a known name (or a typo of one), also
        when it carries where the organisation sits ("Alianza Francesa de Bucaramanga",
        "Comisión Fulbright Colombia", "Embajada de Corea en Colombia")."""
        found = self._lookup(name)
        if found is None:
            local = _LOCALITY.sub("", name)
            words = tokens(local)
            # "Universidad de Santander" is a name, not the "Universidad" of Santander.
            named = len(words) > 1 or (len(words) == 1 and not everyday(words[0]))
            found = self._lookup(local) if local != name and named else None
        return found or self._beginning_of(name) or name

    def _beginning_of(self, name: str) -> str | None:
        """The one known name whose full form ``name`` shortens, keeping its first word and
        the order of its words: "Ministerio de Ciencia" for the "Ministerio de Ciencia,
        Tecnología e Innovación", "Banco Interamericano" for the BID, "Cámara Colombo
        Americana" for the "Cámara de Comercio Colombo Americana". Two words of its own at
        least, and no other known name shortened the same way ("Agencia de Cooperación"
        is several)."""
        words = [w for w in tokens(name) if w not in _LINKS]
        if len(words) < 2:
            return None
        hits = {known.canonical for known in self.names for alias in known.aliases
                if len(alias) > len(words) and alias[0] == words[0]
                and _in_order(words[1:], alias[1:])}
        return hits.pop() if len(hits) == 1 else None

    def _lookup(self, name: str) -> str | None:
        key = key_of(name)
        best, best_score = None, 0.0
        for known in self.names:
            for alias in known.aliases:
                alias_key = "".join(alias)
                if alias_key == key:
                    return known.canonical
                # A typo keeps the first letter: "santander" is no "ZF Santander".
                if len(key) >= 6 and len(alias_key) >= 6 and alias_key[0] == key[0]:
                    score = fuzz.ratio(alias_key, key)
                    if score >= FUZZY_MIN and score > best_score:
                        best, best_score = known.canonical, score
        return best

    def find(self, text: str) -> list[str]:
        """Known names mentioned in ``text``, in order of appearance (the usual
        abbreviations read in full: "coop. suiza" is "cooperación suiza"). A name read
        inside a longer one is that longer name only: "ONU-Hábitat" is not also the
        "ONU", nor the "Programa de Naciones Unidas…" the "Naciones Unidas"."""
        return [name for _, _, name in self.spans(text)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """:meth:`find` with where each name is: (first token, token after the last,
        name), counted in ``tokens(text)``. A one-word alias that is an everyday word
        counts only when typed with a capital or set apart by punctuation as names are
        listed, and never inside a place of several words ("Reino Unido")."""
        raw = [ABBREVIATIONS.get(w, w) for w in tokens(text)]
        kept = _content_positions(raw)
        words = tuple(raw[i] for i in kept)
        caps = capitalised(text)
        apart = set_apart(text)
        placed = _inside_places(raw)

        def fits(known: Name, alias: tuple[str, ...], at: int) -> bool:
            if len(alias) > 1:
                return True
            where = kept[at]
            return where not in placed and (alias[0] not in known.shy or caps[where]
                                            or apart[where])

        found: list[tuple[int, int, str]] = []
        for known in self.names:
            span = self._position(known, words, fits)
            if span is not None:
                start, size = span
                found.append((kept[start], kept[start + size - 1] + 1, known.canonical))
        inside = {(start, end, name) for start, end, name in found
                  if any(s <= start and end <= e and e - s > end - start
                         for s, e, _ in found)}
        return sorted(f for f in found if f not in inside)

    @staticmethod
    def _position(known: Name, words: tuple[str, ...],
                  fits: Callable[[Name, tuple[str, ...], int], bool]
                  ) -> tuple[int, int] | None:
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
                if (tuple(window) == tuple(alias) or (
                        len(phrase) >= 6 and _typo_of(tuple(window), alias)
                        and fuzz.ratio(" ".join(window), phrase) >= FUZZY_MIN)) \
                        and fits(known, alias, i):
                    best = (i, size)
                    break
            if best is None and size == 1 and len(phrase) >= 8:
                best = _split_in_two(words, phrase)
        return best


def _split_in_two(words: tuple[str, ...], name: str) -> tuple[int, int] | None:
    """Where a one-word name is typed as two words ("pro colombia"), if it is."""
    for i in range(len(words) - 1):
        if words[i] + words[i + 1] == name and not everyday(words[i] + words[i + 1]):
            return i, 2
    return None


def _in_order(words: list[str], alias: tuple[str, ...]) -> bool:
    """Whether ``words`` all appear in ``alias``, in the same order."""
    rest = iter(alias)
    return all(word in rest for word in words)


def _typo_of(window: tuple[str, ...], alias: tuple[str, ...]) -> bool:
    """Whether ``window`` may be ``alias`` mistyped: some word that differs is no everyday
    word ("procolmbia"); "cartas" is the word, not "Cáritas" mistyped; and each word that
    differs looks like the one it stands for ("uis" is not a typo of "turismo")."""
    differ = [(w, a) for w, a in zip(window, alias, strict=True) if w != a]
    return any(not everyday(w) for w, _ in differ) and all(fuzz.ratio(*p) >= TYPO_WORD_MIN
                                                          for p in differ)


def _inside_places(words: list[str]) -> set[int]:
    """Positions of ``words`` inside a place name of several words (:data:`PLACES`)."""
    out: set[int] = set()
    for place in PLACES:
        parts = place.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                out.update(range(i, i + len(parts)))
    return out


def _content_positions(words: list[str]) -> list[int]:
    """The positions :func:`_content` keeps."""
    kept = [i for i, w in enumerate(words) if w not in _LINKS]
    return kept if len(kept) >= min(2, len(words)) else list(range(len(words)))


_LINKS = {"de", "del", "la", "las", "el", "los", "y"}


def _content(words: Iterable[str]) -> tuple[str, ...]:
    """Words without the links a quick note leaves out ("sub. turismo" for the
    "Subdirección de Turismo"); a name left with fewer than two words ("AL LAS")
    stays as it is."""
    words = tuple(words)
    return tuple(words[i] for i in _content_positions(list(words)))


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
