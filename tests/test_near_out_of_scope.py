"""Near out-of-scope questions: the right subject, a detail the knowledge base never gives.

A liaison who asks for an interest rate, the exact day of a signing, a call's
deadline, who signed, how many people came, or something the entry itself says
its source does not publish must not get an answer that does not hold it; the
same subject asked for what the entry does hold is still answered.
"""

from datetime import datetime
from pathlib import Path

import pytest

from bot.db import open_database
from bot.knowledge.facts import fact_question, missing_fact
from bot.knowledge.qa import QuestionService
from bot.knowledge.store import load_knowledge
from bot.texts import knowledge as texts

ROOT = Path(__file__).resolve().parent.parent

LOAN = ("En 2020 el municipio estudió con un banco de fomento un crédito para obras de "
        "acueducto; el banco dio un concepto favorable y la Secretaría de Hacienda lo analiza.")
VISIT = ("La delegación de Osaka visitó la ciudad en marzo de 2018 y firmó una carta de "
         "intención con la Alcaldía. La acompañaban funcionarios de su oficina de comercio.")
CALL = "La fundación abre una convocatoria anual para proyectos de agua en barrios."
UNSAID = ("En 2020 la oficina escogió 5 iniciativas de las dependencias para buscarles apoyo. "
          "El informe no publica los títulos de esas iniciativas.")


@pytest.fixture(scope="module")
def qa() -> QuestionService:
    return QuestionService(load_knowledge(ROOT / "knowledge"), open_database(":memory:"),
                           now=lambda: None)


@pytest.mark.parametrize("question, kind", [
    ("¿qué tasa de interés tendría el crédito del acueducto?", texts.FACT_PERCENT),
    ("what interest rate did the bank offer?", texts.FACT_PERCENT),
    ("¿de cuánto sería el crédito para el acueducto?", texts.FACT_AMOUNT),
    ("¿por cuánto es el préstamo del banco?", texts.FACT_AMOUNT),
])
def test_a_rate_or_a_sum_the_entry_never_gives_is_missing(question, kind):
    assert missing_fact(question, LOAN) == kind


def test_an_entry_with_the_rate_or_the_sum_answers_it():
    priced = LOAN + " El crédito era de 20.000 millones de pesos al 7 % anual."
    assert missing_fact("¿qué tasa de interés tendría el crédito del acueducto?", priced) is None
    assert missing_fact("¿de cuánto sería el crédito para el acueducto?", priced) is None


def test_the_exact_day_is_missing_when_the_entry_gives_only_the_month():
    assert missing_fact("¿en qué fecha exacta firmaron la carta con Osaka?", VISIT) == \
        texts.FACT_DAY
    assert missing_fact("on what date did Osaka sign the letter?", VISIT) == texts.FACT_DAY
    dated = VISIT.replace("en marzo de 2018", "el 14 de marzo de 2018")
    assert missing_fact("¿en qué fecha exacta firmaron la carta con Osaka?", dated) is None


def test_a_place_named_after_a_date_is_no_date():
    """"Barrio 20 de Julio" is a neighbourhood: written with a capital, not a day."""
    entry = "El proyecto trabaja en los barrios 20 de Julio y La Joya desde 2019."
    assert missing_fact("¿qué día exacto empezó el proyecto?", entry) == texts.FACT_DAY


@pytest.mark.parametrize("question", [
    "¿cuál es la fecha límite para presentar proyectos a la fundación?",
    "¿hasta cuándo se puede postular a la convocatoria de la fundación?",
    "what is the deadline for the foundation's call?",
])
def test_a_deadline_is_missing_from_a_call_that_names_no_date(question):
    assert missing_fact(question, CALL) == texts.FACT_DEADLINE
    assert missing_fact(question, CALL + " Recibe propuestas hasta el 30 de junio.") is None


@pytest.mark.parametrize("question", [
    "¿cómo se llama el alcalde que vino de Osaka?",
    "¿quién fue el delegado que trajo la carta de intención?",
    "What was the name of the mayor who came from Osaka?",
])
def test_a_person_is_missing_when_the_entry_names_nobody(question):
    assert missing_fact(question, VISIT) == texts.FACT_PERSON


