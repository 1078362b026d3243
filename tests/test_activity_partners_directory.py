"""Partners a new office's notes name without configuring anything: the default
directory, institutes named by their field, unknown acronyms, the longest name."""

import pytest

from bot.activities.names import NameIndex
from bot.activities.parse import Vocabulary
from bot.activities.partners import combine, seed_partners
from bot.config import Settings
from tests.support.partners import default_vocabulary, partners


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return default_vocabulary()


@pytest.mark.parametrize(("text", "expected"), [
    ("Convocatoria de becas del DAAD para docentes de la UIS", ["DAAD", "UIS"]),
    ("Taller con la OIT y el SENA sobre empleo juvenil", ["OIT", "SENA"]),
    ("Reunión con la Cámara Colombo Alemana sobre proveedores", ["AHK Colombia"]),
    ("Socializamos la oferta del icetex en la universidad santo tomas", ["ICETEX", "USTA"]),
    ("Cierre del programa con la Agencia Española de Cooperación Internacional para el "
     "Desarrollo", ["AECID"]),
])
def test_organisations_of_the_directory_are_partners_from_day_one(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("recorrido x zona franca santander con inversionistas", ["Zona Franca Santander"]),
    ("clases de ingles con voluntarios del cuerpo de paz", ["Cuerpo de Paz"]),
    ("feria de calzado con acicam y procolombia", ["ACICAM", "ProColombia"]),
    ("Especial de ciudad en Vanguardia Liberal", ["Vanguardia Liberal"]),
    # Programmes an embassy runs itself name the embassy.
    ("reu APC por el proyecto kusanone del salon comunal", ["APC", "Embajada de Japón"]),
    ("socializamos el fondo canada iniciativas locales", ["Embajada de Canadá"]),
    ("encuentro con la diaspora x colombia nos une de cancilleria", ["Cancillería"]),
    ("reu con la seccion comercial de la embajada (business france)", ["Business France"]),
    ("taller de exportacion con analdex en el imebu", ["Analdex", "IMEBU"]),
    ("mesa con camara de comercio de bga e invest in santander",
     ["Cámara de Comercio de Bucaramanga", "Invest in Santander"]),
    ("stand en la vitrina turistica de anato con el bureau", ["ANATO", "Bureau de Convenciones"]),
    ("socializacion de becas mext en colegios", ["Embajada de Japón"]),
    ("socializacion de becas icetex y colfuturo", ["ICETEX", "Colfuturo"]),
    ("comite koika-unido del proyecto de mipymes", ["KOICA", "ONUDI"]),
])
def test_regional_bodies_and_media_are_known_in_lower_case(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("reu koica y unido pa la continuidad del proyecto", ["KOICA", "ONUDI"]),
    ("videos de la marca en vuelos de avianca y copa", ["Avianca", "Copa Airlines"]),
    ("comite koica unido con el imebu", ["KOICA", "ONUDI", "IMEBU"]),
    ("rueda de prensa, fueron vanguardia y caracol radio", ["Vanguardia Liberal", "Caracol Radio"]),
    # the partner named a second time, with the everyday word beside it there
    ("proyecto koica-ciat: vinieron los de koica y unido", ["KOICA", "CIAT", "ONUDI"]),
])
def test_an_everyday_word_listed_next_to_a_partner_is_a_partner(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize("text", [
    "la copa y unido al equipo",
    "el equipo quedo unido tras la reunion con koica",
    "la vanguardia y el liderazgo de koica",
])
def test_an_everyday_word_alone_is_no_partner(vocab, text):
    found = partners(text, vocab)
    assert not {"ONUDI", "Copa Airlines", "Vanguardia Liberal"} & set(found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sesión de la Mesa de Internacionalización Regional de Santander",
     ["Mesa de Internacionalización Regional de Santander"]),
    ("Visita a la Universidad Industrial de Santander", ["UIS"]),
    ("Foro con ONU Mujeres sobre liderazgo", ["ONU Mujeres"]),
])
def test_a_name_inside_a_longer_one_is_the_longer_one(vocab, text, expected):
    assert partners(text, vocab) == expected


def test_an_institute_named_by_its_field_after_con_is_the_institute(vocab):
    assert partners("Agenda del festival: coordinar con Cultura la tarima", vocab) == [
        "Instituto Municipal de Cultura y Turismo"]
    assert partners("Piezas de la marca ciudad, revisar con Turismo", vocab) == [
        "Instituto Municipal de Cultura y Turismo"]


