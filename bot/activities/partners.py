"""Partners known from day one: the organisations the knowledge base already names.

The recogniser (:class:`bot.activities.names.NameIndex`) finds in free text the
partners it knows. Besides ``[activities] partners`` in the config and every
partner used before, it learns here, once per process, the organisations of the
knowledge base: the acronym groups of ``knowledge/sinonimos.yml`` whose long form
is an organisation ("apc = agencia presidencial de cooperación", "mincit =
ministerio de comercio, industria y turismo", "onu = naciones unidas"), and the
names written in the guides the way organisations are written ("Embajada de
Japón", "Alcaldía de Pittsburgh", "Parque Tecnológico Guatiguará").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import frontmatter
import yaml

from bot.activities.directory import DIRECTORY
from bot.activities.names import key_of, tokens

# Long forms that make an acronym group an organisation.
_ORGANISATION = re.compile(
    r"^(agencia|organizacion|universidad|ministerio|financiera|fondo|comision|federacion|"
    r"alto comisionado|programa de naciones|union|banco|instituto|superintendencia|"
    r"registraduria|departamento administrativo|area metropolitana|asociacion|"
    r"ciudades (y gobiernos locales unidos|unidas)|cooperacion alemana|naciones unidas|"
    r"alianza euro)"
)
# Not partners: generic words, the office itself, and ALADI, which the guides name only
# as the Expo Aladi fair.
_NOT_PARTNERS = {"ong", "ofai", "sdp", "ddri", "imct", "comixta", "adel", "aladi"}
_OWN = re.compile(r"bucaramanga$|^secretar|^oficina|^despacho")

# "Embajada de Japón", "Alcaldía de Pittsburgh", "Cámara de Comercio de Bucaramanga":
# an organisation word, then capitalised words (with "de", "del", "y" between them).
_CAP = r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+"
_NAMED = re.compile(
    rf"\b(?:Embajada|Consulado|Alcaldía|Universidad|Cámara de Comercio|Parque Tecnológico|"
    rf"Fundación|Ministerio|Instituto|Agencia|Gobernación|Bureau)"
    rf"(?:\s+(?:de\s+(?:la\s+|los\s+)?|del\s+|y\s+)?{_CAP})+"
    rf"|\bCooperación\s+(?:Suiza|Alemana|Japonesa|Coreana|Española|Francesa|Italiana)"
)
# Words that, alone after the organisation word, make a description, not a name.
_GENERIC = {"internacional", "cooperacion", "tecnica", "descentralizada", "mayor", "local",
            "apc", "colombia"}


def organisation_groups(path: Path) -> list[list[str]]:
    """Acronym groups of ``sinonimos.yml`` that name organisations (folded forms)."""
    file = path / "sinonimos.yml"
    if not file.is_file():
        return []
    groups = yaml.safe_load(file.read_text(encoding="utf-8")) or []
    out = []
    for group in groups:
        forms = [str(f) for f in group if str(f).strip()]
        if len(forms) < 2 or forms[0] in _NOT_PARTNERS:
            continue
        if any(_ORGANISATION.match(" ".join(tokens(f))) for f in forms[1:]):
            out.append(forms)
    return out


def named_in_guides(path: Path) -> list[str]:
    """Organisation names as the guides write them, most mentioned first."""
    counts: dict[str, int] = {}
    for file in sorted(path.rglob("*.md")):
        try:
            text = frontmatter.load(file).content
        except (OSError, ValueError, yaml.YAMLError):
            continue
        for match in _NAMED.finditer(text):
            name = re.sub(r"\s+(?:y|de|del)$", "", " ".join(match.group(0).split()))
            words = tokens(name)
            named = [w for w in words[1:] if w not in {"de", "del", "la", "los", "y"}]
            if len(words) < 2 or _OWN.search(" ".join(words)) or (
                    named and all(w in _GENERIC for w in named)) or (
                    {"apc", "colombia"} & set(words) and len(words) > 6):
                continue
            if True:
                counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n))


@lru_cache(maxsize=8)
def _seeds(path: str) -> tuple[str, ...]:
    folder = Path(path)
    entries = []
    for forms in organisation_groups(folder):
        short = forms[0]
        canonical = short.upper() if len(short) <= 6 and " " not in short else short.title()
        entries.append("|".join([canonical, *forms[1:]]))
    for name in named_in_guides(folder):
        place = _PLACE.match(name)  # "Alcaldía de Gumi" is also just "Gumi" in a note
        entries.append(f"{name}|{place.group(1)}" if place else name)
    return tuple(entries)


_PLACE = re.compile(r"^(?:Alcaldía de|Parque Tecnológico)\s+(\w+)$")
# Countries written as an adjective after the mission: "embajada suiza", "consulado francés".
_COUNTRY_OF = {"suiza": "suiza", "suizo": "suiza", "francesa": "francia", "frances": "francia",
               "alemana": "alemania", "aleman": "alemania", "japonesa": "japon",
               "japones": "japon", "coreana": "corea", "coreano": "corea",
               "espanola": "espana", "espanol": "espana", "italiana": "italia",
               "italiano": "italia", "britanica": "reino unido", "britanico": "reino unido",
               "estadounidense": "estados unidos", "americana": "estados unidos",
               "canadiense": "canada", "china": "china", "chino": "china",
               "mexicana": "mexico", "mexicano": "mexico", "sueca": "suecia",
               "sueco": "suecia", "noruega": "noruega", "noruego": "noruega",
               "holandesa": "paises bajos", "neerlandesa": "paises bajos",
               "israeli": "israel", "india": "india", "turca": "turquia"}
# Countries of two words or more, so "embajador de paises bajos" is not the "Embajada de Países".
_LONG_COUNTRIES = ("los paises bajos", "paises bajos", "estados unidos", "reino unido",
                   "corea del sur", "nueva zelanda", "costa rica", "el salvador",
                   "republica dominicana", "arabia saudita", "emiratos arabes unidos",
                   "la india", "la union europea")
_MISSION = re.compile(r"\b(embajada|embajador|embajadora|consulado|consul|consula)"
                      r"(?:\s+honorari[oa])?\s+(?:(?:de|del)\s+"
                      rf"({'|'.join(_LONG_COUNTRIES)}|[a-z]{{4,}})|"
                      rf"({'|'.join(sorted(_COUNTRY_OF, key=len, reverse=True))}))\b")
_ARTICLES = {"los", "la", "del"}
_CAMEL = re.compile(r"(?<=[a-záéíóúñ])(?=[A-ZÁÉÍÓÚÑ])")


def missions(text: str) -> list[str]:
    """Embassies and consulates named by their country: "el embajador de corea" is the
    "Embajada de Corea", "cónsul de alemania" the "Consulado de Alemania"."""
    from bot.activities.tidy import restore_accents

    found = []
    for match in _MISSION.finditer(" ".join(tokens(text))):
        kind = "Embajada" if match.group(1).startswith("emba") else "Consulado"
        country = match.group(2) or _COUNTRY_OF[match.group(3)]
        if country == "paises bajos":
            country = "los paises bajos"  # the name's own article, as the directory writes it
        country = " ".join(w if w in _ARTICLES else restore_accents(w).capitalize()
                           for w in country.split())
        found.append(f"{kind} de {country}")
    return found


def tidy_name(name: str) -> str:
    """An unknown embassy or consulate written the usual way: run together in a
    hashtag ("#EmbajadaSuiza") or named by an adjective ("Embajada Suiza"), it is
    the "Embajada de Suiza"."""
    spaced = _CAMEL.sub(" ", name.strip()) if " " not in name.strip() else name
    mission = missions(spaced)
    if mission and tokens(spaced)[0] in {"embajada", "consulado"} and len(tokens(spaced)) <= 3:
        return mission[0]
    return name  # any other new partner is kept as written


def seed_partners(knowledge_path: Path) -> list[str]:
    """Partner entries (``"Name|alias|…"``) known from day one: the default directory
    (:mod:`bot.activities.directory`), then those the knowledge base names. The directory
    comes first because it writes names as the report should ("ACI Medellín"), where a
    name taken from the synonyms is only capitalised ("Aci Medellin")."""
    return [*DIRECTORY, *_seeds(str(knowledge_path))]


def known_from_day_one(configured: Sequence[str], knowledge_path: Path) -> list[str]:
    """The config's partners combined with :func:`seed_partners`, worked out once per
    process: combining them compares every entry with every other (about 0.1 s), which
    every note used to pay again before its line was chosen."""
    return list(_combined(tuple(configured), str(knowledge_path)))


@lru_cache(maxsize=8)
def _combined(configured: tuple[str, ...], knowledge_path: str) -> tuple[str, ...]:
    return tuple(combine(configured, seed_partners(Path(knowledge_path))))


def combine(configured: Sequence[str], *more: Iterable[str]) -> list[str]:
    """The config's partners first; an entry of ``more`` that shares a spelling with one
    of them adds its aliases to it instead of becoming a second partner."""
    merged: list[list[str]] = [[p.strip() for p in e.split("|") if p.strip()] for e in configured]
    keys = [{key_of(p) for p in parts} for parts in merged]
    for group in more:
        for entry in group:
            parts = [p.strip() for p in entry.split("|") if p.strip()]
            mine = {key_of(p) for p in parts}
            hit = next((i for i, k in enumerate(keys)
                        if k & mine or (len(parts) == 1 and _extends(parts, merged[i]))), None)
            if hit is None:
                merged.append(parts)
                keys.append(mine)
            else:
                merged[hit] += [p for p in parts if key_of(p) not in keys[hit]]
                keys[hit] |= mine
    return ["|".join(parts) for parts in merged if parts]


def _extends(parts: list[str], known: list[str]) -> bool:
    """ "Agencia Presidencial de Cooperación Internacional" extends the alias "agencia
    presidencial de cooperación": the same organisation written longer."""
    for part in parts:
        words = tokens(part)
        for alias in known:
            mine = tokens(alias)
            if len(mine) >= 3 and words[:len(mine)] == mine:
                return True
    return False


