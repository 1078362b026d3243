"""Hybrid search with the real embedding model (no mock): meaning finds what words miss."""

import time
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.db import open_database
from bot.embeddings import load_embedder
from bot.folding import fold
from bot.knowledge.hybrid import DenseIndex, families
from bot.knowledge.json_answer import answer_as_json
from bot.knowledge.qa import QuestionService
from bot.knowledge.render import answer_reply, markdown_to_html
from bot.knowledge.store import Entry, KnowledgeBase, Source, load_knowledge
from bot.knowledge.windows import body_windows, closest_passage, window_lines

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".work" / "embeddings.db"  # kept across runs: warm after the first
embedder = load_embedder()
pytestmark = pytest.mark.skipif(embedder is None, reason="embedding model not installable here")


@pytest.fixture(scope="module")
def qa() -> QuestionService:
    return QuestionService(load_knowledge(ROOT / "knowledge"), open_database(":memory:"),
                           now=lambda: datetime(2026, 11, 18), embedder=embedder,
                           cache=open_database(CACHE))


def test_the_real_model_is_in_use(qa):
    assert qa.embedder_name == embedder.name
    assert qa.index.dense is not None


@pytest.mark.parametrize("question, expected", [
    ("what does official development assistance mean?", "bogota-aod"),  # English
    ("que es aod", "bogota-aod"),
    ("kusanone", "ofai-kusanone-japon"),
    # The most basic question about a core concept; the runner-up is the same subject.
    ("¿qué es un hermanamiento?", "fcm-hermanamiento-pamplona"),
])
def test_clear_questions_get_an_answer(qa, question, expected):
    answer = qa.decide(question)
    assert answer.outcome == "answer", (answer.outcome, answer.confidence, answer.entry)
    assert answer.entry.id == expected


@pytest.mark.parametrize("question, expected", [
    # English: the Spanish entry, found by meaning.
    ("which community project did the city send to the Japanese embassy grant?",
     "ofai-kusanone-japon"),
    # A long message: greeting, self-introduction and context around the question.
    ("Hola, soy enlace de la Secretaría de Salud y me pidieron averiguar si hay alguna "
     "convocatoria de Japón para proyectos comunitarios, ¿cómo funciona?",
     "ofai-kusanone-japon"),
    ("Buenas tardes, les escribo desde la Secretaría de Hacienda porque nos pidieron un "
     "informe. ¿Qué significa AOD?", "bogota-aod"),
])
def test_english_and_long_questions_put_the_right_entry_first(qa, question, expected):
    answer = qa.decide(question)
    assert answer.outcome in {"answer", "clarify"}
    assert answer.entry.id == expected, (answer.outcome, answer.confidence, answer.entry.id)
    if answer.outcome == "clarify":
        assert answer.alternatives[0].entry.id == expected


@pytest.mark.parametrize("question", [
    "quien es el alcalde de bucaramanga",
    "cuál es el teléfono del consulado de España",
    "what's the weather like tomorrow?",
])
def test_out_of_scope_questions_are_not_answered(qa, question):
    assert qa.decide(question).outcome != "answer"


@pytest.mark.parametrize("question, expected", [
    # A misspelt rare name: the words single the entry out by far, while the
    # meaning of "cooperation of <unknown name>" is close to many entries.
    ("el alcalde de gumy vino?", "bga-gumi-corea"),
    # English words read through the glossary, not only the names both languages share.
    ("Who signed the memorandum with the Pontifical Bolivarian University?", "ofai-mou-upb"),
    ("What advice does the FCM give for a good international practice?",
     "fcm-consejos-practica-internacional"),
])
def test_strong_evidence_in_words_or_glossary_is_answered(qa, question, expected):
    answer = qa.decide(question)
    assert answer.outcome == "answer", (answer.outcome, answer.confidence, answer.entry.id)
    assert answer.entry.id == expected


def test_a_misspelt_rare_name_brings_its_entry_first(qa):
    """"koika" is one letter from "koica": the entry comes first, answered or as the first
    option (whether it is answered moves with each refit of the confidence model)."""
    answer = qa.decide("que hizo la koika aca")
    assert answer.outcome in ("answer", "clarify")
    first = answer.entry if answer.outcome == "answer" else answer.alternatives[0].entry
    assert first.id == "bga-koica-ciat-modelo-corea"


def test_clarify_offers_at_most_three_options_best_first(qa):
    for question in ["memorando", "bicicletas", "medellin"]:
        answer = qa.decide(question)
        if answer.outcome == "clarify":
            assert 1 <= len(answer.alternatives) <= 3
            scores = [c.score for c in answer.alternatives]
            assert scores == sorted(scores, reverse=True)


def entry(id: str, question: str) -> Entry:
    return Entry(id=id, title=f"Guía {id}", category="conceptos", questions=[question],
                 sources=[Source(document="Doc")], reviewed=date(2026, 1, 1),
                 body=f"Respuesta de {id}.")


