"""The knowledge feature's facade: what Telegram, the console and tests call.

A question goes in, a :class:`bot.replies.Reply` comes out; a ``kb:`` button gives a
:class:`bot.replies.Pressed`. Deciding is :mod:`bot.knowledge.qa`, drawing
:mod:`bot.knowledge.render`, buttons :mod:`bot.knowledge.buttons`. The facade is built
on demand over the office's services (it keeps no state of its own).
"""

from __future__ import annotations

from dataclasses import replace

from bot.knowledge import registry, render
from bot.knowledge.buttons import Services, press
from bot.knowledge.qa import Answer
from bot.replies import Pressed, Reply


class KnowledgeService:
    def __init__(self, services: Services) -> None:
        self.services = services

    def ask(self, question: str, *, user_id: int | None, user_name: str = "",
            chat_id: int | None = None, record: bool = True) -> Answer:
        """Answer ``question``; registry facts only for people who may read them.
        ``record=False`` decides again without storing the question (a replay)."""
        services = self.services
        return services.qa.ask(question, user_id=user_id, user_name=user_name,
                               chat_id=chat_id, record=record,
                               live=registry.may_see(user_id, services.settings.access))

    def asked_again(self, question: str, question_id: int, *, user_id: int | None,
                    chat_id: int | None = None) -> Answer:
        """The answer to a question already recorded as ``question_id`` (handled again
        after a crash): the same decision, the question not stored twice."""
        answer = self.ask(question, user_id=user_id, chat_id=chat_id, record=False)
        return replace(answer, question_id=question_id or None)

    def reply(self, answer: Answer) -> Reply:
        return render.answer_reply(answer, self.services.knowledge)

    def guides(self) -> Reply:
        """/guias: the categories, as buttons."""
        return render.categories_reply(self.services.knowledge)

    def pending(self) -> Reply:
        """/pendientes: what could not be answered, most asked first."""
        return render.pending_reply(self.services.qa.pending())

    def press(self, data: str, user_id: int) -> Pressed:
        return press(self.services, data, user_id)
