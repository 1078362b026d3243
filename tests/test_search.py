"""Retrieval as a liaison experiences it: typos, no accents, acronyms, out-of-scope."""

from datetime import date
from pathlib import Path

import pytest

from bot.db import open_database
from bot.knowledge.english import spanish_words
from bot.knowledge.facts import missing_fact
from bot.knowledge.qa import QuestionService, small_talk_kind
from bot.knowledge.search import SearchIndex
from bot.knowledge.store import Entry, Source, load_knowledge
from bot.knowledge.text import analyze, fold

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def qa() -> QuestionService:
    return QuestionService(load_knowledge(ROOT / "knowledge"), open_database(":memory:"),
                           now=lambda: None)


def entry(id: str, title: str, questions: list[str], body: str, tags=()) -> Entry:
    return Entry(id=id, title=title, category="conceptos", questions=questions, tags=list(tags),
                 sources=[Source(document="Doc", section="1")], reviewed=date(2026, 1, 1),
                 body=body)


def test_folding_and_stemming_meet_on_both_sides():
    assert fold("Cooperación TÉCNICA Ñandú") == "cooperacion tecnica nandu"
    assert analyze("los Convenios") == analyze("convenio")
    assert analyze("¿Qué es la cooperación?") == analyze("que es la cooperacion")


@pytest.mark.parametrize("question, expected", [
    ("que es aod", "bogota-aod"),
    ("qué significa ayuda oficial al desarrollo", "bogota-aod"),
    ("cooperasion descentralisada", "fcm-cooperacion-descentralizada"),
    ("que es una comixta", "ofai-comixta-colombia-mexico"),
    ("kusanone", "ofai-kusanone-japon"),
    ("q cubre el memorando con GOAL", "ofai-mou-goal-barrios-resilientes"),
    ("cuales son las lineas de accion de la ofai", "ofai-lineas-de-accion"),
    ("pasos pa arrancar la internacionalizacion del municipio",
     "fcm-pasos-iniciar-accion-internacional"),
    ("las doce ideas de al-las", "allas-doce-ideas"),
    ("que es la apc", "ofai-apc-colombia"),
])
def test_liaison_questions_get_the_right_entry(qa, question, expected):
    answer = qa.decide(question)
    assert answer.outcome == "answer", (answer.outcome, answer.confidence)
    assert answer.entry.id == expected


@pytest.mark.parametrize("question", [
    "como saco el pasaporte",
    "cuanto es el dolar hoy",
    "receta de arepa santandereana",
    "cual es la clave del wifi de la oficina",
])
def test_out_of_scope_questions_get_no_confident_answer(qa, question):
    assert qa.decide(question).outcome != "answer"


def test_confidence_is_between_zero_and_one(qa):
    for question in ["que es aod", "x", "cooperacion", "el la de", "pasaporte visa"]:
        for candidate in qa.index.search(question).candidates:
            assert 0.0 <= candidate.confidence <= 1.0


def test_a_misspelt_word_is_corrected_against_the_vocabulary():
    index = SearchIndex([entry("a", "Hermanamientos", ["que es un hermanamiento"],
                               "Un hermanamiento une dos ciudades.")])
    result = index.search("hermanamineto")
    assert result.corrections == {"hermanamineto": "hermanamiento"}
    assert result.best.entry.id == "a"


def test_unrelated_words_are_not_forced_into_the_vocabulary():
    index = SearchIndex([entry("a", "Aportes", ["que aportes hay"], "Los aportes.")])
    assert index.search("pasaporte").corrections == {}


def test_a_word_that_sounds_the_same_is_corrected_even_two_letters_away():
    index = SearchIndex([entry("a", "Lista de chequeo", ["que trae la lista de chequeo"],
                               "La lista de chequeo sirve para revisar la estrategia.")])
    result = index.search("lista de chekeo")
    assert result.corrections == {"chekeo": "chequeo"}
    assert result.best.entry.id == "a"