def test_an_entry_that_names_the_person_answers_who():
    named = VISIT + " La firmó el alcalde Kenji Tanaka, de visita con su equipo."
    assert missing_fact("¿cómo se llama el alcalde que vino de Osaka?", named) is None
    # Who signed is answered by the parties the entry names.
    assert missing_fact("¿quién firmó la carta de intención?", VISIT) is None


@pytest.mark.parametrize("question", [
    "¿cuántos funcionarios de Osaka vinieron con la delegación?",
    "¿cuántas personas acompañaban al alcalde de Osaka?",
])
def test_people_named_without_a_figure_are_not_counted(question):
    """"La acompañaban funcionarios" says who came, not how many."""
    assert missing_fact(question, VISIT).startswith(("cuántos", "cuántas"))


def test_people_with_a_figure_beside_them_are_counted():
    counted = VISIT.replace("funcionarios", "12 funcionarios")
    assert missing_fact("¿cuántos funcionarios de Osaka vinieron?", counted) is None
    # A year or a list's number beside the word counts nobody.
    assert missing_fact("¿cuántos funcionarios asistieron?",
                        "Los funcionarios asistieron en 2019.") is not None
    assert missing_fact("¿cuántos funcionarios asistieron?",
                        "Temas:\n2. Estatuto para funcionarios de planeación.") is not None


def test_what_the_entry_says_its_source_does_not_publish_is_missing():
    found = missing_fact("¿cuáles son los títulos de las cinco iniciativas?", UNSAID)
    assert found == texts.FACT_UNSAID.format(what="El informe no publica los títulos de esas "
                                                   "iniciativas")
    # Asking what the entry does tell (its subject words) is answered.
    assert missing_fact("¿cuántas iniciativas escogió la oficina en 2020?", UNSAID) is None


def test_this_semester_asks_for_today():
    assert missing_fact("¿qué becas hay abiertas este semestre?",
                        "En 2021 la línea impulsaba becas para estudiantes.") == texts.FACT_TODAY


def test_whether_a_planned_signing_happened_is_missing():
    plan = "La firma del convenio estaba prevista para la visita del alcalde en 2019."
    assert missing_fact("¿se llegó a firmar el convenio?", plan) == texts.FACT_OUTCOME


def test_a_request_in_the_context_of_a_long_message_is_checked():
    message = ("Buenos días, soy de la Secretaría de Hacienda. El banco aprobó el crédito, "
               "pero necesito saber qué tasa de interés se pactó. ¿Me colaboran?")
    assert "tasa de interés" in fact_question(message)
    # Asked on someone else's behalf: "el jefe quiere saber cuánta plata…".
    boss = ("Nos toca pasar el presupuesto y el jefe quiere saber cuánta plata tiene la "
            "oficina para 2022. ¿Cuánto es?")
    assert "2022" in fact_question(boss)
    # Context that asks nothing stays out of the check ("el plan del próximo año").
    plain = ("Estoy armando el plan del próximo año con mi equipo. ¿Qué hace la oficina "
             "en cooperación?")
    assert "próximo" not in fact_question(plain)


@pytest.mark.parametrize("question", [
    "¿Qué tasa de interés tendrían los bonos que estudió la Financiera de Desarrollo Nacional?",
    "¿Cuántos voluntarios trabajaban en el punto C.A.S.A. de la Cruz Roja?",
    "Hola, soy de Planeación. Revisé lo del memorando con Gumi y necesito saber cómo se "
    "llama el alcalde que iba a firmarlo. ¿Me ayudan?",
])
def test_a_near_out_of_scope_question_gets_no_answer(qa, question):
    assert qa.decide(question).outcome != "answer"


@pytest.mark.parametrize("question", [
    "¿Qué opinó la Financiera de Desarrollo Nacional sobre emitir bonos?",
    "¿Qué servicios daba el punto C.A.S.A. con la Cruz Roja?",
])
def test_the_same_subjects_are_still_answered(qa, question):
    assert qa.decide(question).outcome == "answer"


FAIR = ("En 2021 la oficina organizó una feria de emprendimiento con la cámara de comercio; "
        "participaron empresas locales y compradores de tres países.")