@pytest.mark.parametrize("text", [
    "Taller con turismo comunitario en la vereda",
    "Capacitación sobre Turismo de naturaleza para guías",
    "Agenda de cultura ciudadana con colegios",
])
def test_the_topic_words_alone_are_not_the_institute(vocab, text):
    assert "Instituto Municipal de Cultura y Turismo" not in partners(text, vocab)


def test_an_unknown_acronym_introduced_as_partner_is_kept_as_written(vocab):
    assert partners("Reunión con CORPOVAL sobre ferias en el extranjero", vocab) == ["CORPOVAL"]
    assert partners("Charla de la FUNDAVIA para enlaces", vocab) == ["FUNDAVIA"]


@pytest.mark.parametrize("text", [
    "Reunión con ONG locales sobre migración",
    "Enviar el informe del POT con PDF adjunto a la OFAI",
    "Mesa con IMEBU sobre empleo",  # a department the office already knows
])
def test_common_acronyms_and_known_names_are_not_new_partners(vocab, text):
    found = partners(text, vocab)
    assert not {"ONG", "POT", "PDF", "OFAI"} & set(found)
    assert found.count("IMEBU") <= 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Almuerzo con el embajador de estados unidos", ["Embajada de Estados Unidos"]),
    ("La embajadora de los Países Bajos pidió la agenda del foro",
     ["Embajada de los Países Bajos"]),
])
def test_a_mission_of_a_country_of_two_words_is_named_whole(vocab, text, expected):
    assert partners(text, vocab) == expected


def test_the_institute_named_by_both_its_fields_in_lower_case(vocab):
    assert partners("stand de la ciudad en la vitrina con cultura y turismo", vocab) == [
        "Instituto Municipal de Cultura y Turismo"]


