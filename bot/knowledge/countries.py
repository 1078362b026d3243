"""A country the question names that the entry never mentions.

"¿Qué ciudades de Japón son hermanas de Bucaramanga?" finds the twinning guide
(Pittsburgh), which says nothing of Japan: answering it would hand over a text
about another country. A country is named by its name in Spanish or English or
by its demonym ("japonés", "coreana", "Swiss"); the entry holds it when it uses
any of those forms. Forms that also name a language are left out ("en español",
"in English", "portugués"), and so are "American" ("Latin American" is no country) and
"USA" (folded, the Spanish verb "usa").
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.texts import knowledge as texts

# The name shown first, then every form that names the country (folded, whole words).
COUNTRIES: tuple[tuple[str, ...], ...] = (
    ("Japón", "japon", "japan", "japones", "japonesa", "japoneses", "japonesas", "japanese",
     "nipon", "nipona", "nipones", "niponas", "sol naciente"),
    ("Corea", "corea", "korea", "coreano", "coreana", "coreanos", "coreanas", "korean",
     "surcoreano", "surcoreana"),
    ("Francia", "francia", "france", "frances", "francesa", "franceses", "francesas",
     "french", "galo", "galos"),
    ("Alemania", "alemania", "germany", "aleman", "alemana", "alemanes", "alemanas",
     "german", "germano", "germana", "germanos", "germanas", "teuton", "teutona"),
    ("España", "espana", "spain"),
    ("Italia", "italia", "italy", "italiano", "italiana", "italianos", "italianas",
     "italian"),
    ("China", "china", "chinese"),
    ("Estados Unidos", "estados unidos", "eeuu", "ee uu", "united states",
     "estadounidense", "estadounidenses", "norteamericano", "norteamericana",
     "norteamericanos", "norteamericanas", "norteamerica", "gringo", "gringa", "gringos"),
    ("Canadá", "canada", "canadiense", "canadienses", "canadian"),
    ("México", "mexico", "mexicano", "mexicana", "mexicanos", "mexicanas", "mexican",
     "azteca", "aztecas"),
    ("Suiza", "suiza", "switzerland", "swiss", "suizo", "suizos", "suizas", "helvetico",
     "helvetica", "helveticos", "pais alpino", "confederacion helvetica"),
    ("Reino Unido", "reino unido", "inglaterra", "united kingdom", "england", "britain",
     "britanico", "britanica", "britanicos", "britanicas", "british"),
    ("Países Bajos", "holanda", "paises bajos", "netherlands", "holland", "holandes",
     "holandesa", "holandeses", "dutch", "neerlandes"),
    ("Irlanda", "irlanda", "ireland", "irlandes", "irlandesa", "irlandeses", "irish"),
    ("Brasil", "brasil", "brazil", "brasileno", "brasilena", "brasilenos", "brazilian"),
    ("Bélgica", "belgica", "belgium", "belga", "belgas", "belgian"),
    ("Perú", "peru", "peruano", "peruana", "peruanos", "peruvian"),
    ("Chile", "chile", "chileno", "chilena", "chilenos", "chilean"),
    ("Argentina", "argentina", "argentino", "argentinos", "argentinas", "argentinian"),
    ("Ecuador", "ecuador", "ecuatoriano", "ecuatoriana", "ecuatorianos"),
    ("Venezuela", "venezuela", "venezolano", "venezolana", "venezolanos", "venezolanas",
     "venezuelan"),
    ("Panamá", "panama", "panameno", "panamena", "panamenos"),
    ("Israel", "israel", "israeli", "israelies"),
    ("India", "india", "indian"),
    ("Turquía", "turquia", "turkey", "turco", "turca", "turkish"),
    ("Suecia", "suecia", "sweden", "sueco", "sueca", "swedish"),
    ("Noruega", "noruega", "norway", "noruego", "norwegian"),
    ("Portugal", "portugal"),
    ("Australia", "australia", "australiano", "australiana", "australian"),
    ("Cuba", "cuba", "cubano", "cubana", "cuban"),
    ("Uruguay", "uruguay", "uruguayo", "uruguaya"),
    ("Bolivia", "bolivia", "boliviano", "boliviana"),
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((forms[0], re.compile(r"\b(" + "|".join(forms[1:]) + r")\b"))
                 for forms in COUNTRIES)


def with_country_forms(groups: list[list[str]]) -> list[list[str]]:
    """Synonym ``groups`` with every country's forms joined to the group that names it.

    The words index then finds "la representación nipona" in an entry on Japan,
    as the country check above reads it: one list of forms serves both. A country
    no group names becomes a group of its own.
    """
    merged = [list(group) for group in groups]
    for forms in COUNTRIES:
        names = list(forms[1:])
        group = next((g for g in merged if set(names) & set(g)), None)
        if group is None:
            merged.append(names)
        else:
            group.extend(name for name in names if name not in group)
    return merged


def missing_country(asked: str, text: str) -> str | None:
    """The country ``asked`` names that the entry ``text`` (both folded) never mentions."""
    for name, pattern in _patterns():
        if pattern.search(asked) and not pattern.search(text):
            return texts.FACT_COUNTRY.format(country=name)
    return None