@pytest.mark.parametrize("question, kind", [
    ("¿a qué correo envío mi hoja de vida para la feria?", texts.FACT_CONTACT),
    ("¿cuál es la página web de la feria?", texts.FACT_WEB),
    ("necesito la direccion web de la feria", texts.FACT_WEB),
    ("¿qué usuario y contraseña uso para inscribirme en la feria?", texts.FACT_ACCESS),
    ("¿cuál fue la tasa de éxito de la feria?", texts.FACT_PERCENT),
    ("¿qué cifras de ventas dejó la feria?", texts.FACT_FIGURES),
    ("cual es el orario de la feria", texts.FACT_HOURS),
    ("¿cuánto le cuesta a una empresa participar en la feria?", texts.FACT_PRICE),
    ("¿cuánto prestó el banco para la feria?", texts.FACT_AMOUNT),
    ("how much did C40 invest in the fair?", texts.FACT_AMOUNT),
    ("¿por cuántos millones fue el apoyo a la feria?", texts.FACT_AMOUNT),
    ("me pasa el correo del gerente de la feria porfa", texts.FACT_CONTACT),
    ("hay plantilla oficial pa reportar la feria? donde la descargo", texts.FACT_FILE),
    ("q dia exacto es la feria", texts.FACT_DAY),
    ("¿cuándo sale el segundo catálogo de la feria?", texts.FACT_FUTURE_DATE),
    ("¿de qué partido es el gerente de la feria?", texts.FACT_OFFICE_HOLDER),
    ("¿qué ferias ha hecho la oficina en los últimos tres años?", texts.FACT_TODAY),
    ("¿qué días atienden en la feria?", texts.FACT_HOURS),
    ("¿hay que pagar para entrar a la feria?", texts.FACT_PRICE),
    ("¿cuánto costó organizar la feria?", texts.FACT_AMOUNT),
    ("¿cuál es el valor en pesos del stand de la ciudad en la feria?", texts.FACT_AMOUNT),
    ("¿qué necesito para participar en la feria como expositor?", texts.FACT_REQUIREMENTS),
    ("¿cuándo es la siguiente edición de la feria?", texts.FACT_FUTURE_DATE),
    ("¿quién es el gerente de la feria?", texts.FACT_OFFICE_HOLDER),
    ("¿qué puesto ocupa la feria en el ranking nacional?", texts.FACT_RANK),
    ("¿qué visa necesitan los compradores para venir?", texts.FACT_TRAVEL),
    ("¿me puedes enviar el acta de la feria?", texts.FACT_FILE),
    ("¿cómo terminó la feria?", texts.FACT_OUTCOME),
    ("¿cuántas empresas participaron en la feria?",
     texts.FACT_COUNT_FEMININE.format(what="empresas")),
    ("how many German companies took part in the fair?",
     texts.FACT_COUNT_FEMININE.format(what="empresas")),
])
def test_everyday_details_an_entry_on_the_subject_does_not_hold(question, kind):
    assert missing_fact(question, FAIR) == kind


@pytest.mark.parametrize("question, text", [
    ("¿a qué correo envío mi hoja de vida?", "Escriba a ferias@ciudad.gov.co."),
    ("¿cuál es la página web de la feria?", "Inscripciones en www.feria.gov.co."),
    ("¿qué días atienden en la feria?", "Abre de lunes a viernes."),
    ("¿hay que pagar para entrar a la feria?", "La entrada es gratuita."),
    ("¿qué puesto ocupa la feria en el ranking?", "Quedó en el tercer puesto del ranking."),
    ("¿qué visa necesitan los compradores?", "Los compradores entran sin visa de negocios."),
    ("¿cómo terminó la feria?", "La feria terminó con 40 acuerdos comerciales."),
    ("¿cuántas empresas participaron?", "Participaron 85 empresas locales."),
    ("¿qué cifras de seguidores tiene la marca?", "La marca tenía 5.630 seguidores."),
])
def test_the_same_details_are_answered_where_the_entry_holds_them(question, text):
    assert missing_fact(question, text) is None