def test_a_restart_embeds_only_what_changed(tmp_path):
    db = open_database(tmp_path / "enlace.db")
    kb = KnowledgeBase(entries={e.id: e for e in [entry("a", "que es un hermanamiento"),
                                                    entry("b", "que es la paradiplomacia")]})
    QuestionService(kb, db, now=datetime.now, embedder=embedder)
    stored = db["embeddings"].count
    assert stored == 6  # two passages, two titles, two questions

    start = time.perf_counter()
    QuestionService(kb, db, now=datetime.now, embedder=embedder)
    assert db["embeddings"].count == stored
    assert time.perf_counter() - start < 1.0  # nothing embedded again

    kb.entries["b"] = entry("b", "para que sirve la paradiplomacia")
    QuestionService(kb, db, now=datetime.now, embedder=embedder)
    assert db["embeddings"].count == stored + 1


def test_without_a_model_search_runs_on_words(tmp_path):
    kb = load_knowledge(ROOT / "knowledge")
    qa = QuestionService(kb, open_database(":memory:"), now=datetime.now, embedder=None)
    assert qa.embedder_name is None
    assert qa.decide("que es aod").entry.id == "bogota-aod"


def test_an_overview_and_its_detail_are_one_family_not_rivals():
    """Related entries and entries from one source section may both answer: one family."""
    def sourced(id: str, section: str | None, related: tuple[str, ...] = ()) -> Entry:
        return entry(id, f"pregunta {id}").model_copy(update={
            "sources": [Source(document="Guía FCM", section=section)],
            "related": list(related)})

    entries = [sourced("overview", "Cap. 1"), sourced("detail", "Cap. 1"),
               sourced("elsewhere", "Cap. 2", related=("overview",)), sourced("alone", None)]
    family = [sorted(entries[j].id for j in members) for members in families(entries)]
    assert family == [["detail", "elsewhere"], ["overview"], ["overview"], []]


@pytest.mark.parametrize("message, expected", [
    ("Buenas, soy de la Secretaría de Movilidad y estamos evaluando con el C40 el sistema de "
     "bicicletas públicas. Mi jefe además quiere saber otra cosa. ¿Qué es KUSANONE y quién "
     "puede presentarse?", "ofai-kusanone-japon"),
    ("Buenos días. Llevamos meses organizando la feria de la reactivación con varios "
     "aliados. ¿Qué es la APC Colombia?", "ofai-apc-colombia"),
])
def test_a_long_message_is_answered_on_what_it_asks_not_on_its_context(qa, message, expected):
    """The context names another entry's subject (the C40 bicycles, the fair): not the answer."""
    answer = qa.decide(message)
    assert answer.outcome == "answer"
    assert answer.entry.id == expected


@pytest.mark.parametrize("question, facts", [
    # Both land on an entry that sums up a whole section or report, which says it in a line.
    ("informe del primer semestre 2019, la oficina que rol tuvo con los migrantes",
     [["articular", "coordinar"], ["cruz roja"]]),
    ("a quien hay que persuadir primero de lo internacional segun el cuaderno",
     [["publico interno", "propia administracion", "misma administracion"]]),
])
def test_a_question_answered_by_an_overview_gets_the_fact_itself(qa, question, facts):
    """Whichever of a document's overview or its detail answers, the reply holds the fact
    (one wording of each group)."""
    answer = qa.decide(question)
    assert answer.outcome == "answer", (answer.outcome, answer.confidence, answer.entry)
    text = fold(answer.entry.body)
    assert all(any(f in text for f in group) for group in facts), answer.entry.id


def test_a_detail_deep_in_the_body_is_found_by_meaning():
    """A question restating a line far below the lead lands on that entry's body window."""
    fund = Entry(id="fondo", title="Fondo de pequeñas donaciones", category="conceptos",
                 questions=["que es el fondo de pequeñas donaciones"],
                 sources=[Source(document="Doc")], reviewed=date(2026, 1, 1),
                 body="Un fondo que apoya iniciativas comunitarias con montos pequeños.\n\n"
                      "Cómo se postula: con un formulario y una carta de la junta.\n\n"
                      "Cierre: los recursos que no se ejecutan se devuelven al donante "
                      "cuando termina el año fiscal.")
    twin = Entry(id="red", title="Red de ciudades educadoras", category="conceptos",
                 questions=["que es la red de ciudades educadoras"],
                 sources=[Source(document="Doc")], reviewed=date(2026, 1, 1),
                 body="Una red que reúne ciudades que trabajan la educación.")
    windows = body_windows(fund)
    assert windows and all(w.startswith(fund.title) for w in windows)
    assert body_windows(twin) == []  # all of it is the lead, already a passage
    dense = DenseIndex([fund, twin], [[fund.title, *fund.questions], [twin.title, *twin.questions]],
                       embedder)
    vector = dense.query("¿qué pasa con la plata que no se gasta al terminar el año?")
    passages = dense.passage_cosines(vector)
    bodies = dense.body_cosines(vector, passages)
    assert bodies[0] > passages[0]  # the closing line says it, not the lead
    assert bodies[1] == passages[1]


