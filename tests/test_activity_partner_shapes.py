"""Partners the directory has never seen, read by their shape: a company by its legal
form, a foreign city hall, a known body written in part. Each example is a note a
liaison could type; the assertion is the partner list the draft shows."""

import pytest

from bot.activities.parse import Vocabulary
from tests.support.partners import default_vocabulary, partners


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return default_vocabulary()


@pytest.mark.parametrize(("text", "expected"), [
    ("Videollamada con Brandt Logistik GmbH por la bodega en la zona franca",
     ["Brandt Logistik GmbH"]),
    ("visita de la empresa Cafés del Cañón S.A.S. a la rueda de negocios",
     ["Cafés del Cañón S.A.S."]),
    ("reunion con moliendas orientales sas sobre exportar a chile",
     ["Moliendas Orientales S.A.S."]),
    ("Presentación de Hanwa Trading Co. Ltd. a empresarios con la UIS",
     ["Hanwa Trading Co. Ltd.", "UIS"]),
])
def test_a_company_is_read_by_its_legal_form(vocab, text, expected):
    assert partners(text, vocab) == expected


def test_a_known_company_with_its_legal_form_is_the_known_one(vocab):
    assert partners("Reunión con Ecopetrol S.A. sobre la feria", vocab) == ["Ecopetrol"]


@pytest.mark.parametrize("text", [
    "la casa sa de mi abuela queda cerca, reunion alla",  # "sa" in lower case is no form
    "Plan de la agenda con la empresa, sas pendientes",
])
def test_words_that_look_like_a_legal_form_are_not_a_company(vocab, text):
    assert partners(text, vocab) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("videollamada con la alcaldia de cordoba (argentina) por la red de ciudades",
     ["Alcaldía de Córdoba"]),
    ("El alcalde de Kaohsiung firmó la carta de intención", ["Alcaldía de Kaohsiung"]),
    ("preparar agenda de la delegacion de porto que llega en marzo", ["Alcaldía de Porto"]),
    ("intercambio de buenas prácticas con la ciudad de curitiba y la UIS",
     ["Alcaldía de Curitiba", "UIS"]),
    ("Reunión con la Municipalidad de Arequipa sobre turismo", ["Municipalidad de Arequipa"]),
])
def test_a_foreign_city_hall_is_a_partner_written_as_alcaldia(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize("text", [
    "agenda de la delegacion de empresarios que viaja a la feria",
    "acompañamos al alcalde de Bucaramanga en la rueda de prensa",
    "la ciudad de bucaramanga recibe el premio",
    "reunion con la delegacion de Japón en la cancillería",
])
def test_a_delegation_of_people_or_of_a_country_or_the_home_city_is_no_city_hall(vocab, text):
    assert not [p for p in partners(text, vocab) if p.startswith("Alcaldía")]


@pytest.mark.parametrize(("text", "expected"), [
    ("convenio de movilidad con la universidad de coimbra", ["Universidad de Coimbra"]),
    ("rueda de negocios con la camara de comercio de cali", ["Cámara de Comercio de Cali"]),
])
def test_an_organisation_of_another_city_keeps_the_city_in_its_name(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("reu con la fundacion manos solidarias sobre la jornada", ["Fundación Manos Solidarias"]),
    ("taller con la corporacion huellas de esperanza, van 30 personas",
     ["Corporación Huellas de Esperanza"]),
    ("llamada con la fundacion caminos de luz y la UNAB", ["Fundación Caminos de Luz", "UNAB"]),
    ("Convenio con la Fundación Agua sin Fronteras para las veredas",
     ["Fundación Agua sin Fronteras"]),
    ("Reunión con la Asociación Mujeres en Acción del barrio", ["Asociación Mujeres en Acción"]),
])
def test_a_foundation_name_of_ordinary_words_is_read_whole(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("la fundacion presento el informe del proyecto", []),
    ("reunion con la fundacion sobre los talleres", []),
    ("audiencia en la camara de representantes sobre migrantes", []),
    ("Reunión con la Fundación Bavaria en Bucaramanga", ["Fundación Bavaria"]),
])
def test_words_after_a_foundation_that_are_no_name_are_left_out(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Llamada con el Ministerio de Ciencia sobre la convocatoria de doctorados",
     ["MinCiencias"]),
    ("Reunión con el Banco Interamericano sobre el crédito de movilidad", ["BID"]),
    ("reunion con la agencia japonesa de cooperacion por voluntarios", ["JICA"]),
    ("Becas de la Agencia Coreana de Cooperación para funcionarios", ["KOICA"]),
])
def test_a_known_body_written_short_or_by_its_adjective_is_the_known_one(vocab, text,
                                                                          expected):
    assert partners(text, vocab) == expected