@pytest.mark.parametrize("question, kind", [
    ("How much did the office pay to rent the fair's venue?", texts.FACT_AMOUNT),
    ("¿cuánto pagaron por el alquiler del recinto?", texts.FACT_AMOUNT),
    ("¿cuál fue la calificación de la feria entre los compradores?", texts.FACT_RANK),
    ("¿cuántos metros cuadrados tenía el recinto de la feria?", texts.FACT_MEASURE),
    ("¿qué empresa ganó la licitación del montaje?", texts.FACT_CONTRACT),
    ("¿en qué año se fundó la cámara de comercio?", texts.FACT_FOUNDED),
    ("y el presidente de la cámara de comercio cómo se llama?", texts.FACT_PERSON),
])
def test_more_details_an_entry_on_the_subject_does_not_hold(question, kind):
    assert missing_fact(question, FAIR) == kind


def test_an_entry_that_gives_the_measure_or_the_founding_answers_it():
    assert missing_fact("¿cuántos kilómetros tiene la ciclorruta?",
                        "La ciclorruta tiene 12 km entre el centro y la universidad.") is None
    assert missing_fact("¿en qué año se fundó la agencia?",
                        "La agencia fue fundada en 2002 por la alcaldía y la gobernación.") is None


@pytest.mark.parametrize("question, kind", [
    ("¿el recinto de la feria ya está construido?", texts.FACT_TODAY),
    ("¿cuándo vuelven los compradores a la ciudad?", texts.FACT_FUTURE_DATE),
    ("¿qué agencia diseñó el afiche de la feria?", texts.FACT_CONTRACT),
    ("¿cuántos contactos comerciales hubo en la feria?",
     texts.FACT_COUNT.format(what="contactos")),
])
def test_state_return_maker_and_counts_the_entry_does_not_give(question, kind):
    assert missing_fact(question, FAIR) == kind


@pytest.mark.parametrize("message", [
    "Buenas tardes, soy de la Secretaría de Hacienda. Preparo el cierre del año. Me piden el "
    "monto que dejó la feria. ¿Me colaboran?",
    "Hola. Escribo de la oficina de prensa. Agradecería me indiquen el nombre de la empresa "
    "que montó la feria.",
])
def test_a_request_in_a_long_message_is_checked_against_the_entry(message):
    assert missing_fact(fact_question(message), FAIR) is not None


def test_what_an_atlas_says_and_what_came_later_are_not_in_a_partner_entry():
    partner = ("En 2019 la ciudad y una agencia de Corea del Sur propusieron crear un centro "
               "de innovación agrícola, previsto para 2021.")
    assert missing_fact("¿cuál es la población de Corea del Sur?", partner) == texts.FACT_PLACE
    assert missing_fact("Was the innovation centre eventually created?", partner) == \
        texts.FACT_OUTCOME
    assert missing_fact("¿cuántas becas dio la agencia de Corea?", partner) == \
        texts.FACT_COUNT_FEMININE.format(what="becas")
    assert missing_fact("¿cuántas becas dio la agencia?", partner + " Dio 15 becas.") is None


def test_any_thing_named_without_a_figure_or_a_list_is_not_counted():
    """"Apoyó proyectos de agua" names projects, it does not say how many."""
    named = "La agencia apoyó proyectos de agua en barrios de la ciudad durante 2020."
    assert missing_fact("¿cuántos proyectos apoyó la agencia?", named) == \
        texts.FACT_COUNT.format(what="proyectos")
    assert missing_fact("¿cuántos proyectos apoyó la agencia?",
                        "La agencia apoyó 6 proyectos de agua en 2020.") is None
    listed = "Los proyectos apoyados fueron el acueducto, el tanque y la planta."
    assert missing_fact("¿cuántos proyectos apoyó la agencia?", listed) is None
    bulleted = "Proyectos apoyados en 2020\n- Acueducto del norte\n- Planta de tratamiento"
    assert missing_fact("¿cuántos proyectos apoyó la agencia?", bulleted) is None
    # Things that go by many names: silence about the word is no silence about the count.
    assert missing_fact("¿cuántas naciones participaron?", "Participaron 13 países.") is None