def test_an_everyday_word_is_not_turned_into_a_lookalike_acronym():
    index = SearchIndex([entry("a", "Datos del DANE", ["cifras del dane"],
                               "El DANE publica las cifras de población.")])
    result = index.search("dame las cifras")
    assert "dame" not in result.corrections
    assert result.unknown == ["dame"]


def test_a_misspelt_function_word_is_dropped_not_counted_unknown():
    index = SearchIndex([entry("a", "Hermanamiento de Pamplona", ["hermanamiento colombiano"],
                               "Por ejemplo, Pamplona está hermanada con Pamplona.")])
    result = index.search("un ejenplo de hermanamiento")
    assert result.unknown == []
    assert result.best.entry.id == "a"


def test_synonyms_link_acronym_and_expansion_both_ways():
    entries = [entry("aod", "Ayuda oficial al desarrollo", ["tendencia de la ayuda oficial"],
                     "La ayuda oficial al desarrollo disminuye."),
               entry("otro", "Marca ciudad", ["marca de la ciudad"], "La marca.")]
    index = SearchIndex(entries, synonyms=[["aod", "ayuda oficial al desarrollo"]])
    assert index.search("aod").best.entry.id == "aod"


def test_title_weighs_more_than_a_mention_in_the_body():
    entries = [entry("body", "Otro tema", ["otra cosa"], "Aquí se menciona la paradiplomacia."),
               entry("title", "Paradiplomacia", ["que es"], "Definición del concepto.")]
    assert SearchIndex(entries).search("paradiplomacia").best.entry.id == "title"


@pytest.mark.parametrize("text, kind", [
    ("hola", "greeting"), ("Buenos días!", "greeting"), ("muchas gracias", "thanks"),
    ("ok gracias", "thanks"), ("chao", "bye"), ("hola que es aod", None),
])
def test_small_talk_is_recognised_only_when_alone(text, kind):
    assert small_talk_kind(text) == kind


def test_greeting_is_not_searched_nor_recorded(qa):
    answer = qa.ask("hola")
    assert answer.outcome == "greeting" and answer.question_id is None


@pytest.mark.parametrize("question, kind", [
    ("cual es el telefono de la apc", "teléfono"),
    ("cuando abre la proxima convocatoria kusanone", "fecha futura"),
    ("quien es el alcalde de bucaramanga", "cargo"),
    ("cuanto cuesta inscribirse en la feria de la reactivacion", "precio"),
    ("cuanta plata le dio japon al salon comunal de kusanone", "monto"),
])
def test_the_right_subject_but_a_fact_it_lacks_is_not_answered(qa, question, kind):
    answer = qa.decide(question)
    assert answer.outcome != "answer"
    if answer.outcome == "clarify" and answer.missing:
        assert kind in answer.missing


def test_a_fact_the_entry_holds_is_answered(qa):
    answer = qa.decide("cuando se presento el proyecto kusanone")
    assert answer.outcome == "answer" and answer.missing is None


def test_an_amount_the_entry_holds_is_not_called_missing():
    assert missing_fact("cuanta plata puso suiza", "Aporte suizo: $1.256.755.000") is None
    assert missing_fact("cuanta plata puso suiza", "Suiza apoya la construcción sostenible")


def test_an_entry_saying_there_was_none_holds_the_fact():
    """"No budget" and "free of charge" answer how much; a budget asked of an entry without one
    is still missing."""
    assert missing_fact("con cuanta plata trabajaba la oficina",
                        "La oficina no tenía presupuesto asignado.") is None
    assert missing_fact("is there any fee for the workshops",
                        "Cuatro talleres gratuitos para funcionarios.") is None
    assert missing_fact("cual es el presupuesto anual de la agencia",
                        "La agencia coordina la cooperación de la ciudad.")
    assert missing_fact("what is the budget of the agency", "Sin costo para la ciudad.")


