"""A detail the knowledge base does not hold, about a subject it covers, gets no answer.

The person is told which detail is missing and still gets the closest guide to
open: asking for today's state of a dated report, a price per month, the fifth
notebook of a series or the outcome of a plan must not be answered with a text
that does not say it.
"""

from pathlib import Path

import pytest

from bot.db import open_database
from bot.knowledge.facts import missing_fact
from bot.knowledge.qa import QuestionService
from bot.knowledge.render import answer_reply
from bot.knowledge.store import load_knowledge
from bot.texts import knowledge as texts

ROOT = Path(__file__).resolve().parent.parent

PLAN = ("La estrategia propuso crear un centro de datos de la ciudad, con apoyo de dos "
        "universidades; su apertura estaba prevista para 2024.")
DONE = ("La estrategia propuso crear un centro de datos. Resultado: la propuesta no fue "
        "aprobada por el concejo.")


@pytest.fixture(scope="module")
def qa() -> QuestionService:
    return QuestionService(load_knowledge(ROOT / "knowledge"), open_database(":memory:"),
                           now=lambda: None)


@pytest.mark.parametrize("question", [
    "¿al final sí abrieron el centro de datos?",
    "¿El centro de datos se concretó o quedó en el papel?",
    "¿qué resultados tuvo el centro de datos?",
    "Was the data centre ever set up?",
])
def test_whether_a_plan_was_carried_out_is_missing_from_an_entry_that_only_plans_it(question):
    assert missing_fact(question, PLAN) == texts.FACT_OUTCOME


def test_an_entry_that_tells_how_the_plan_ended_answers_it():
    assert missing_fact("¿al final sí abrieron el centro de datos?", DONE) is None
    # A plan asked about, not its outcome, is what the entry holds.
    assert missing_fact("¿qué centro de datos propuso la estrategia?", PLAN) is None


@pytest.mark.parametrize("question", [
    "¿quién financia hoy la red de ciudades?",
    "¿cuál es la situación actual de la red?",
    "¿a la fecha la red sigue activa?",
    "Who currently funds the network of cities?",
])
def test_how_things_stand_today_is_not_in_a_dated_report(question):
    assert missing_fact(question, "En 2018 la red reunía a 40 ciudades.") == texts.FACT_TODAY


def test_a_question_about_the_past_is_not_taken_for_one_about_today():
    assert missing_fact("¿quién financiaba la red en 2018?",
                        "En 2018 la red reunía a 40 ciudades.") is None


def test_a_price_per_period_is_missing_when_the_entry_gives_only_a_total():
    grant = "El programa recibió una donación de 30.000 dólares y presta equipos gratuitos."
    assert missing_fact("¿cuánto cuesta al mes usar los equipos?", grant) == \
        texts.FACT_RATE.format(period="mes")
    assert missing_fact("how much is the fee per year?", grant) == \
        texts.FACT_RATE.format(period="año")
    yearly = "La cuota anual de la red es de 2.000 dólares por ciudad."
    assert missing_fact("¿cuánto paga cada ciudad al año?", yearly) is None


def test_the_other_number_of_a_series_is_missing():
    first = "El fascículo 1 de la guía explica el papel de los municipios (ISBN 978-1-2-5-9)."
    assert missing_fact("¿de qué trata el fascículo 5?", first) == \
        texts.FACT_PART.format(part="fascículo 5")
    # The ISBN's digits do not number the series.
    assert missing_fact("¿qué dice el fascículo 2?", first) is not None
    assert missing_fact("what does issue 5 of the guide say?", first) is not None
    assert missing_fact("¿de qué trata el fascículo 1?", first) is None
    third = "Es el número 3 de la colección de cuadernos; los cuadernos 1 y 2 la preceden."
    assert missing_fact("¿quién escribió el cuaderno 3?", third) is None


def test_a_fee_asked_of_a_person_or_an_alliance_name_is_no_amount():
    """"¿Cuánto cobra…?" asks a price; "euro-latinoamericana" names no euros."""
    assert missing_fact("¿cuánto cobra el asesor por un taller?",
                        "El asesor dictó tres talleres a los enlaces.") == texts.FACT_PRICE
    assert missing_fact("¿cuánto dinero recibió la alianza?",
                        "La alianza euro-latinoamericana reúne ocho ciudades.") == \
        texts.FACT_AMOUNT


