"""Partners named in a note, gathered in the order they are written: the known ones, the
organisations written as one (:mod:`bot.activities.organisations`), companies by their
legal form (:mod:`bot.activities.companies`), other cities' halls
(:mod:`bot.activities.cities`), and rare capitalised names after "con"."""

from __future__ import annotations

import re

from bot.activities.cities import HALLS, HOME, city_halls, named_city
from bot.activities.companies import companies, without_form
from bot.activities.names import NameIndex, merge, tokens, typed
from bot.activities.organisations import (
    LINK_WORDS,
    Organisation,
    organisations,
    punctuated,
    tidy_org,
)


def named_partners(text: str, index: NameIndex, others: NameIndex | None = None) -> list[str]:
    """Partners named in ``text``: the known ones (:meth:`NameIndex.spans`) and any
    organisation written as one (:func:`organisations`, :func:`companies`, and the city
    halls of :func:`bot.activities.cities.city_halls`), in order. A known name read inside
    a longer organisation's name is that organisation: "universidad de pittsburgh" is not
    the Alcaldía de Pittsburgh, "cámara de comercio de cúcuta" not Bucaramanga's chamber.
    A capitalised name after "con" (:func:`introduced`) that ``others`` knows (the city's
    own departments: "con Planeación") is no partner."""
    known = index.spans(text)
    known += _listed_after(tokens(text), known, index)
    spans = list(known)
    halls = [Organisation(h.start, h.start + 1, h.end, h.name) for h in city_halls(text, HOME)]
    written = [o for o in organisations(text) if o.start not in {h.start for h in halls}]
    starts = {o.start for o in [*written, *halls]} | {k[0] for k in known}
    free = [o for o in introduced(text) if o.start not in starts
            and not any(k[0] < o.end and o.start < k[1] for k in known)  # "X de USAID"
            and not (others and (others.canonical(o.name) != o.name or others.find(o.name)))]
    for org in sorted([*written, *halls, *companies(text), *free], key=lambda o: o.start):
        if not org.name:  # only the bare opening word is not the known one it stands for
            spans = [s for s in spans if (s[0], s[1]) != (org.start, org.head_end)]
            continue
        canonical = index.canonical(org.name)
        if canonical == org.name and org.start == org.head_end:  # "Ecopetrol S.A."
            short = without_form(org.name)
            canonical = index.canonical(short) if index.canonical(short) != short else canonical
        inside = [k for k in known if org.start <= k[0] and k[1] <= org.end]
        if canonical != org.name:  # a known partner written in full
            spans = [s for s in spans if s not in inside] + [(org.start, org.end, canonical)]
        elif any(k[0] == org.start and k[1] > org.head_end for k in known):
            continue  # a known name that begins with the same words: the known one
        else:
            spans = [s for s in spans if s not in inside] + [(org.start, org.end, org.name)]
    words = tokens(text)
    publicity = bool(_PUBLICITY & set(words))
    return merge(name for start, end, name in sorted(spans)
                 if not (words[end:end + 1] and words[end] in _MAYBE)
                 and not _market(words, start)
                 and not (publicity and _bare_city(words, start, name)))


def _listed_after(words: list[str], known: list[tuple[int, int, str]],
                  index: NameIndex) -> list[tuple[int, int, str]]:
    """Known names typed as an everyday word in lower case, read as names when they are
    listed next to another partner: "reu koica y unido", "proyecto koica unido", "fueron
    vanguardia y caracol radio" (alone, "unido" and "vanguardia" are words of the
    language)."""
    placed = _occurrences(words, known)  # "koica-ciat … de koica y unido": each time
    ends = {end for _, end in placed}
    starts = {start for start, _ in placed}
    found = {name for _, _, name in known}

    def beside(at: int) -> bool:
        after = at in ends or (words[at - 1:at] in (["y"], ["e"]) and at - 1 in ends)
        return after or (words[at + 1:at + 2] in (["y"], ["e"]) and at + 2 in starts)
    return [(at, at + 1, name.canonical) for at in range(1, len(words)) if beside(at)
            for name in index.names if words[at] in name.shy and name.canonical not in found]


