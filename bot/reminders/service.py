"""The door to deadlines, agreements and reminders for Telegram, the console, the CLI
and tests: a facade over the rooms of the wing.

- :mod:`~bot.reminders.models`, :mod:`~bot.reminders.parse`, :mod:`~bot.reminders.store`,
  :mod:`~bot.reminders.render`: what things are, how they are read, kept and shown;
- :mod:`~bot.reminders.deadline_flow`, :mod:`~bot.reminders.agreement_flow`,
  :mod:`~bot.reminders.edit_flows`: the step-by-step conversations;
- :mod:`~bot.reminders.deadline_actions`, :mod:`~bot.reminders.agreement_actions`: what
  can be done to what is saved; :mod:`~bot.reminders.buttons` routes every ``rem:`` button;
- :mod:`bot.delivery`: which reminders are owed, to whom, and what became of each.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from bot.access import Person
from bot.config import Settings
from bot.delivery.owed import OwedReminders
from bot.flows import Flow, FlowState
from bot.reminders import (
    agreement_flow,
    deadline_flow,
    edit_flows,
)
from bot.reminders.agreement_actions import AgreementActions
from bot.reminders.agreement_flow import AgreementFlow
from bot.reminders.buttons import ReminderButtons
from bot.reminders.deadline_actions import DeadlineActions
from bot.reminders.deadline_flow import DeadlineFlow
from bot.reminders.edit_flows import EditFlows
from bot.reminders.imports import ImportResult, import_file
from bot.reminders.models import ActivityRecorder, AgreementDraft, DeadlineDraft
from bot.reminders.wing import CONFIRM_DELETE, Wing
from bot.replies import Pressed, Reply
from bot.texts import reminders as texts

FLOWS: list[Flow[Any]] = [deadline_flow.FLOW, agreement_flow.FLOW, *edit_flows.FLOWS,
                          CONFIRM_DELETE]


class ReminderService:
    def __init__(self, settings: Settings, db: sqlite_utils.Database, *,
                 now: Callable[[], datetime], activities: ActivityRecorder | None = None) -> None:
        self.wing = wing = Wing(settings, db, now, activities, FLOWS)
        self.settings, self.db, self.now, self.activities = settings, db, now, activities
        self.deadlines, self.agreements = wing.deadlines, wing.agreements
        self.delivery = OwedReminders(wing)
        self.deadline_actions = DeadlineActions(wing, self.delivery)
        self.agreement_actions = AgreementActions(wing)
        self.deadline_flow = DeadlineFlow(wing, self.deadline_actions)
        self.agreement_flow = AgreementFlow(wing, self.agreement_actions)
        self.edit_flows = EditFlows(wing, self.deadline_actions, self.agreement_actions)
        self.buttons = ReminderButtons(wing, self.deadline_actions, self.agreement_actions,
                                       self.deadline_flow, self.agreement_flow)

    def new_deadline(self, person: Person, *, chat_id: int, text: str,
                     origin: str | None = None, owner: Person | None = None) -> Reply:
        """/plazo [text]: a card to confirm, or the first question of the guided flow."""
        if not self.wing.can_edit(person):
            return Reply(texts.ACCESS_STAFF)
        return self.deadline_flow.start(person, chat_id=chat_id, text=text, origin=origin,
                                        owner=owner)

    def new_agreement(self, person: Person, *, chat_id: int, text: str,
                      origin: str | None = None) -> Reply:
        """/convenio [contraparte]: the guided flow, one question at a time."""
        if not self.wing.can_edit(person):
            return Reply(texts.ACCESS_STAFF)
        return self.agreement_flow.start(person, chat_id=chat_id, text=text, origin=origin)

    def listing(self, which: str, person: Person) -> Reply:
        """/plazos or /convenios (``which``), with buttons for staff and admins."""
        if which == "plazos":
            return self.deadline_actions.listing(person)
        return self.agreement_actions.listing(person)

    def awaiting_text(self, chat_id: int, user_id: int) -> bool:
        """True if this person's next text in this chat answers one of our questions."""
        return self.wing.flows.waiting_for_text(chat_id, user_id) is not None

    def awaiting_message(self, chat_id: int, user_id: int, message_id: int | None) -> bool:
        """:meth:`awaiting_text`, or this very message already answered one of our
        questions (it is being handled again after a crash)."""
        return self.wing.flows.waiting_for_text(chat_id, user_id, message_id) is not None

    def on_text(self, person: Person, chat_id: int, text: str,
                message_id: int | None = None) -> Reply | None:
        """Typed text for an open flow; None if nothing here waits for it. Someone no
        longer on the staff cannot finish what they began. Message ``message_id``
        handled again (a replay after a crash) changes nothing: the answer is where the
        conversation stands, the same the first time gave."""
        draft = self.wing.flows.waiting_for_text(chat_id, person.id, message_id)
        if draft is None:
            return None
        if not self.wing.can_edit(person):
            self.cancel(person, chat_id)
            return Reply(texts.ACCESS_STAFF)
        if draft.replay:
            return self._replayed(draft, person)
        if draft.flow == "deadline":
            return self.deadline_flow.on_text(draft, text)
        if draft.flow == "agreement":
            return self.agreement_flow.on_text(draft, text)
        return self.edit_flows.on_text(draft, person, text)

    def _replayed(self, draft: FlowState, person: Person) -> Reply:
        if draft.flow == "deadline":
            if not draft.is_open:
                return Reply(texts.ALREADY_SAVED)
            return self.deadline_flow.ask(draft, DeadlineDraft.from_json(draft.data))
        if draft.flow == "agreement":
            if not draft.is_open:
                return Reply(texts.AG_ALREADY_SAVED)
            return self.agreement_flow.ask(draft, AgreementDraft.from_json(draft.data))
        return self.edit_flows.replayed(draft, person)

    def on_button(self, person: Person, data: str, *, chat_id: int) -> Pressed:
        return self.buttons.press(person, data, chat_id=chat_id)

    def has_draft(self, chat_id: int, user_id: int) -> bool:
        return self.wing.flows.current(chat_id, user_id) is not None

    def cancel(self, person: Person, chat_id: int) -> bool:
        return self.wing.flows.cancel(chat_id, person.id) > 0

    def import_csv(self, path: Path) -> ImportResult:
        """``enlace import FILE``: see :mod:`bot.reminders.imports`."""
        return import_file(path, deadlines=self.deadlines, agreements=self.agreements,
                           now=self.wing.now(), lines=self.wing.lines)
