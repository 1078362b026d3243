"""The line chooser (real multilingual-e5-small) and the partners known from day one."""

import pytest

from bot.access import Person
from bot.activities.lines import Example, LineChooser, decision, guess_line, keyword_scores
from bot.activities.models import Logged, Step
from bot.activities.service import ActivityService
from bot.config import DEFAULT_ACTION_LINES, Settings
from bot.embeddings import load_embedder
from tests.conftest import STAFF_ID

ANA = Person(STAFF_ID, "Ana Pérez")
CHAT = STAFF_ID
needs_model = pytest.mark.skipif(load_embedder() is None, reason="no embedding model here")


@pytest.fixture
def service(services) -> ActivityService:
    return services.activities


def test_keywords_match_by_stem_only_when_the_words_really_share_their_start():
    lines = DEFAULT_ACTION_LINES
    assert keyword_scores("reunión con las comunidades del barrio", lines)[5] == 0
    assert keyword_scores("estudiar la propuesta del proyecto", lines)[3] == 0
    assert keyword_scores("difusión de becas de posgrado", lines)[3] >= 1  # "beca"
    assert keyword_scores("nueva campaña de comunicación", lines)[5] == 1
    assert keyword_scores("Reunión con los inversionistas", lines)[2] >= 1  # "inversion"


def test_training_and_workshops_are_no_longer_line_4_keywords():
    for note in ("Capacitación a los enlaces de las dependencias",
                 "Taller para funcionarios sobre la agenda urbana con la ONU"):
        assert guess_line(note, DEFAULT_ACTION_LINES).line != 4


@needs_model
@pytest.mark.parametrize("note, line", [
    ("Publicación en Instagram del video de la marca ciudad", 5),
    ("Firma del memorando de entendimiento con la ciudad hermana", 1),
    ("Rueda de negocios con inversionistas extranjeros en la zona franca", 2),
    ("Difusión de becas de doctorado en Alemania para estudiantes", 3),
    ("Postulación del proyecto de acueducto a la convocatoria de cooperación", 4),
    # an embassy that brings a company's plans is investment work, not diplomacy
    ("reunion con la embajada de italia, una empresa italiana quiere abrir fabrica aca", 2),
    # dancers sent to a sister city's festival are cultural exchange, not diplomacy
    ("presentacion de danza folclorica de bga en el festival de una ciudad hermana", 3),
])
def test_a_clear_note_files_itself_without_asking(service, note, line):
    logged = service.log(note, person=ANA, chat_id=CHAT, message_id=100 + line)
    assert isinstance(logged, Logged) and logged.activity.line == line
    assert logged.guessed_line  # the card says the bot chose it
    row = service.store.db["activities"].get(logged.activity.id)
    assert row["line_source"] == "guessed"


@needs_model
def test_an_unclear_note_asks_with_the_two_likeliest_first(service):
    step = service.log("Jornada de vacunación de mascotas con la veterinaria municipal",
                       person=ANA, chat_id=CHAT, message_id=200)
    assert isinstance(step, Step) and step.draft.step == "line"
    assert len(step.draft.candidates) == 2
    again = service.guided.draft_of(CHAT, STAFF_ID)  # kept on disk with the draft
    assert again.candidates == step.draft.candidates


@needs_model
def test_every_line_people_give_teaches_the_chooser(service):
    note = "Cosecha de la huerta urbana comunitaria con los vecinos"
    before = service.choose_line(note)
    assert before.candidates[0] != 2
    texts = ["Mesa de seguimiento de la huerta urbana comunitaria",
             "Visita a la huerta urbana comunitaria del barrio norte",
             "Entrega de semillas para la huerta urbana comunitaria"]
    for i, text in enumerate(texts):
        outcome = service.log(text, person=ANA, chat_id=CHAT, message_id=300 + i)
        activity = outcome.activity if isinstance(outcome, Logged) else None
        if activity is None:  # asked: the person picks line 2
            activity = service.guided.choose_line(person=ANA, chat_id=CHAT, origin=300 + i,
                                                  line=2).activity
        elif activity.line != 2:  # chosen wrong: "Cambiar línea"
            activity = service.change_line(activity.id, 2, ANA)
        assert activity.line == 2
    sources = {r["line_source"] for r in service.store.db["activities"].rows}
    assert sources <= {"chosen", "corrected", "guessed"}
    after = service.choose_line(note)
    assert after.candidates[0] == 2 and after.scores[2] > before.scores[2]