@pytest.mark.parametrize("question, entry_id, what", [
    ("¿Quién coordina hoy el proyecto AL-LAs?", "allas-proyecto-al-las", texts.FACT_TODAY),
    ("¿Al final Bogotá sí creó el sistema de información SICO?",
     "bogota-sistemas-informacion-sico", texts.FACT_OUTCOME),
])
def test_a_liaison_asking_a_missing_detail_is_told_so_and_offered_the_guide(
        qa, question, entry_id, what):
    answer = qa.decide(question)
    assert answer.outcome == "clarify" and answer.missing == what
    reply = answer_reply(answer, qa.knowledge)
    assert reply.text.startswith("Ese dato (") and what.split(":")[0] in reply.text
    offered = [label for row in reply.buttons for label, _ in row]
    assert qa.knowledge.get(entry_id).title[:20] in offered[0]


@pytest.mark.parametrize("question", [
    "¿Quién coordina el proyecto AL-LAs?",
    "¿De qué trata el cuaderno 3 de AL-LAs?",
])
def test_the_same_subject_without_the_missing_detail_is_still_answered(qa, question):
    assert qa.decide(question).outcome == "answer"


def test_requirements_are_missing_unless_the_entry_states_conditions():
    call = "La embajada abre cada año una convocatoria para proyectos comunitarios."
    assert missing_fact("¿qué requisitos hay para aplicar?", call) == texts.FACT_REQUIREMENTS
    assert missing_fact("what are the requirements to apply?", call) == \
        texts.FACT_REQUIREMENTS
    rules = call + " Pueden presentar proyectos las juntas de acción comunal."
    assert missing_fact("¿qué requisitos hay para aplicar?", rules) is None


def test_a_salary_is_missing_from_an_entry_about_the_job():
    job = "El asesor de cooperación acompaña a las secretarías en sus proyectos."
    assert missing_fact("¿cuánto gana un asesor de cooperación?", job) == texts.FACT_SALARY
    assert missing_fact("¿cuánto gana un asesor?", job + " Honorarios: $5.000.000.") is None


def test_requirements_the_knowledge_base_lacks_are_named_in_the_reply(qa):
    answer = qa.decide("¿qué requisitos hay para presentar un proyecto a KUSANONE?")
    assert answer.outcome == "clarify" and answer.entry.id == "ofai-kusanone-japon"
    assert texts.FACT_REQUIREMENTS in answer_reply(answer, qa.knowledge).text


@pytest.mark.parametrize("question, today", [
    ("¿el comité todavía se reúne?", True),
    ("¿sigue funcionando el comité?", True),
    ("Is the committee still meeting?", True),
    ("¿qué sigue después de crear el comité?", False),  # the next step, not today
])
def test_still_asks_for_today_but_what_comes_next_does_not(question, today):
    found = missing_fact(question, "En 2019 se creó un comité de enlaces que se reunía cada mes.")
    assert (found == texts.FACT_TODAY) is today


TWINNING = "La ciudad firmó un hermanamiento en 2016 y recibió una misión de su alcalde."


def test_how_many_people_the_entry_never_names_is_missing():
    assert missing_fact("¿cuántos funcionarios tiene la ciudad hermana?", TWINNING) == \
        texts.FACT_COUNT.format(what="funcionarios")
    assert missing_fact("how many employees does the twin city have?", TWINNING) == \
        texts.FACT_COUNT.format(what="funcionarios")
    # Misspelt, it is still what the search understood.
    assert missing_fact("¿cuántos funsionarios trabajan alla?", TWINNING,
                        {"funsionarios": "funcionarios"}) == \
        texts.FACT_COUNT.format(what="funcionarios")


@pytest.mark.parametrize("question, text", [
    ("¿cuántas naciones confirmaron su asistencia a la feria?",
     "Para la feria ya habían confirmado 13 países."),
    ("¿cuántos ejes tiene el plan de la ciudad?", "El plan tiene cuatro pilares y siete motores."),
])
def test_a_count_of_things_the_entry_names_otherwise_is_not_called_missing(question, text):
    """Things go by many names (naciones, países): only counts of people and trips are
    judged by whether the entry names them."""
    assert missing_fact(question, text) is None