def _occurrences(words: list[str], known: list[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """Where the words of each known name stand, every time they are written (the index
    gives the first)."""
    found: set[tuple[int, int]] = set()
    for start, end, _ in known:
        run = words[start:end]
        found |= {(at, at + len(run)) for at in range(len(words) - len(run) + 1)
                  if words[at:at + len(run)] == run}
    return found


# A name followed by "podría" is spoken of as a possibility ("el embajador dijo que la
# agencia X podría apoyar…"), not a partner of the activity.
_MAYBE = {"podria", "podrian"}

# A bloc one sells to is a market, not a partner: "cómo exportar a la Unión Europea",
# "vender en la Alianza del Pacífico".
_SELL = {"exportar", "exporta", "exportan", "exportaciones", "exportacion", "exportando",
         "vender", "venden", "vende", "ventas", "comercializar"}
# Not "de": "el informe de exportaciones de ProColombia" names the partner.
_TOWARDS = {"a", "al", "en", "hacia", "la", "el", "los", "las"}


def _market(words: list[str], start: int) -> bool:
    """Whether the words before ``words[start]`` make it the market of a sale ("exportar
    a la")."""
    at = start
    while at > 0 and words[at - 1] in _TOWARDS:
        at -= 1
    return at < start and at > 0 and words[at - 1] in _SELL


# A note about publicity (a press conference, a post, an interview) speaks of a city's visit
# or agreement as its subject: "rueda de prensa por la firma del memorando con Gumi" was the
# office's work with the media, not with Gumi's city hall. A hall named as such ("con el
# alcalde de Gumi") was there, and stays.
_PUBLICITY = {"prensa", "post", "posts", "entrevista", "comunicado", "publicacion",
              "publicamos", "publicado", "trino", "historias"}


def _bare_city(words: list[str], start: int, name: str) -> bool:
    """Whether ``name`` is a city hall read from the city's name alone, with no word for
    the hall ("alcaldía de", "alcalde de") at ``start``."""
    return name.startswith(_HALL_NAMES) and words[start:start + 1] != [] \
        and words[start] not in HALLS


# The names :mod:`bot.activities.cities` gives a hall ("Alcaldía de Gumi").
_HALL_NAMES = tuple(f"{hall} de " for hall in dict.fromkeys(HALLS.values()))


# Words that introduce who the office worked with: "reunión con", "junto a", "por parte de".
_WITH = (("junto", "con"), ("junto", "a"), ("por", "parte", "de"), ("con",))
_ARTICLE = {"la", "el", "los", "las"}


def introduced(text: str) -> list[Organisation]:
    """Names the directory lacks, written with capitals right after "con" ("reunión con
    Siemens Energy", "llamada con Fedesarrollo"): partners when some word of the name is
    no everyday word (a person's "Juan Pérez" is made of everyday words); a city alone is
    its hall ("firma del MoU con Kaohsiung" is the Alcaldía de Kaohsiung)."""
    note = typed(text)
    if note is None:
        return []
    plain, found, folded, caps = note.plain, note.found, note.folded, note.caps
    out: list[Organisation] = []
    for i in range(len(folded)):
        opener = next((o for o in _WITH if tuple(folded[i:i + len(o)]) == o), None)
        if opener is None:
            continue
        at = i + len(opener)
        at += folded[at:at + 1] != [] and folded[at] in _ARTICLE
        end = _capitalised_end(folded, found, plain, caps, at)
        if end == at and _AGREEMENTS & set(folded[max(0, i - 4):i]):
            out += _city_in_lower_case(folded, at)  # "mou firmado con valparaiso"
        if end == at or punctuated(plain, found, at - 1, at):
            continue
        words = folded[at:end]
        city = named_city(folded, at)
        if city and city[0] == len(words):
            if city[1].primary and not set(words) & _LOCAL and (
                    " ".join(words) not in _COUNTRY_WORDS):
                out.append(Organisation(at, at, end, f"Alcaldía de {city[1].name}"))
            continue
        named = words[:-1] if len(words) > 1 and words[-1] in _COUNTRY_WORDS else words
        if set(words) & _LOCAL or not all(_rare(w) or w in LINK_WORDS for w in named) or (
                len(words) == 1 and found[at].group(0).isupper()):
            continue  # people and common words; a lone acronym is read elsewhere
        out.append(Organisation(at, at, end, tidy_org(found[at:end], words, text, plain)))
    return out


# Agreements made with a city: the city after "con" is a partner even in lower case.
_AGREEMENTS = {"mou", "memorando", "memorandos", "convenio", "hermanamiento", "carta",
               "acuerdo", "hermanarse"}


def _city_in_lower_case(folded: list[str], at: int) -> list[Organisation]:
    """The hall of a city of 100 000 people or more named at ``at``, if one is (not the
    office's own city nor its department, Santander, which is also a city in Spain)."""
    city = named_city(folded, at)
    words = folded[at:at + city[0]] if city else []
    if city is None or city[1].population < 100_000 or not city[1].primary or (
            set(words) & (_LOCAL | HOME) or " ".join(words) in _COUNTRY_WORDS):
        return []
    return [Organisation(at, at, at + city[0], f"Alcaldía de {city[1].name}")]


# How rare a word must be (Zipf scale of ``wordfreq``) to be a brand rather than a word of
# the language or a person's name: given names and surnames are 3.5 or more ("Paola",
# "Vergara"), brands less ("Siemens", "Airbnb"); "Fedesarrollo" is not in the list at all.
RARE = 3.45
# The office's own city as notes write it: "Bucaramanga Emprende", "BGA Te Activa" are the
# city's own programmes.
_LOCAL = {"bucaramanga", "bga", "bmanga"}


def _rare(word: str) -> bool:
    """A word seldom written in Spanish and not in its dictionary: a brand ("Siemens"),
    not a rare word of the language ("Valorización", an office of the city)."""
    from bot.activities.names import in_dictionary
    from bot.common_words import zipf

    return zipf(word) < RARE and not in_dictionary(word)


_COUNTRY_WORDS = {"colombia", "mexico", "panama", "espana", "francia", "alemania", "corea",
                  "japon", "china", "italia", "suiza", "canada", "peru", "chile", "brasil",
                  "argentina", "ecuador", "venezuela", "estados unidos", "reino unido"}


def _capitalised_end(words: list[str], found: list[re.Match[str]], plain: str,
                     caps: list[bool], at: int) -> int:
    """Where a run of capitalised words from ``at`` ends (links between them kept), four
    words at most; ``at`` when the word there is not capitalised."""
    end = i = at
    while i < len(words) and i - at < 5:
        link = 1 if words[i] in ("de", "del") and i > at else 0
        j = i + link
        if j >= len(words) or not caps[j] or (j > at and punctuated(plain, found, j - 1, j)):
            break
        end = i = j + 1
    return end