# Decentralised institutes that staff name by their field, capitalised, after "con":
# "coordinar con Cultura" is the Instituto Municipal de Cultura y Turismo. Lowercase
# ("taller con turismo comunitario") is the topic, not the institute.
_INSTITUTES = {"Cultura": "Instituto Municipal de Cultura y Turismo",
               "Turismo": "Instituto Municipal de Cultura y Turismo",
               "Deportes": "INDERBU", "Inderbu": "INDERBU"}
_BY_FIELD = re.compile(r"\b(?:con|junto\s+a|y\s+con)\s+(?:el\s+|la\s+)?"
                       rf"({'|'.join(_INSTITUTES)})(?:\s+y\s+(?:{'|'.join(_INSTITUTES)}))?"
                       r"(?![\w-])(?!\s+(?:de|del)\s)")


# "cultura y turismo" together, in any case, names nothing but the institute.
_BOTH_FIELDS = re.compile(r"\bcultura\s+y\s+turismo\b", re.IGNORECASE)


def institutes_by_field(text: str) -> list[str]:
    """Institutes written by their field after "con" ("con Cultura", "con Turismo"), or
    by both its fields ("con cultura y turismo")."""
    found = [_INSTITUTES[m.group(1)] for m in _BY_FIELD.finditer(text)]
    if _BOTH_FIELDS.search(text):
        found.append(_INSTITUTES["Cultura"])
    return list(dict.fromkeys(found))