def test_an_expiry_date_the_entry_does_not_give_is_missing():
    """Until when an agreement runs is a future date, unless the entry states it."""
    assert missing_fact("hasta que fecha va el memorando con la ciudad",
                        "El memorando se firmó en 2019.")
    assert missing_fact("cuando vence el convenio", "El convenio se firmó en 2019.")
    assert missing_fact("cuando vence el convenio",
                        "El convenio se firmó en 2019 y vence el 31 de mayo de 2024.") is None


def test_english_function_words_do_not_pull_a_question_to_english_phrasings():
    index = SearchIndex([
        entry("aod", "Qué es la AOD", ["que es aod"], "AOD es la ayuda oficial al desarrollo."),
        entry("retos", "Retos de Bogotá", ["what were the challenges for the city of Bogota"],
              "Los diez retos institucionales."),
    ])
    hits = index.lexical("What does AOD stand for in the strategy of Bogota?")
    assert "what" not in hits.words and "the" not in hits.words
    assert index.search("What does AOD stand for in the strategy?").best.entry.id == "aod"


def test_english_words_are_not_taken_for_misspelt_spanish():
    index = SearchIndex([entry("a", "Qué es la AOD", ["que es aod"],
                               "AOD es la ayuda oficial al desarrollo.")])
    result = index.search("What does AOD stand for?")
    assert result.corrections == {} and result.unknown == []
    assert result.best.entry.id == "a"


def test_english_words_are_searched_as_their_spanish_words():
    index = SearchIndex([
        entry("consejos", "Diez consejos para una práctica exitosa", ["consejos de la guia"],
              "Los diez consejos de la guía para trabajar con otros países."),
        entry("convenio", "Convenio con la universidad", ["memorando con la universidad"],
              "El convenio firmado con la universidad para intercambios."),
    ])
    hits = index.lexical("What tips does the guide give?")
    assert {"consejos", "guia"} <= set(hits.words) and hits.english
    assert index.search("What tips does the guide give?").best.entry.id == "consejos"
    assert index.search("Which agreement was signed with the university?").best.entry.id == \
        "convenio"
    # A Spanish question is not translated: "plan" stays "plan".
    assert not index.lexical("que consejos da la guia").english


def test_the_glossary_knows_plurals_and_ignores_what_it_lacks():
    assert "consejos" in spanish_words("tips")
    assert "ciudad" in spanish_words("cities")
    assert "doce" in spanish_words("twelve")
    assert spanish_words("zebra") == ()


def test_words_naming_the_document_do_not_pull_to_its_overview():
    """"…según la guía de la FCM": the guide's overview mentions every chapter and has
    "guía" and "FCM" in its title; the chapter the question names must still win."""
    def from_guide(id: str, title: str, body: str) -> Entry:
        return Entry(id=id, title=title, category="conceptos", questions=["de que trata"], tags=[],
                     sources=[Source(document="Guía de la FCM", section=id)],
                     reviewed=date(2026, 1, 1), body=body)

    guide = [
        from_guide("guia", "La guía de la FCM",
                   "La guía de la FCM trata las modalidades, los pasos, los actores y "
                   "los consejos."),
        from_guide("modalidades", "Modalidades de internacionalización",
                   "Según la guía de la FCM son cooperación, integración y promoción."),
        from_guide("pasos", "Pasos para iniciar", "La guía de la FCM propone siete pasos."),
        from_guide("actores", "Actores locales", "La guía de la FCM nombra a los actores."),
        from_guide("consejos", "Diez consejos", "La guía de la FCM da diez consejos."),
    ]
    others = [entry(f"otro{i}", f"Tema {w}", [f"que es {w}"], f"Texto sobre {w}.")
              for i, w in enumerate(["aod", "comixta", "kusanone", "gumi", "metrobici", "marca"])]
    index = SearchIndex(guide + others)
    hits = index.lexical("que modalidades describe la guia de la fcm")
    best = max(range(len(index.entries)), key=lambda i: hits.scores[i])
    assert index.entries[best].id == "modalidades"
    # Asked alone, the document's name still finds the document's entries.
    assert index.lexical("guia fcm").scores[0] > 0


