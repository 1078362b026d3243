"""The same conversation as on Telegram, in a terminal, with no token and no network.

For trying Enlace out and for curators checking how a question is answered;
``/registrar`` files an activity as in a private chat (step by step when the
line is unclear or the note is missing). Buttons are shown numbered; typing the
number presses it. The person at the terminal acts as an admin (it is their own
machine).
"""

from __future__ import annotations

import time
from typing import TextIO

from bot.access import Person
from bot.activities import buttons as activity_buttons
from bot.activities import render as activity_render
from bot.activities.models import DraftState, EntryError, Logged, Step
from bot.knowledge.render import plain_text
from bot.knowledge.service import KnowledgeService
from bot.replies import Pressed, Reply
from bot.services import Services
from bot.texts import common as common_texts
from bot.texts import console as texts

CONSOLE_USER = 0
CONSOLE_CHAT = 0


class Console:
    """A read-eval-print loop over the core services."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.knowledge = KnowledgeService(services)
        self.buttons: list[str] = []
        self.person = Person(CONSOLE_USER, "consola")
        # Activities are keyed by chat and message id: ids that grow across runs keep a
        # new /registrar from being taken for one typed in an earlier session.
        self._message_id = int(time.time() * 1000)
        self.services.settings.access.admins.append(CONSOLE_USER)

    def handle(self, line: str) -> str:
        """The console's answer to one line typed by the person."""
        line = line.strip()
        if line.isdigit() and self.buttons:
            number = int(line)
            if not 1 <= number <= len(self.buttons):
                return texts.UNKNOWN_NUMBER
            return self._pressed(self.buttons[number - 1])
        if line in {"/guias", "/temas"}:
            return self._show(self.knowledge.guides())
        if line == "/pendientes":
            return self._show(self.knowledge.pending())
        command, _, rest = line.partition(" ")
        try:
            if command == "/registrar":
                return self._show(self._outcome(self.services.activities.log(
                    rest.strip(), person=self.person, chat_id=CONSOLE_CHAT,
                    message_id=self._next_id())))
            if command == "/cancelar":
                left = self.services.activities.guided.cancel(chat_id=CONSOLE_CHAT,
                                                              user_id=CONSOLE_USER)
                return common_texts.CANCELLED if left else common_texts.NOTHING_TO_CANCEL
            draft = self.services.activities.guided.draft_of(CONSOLE_CHAT, CONSOLE_USER)
            if draft is not None and not line.startswith("/"):  # a command is no answer
                return self._show(self._outcome(self._guided(line, draft)))
        except EntryError as exc:
            return str(exc)
        if command.startswith("/") and command != "/pregunta":
            return texts.UNKNOWN_COMMAND  # not a question: nothing goes to /pendientes
        question = line.removeprefix("/pregunta").strip()
        answer = self.knowledge.ask(question, user_id=CONSOLE_USER, user_name="consola")
        return self._show(self.knowledge.reply(answer))

    def _guided(self, text: str, draft: DraftState) -> Logged | Step:
        """A line typed during a step-by-step log: what happened. At the line step the
        question is shown again: the line is one of its buttons, pressed by number."""
        if draft.step == "line":
            return Step(draft)
        return self.services.activities.guided.give_text(
            text, person=self.person, chat_id=CONSOLE_CHAT, message_id=self._next_id())

    def _outcome(self, outcome: Logged | Step) -> Reply:
        return activity_render.outcome_reply(
            outcome, self.services.activities.lines,
            evidence_minutes=self.services.settings.activities.evidence_minutes)

    def _pressed(self, data: str) -> str:
        if data.startswith("act:"):
            pressed: Pressed = activity_buttons.press(self.services.activities, data,
                                                      self.person, CONSOLE_CHAT)
        else:
            pressed = self.knowledge.press(data, CONSOLE_USER)
        if pressed.reply is None:
            return pressed.toast or ""
        return self._show(pressed.reply)

    def _next_id(self) -> int:
        self._message_id += 1
        return self._message_id

    def _show(self, reply: Reply) -> str:
        self.buttons = [data for row in reply.buttons for _, data in row]
        labels = [label for row in reply.buttons for label, _ in row]
        lines = [plain_text(reply.text)]
        lines += [f"  [{n}] {label}" for n, label in enumerate(labels, start=1)]
        return "\n".join(lines)

    def loop(self, stdin: TextIO, stdout: TextIO) -> None:
        print(texts.INTRO, file=stdout)
        while True:
            print("\n> ", end="", file=stdout, flush=True)
            line = stdin.readline()
            if not line or line.strip() in {"/salir", "salir", "exit", "quit"}:
                print(texts.BYE, file=stdout)
                return
            if line.strip():
                print(self.handle(line), file=stdout)
