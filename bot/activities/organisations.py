"""Organisations a note writes out as one, known or not: "Fundación X", "Universidad de Y",
"Cámara de Comercio de Z", "Corporación …".

The directory cannot know every foundation or university an office meets. A name written
the way organisations are written is a partner all the same, tidied for the report; and a
known short form inside such a name is not that partner: "universidad de pittsburgh" is a
university, not the Alcaldía de Pittsburgh; "cámara de comercio de cúcuta" is not
Bucaramanga's chamber.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.activities.cities import HOME, city_halls, named_city
from bot.activities.names import (
    CASED,
    NameIndex,
    capitalised,
    cased_words,
    everyday,
    merge,
    tokens,
)
from bot.folding import fold
from bot.knowledge.text import stopwords

# The words that open an organisation's name, folded ("de" is read after them).
_HEADS = ("camara de comercio", "caja de compensacion familiar", "caja de compensacion",
          "fundacion", "universidad", "corporacion", "asociacion", "federacion",
          "confederacion", "cooperativa", "instituto", "agencia", "gobernacion", "alcaldia",
          "ministerio", "organizacion", "camara")
# Heads that open a name only typed with a capital, the word being common in lower case:
# "Banco Interamericano", "Red Colombiana de Ciudades", "Fondo Acción"; "la ONG Techo".
_CASED_HEADS = {"banco", "fondo", "red", "observatorio", "ong"}
# Heads whose name may follow with no "de" ("fundación bavaria", "universidad javeriana").
_BARE_HEADS = {"fundacion", "universidad", "corporacion", "asociacion", "cooperativa",
               "instituto"}
_NAME_LINKS = ("de la", "de los", "de las", "del", "de", "y", "para el", "para la", "para",
               "contra el", "contra la", "contra", "en", "sin")
# Words that alone after the head describe the organisation instead of naming it.
_DESCRIPTIONS = {"publica", "privada", "local", "nacional", "internacional", "regional",
                 "organizador", "organizadora", "directivo", "directiva", "ejecutivo",
                 "ejecutiva", "tecnico", "asesor", "consultivo", "editorial",
                 "municipal", "departamental", "aliada", "extranjera", "cooperacion",
                 "tecnica", "colombia", "colombiana", "apc", "mayor", "descentralizada"}
# The office's own house is no partner: the alcaldía "de Bucaramanga", "municipal", "de la
# ciudad".
_OWN_HOUSE = {"bucaramanga", "municipal", "ciudad"}
# The small words inside a name, written in lower case in it.
_LINK_WORDS = {"de", "del", "la", "los", "las", "y", "para", "el", "en", "contra", "sin"}


@dataclass(frozen=True)
class Organisation:
    """An organisation written in a note: where (in ``tokens(text)``), how far its opening
    words go, and its name tidied; no name when the opening words are followed by "de" and
    a description ("la cámara de representantes"): some organisation of that kind, not the
    one a bare opening word may stand for ("Cámara" for the chamber of commerce)."""

    start: int
    head_end: int
    end: int
    name: str


def organisations(text: str) -> list[Organisation]:
    """Organisations written the way one writes an organisation: an opening word
    ("Fundación", "Universidad", "Cámara de Comercio", "Corporación"…) and a name.

    Capitalised name words are read with the links between them ("Universidad de los
    Andes", "Fundación Mujeres del Futuro"). In lower case a name is only taken when it
    cannot be an ordinary word ("universidad de pittsburgh", "camara de comercio de
    cucuta"), since "la cámara de comercio presenta el informe" names no other chamber."""
    lined = cased_words(text)
    if lined is None:
        return []
    plain, found = lined
    folded = [m.group(0).lower() for m in found]
    caps = capitalised(text)
    says_case = _names_capitalised(found, caps, plain)
    out: list[Organisation] = []
    i = 0
    while i < len(folded):
        head = next((h.split() for h in _HEADS
                     if folded[i:i + len(h.split())] == h.split()), None)
        if head is None and folded[i] in _CASED_HEADS and caps[i] and says_case:
            head = [folded[i]]  # "Banco Interamericano", "Red Cómo Vamos", not "la red"
        if head is None:
            i += 1
            continue
        head_end = i + len(head)
        end = _name_end(folded, found, plain, caps if says_case else None, head_end,
                        bare=" ".join(head) in _BARE_HEADS or head[0] in _CASED_HEADS)
        names = [w for w in folded[head_end:end] if w not in _LINK_WORDS]
        own = head == ["alcaldia"] and set(names) <= _OWN_HOUSE
        if end == head_end and folded[head_end:head_end + 1] in (["de"], ["del"]):
            out.append(Organisation(i, head_end, head_end, ""))  # "cámara de representantes"
        elif names and not all(w in _DESCRIPTIONS for w in names) and not own:
            begin = head_end if head == ["ong"] else i  # "la ONG Techo" is "Techo"
            out.append(Organisation(i, head_end, end, _tidy_org(
                found[begin:end], folded[begin:end], text, plain)))
        i = max(end, i + 1)
    return out


def _names_capitalised(found: list[re.Match[str]], caps: list[bool], plain: str) -> bool:
    """Whether the note writes names with a capital ("reunión con la Fundación X"), not
    only its acronyms ("reu con la fundacion semillas de paz y la UIS"): then a word in
    lower case is no part of a name."""
    return not plain.isupper() and any(
        cap and not m.group(0).isupper() for m, cap in zip(found, caps, strict=True))


def _name_end(words: list[str], found: list[re.Match[str]], plain: str,
              caps: list[bool] | None, at: int, *, bare: bool) -> int:
    """Where the name after the opening words ends (``at`` when there is none): words
    capitalised (when the note uses capitals: ``caps``) or that cannot be an everyday word,
    and the links between them; "de"/"del" first unless the head is ``bare``. Punctuation
    ends a name, and so do six words (three not capitalised)."""
    end = i = at
    limit = 6 if caps is not None else 3
    while i < len(words) and limit > 0:
        link = next((lk.split() for lk in _NAME_LINKS if words[i:i + len(lk.split())]
                     == lk.split()), [])
        j = i + len(link)
        if j >= len(words) or _punctuated(plain, found, j - 1, j):
            break
        capital = caps is not None and caps[j]
        if i == at and not bare and not capital and link[:1] not in (["de"], ["del"]):
            break  # "cámara de comercio presenta…": in lower case a name needs its "de"
        if link[:1] in (["en"], ["contra"], ["sin"]) and (not capital or words[j] in HOME):
            break  # "Ayuda en Acción", "Acción contra el Hambre"; not "… en Bucaramanga"
        if link == ["y"] and not capital:
            break  # "la cámara de comercio y comfenalco": two partners, not one name
        city = None if capital or link[-1:] not in (["de"], ["del"]) else named_city(words, j)
        if city is not None and not set(words[j:j + city[0]]) & HOME:
            end = i = j + city[0]  # "universidad de salamanca": a city ends the name
            break
        if not capital and (words[j] in stopwords() or words[j] in _NOTE_WORDS
                            or words[j] in _DESCRIPTIONS
                            or (everyday(words[j]) and not (caps is None and bare
                                                            and _name_word(words[j])))):
            break
        end = i = j + 1
        limit -= 1 if capital else 2
    tail = end + 1
    if caps is None and bare and end > at and words[end:tail] in (["de"], ["del"]) \
            and tail < len(words) and not _punctuated(plain, found, end, tail) \
            and _closes_name(words, found, plain, tail):
        return tail + 1  # "fundación semillas de paz": one last word after "de"
    return end


def _name_word(word: str) -> bool:
    """A plural noun or adjective, or an adjective of the kinds names use, as the words of
    a foundation's or institute's name in lower case are ("fundación pies descalzos",
    "instituto tecnológico de …"); a note's verbs after the name ("presentó", "entrega")
    are neither."""
    plural = len(word) >= 4 and word.endswith("s") and not word.endswith(("mos", "ais", "eis"))
    return plural or (len(word) >= 6 and word.endswith(_ADJECTIVE_ENDINGS))


_ADJECTIVE_ENDINGS = ("ico", "ica", "ano", "ana", "ense", "esa", "ino", "ina")


def _closes_name(words: list[str], found: list[re.Match[str]], plain: str, j: int) -> bool:
    """Whether ``words[j]``, after a name's "de", is its last word: a word of the
    language (not a function word) followed by the end, punctuation or a function word."""
    word = words[j]
    if word in stopwords() or word in _NOTE_WORDS or word in _DESCRIPTIONS or word in HOME:
        return False
    after = j + 1
    return after >= len(words) or _punctuated(plain, found, j, after) or (
        words[after] in stopwords() and (words[after] not in _LINK_WORDS or words[after] == "y"))


# Quick-note words that are no name, though no dictionary has them.
_NOTE_WORDS = {"pa", "pal", "q", "x", "xq", "reu", "tb", "tmb", "k"}


def _punctuated(plain: str, found: list[re.Match[str]], before: int | None,
                after: int) -> bool:
    """Whether punctuation (other than a hyphen inside a name) stands between the tokens
    ``before`` and ``after``."""
    if before is None:
        return False
    gap = plain[found[before].end():found[after].start()]
    return any(c in ",;:.()[]!?¿¡/|+\n" for c in gap) or " - " in gap


def _tidy_org(matches: list[re.Match[str]], words: list[str], text: str, plain: str) -> str:
    """The name as the report writes it: each word capitalised with its accents (as typed,
    or restored where the word can only be one), the links in lower case, acronyms kept."""
    from bot.activities.tidy import restore_accents

    out = []
    for match, word in zip(matches, words, strict=True):
        typed = match.group(0)
        if word in _LINK_WORDS and out:
            out.append(word)
        elif typed.isupper() and len(typed) > 1:
            out.append(typed)
        else:
            typed_as = _typed_with_accents(text, plain, match)
            accented = typed_as if typed_as and fold(typed_as) != typed_as.lower() \
                else _city_spelling(word) or restore_accents(word)
            out.append(accented[:1].upper() + accented[1:].lower())
    return " ".join(out)


def _city_spelling(word: str) -> str | None:
    """A one-word city's own spelling ("medellin" -> "Medellín"), if the word is one."""
    found = named_city([word], 0)
    return found[1].name if found and fold(found[1].name) == word else None


def _typed_with_accents(text: str, plain: str, match: re.Match[str]) -> str | None:
    """The word as typed, accents included, when the text lines up with ``plain``."""
    if len(text) == len(plain):
        return text[match.start():match.end()]
    found = re.findall(r"[^\W_]+", text)
    plain_words = CASED.findall(plain)
    if len(found) == len(plain_words):
        index = sum(1 for m in CASED.finditer(plain[:match.start()]))
        return found[index] if fold(found[index]) == match.group(0).lower() else None
    return None


def named_partners(text: str, index: NameIndex, others: NameIndex | None = None) -> list[str]:
    """Partners named in ``text``: the known ones (:meth:`NameIndex.spans`) and any
    organisation written as one (:func:`organisations`, :func:`companies`, and the city
    halls of :func:`bot.activities.cities.city_halls`), in order. A known name read inside
    a longer organisation's name is that organisation: "universidad de pittsburgh" is not
    the Alcaldía de Pittsburgh, "cámara de comercio de cúcuta" not Bucaramanga's chamber.
    A capitalised name after "con" (:func:`introduced`) that ``others`` knows (the city's
    own departments: "con Planeación") is no partner."""
    known = index.spans(text)
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
            short = _without_form(org.name)
            canonical = index.canonical(short) if index.canonical(short) != short else canonical
        inside = [k for k in known if org.start <= k[0] and k[1] <= org.end]
        if canonical != org.name:  # a known partner written in full
            spans = [s for s in spans if s not in inside] + [(org.start, org.end, canonical)]
        elif any(k[0] == org.start and k[1] > org.head_end for k in known):
            continue  # a known name that begins with the same words: the known one
        else:
            spans = [s for s in spans if s not in inside] + [(org.start, org.end, org.name)]
    words = tokens(text)
    return merge(name for start, end, name in sorted(spans)
                 if not (words[end:end + 1] and words[end] in _MAYBE))


# A name followed by "podría" is spoken of as a possibility ("el embajador dijo que la
# agencia X podría apoyar…"), not a partner of the activity.
_MAYBE = {"podria", "podrian"}


def _without_form(name: str) -> str:
    """A company's name without its legal form: "Ecopetrol S.A." is "Ecopetrol"."""
    return next((name[:-len(form)].strip() for form in _LEGAL_FORMS.values()
                 if name.endswith(" " + form)), name)


# Legal forms that close a company's name, folded into tokens, and how the report writes
# them: "Kessler GmbH", "Andina Textiles S.A.S.", "Nippon Koei Co. Ltd.".
_LEGAL_FORMS = {("s", "a", "s"): "S.A.S.", ("sas",): "S.A.S.", ("s", "a"): "S.A.",
                ("gmbh",): "GmbH", ("ltda",): "Ltda.", ("co", "ltd"): "Co. Ltd.",
                ("ltd",): "Ltd.", ("inc",): "Inc.", ("llc",): "LLC", ("plc",): "PLC",
                ("corp",): "Corp.", ("s", "l"): "S.L.", ("s", "p", "a"): "S.p.A.",
                ("e", "s", "p"): "E.S.P.", ("bv",): "B.V.", ("ag",): "AG", ("sa",): "S.A."}
# Forms that are also short words or initials: they close a name only typed in capitals
# ("Siemens AG", "Grupo Éxito SA"), or, for the lettered ones, with their full stops.
_CASED_FORMS = {("ag",), ("sa",), ("s", "a"), ("s", "l"), ("bv",)}
# Words before a company's name that say what it is, not what it is called.
_COMPANY_WORDS = {"empresa", "empresas", "compania", "firma", "multinacional", "grupo"}


def companies(text: str) -> list[Organisation]:
    """Companies written with their legal form: "Kessler GmbH", "andina textiles sas". The
    name is the words before the form: capitalised ones when the note uses capitals, else
    the words back to a function word ("reunión con ... "), at most four."""
    lined = cased_words(text)
    if lined is None:
        return []
    plain, found = lined
    folded = [m.group(0).lower() for m in found]
    caps = capitalised(text)
    says_case = _names_capitalised(found, caps, plain)
    out: list[Organisation] = []
    i = 0
    while i < len(folded):
        form = next((f for f in sorted(_LEGAL_FORMS, key=len, reverse=True)
                     if tuple(folded[i:i + len(f)]) == f), None)
        if form is None or not _typed_as_form(plain, found[i:i + len(form)], form):
            i += 1
            continue
        start = _company_start(folded, found, plain, caps if says_case else None, i)
        end = i + len(form)
        if start < i:
            name = _tidy_org(found[start:i], folded[start:i], text, plain)
            out.append(Organisation(start, start, end, f"{name} {_LEGAL_FORMS[form]}"))
        i = end
    return out


def _typed_as_form(plain: str, matches: list[re.Match[str]], form: tuple[str, ...]) -> bool:
    """Whether the words are written as a legal form: an ambiguous one (:data:`_CASED_FORMS`)
    in capitals, with full stops when it is lettered ("S.A."), not "sa" or "a"."""
    if form not in _CASED_FORMS:
        return True
    typed = [m.group(0) for m in matches]
    if not all(t.isupper() for t in typed):
        return False
    if len(form) > 1:
        return plain[matches[0].end():matches[0].end() + 1] == "."
    return True


def _company_start(words: list[str], found: list[re.Match[str]], plain: str,
                   caps: list[bool] | None, at: int) -> int:
    """Where the company's name before its legal form (at ``at``) begins."""
    start = at
    while start > 0 and at - start < 4:
        j = start - 1
        word = words[j]
        if _punctuated(plain, found, j, j + 1) and not _stop_in_form(plain, found, j):
            break
        if (word in _COMPANY_WORDS and not (caps and caps[j])) or word in _NOTE_WORDS:
            break
        if caps is not None and not caps[j]:
            if word in _LINK_WORDS and j > 0 and caps[j - 1] and start < at:
                start = j  # "Banco de Bogotá S.A.": a link inside the name
                continue
            break
        if caps is None and (word in stopwords() or word in _LINK_WORDS):
            break
        start = j
    while start < at and words[start] in _LINK_WORDS:
        start += 1
    return start


def _stop_in_form(plain: str, found: list[re.Match[str]], j: int) -> bool:
    """A full stop that belongs to an abbreviation in the name ("Co." in "Co. Ltd.")."""
    gap = plain[found[j].end():found[j + 1].start()]
    return gap.strip() == "." and len(found[j].group(0)) <= 3


# Words that introduce who the office worked with: "reunión con", "junto a", "por parte de".
_WITH = (("junto", "con"), ("junto", "a"), ("por", "parte", "de"), ("con",))
_ARTICLE = {"la", "el", "los", "las"}


def introduced(text: str) -> list[Organisation]:
    """Names the directory lacks, written with capitals right after "con" ("reunión con
    Siemens Energy", "llamada con Fedesarrollo"): partners when some word of the name is
    no everyday word (a person's "Juan Pérez" is made of everyday words); a city alone is
    its hall ("firma del MoU con Kaohsiung" is the Alcaldía de Kaohsiung)."""
    lined = cased_words(text)
    if lined is None:
        return []
    plain, found = lined
    folded = [m.group(0).lower() for m in found]
    caps = capitalised(text)
    out: list[Organisation] = []
    for i in range(len(folded)):
        opener = next((o for o in _WITH if tuple(folded[i:i + len(o)]) == o), None)
        if opener is None:
            continue
        at = i + len(opener)
        at += folded[at:at + 1] != [] and folded[at] in _ARTICLE
        end = _capitalised_end(folded, found, plain, caps, at)
        if end == at or _punctuated(plain, found, at - 1, at):
            continue
        words = folded[at:end]
        city = named_city(folded, at)
        if city and city[0] == len(words):
            if city[1].primary and not set(words) & _LOCAL and (
                    " ".join(words) not in _COUNTRY_WORDS):
                out.append(Organisation(at, at, end, f"Alcaldía de {city[1].name}"))
            continue
        named = words[:-1] if len(words) > 1 and words[-1] in _COUNTRY_WORDS else words
        if set(words) & _LOCAL or not all(_rare(w) or w in _LINK_WORDS for w in named) or (
                len(words) == 1 and found[at].group(0).isupper()):
            continue  # people and common words; a lone acronym is read elsewhere
        out.append(Organisation(at, at, end, _tidy_org(found[at:end], words, text, plain)))
    return out


# How rare a word must be (Zipf scale of ``wordfreq``) to be a brand rather than a word of
# the language or a person's name: given names and surnames are 3.5 or more ("Paola",
# "Vergara"), brands less ("Siemens", "Airbnb"); "Fedesarrollo" is not in the list at all.
RARE = 3.45
# The office's own city as notes write it: "Bucaramanga Emprende", "BGA Te Activa" are the
# city's own programmes.
_LOCAL = {"bucaramanga", "bga", "bmanga"}


def _rare(word: str) -> bool:
    from bot.activities.names import frequency

    return frequency(word) < 10 ** (RARE - 9)


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
        if j >= len(words) or not caps[j] or (j > at and _punctuated(plain, found, j - 1, j)):
            break
        end = i = j + 1
    return end