def test_the_best_entry_in_words_is_always_weighed():
    """A name only the words catch ("caso Helsinki") stays a candidate even when the
    meaning puts that entry last, and the fused ranks alone would have dropped it."""
    import numpy as np

    from bot.knowledge.hybrid import RERANK, families, shortlist

    entries = [entry(f"e{i}", f"Estrategia {i}", [f"pregunta {i}"], f"Texto {i}.")
               for i in range(6)]
    entries.append(entry("helsinki", "Caso Helsinki", ["que hizo helsinki"], "Helsinki."))
    index = SearchIndex(entries)
    hits = index.lexical("que hizo helsinki con su estrategia")
    cosines = np.linspace(0.9, 0.8, len(entries))  # meaning: the Helsinki entry last
    shortlisted = [i for i, _ in shortlist(index, hits, cosines, None, families(entries))]
    assert len(entries) - 1 in shortlisted
    assert len(shortlisted) <= RERANK + 1


def test_a_related_runner_up_does_not_shrink_the_rankers_lead():
    """The decision weighs how far the first candidate is ahead of the best one outside
    its family: an overview and its detail both fitting is no ambiguity."""
    import numpy as np

    from bot.knowledge.confidence import ConfidenceModel
    from bot.knowledge.hybrid import families, rerank

    detail = entry("aod", "Qué es la AOD", ["que es aod"], "AOD: ayuda oficial al desarrollo.")
    overview = entry("aod-resumen", "AOD en Bogotá", ["aod bogota"], "La AOD que llega a Bogotá.")
    overview = overview.model_copy(update={"related": ["aod"]})
    other = entry("otro", "La AOD y los retos", ["retos"], "Retos y algo de AOD.")
    entries = [e.model_copy(update={"sources": [Source(document="Doc", section=e.id)]})
               for e in (detail, overview, other)]
    index = SearchIndex(entries)
    model = ConfidenceModel(("lexical_share",), np.zeros(1), np.ones(1), np.array([4.0]), -2.0,
                            0.5, 0.25)
    hits = index.lexical("que es aod")
    scored = rerank(model, index, hits, np.array([0.9, 0.8, 0.7]), None, families(entries))
    chances = {entries[i].id: p for i, p, _ in scored}
    first, _, evidence = scored[0]
    assert entries[first].id in {"aod", "aod-resumen"}
    # The rival is the unrelated entry, not the related one.
    assert evidence["rank_margin"] == pytest.approx(chances[entries[first].id] - chances["otro"])
    assert evidence["rank_p"] == pytest.approx(chances[entries[first].id])


def test_asking_what_something_is_not_finds_the_entry_that_says_it():
    """"no" is a stopword, but "qué no es X" asks another question than "qué es X"."""
    entries = [entry("si", "Qué es un hermanamiento", ["que es un hermanamiento"],
                     "Un hermanamiento une dos ciudades que cooperan."),
               entry("no", "Qué no es un hermanamiento", ["que no es un hermanamiento"],
                     "Un hermanamiento no es un viaje de la alcaldía: no basta una visita.")]
    index = SearchIndex(entries)
    assert index.search("¿Qué NO es un hermanamiento?").best.entry.id == "no"
    assert index.search("que es un hermanamiento").best.entry.id == "si"
    assert index.search("que cosas no deberia ser un hermanamiento").best.entry.id == "no"
    # asked in English, the same question
    assert index.search("What is a twinning NOT?").best.entry.id == "no"
    # A "no" elsewhere is still a stopword: it neither matches nor counts as unknown.
    assert analyze("por que no vino") == analyze("por que vino")
    assert analyze("y si no es posible firmar") == analyze("y si es posible firmar")