def test_a_beginning_shared_by_several_known_names_names_none_of_them(vocab):
    assert partners("Charla de una Agencia de Cooperación europea", vocab) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Jornada con la ONG Brazos Abiertos en el asentamiento", ["Brazos Abiertos"]),
    ("Taller con la Red Latinoamericana de Ciudades Verdes", [
        "Red Latinoamericana de Ciudades Verdes"]),
    ("Reunión con el Fondo Nórdico de Desarrollo sobre clima", ["Fondo Nórdico de Desarrollo"]),
])
def test_an_unknown_body_opened_by_a_capitalised_common_word_is_a_partner(vocab, text,
                                                                           expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize("text", [
    "Subimos la ficha al Banco de Proyectos de la alcaldía",
    "Publicamos en la red social el video del festival",
    "se creo un fondo de becas con la UNAB",
    "Reunión del comité de seguimiento del proyecto",
])
def test_the_same_words_in_lower_case_open_no_name(vocab, text):
    assert partners(text, vocab) in ([], ["UNAB"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Intercambio de docentes con la Universidad del Rosario", ["Universidad del Rosario"]),
    ("Encuentro con la ACI Medellín sobre buenas prácticas", ["ACI Medellín"]),
    ("Taller de VNG International sobre planeación local", ["VNG International"]),
    ("reunion con World Wildlife Fund sobre humedales", ["WWF"]),
])
def test_organisations_the_sources_name_are_in_the_directory(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("videollamada con Siemens Energy sobre buses eléctricos", ["Siemens Energy"]),
    ("Llamada con Fedesarrollo sobre el estudio de competitividad", ["Fedesarrollo"]),
    ("Se envió la carta de intención del hermanamiento con Kaohsiung",
     ["Alcaldía de Kaohsiung"]),
])
def test_a_rare_capitalised_name_after_con_is_a_partner(vocab, text, expected):
    assert partners(text, vocab) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("llamada con Paola de la UNAB sobre movilidad docente", ["UNAB"]),
    ("almuerzo con Valentina Vergara, asesora de la embajada de Suiza",
     ["Embajada de Suiza"]),
    ("Reunión con Planeación sobre el plan de desarrollo", []),
    ("encuentro con BGA Te Activa para la parrilla de contenidos", []),
    ("Reunión con el Comité Organizador del festival", []),
    ("Reunión con Valorización por el cobro de la obra", []),  # a rare word, an office
    ("firmamos la carta con México en la cancillería", ["Cancillería"]),
])
def test_a_person_a_department_a_city_programme_or_a_country_after_con_is_no_partner(
        vocab, text, expected):
    assert partners(text, vocab) == expected


def test_a_one_word_name_typed_in_two_is_the_known_one(vocab):
    assert partners("cita con pro colombia por la agenda de compradores", vocab) == [
        "ProColombia"]


def test_an_event_the_sources_name_as_an_organisations_own_is_that_organisation(vocab):
    assert partners("se inscribió el proyecto de movilidad al colombia investment summit",
                    vocab) == ["ProColombia"]


def test_an_organisation_only_spoken_of_as_a_possibility_is_no_partner(vocab):
    assert partners("Visita de la embajadora de Suiza; comentó que USAID podría financiar "
                    "la segunda fase", vocab) == ["Embajada de Suiza"]
    assert partners("Reunión con USAID sobre la segunda fase", vocab) == ["USAID"]


def test_a_municipal_council_is_no_partner(vocab):
    assert partners("Sesión del Consejo Municipal de Juventud sobre intercambios", vocab) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("charla del instituto tecnologico de monterrey sobre maestrias",
     ["Instituto Tecnológico de Monterrey"]),
    ("reunion con el instituto de estudios urbanos sobre el observatorio",
     ["Instituto de Estudios Urbanos"]),
])
def test_an_institute_in_lower_case_is_read_whole(vocab, text, expected):
    assert partners(text, vocab) == expected


def test_a_city_hall_described_not_named_is_no_partner(vocab):
    assert partners("Diálogo con la alcaldía de una ciudad portuguesa sobre movilidad",
                    vocab) == []


def test_a_year_after_an_organisations_name_is_not_part_of_it(vocab):
    assert partners("Informe del Observatorio Latinoamericano de Migraciones 2025 con la UIS",
                    vocab) == ["Observatorio Latinoamericano de Migraciones", "UIS"]


@pytest.mark.parametrize(("text", "expected"), [
    # a tag with its words run together is the partner the directory knows
    ("charla de exportaciones en la #camaracomerciobga", ["Cámara de Comercio de Bucaramanga"]),
    # a concept tagged like an acronym is the note's subject, not a partner
    ("visita de un inversionista japones a la zona industrial #IED", []),
    # a platform or a plan known by its acronym is what was worked on, not who with
    ("Socializacion del PUC con constructores, meta doing business", []),
    # the same embassy tagged another way is not a second partner
    ("recibimos a la embajada de suiza en el despacho #embajadaCH", ["Embajada de Suiza"]),
    # an agreement with a city typed in lower case is with its city hall
    ("se firmo el memorando con monterrey para gobierno abierto", ["Alcaldía de Monterrey"]),
    ("hermanamiento con santander en revision", []),
    # an acronym after a known name is not swallowed into it as a typo of its last word
    ("exposicion junto al instituto de cultura y la uis",
     ["Instituto Municipal de Cultura y Turismo", "UIS"]),
])
def test_tags_and_lower_case_cities(text: str, expected: list[str], vocab: Vocabulary) -> None:
    assert partners(text, vocab) == expected


@pytest.mark.parametrize("text", [
    "Rueda de prensa sobre el memorando firmado con Pittsburgh, boletin a medios",
    "entrevista en la radio sobre la delegacion de Gumi",
    "post en redes con las fotos de la visita de pittsburgh",
])
def test_a_city_only_spoken_of_in_publicity_is_no_partner(vocab, text):
    # the office worked with the media on that day, not with the city's hall
    assert not [p for p in partners(text, vocab) if p.startswith("Alcaldía")]


@pytest.mark.parametrize(("text", "expected"), [
    ("rueda de prensa con el alcalde de Gumi despues de firmar", ["Alcaldía de Gumi"]),
    ("firma del MoU con Pittsburgh en el despacho", ["Alcaldía de Pittsburgh"]),
])
def test_a_city_hall_present_or_outside_publicity_stays_a_partner(vocab, text, expected):
    assert partners(text, vocab) == expected