@pytest.mark.parametrize(("text", "expected"), [
    # a country of two words is not the UN agency whose English acronym is one of them
    ("Charla sobre becas para estudiar en el reino unido", []),
    ("Llamada con la embajada del Reino Unido por la feria de becas",
     ["Embajada del Reino Unido"]),
    # the same agency typed as an acronym still counts
    ("Seguimiento al proyecto de mipymes con UNIDO y KOICA", ["ONUDI", "KOICA"]),
    # or listed between punctuation, as names are; not inside a sentence
    ("comite tecnico koica - unido: ajustes al cronograma", ["KOICA", "ONUDI"]),
    ("el grupo de enlaces quedo unido despues del taller", []),
    # a word spelt right is that word, not a name mistyped ("cartas" is not "Cáritas")
    ("Enviamos cartas de invitación para el foro de movilidad", []),
    ("Llamada con Procolmbia sobre el foro de inversión", ["ProColombia"]),
    # an everyday word is the word, unless written as the name
    ("Brindis con copa de vino al cierre del encuentro de cónsules", []),
    ("Video de ciudad para las pantallas de Avianca y Copa", ["Avianca", "Copa Airlines"]),
    # acronyms that are no everyday word may be typed in lower case
    ("curso de ingles con el sena y la uis para guias", ["SENA", "UIS"]),
    ("reunion con la onu y la apc", ["ONU", "APC"]),
])
def test_a_short_name_that_is_also_an_ordinary_word_needs_to_be_written_as_a_name(
        vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Convenio de movilidad con la universidad de pittsburgh",
     ["Universidad de Pittsburgh"]),
    ("Videollamada con la alcaldia de pittsburgh sobre ciudades hermanas",
     ["Alcaldía de Pittsburgh"]),
    ("Misión comercial con la Cámara de Comercio de Barrancabermeja",
     ["Cámara de Comercio de Barrancabermeja"]),
    ("reunion con la camara de comercio de cucuta por exportaciones",
     ["Cámara de Comercio de Cúcuta"]),
    # Bucaramanga's chamber, named by its short form, is still the known one
    ("Comité del proyecto: la cámara de comercio presenta su informe",
     ["Cámara de Comercio de Bucaramanga"]),
    ("Oficio a la gobernacion de antioquia sobre la red de ciudades",
     ["Gobernación de Antioquia"]),
    # "Cámara" alone is the chamber of commerce; another chamber is not
    ("audiencia en la camara de representantes sobre migracion", []),
    ("agenda con la UIS y la camara", ["UIS", "Cámara de Comercio de Bucaramanga"]),
])
def test_a_longer_organisation_name_is_not_the_known_name_inside_it(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Reunión con la Fundación Semillas de Paz sobre el proyecto de huertas",
     ["Fundación Semillas de Paz"]),
    ("Alianza con la Corporación Vive Santander para jóvenes", ["Corporación Vive Santander"]),
    ("Intercambio docente con la Universidad de los Llanos", ["Universidad de los Llanos"]),
    ("Firma con la UIS y la Fundación Zigurat", ["UIS", "Fundación Zigurat"]),
    # lower case: only a name that cannot be an ordinary word
    ("visita de la fundacion kaleidos al barrio", ["Fundación Kaleidos"]),
])
def test_an_organisation_the_directory_lacks_is_a_partner_with_its_name_tidied(
        vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize("text", [
    "Convenio de prácticas con universidad: estudiantes como intérpretes",
    "Charla en una universidad pública del norte sobre becas",
    "La fundación nos envió la propuesta ajustada",
    "Informe para los funcionarios de la Alcaldía de Bucaramanga",
])
def test_an_organisation_word_without_a_name_is_no_partner(vocab, text):
    assert partners(text, vocab) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Mesa técnica con Prosperidad Social y el ICBF sobre primera infancia migrante",
     ["Prosperidad Social", "ICBF"]),
    ("Foro de gobernanza con la fundacion konrad adenauer", ["KAS"]),
    ("Intercambio de estudiantes con la javeriana y uniandes",
     ["Pontificia Universidad Javeriana", "Universidad de los Andes"]),
    ("Brigada de salud con MSF y el CICR en el asentamiento", ["MSF", "CICR"]),
])
def test_national_bodies_universities_and_ngos_of_the_cooperation_field_are_known(
        vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize("text, expected", [
    ("3 seminario en la UIS con la U del Rosario", ["UIS", "Universidad del Rosario"]),
    ("3 convenio de prácticas con la u. de pittsburgh", ["Universidad de Pittsburgh"]),
    ("1 escoger uno u otro de los dos temas", []),
])
def test_a_university_abbreviated_as_u_is_the_university(vocab, text, expected):
    assert partners(text, vocab) == expected


def test_two_partners_joined_by_y_in_lower_case_are_two(vocab):
    assert partners("2 reu con la camara de comercio y comfenalco por la sede nueva", vocab) == \
        ["Cámara de Comercio de Bucaramanga", "Comfenalco"]


@pytest.mark.parametrize("typed, known", [
    ("Alianza Francesa de Bucaramanga", "Alianza Francesa"),
    ("Comisión Fulbright Colombia", "Comisión Fulbright"),
    ("Embajada de Francia en Colombia", "Embajada de Francia"),
    ("Servicio Alemán de Intercambio Académico", "DAAD"),
])
def test_a_known_organisation_written_with_where_it_sits_or_in_full_is_the_known_one(
        typed, known):
    """The report writes one name per organisation: the city, region or country after
    its name, or its full name, does not make it a second partner."""
    index = NameIndex(combine(Settings().activities.partners,
                              seed_partners(Settings().knowledge.path)))
    assert index.canonical(typed) == known
    assert index.canonical("Universidad de Santander") != "UIS"  # a name, not a locality


def test_an_office_of_a_known_partner_is_that_partner(vocab):
    """"la ORI de la UIS" is the university's international office: one partner, the UIS."""
    assert partners("3 reunión con la ORI de la UIS sobre movilidad", vocab) == ["UIS"]


@pytest.mark.parametrize(("text", "expected"), [
    ("taller pa mipymes: como exportar a la union europea, lo dicto procolombia", ["ProColombia"]),
    ("oportunidades de vender en la alianza del pacifico", []),
    # Met with, the bloc is a partner; "de" names who did it.
    ("reunion con la union europea sobre el proyecto", ["Unión Europea"]),
    ("informe de exportaciones de procolombia", ["ProColombia"]),
])
def test_a_bloc_one_sells_to_is_a_market_not_a_partner(vocab, text, expected):
    assert partners(text, vocab) == expected


def test_a_place_as_a_label_is_no_organisation_named_after_it(vocab):
    """"#santander" is the region, not the Zona Franca Santander (no typo drops the
    first word of a name)."""
    assert partners("cuadrar agenda conjunta con la gobernacion #santander", vocab) == [
        "Gobernación de Santander"]