def test_countries_and_nationalities_in_english_meet_their_spanish_names():
    index = SearchIndex([
        entry("francia", "Acercamiento con la Embajada de Francia", ["embajada de francia"],
              "La alcaldía inició el acercamiento con la embajada francesa."),
        entry("corea", "Acercamiento con la Embajada de Corea", ["embajada de corea"],
              "La alcaldía inició el acercamiento con la embajada coreana."),
    ])
    assert index.search("What was done with the French embassy?").best.entry.id == "francia"
    assert index.search("the approach to the embassy of Korea").best.entry.id == "corea"


def test_a_name_the_knowledge_base_never_mentions_is_not_answered_with_a_neighbour(qa):
    """The twinning entry shares every other word, but says nothing of that country."""
    answer = qa.decide("¿Con qué ciudades de Ruritania está hermanada Bucaramanga?")
    assert answer.outcome != "answer"
    if answer.outcome == "clarify":
        assert answer.missing == "Ruritania"
    # A name it knows is not such a name, whatever the confidence of the answer.
    known = qa.decide("¿Con qué ciudades de Corea está hermanada Bucaramanga?")
    assert known.outcome != "none" and known.missing is None


def test_chat_shorthand_and_corrected_typos_are_spelt_out_for_the_model():
    from bot.knowledge.text import respelled
    assert (respelled("ke ase la gobernasion i kien la dirige", {"gobernasion": "gobernacion"})
            == "que ase la gobernacion i quien la dirige")
    assert respelled("Koica y KUSANONE", {}) == "Koica y KUSANONE"  # names stay as typed


def test_a_misspelling_is_corrected_to_the_word_that_sounds_the_same():
    """b/v, s/c/z, y/ll and a silent h are the usual slips: among equally near words
    the one that sounds like what was typed wins ("sinco" is "cinco", not "sico")."""
    from bot.knowledge.spelling import closest_word
    vocabulary = ["sico", "cinco", "veo", "belo", "ayo", "hallo"]
    assert closest_word("sinco", vocabulary) == "cinco"
    assert closest_word("velo", vocabulary) == "belo"
    assert closest_word("allo", vocabulary) == "hallo"


def test_the_department_of_the_person_asking_is_not_a_name_the_answer_must_hold():
    from bot.knowledge.facts import unknown_name
    assert unknown_name("quedé de enlace del Instituto de la Juventud, ¿qué es la APC?",
                        ["juventud"]) is None
    assert unknown_name("¿qué ciudades de Ruritania son socias?", ["ruritania"]) == "Ruritania"


def test_a_country_named_by_its_demonym_or_epithet_finds_the_entry_on_it():
    from bot.knowledge.countries import with_country_forms
    entries = [
        entry("japon", "Convocatoria de la Embajada de Japón", ["embajada de japon"],
              "La embajada de Japón financia obras comunitarias."),
        entry("suiza", "Proyecto con la cooperación de Suiza", ["cooperacion de suiza"],
              "Suiza financia un proyecto de construcción sostenible."),
        entry("corea", "Visita de la delegación de Corea", ["delegacion de corea"],
              "La delegación de Corea visitó la ciudad."),
    ]
    # The office's own synonym list names Japan without "nipona": the forms are joined.
    index = SearchIndex(entries, synonyms=with_country_forms([["japon", "japan"]]))
    assert index.search("¿qué financia la representación nipona?").best.entry.id == "japon"
    assert index.search("¿qué proyecto apoya el país alpino?").best.entry.id == "suiza"
    assert index.search("visita de los surcoreanos").best.entry.id == "corea"


def test_a_decree_called_an_administrative_act_finds_the_office_it_created(qa):
    answer = qa.decide("¿qué acto administrativo creó la dependencia de relaciones exteriores "
                       "de la alcaldía?")
    assert answer.outcome == "answer"
    assert answer.entry.id == "ofai-que-es"