def test_this_year_with_the_year_named_is_that_year_not_today():
    assert missing_fact("¿cuántos proyectos priorizó la oficina este año 2021?",
                        "En 2021 la oficina priorizó siete proyectos.") is None


@pytest.mark.parametrize("question, text", [
    # Named one by one, or with another word for the same people or trips.
    ("¿cuántos socios tiene la red?", "Los socios de la red son Quito, Lima y Morón."),
    ("¿cuántos funcionarios tenía la oficina?", "La oficina funcionó con una sola persona."),
    ("¿cuántos viajes se hicieron?", TWINNING),
    ("¿cuántas áreas o líneas tiene el plan?", "El plan se ordena en cinco líneas."),
    # Not a count of anything: a verb, a span of time, an English word we cannot read.
    ("¿cuántos son?", TWINNING),
    ("¿cuántos quedaron elegidos?", TWINNING),
    ("¿cuántos años duró?", TWINNING),
    ("how many zorblats came?", TWINNING),
])
def test_a_count_the_entry_may_give_is_not_called_missing(question, text):
    assert missing_fact(question, text) is None


def test_this_year_asks_for_today():
    assert missing_fact("¿cuántas personas trabajan en la oficina este año?",
                        "En 2019 la oficina funcionó con una sola persona.") == texts.FACT_TODAY


def test_how_long_a_procedure_takes_is_missing_unless_the_entry_gives_a_span():
    call = "La embajada recibe los proyectos en abril y responde por escrito."
    assert missing_fact("¿cuánto se demoran en responder?", call) == texts.FACT_DURATION
    assert missing_fact("how long does the answer take?", call) == texts.FACT_DURATION
    assert missing_fact("¿cuánto dura el convenio?", "El convenio rige por tres años.") is None


@pytest.mark.parametrize("question", [
    "¿cuántos habitantes tiene la ciudad hermana?",
    "¿qué clima hace allá en invierno?",
    "what currency do they use there?",
])
def test_what_an_atlas_says_of_a_place_is_not_in_an_entry_about_the_office_work(question):
    assert missing_fact(question, TWINNING) == texts.FACT_PLACE


FINER_KINDS = (texts.FACT_TODAY, texts.FACT_OUTCOME, texts.FACT_REQUIREMENTS,
               texts.FACT_SALARY, texts.FACT_DURATION, texts.FACT_PLACE)
FINER_FORMATS = ("cuántos ", "precio o monto por ", "«")


def test_no_phrasing_of_an_entry_is_told_its_own_entry_lacks_the_fact(qa):
    """What curators wrote an entry answers must never get "ese dato no está" from it."""
    told = []
    for entry in qa.knowledge.entries.values():
        for phrasing in entry.questions:
            found = missing_fact(phrasing, f"{entry.title}\n{entry.body}")
            if found in FINER_KINDS or (found or "").startswith(FINER_FORMATS):
                told.append((entry.id, phrasing, found))
    assert told == []


@pytest.mark.parametrize("question, kind", [
    ("¿cuántos seguidores tiene ahorita la marca?", texts.FACT_TODAY),
    ("¿quién es el contacto de la agencia? nombre y correo", texts.FACT_CONTACT),
    ("¿cuánto aportó la agencia al proyecto?", texts.FACT_AMOUNT),
    ("¿cuánto les pagan a los enlaces?", texts.FACT_SALARY),
])
def test_everyday_ways_of_asking_for_a_missing_fact(question, kind):
    """Colombian "ahorita", a contact asked by name and e-mail, money asked with the verb
    that gives it: the entry about the subject holds none of these."""
    entry = "En 2019 la agencia y la oficina firmaron un memorando para un proyecto de formación."
    assert missing_fact(question, entry) == kind


