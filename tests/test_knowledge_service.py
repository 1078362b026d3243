"""The knowledge facade: the one door Telegram and the console use for questions."""

from __future__ import annotations

from bot.knowledge.service import KnowledgeService
from tests.conftest import LIAISON_ID


def test_a_question_is_answered_and_recorded_once_even_when_asked_again(services):
    kb = KnowledgeService(services)
    first = kb.ask("que es aod", user_id=LIAISON_ID, user_name="Ana")
    assert first.entry is not None and first.question_id
    again = kb.asked_again("que es aod", first.question_id, user_id=LIAISON_ID)
    assert again.question_id == first.question_id and again.entry == first.entry
    assert services.db["questions"].count == 1
    assert "Ayuda Oficial al Desarrollo" in kb.reply(first).text


def test_guides_and_their_buttons_go_through_the_same_door(services):
    kb = KnowledgeService(services)
    guides = kb.guides()
    data = guides.buttons[0][0][1]
    assert data.startswith("kb:cat:")
    pressed = kb.press(data, LIAISON_ID)
    assert pressed.reply is not None and pressed.reply.buttons
