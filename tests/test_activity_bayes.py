"""The line chooser's word view keeps its counts between choices: what staff notice is
that a correction ("Cambiar línea") or a deletion moves the evidence at once, and that a
choice gives exactly what counting the whole history again would give."""

import random

from bot.access import Person
from bot.activities.bayes import WordBayes
from bot.activities.lines import Example, LineChooser
from bot.config import DEFAULT_ACTION_LINES, Settings
from bot.db import open_database
from tests.support.clock import NOW

LINES = [1, 2, 3, 4, 5]


def recount(text: str, examples: list[tuple[str, int, float]]) -> dict[int, float]:
    """The same question asked of a word view that has counted nothing yet."""
    return WordBayes().probabilities(text, examples, LINES)


def test_a_corrected_line_moves_the_words_evidence_to_the_new_line():
    bayes = WordBayes()
    notes = [("Recorrido con la fundación Arcoíris por el barrio Kennedy", 1, 0.5),
             ("Acta de la visita de la fundación Arcoíris", 1, 0.5),
             ("Seguimiento a la convocatoria de cooperación técnica", 4, 1.0)]
    asked = "Informe mensual de la fundación Arcoíris"
    before = bayes.probabilities(asked, notes, LINES)
    assert max(before, key=before.get) == 1
    # the office corrects both notes to line 3: they now count there, confirmed
    corrected = [(notes[0][0], 3, 1.0), (notes[1][0], 3, 1.0), notes[2]]
    after = bayes.probabilities(asked, corrected, LINES)
    assert max(after, key=after.get) == 3
    assert after == recount(asked, corrected)
    # one of them deleted: its words leave the counts too
    left = [corrected[0], corrected[2]]
    assert bayes.probabilities(asked, left, LINES) == recount(asked, left)


def test_kept_counts_give_exactly_what_a_full_recount_gives():
    """Notes added, relabelled, confirmed, logged twice and deleted in random order, on
    lines that exist and one that no longer does: every answer is the recount's."""
    rnd = random.Random(11)
    vocabulary = [w for line in DEFAULT_ACTION_LINES for text in line.examples
                  for w in text.split()]

    def note() -> str:
        return " ".join(rnd.choice(vocabulary) for _ in range(rnd.randint(3, 10)))

    bayes = WordBayes()
    history: list[tuple[str, int, float]] = []
    for _ in range(150):
        roll = rnd.random()
        if roll < 0.6 or not history:
            history.insert(0, (note(), rnd.randint(1, 6), rnd.choice([1.0, 0.5])))
        elif roll < 0.8:
            at = rnd.randrange(len(history))
            history[at] = (history[at][0], rnd.randint(1, 5), 1.0)
        elif roll < 0.9:
            history.pop(rnd.randrange(len(history)))
        else:
            history.insert(0, history[rnd.randrange(len(history))])
        asked = note()
        assert bayes.probabilities(asked, history, LINES) == recount(asked, history)


def test_the_chooser_learns_a_change_of_line_without_recounting(tmp_path):
    """Through the service, as /registrar and "Cambiar línea" use it."""
    from bot.activities.service import ActivityService

    settings = Settings()
    service = ActivityService(settings, open_database(tmp_path / "enlace.db"), lambda: NOW)
    service._chooser = LineChooser(settings.action_lines, None)  # words only: no model
    ana = Person(7, "Ana")
    saved = [service.log(f"1 Visita del colectivo Zuruma al parque, jornada {i}",
                         person=ana, chat_id=7, message_id=10 + i).activity for i in range(3)]
    asked = "Carta al colectivo Zuruma"

    def evidence() -> dict[int, float]:
        history = [Example(t, n, ok) for t, n, ok in service.store.line_examples()]
        return service.chooser.word_evidence(asked, [*service.chooser.seeds(), *history])

    first = evidence()
    assert max(first, key=first.get) == 1
    for activity in saved:
        service.change_line(activity.id, 5, ana)
    moved = evidence()
    assert max(moved, key=moved.get) == 5