# An organisation the directory lacks, written as an acronym right after the words that
# introduce a partner: "reunión con FEDECAFÉ", "charla de la UDI". Not the office's own
# acronyms, the city's, or common non-organisation ones.
_UNKNOWN = re.compile(r"(?:\bcon|\bde\s+la|\bdel|\bjunto\s+a|\bpor\s+parte\s+de)\s+"
                      r"(?:el\s+|la\s+)?([A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ0-9]{2,7})(?![\w-])")
_NOT_ACRONYMS = {"OFAI", "BGA", "BMANGA", "MOU", "ONG", "ONGS", "PDF", "CSV", "ODS", "POT",
                 "PDM", "PDT", "JAC", "JAL", "IPS", "EPS", "PYME", "PYMES", "MIPYME", "MIPYMES",
                 "TIC", "TICS", "STEM", "CEO", "ZOOM", "MEET", "TEAMS", "URGENTE", "OK",
                 "DDRI", "SDP", "COVID", "VIH", "LGBTI", "LGBTIQ", "NNA", "PAE", "SIG", "SGSST",
                 # what the office works on, named by its acronym: the investment, aid and
                 # goals it speaks of, the builders' one-stop portal (portal único del
                 # constructor), the cooperation information system
                 "IED", "AOD", "ODM", "PUC", "VUC", "SICO"}


def unknown_acronyms(text: str, is_known: Callable[[str], bool]) -> list[str]:
    """Acronyms introduced as a partner that no known name (``is_known``) covers, kept
    as written: the office sees them in the draft and learns them once saved."""
    out: list[str] = []
    for match in _UNKNOWN.finditer(text):
        name = match.group(1)
        if name in _NOT_ACRONYMS or is_known(name) or name in out:
            continue
        # "la ORI de la UIS": an office of a known partner is that partner.
        owner = _OWNER.match(text, match.end())
        if owner and is_known(owner.group(1)):
            continue
        # "la ACI Medellín": the first word of a known name written on
        following = _NEXT_WORD.match(text, match.end())
        if following and is_known(f"{name} {following.group(1)}"):
            continue
        out.append(name)
    return out


_NEXT_WORD = re.compile(r"\s+([\w.&-]+)")
_OWNER = re.compile(r"\s+(?:de\s+la|del|de)\s+(?:la\s+|el\s+)?([\w.&-]+)")