@pytest.mark.parametrize("question", [
    "¿en qué fecha se firmó por fin el memorando?",
    "¿cuál fue el resultado de la postulación?",
    "¿qué ciudad quedó elegida para el hermanamiento?",
])
def test_the_outcome_of_something_about_to_happen_is_missing(question):
    """A report written while an agreement was "por firmarse" or a bid "próxima a
    evaluarse" does not say how it ended."""
    text = ("En septiembre el memorando estaba por firmarse; la postulación de la ciudad "
            "estaba próxima a evaluarse y las gestiones iniciales de hermanamiento seguían.")
    assert missing_fact(question, text) == texts.FACT_OUTCOME


def test_next_year_and_exact_dates_are_not_in_a_guide_that_gives_months():
    text = "La convocatoria abre cada año en marzo y cierra en mayo."
    assert missing_fact("¿cuándo abre la convocatoria el otro año?", text) == \
        texts.FACT_FUTURE_DATE
    assert missing_fact("¿qué fechas exactas tiene la convocatoria?", text) == texts.FACT_DAY
    assert missing_fact("y q dia es cada cosa?", text) == texts.FACT_DAY


BIKES = ("El piloto presta bicicletas en 12 estaciones de la ciudad y recibió 3 visitas de "
         "expertos.")


@pytest.mark.parametrize("question, what", [
    # "12" counts the stations, not the bicycles.
    ("¿cuántas bicicletas tiene el piloto?", "cuántas bicicletas"),
    # People: "visitas" is not "visitantes" (one of their names), however alike the stems.
    ("¿cuántos usuarios tuvo el piloto?", "cuántos usuarios"),
])
def test_a_figure_that_counts_something_else_is_no_answer(question, what):
    assert missing_fact(question, BIKES) == what


def test_a_figure_for_the_thing_asked_is_the_answer():
    assert missing_fact("¿cuántas estaciones tiene el piloto?", BIKES) is None
    assert missing_fact("¿cuántas visitas de expertos hubo?", BIKES) is None


def test_a_plan_named_by_another_period_is_not_this_one():
    """"La estrategia 2020-2024" is not the 2012–2016 strategy, even if 2020 and 2024
    appear in it as milestones."""
    text = ("La Estrategia 2012–2016 de Bogotá fijó hitos para 2020 y un informe anual "
            "hasta 2024.")
    assert missing_fact("¿qué dice la estrategia de Bogotá 2020-2024?", text) == \
        texts.FACT_YEAR.format(year="2020")
    assert missing_fact("¿qué dice la estrategia de Bogotá 2012-2016?", text) is None


@pytest.mark.parametrize("question, expected", [
    ("¿Qué ciudades de Japón son hermanas de Bucaramanga?", "lo relacionado con Japón"),
    ("which towns in Spain are twinned with us?",
     "lo relacionado con España"),
    # Named as the entry does, by a demonym or in English: the entry holds it.
    ("¿qué hizo la ciudad estadounidense con Bucaramanga?", None),
    ("what did the American city agree with us?", None),
    # "usa" is a verb, "en español" a language: no country.
    ("¿qué metodología usa el programa? ¿la guía está en español?", None),
])
def test_a_country_the_entry_never_mentions_is_a_fact_it_lacks(question, expected):
    text = "Bucaramanga y Pittsburgh (Estados Unidos) son ciudades hermanas desde 2016."
    assert missing_fact(question, text) == expected


@pytest.mark.parametrize("question", [
    "¿Qué documentos pide Migración Colombia para expedir una cédula de extranjería?",
    "como hago pa sacar el permiso de permanencia pa un migrante",
])
def test_the_paperwork_of_another_office_is_not_in_a_guide_about_the_subject(question):
    text = "La Registraduría y la OFAI hicieron jornadas de atención a migrantes venezolanos."
    assert missing_fact(question, text) == texts.FACT_REQUIREMENTS


def test_a_misspelt_word_the_search_understood_is_read_corrected():
    """"fasiculo 2" is the second fascicle once the search has corrected it."""
    text = "El fascículo 1 de la guía trata del marketing territorial."
    assert missing_fact("k dise el fasiculo 2 de la guia?", text,
                        {"fasiculo": "fasciculo"}) == texts.FACT_PART.format(part="fasciculo 2")