@needs_model
def test_notes_saved_on_one_line_do_not_pull_other_lines_notes_to_it(service):
    """Field notes look alike whatever their line ("reunion con ... x ..."): a month of
    line-1 notes must not make a clear note of another line go to line 1."""
    saved = ["reunion con la gobernacion x agenda de la semana",
             "llamada con cancilleria x visita del consul",
             "reunion con el consul de italia x saludo",
             "reunion con la apc x plan de trabajo",
             "reunion con embajada de canada x visita al alcalde",
             "llamada con la gobernacion x agenda internacional",
             "reunion con delegacion de ecuador x hermanamiento",
             "reunion con el despacho x visita oficial"]
    for i, text in enumerate(saved):
        assert service.log(f"1 {text}", person=ANA, chat_id=CHAT, message_id=500 + i)\
            .activity.line == 1
    for i, (note, line) in enumerate([
            ("reunion con prensa x comunicado y fotos pa redes de la marca ciudad", 5),
            ("reunion con procolombia x agenda de inversionistas", 2),
            ("reunion con la uis x becas de intercambio pa estudiantes", 3),
            ("reunion con la ong x formulacion del proyecto pa la convocatoria", 4)]):
        logged = service.log(note, person=ANA, chat_id=CHAT, message_id=600 + i)
        assert isinstance(logged, Logged) and logged.activity.line == line, note


def test_without_the_model_the_chooser_still_works_on_words(settings):
    lexical = LineChooser(settings.action_lines, None)
    assert lexical.lexical
    guess = lexical.choose("Difusión de la convocatoria de becas para estudiantes")
    assert guess.candidates[0] == 3


def test_a_typed_line_wins_and_is_recorded_as_typed(service):
    logged = service.log("4 Publicación en redes de la marca ciudad", person=ANA, chat_id=CHAT,
                         message_id=400)
    assert logged.activity.line == 4 and not logged.guessed_line
    assert service.store.db["activities"].get(logged.activity.id)["line_source"] == "typed"


def test_partners_the_knowledge_base_names_are_known_from_day_one(service):
    cases = {
        "Reunión con Naciones Unidas sobre la agenda urbana": ["ONU"],
        "4 Llamada con la agencia presidencial de cooperación": ["APC"],
        "2 Mesa con el ministerio de comercio y la UIS": ["MinCIT", "UIS"],
        "1 Saludo del alcalde al embajador de corea": ["Embajada de Corea"],
        "1 Agenda de la delegación de Gumi con la Cancillería": ["Alcaldía de Gumi",
                                                                 "Cancillería"],
    }
    vocab = service.vocabulary()
    from bot.activities.parse import parse_entry
    for text, partners in cases.items():
        draft = parse_entry(text, vocab=vocab, now=service.now())
        assert sorted(draft.partners) == sorted(partners), text


def test_the_example_config_keeps_the_default_lines_with_their_purposes():
    from pathlib import Path

    from bot.config import load_settings
    settings: Settings = load_settings(Path(__file__).parent.parent / "config.example.toml")
    assert all(line.purpose and len(line.examples) >= 8 for line in settings.action_lines)


def test_activity_vectors_survive_a_restart_in_the_one_embeddings_table(tmp_path):
    """Embedded notes are kept beside the knowledge vectors, per model: a restart (a new
    store on the same file) reads them back instead of embedding years of notes again."""
    import numpy as np

    from bot.activities.store import ActivityStore
    from bot.db import open_database

    path = tmp_path / "enlace.db"
    vector = np.arange(4, dtype=np.float32).tobytes()
    ActivityStore(open_database(path)).save_vectors("model-a", {"note-1": vector})
    again = ActivityStore(open_database(path))
    assert again.vectors("model-a", ["note-1", "note-2"]) == {"note-1": vector}
    assert again.vectors("model-b", ["note-1"]) == {}
    assert again.db["embeddings"].count == 1


def test_partners_written_the_quick_way_are_recognised(service):
    """Run-together hashtags, missions named by an adjective, abbreviations and the
    links a note leaves out still name the partner the office knows."""
    cases = {
        "1 Visita de cortesía #EmbajadaAlemana": ["Embajada de Alemania"],
        "1 Saludo al consulado francés por la fiesta nacional": ["Consulado de Francia"],
        "4 Mesa técnica con la coop. alemana sobre movilidad": ["GIZ"],
        "2 Agenda con la univ. industrial de santander": ["UIS"],
    }
    vocab = service.vocabulary()
    from bot.activities.parse import parse_entry
    for text, partners in cases.items():
        draft = parse_entry(text, vocab=vocab, now=service.now())
        assert sorted(draft.partners) == sorted(partners), text