def test_names_one_by_one_are_missing_unless_the_entry_lists_them():
    chosen = "En 2020 la oficina escogió 5 iniciativas de las dependencias para buscarles apoyo."
    assert missing_fact("¿me das los nombres de las iniciativas?", chosen) == texts.FACT_NAMES
    named = chosen + " Fueron Agua Viva, Barrio Verde y Ruta Segura, entre otras."
    assert missing_fact("¿me das los nombres de las iniciativas?", named) is None


def test_news_asks_for_today():
    assert missing_fact("¿hay noticias sobre la red de ciudades?",
                        "En 2018 la red reunía a 40 ciudades.") == texts.FACT_TODAY


def test_a_question_an_admin_attached_to_the_entry_is_answered_by_it():
    """An admin who attaches "¿qué tasa…?" to the bonds entry from /pendientes says the
    entry answers it: the fact checks give way to that."""
    qa = QuestionService(load_knowledge(ROOT / "knowledge"), open_database(":memory:"),
                         now=lambda: datetime(2026, 11, 30, 9, 0))
    question = "¿Qué tasa de interés tendrían los bonos de la Financiera de Desarrollo Nacional?"
    first = qa.ask(question, user_id=7)
    assert first.outcome != "answer" and first.missing == texts.FACT_PERCENT
    qa.attach(first.question_id, "ofai-financiera-desarrollo-nacional-bonos", admin_id=1)
    again = qa.decide(question)
    assert again.outcome == "answer"
    assert again.entry.id == "ofai-financiera-desarrollo-nacional-bonos"


@pytest.mark.parametrize("question", [
    "Dame la receta de la carne oreada santandereana",
    "me pasas una receta de mute pa 20 personas?",
    "how do I cook hormigas culonas?",
])
def test_a_recipe_is_never_in_an_entry_about_the_regions_brand(question):
    brand = ("La marca región reúne a los actores santandereanos de relaciones "
             "internacionales para promover el territorio, su gastronomía y su cultura.")
    assert missing_fact(question, brand) == texts.FACT_RECIPE


def test_the_recipe_for_success_is_a_figure_of_speech_not_a_dish():
    assert missing_fact("¿cuál es la receta del éxito para internacionalizar un municipio?",
                        "Los municipios que lo lograron tienen un plan y voluntad política.") \
        is None


def test_a_line_saying_when_or_a_bullet_naming_the_thing_is_no_list_of_them():
    plan = ("Resultados esperados:\n"
            "- Acuerdos firmados con entidades de cooperación: 2012–2016 y cada año.\n"
            "- Promover la firma de acuerdos y consolidar alianzas.\n"
            "- Construir un registro público de hermanamientos.")
    assert missing_fact("¿cuántos acuerdos firmó Bogotá entre 2012 y 2016?", plan) == \
        texts.FACT_COUNT.format(what="acuerdos")
    listed = "Acuerdos firmados:\n- Con Quito.\n- Con Lima."
    assert missing_fact("¿cuántos acuerdos firmó Bogotá?", listed) is None


def test_a_verb_after_how_many_is_not_what_is_counted():
    chosen = "La oficina eligió junto con las dependencias las iniciativas a las que buscó apoyo."
    assert missing_fact("¿cómo decidió la oficina a qué iniciativas buscar apoyo y cuántas "
                        "eligió?", chosen) is None


def test_an_english_adjective_before_what_is_counted_is_not_counted():
    chosen = "En 2021 la OFAI priorizó 7 proyectos de las dependencias para buscarles cooperación."
    assert missing_fact("How many municipal projects did the OFAI shortlist in 2021?",
                        chosen) is None
    assert missing_fact("how many local companies took part?", chosen) == \
        texts.FACT_COUNT_FEMININE.format(what="empresas")


def test_the_contact_person_of_an_entity_is_a_contact_the_entries_do_not_give():
    eu = "La Unión Europea apoya la cooperación descentralizada con programas para municipios."
    assert missing_fact("¿Quién es la persona de contacto de la Delegación de la UE para "
                        "cooperación?", eu) == texts.FACT_CONTACT
    # Designating a contact person is a subject, not a request for one.
    liaisons = "Cada dependencia designa una persona de contacto ante la oficina, su enlace."
    assert missing_fact("¿Por qué cada dependencia designa una persona de contacto ante la "
                        "oficina?", liaisons) is None