def register_goal(db) -> None:
    now = "2026-11-01T09:00:00-05:00"
    db["agreements"].insert({
        "partner": "GOAL (ONG irlandesa)", "kind": "mou", "object": "Barrios Resilientes",
        "signed_on": "2026-03-01", "ends_on": "2028-03-01", "cadence": "trimestral",
        "owner_name": "Laura Gómez", "status": "vigente", "created_at": now, "armed_at": now,
        "source": "import", "origin": "test:goal"})


@pytest.mark.parametrize("question", ["¿cómo va el convenio con GOAL?",
                                      "¿cuándo vence el convenio con GOAL?"])
def test_a_tracked_agreement_is_answered_from_the_registry_with_its_entry(question):
    """Status, dates, owner and next follow-up from /convenios; as background, the entry
    about GOAL, not the action line that lists every agreement (which "cómo va" also fits)."""
    db = open_database(":memory:")
    register_goal(db)
    qa = QuestionService(load_knowledge(ROOT / "knowledge"), db,
                         now=lambda: datetime(2026, 11, 18, 10), embedder=embedder,
                         cache=open_database(CACHE))
    answer = qa.ask(question, live=True, record=False)
    assert answer.outcome == "answer" and answer.live is not None
    for fact in ("GOAL", "vigente", "1 de marzo de 2028", "Laura Gómez", "1 de diciembre"):
        assert fact in answer.live
    assert answer.entry is not None and answer.entry.id == "ofai-mou-goal-barrios-resilientes"
    # Someone who may not read the registry gets the knowledge base only.
    assert qa.ask(question, live=False, record=False).live is None


def test_a_future_date_in_the_context_does_not_make_the_question_ask_for_one(qa):
    """"el próximo semestre" says when the liaison plans, not what they ask: the
    question about the office's action lines is answered, not "no tengo esa fecha"."""
    answer = qa.decide("Buenas, soy de la Secretaría de Educación. El próximo semestre "
                       "queremos proponer un proyecto con la oficina. ¿Cuáles son las "
                       "líneas de acción de la OFAI?")
    assert answer.missing is None
    assert answer.outcome == "answer" and answer.entry.id == "ofai-lineas-de-accion"


@pytest.mark.parametrize("question, expected", [
    ("ke es la kooperasion desentralisada", "fcm-cooperacion-descentralizada"),
    ("komo se iso el ermanamiento con pamplona", "fcm-hermanamiento-pamplona"),
])
def test_chat_spelling_reaches_the_model_corrected(qa, question, expected):
    """"ke", "komo" and misspelt words are read by the embedding model as the words
    search understood them to be, so a phone-typed question is answered, not refused."""
    answer = qa.decide(question)
    assert answer.outcome == "answer" and answer.entry.id == expected


def test_a_question_about_a_detail_gets_those_lines_under_the_lead(qa):
    """On a phone the fact asked for shows on the first screen, not behind "Ver completo"."""
    answer = qa.decide("informe del primer semestre 2019, la oficina que rol tuvo con los "
                       "migrantes")
    reply = answer_reply(answer, qa.knowledge).text
    lead = markdown_to_html(answer.entry.lead)
    lead_end = reply.index(lead) + len(lead)
    shown = reply[lead_end:]
    assert "Sobre lo que pregunta" in shown and "Cruz Roja" in shown
    assert "Cruz Roja" not in answer.entry.lead


def test_ask_json_gives_the_lines_a_detail_question_is_about(qa):
    row = answer_as_json(qa.decide("la guia de la fcm que recomienda si no hay oficina de "
                                   "asuntos internacionales"))
    assert row["outcome"] == "answer"
    assert "asistencia técnica" in row["passage"] and row["passage"] not in row["lead"]


def test_a_passage_is_a_window_nearer_than_the_lead_and_never_a_bare_heading():
    entry = Entry(id="e", title="Informe", category="oficina", questions=["informe"],
                  sources=[Source(document="Doc")], reviewed=date(2026, 1, 1),
                  body="Resumen del informe.\n\n**2. Apoyos.**\n" + "Con la Cruz Roja la oficina "
                       "coordinó la atención a la población migrante en un punto de servicio "
                       "de la ciudad, con orientación, jornadas de salud, apoyo emocional y "
                       "transporte.\n" * 2)
    windows = window_lines(entry)
    assert len(windows) == 3  # heading alone, then one line each
    assert closest_passage(windows, "migrantes", [0.95, 0.80, 0.79], 0.85) is None  # heading
    assert "Cruz Roja" in closest_passage(windows, "migrantes", [0.95, 0.86, 0.80], 0.85)
    assert closest_passage(windows, "migrantes", [0.95, 0.80, 0.80], 0.85) is None  # lead nearer
