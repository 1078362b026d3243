"""The word index is built once per knowledge text and read back at the next start."""

from datetime import date, datetime

import pytest

from bot.db import open_database
from bot.knowledge import prepared
from bot.knowledge.qa import QuestionService
from bot.knowledge.search import SearchIndex
from bot.knowledge.store import Entry, KnowledgeBase, Source


def entry(id: str, title: str, question: str, body: str) -> Entry:
    return Entry(id=id, title=title, category="conceptos", questions=[question],
                 sources=[Source(document="Doc")], reviewed=date(2026, 1, 1), body=body)


def knowledge(question: str = "que es un hermanamiento") -> KnowledgeBase:
    entries = [entry("hermanamiento", "Hermanamientos", question,
                     "Un acuerdo de cooperación entre dos ciudades."),
               entry("aod", "Ayuda oficial al desarrollo", "que es la aod",
                     "Recursos de cooperación de los gobiernos donantes.")]
    return KnowledgeBase(entries={e.id: e for e in entries},
                         synonyms=[["aod", "ayuda oficial al desarrollo"]])


def service(tmp_path, kb: KnowledgeBase) -> QuestionService:
    return QuestionService(kb, open_database(tmp_path / "enlace.db"), now=datetime.now)


@pytest.fixture
def no_building(monkeypatch):
    """Makes building an index fail, so a test can prove it was read, not built."""
    def refuse(*args, **kwargs):
        raise AssertionError("the index was built again")
    return lambda: monkeypatch.setattr(SearchIndex, "__init__", refuse)


def test_a_restart_reads_the_index_and_answers_the_same(tmp_path, no_building):
    first = service(tmp_path, knowledge())
    before = first.decide("hermanamiento con otra ciudad")
    assert (tmp_path / f"enlace.db{prepared.SUFFIX}").exists()
    no_building()
    again = service(tmp_path, knowledge()).decide("hermanamiento con otra ciudad")
    assert (again.outcome, again.entry.id, again.confidence) == (
        before.outcome, before.entry.id, before.confidence)
    # Synonyms survive the round trip: the acronym still finds the spelt-out title.
    assert service(tmp_path, knowledge()).index.lexical.search("aod").best.entry.id == "aod"


def test_an_edited_entry_is_indexed_again_at_the_next_start(tmp_path):
    service(tmp_path, knowledge())
    edited = service(tmp_path, knowledge(question="que es la paradiplomacia urbana"))
    best = edited.index.lexical.search("paradiplomacia").best
    assert best is not None and best.entry.id == "hermanamiento"


def test_a_phrasing_added_from_telegram_is_not_lost_on_restart(tmp_path):
    first = service(tmp_path, knowledge())
    question = first.ask("convenio de amistad entre municipios")
    first.attach(question.question_id, "hermanamiento", admin_id=1)
    best = service(tmp_path, knowledge()).index.lexical.search("convenio de amistad").best
    assert best is not None and best.entry.id == "hermanamiento"


def test_a_damaged_index_file_is_built_again(tmp_path):
    service(tmp_path, knowledge())
    (tmp_path / f"enlace.db{prepared.SUFFIX}").write_bytes(b"not an index")
    answer = service(tmp_path, knowledge()).index.lexical.search("hermanamiento")
    assert answer.best.entry.id == "hermanamiento"
