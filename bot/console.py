"""The same conversation as on Telegram, in a terminal, with no token and no network.

For trying Enlace out and for curators checking how a question is answered.
Buttons are shown numbered; typing the number presses it. The person at the
terminal acts as an admin (it is their own machine).
"""

from __future__ import annotations

from typing import TextIO

from bot.knowledge.render import plain_text
from bot.knowledge.service import KnowledgeService
from bot.replies import Reply
from bot.services import Services
from bot.texts import console as texts

CONSOLE_USER = 0

class Console:
    """A read-eval-print loop over the core services."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.knowledge = KnowledgeService(services)
        self.buttons: list[str] = []
        self.services.settings.access.admins.append(CONSOLE_USER)

    def handle(self, line: str) -> str:
        """The console's answer to one line typed by the person."""
        line = line.strip()
        if line.isdigit() and self.buttons:
            number = int(line)
            if not 1 <= number <= len(self.buttons):
                return texts.UNKNOWN_NUMBER
            pressed = self.knowledge.press(self.buttons[number - 1], CONSOLE_USER)
            if pressed.reply is None:
                return pressed.toast or ""
            return self._show(pressed.reply)
        if line in {"/guias", "/temas"}:
            return self._show(self.knowledge.guides())
        if line == "/pendientes":
            return self._show(self.knowledge.pending())
        question = line.removeprefix("/pregunta").strip()
        answer = self.knowledge.ask(question, user_id=CONSOLE_USER, user_name="consola")
        return self._show(self.knowledge.reply(answer))

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