def test_a_keyword_the_office_writes_on_other_lines_counts_less(settings):
    """"cooperación" is a line-4 keyword, but an office that files its cooperation
    workshops on line 3 teaches the chooser that the word alone does not name line 4;
    a keyword only its own line uses keeps counting fully."""
    chooser = LineChooser(settings.action_lines, None)
    note = "Reunión sobre cooperación con la universidad"
    before = chooser.keyword_evidence(note, chooser.seeds())[4]
    saved = [Example(f"Taller de cooperación para los enlaces, grupo {i}", 3) for i in range(6)]
    after = chooser.keyword_evidence(note, [*chooser.seeds(), *saved])[4]
    assert 0 < after < before
    only_line_4 = chooser.keyword_evidence("Respuesta sobre Kusanone", [*chooser.seeds(), *saved])
    assert only_line_4[4] == pytest.approx(1.0) and sum(only_line_4.values()) == only_line_4[4]


def test_a_close_second_line_makes_the_chooser_ask_sooner():
    """Same probability for the best line: a rival close behind lowers the decision."""
    clear = {1: 0.8, 2: 0.1, 3: 0.1}
    rival = {1: 0.8, 2: 0.19, 3: 0.01}
    assert decision(clear, 2.0) > decision(rival, 2.0)
    assert decision(clear, 0.0) == pytest.approx(decision(rival, 0.0))


def test_a_name_the_office_files_on_one_line_becomes_evidence_for_that_line(settings):
    """Nobody lists "Guatiguará" as a keyword: once notes naming it are saved on line 2,
    the word-stem view says line 2 for a note that names it; a note of words no example
    uses leaves every line level."""
    chooser = LineChooser(settings.action_lines, None)
    note = "Correo a Guatiguará con el acta"
    before = chooser.word_evidence(note, chooser.seeds())
    saved = [Example("Reunión con Tecnoparque Guatiguará sobre el programa de aceleración", 2),
             Example("Guatiguará: agenda de la feria de emprendimiento", 2),
             Example("Llamada con Guatiguará x postulación de startups", 2, confirmed=False)]
    after = chooser.word_evidence(note, [*chooser.seeds(), *saved])
    assert max(after, key=after.get) == 2 and after[2] > 2 * before[2]
    level = chooser.word_evidence("xqzt wvyk", [*chooser.seeds(), *saved])
    assert max(level.values()) == pytest.approx(min(level.values()))


@needs_model
def test_saved_notes_naming_a_new_partner_put_its_line_first(service):
    """The office files its notes about a new partner on line 2; a later note that names
    only the partner offers line 2 first (before, line 1 came first)."""
    note = "reunion con tecnoparque guatiguara x seguimiento"
    assert service.choose_line(note).candidates[0] != 2
    for i, text in enumerate(["Reunión con Tecnoparque Guatiguará sobre el programa de "
                              "aceleración de empresas",
                              "Tecnoparque Guatiguará: agenda de la feria de emprendimiento",
                              "Llamada con Tecnoparque Guatiguará x postulación de startups"]):
        assert service.log(f"2 {text}", person=ANA, chat_id=CHAT, message_id=700 + i)\
            .activity.line == 2
    step = service.log(note, person=ANA, chat_id=CHAT, message_id=710)
    candidates = step.draft.candidates if isinstance(step, Step) else [step.activity.line]
    assert candidates[0] == 2


@needs_model
@pytest.mark.parametrize("note", ["Reunión de seguimiento", "llamada", "Visita",
                                  "Reunión con la secretaría"])
def test_a_note_that_says_too_little_is_asked_not_filed(service, note):
    """A few words that fit every line are not filed on the likeliest line silently,
    however sure the scores look: the person is asked, with two lines first."""
    step = service.log(note, person=ANA, chat_id=CHAT, message_id=800)
    assert isinstance(step, Step) and step.draft.step == "line"
    assert len(step.draft.candidates) == 2


def test_a_short_note_does_not_match_part_of_a_longer_keyword():
    """"visita oficial" is a keyword of line 1; the word "visita" alone is not it."""
    assert keyword_scores("Visita", DEFAULT_ACTION_LINES)[1] == 0
    assert keyword_scores("Visita oficial del cónsul", DEFAULT_ACTION_LINES)[1] >= 1


def test_a_partner_named_inside_a_longer_name_is_only_the_longer_one(service):
    """"ONU-Hábitat" is one partner, not also the "ONU"; the ministries and the networks
    of cities that the office's reports name are known from day one."""
    cases = {
        "4 Mesa técnica de vivienda social, invitada ONU-Habitat": ["ONU-Hábitat"],
        "4 Reunión con la ONU y la OIM": ["ONU", "OIM"],
        "2 Informe enviado a la Función Pública y al MinVivienda": ["Ministerio de Vivienda",
                                                                    "Función Pública"],
        "1 El alcalde escribe a la red CIDEU y a Mercociudades": ["Mercociudades", "CIDEU"],
    }
    vocab = service.vocabulary()
    from bot.activities.parse import parse_entry
    for text, partners in cases.items():
        draft = parse_entry(text, vocab=vocab, now=service.now())
        assert sorted(draft.partners) == sorted(partners), text
