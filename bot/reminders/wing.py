"""What every room of the reminders wing shares: settings, the clock, the stores, who
may do what, and where reminders go."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from typing import Any, TypeVar

import sqlite_utils

from bot import access
from bot.access import Person
from bot.config import ActionLine, Settings
from bot.delivery import recipients as routing
from bot.delivery.chats import ChatMoves
from bot.delivery.outbox import Outbox
from bot.delivery.plan import Due
from bot.flows import Conversations, Flow, FlowState, Step
from bot.inbox import Inbox
from bot.reminders import render
from bot.reminders.models import (
    ActivityRecorder,
    Agreement,
    AgreementDraft,
    Deadline,
    DeadlineDraft,
)
from bot.reminders.store import AgreementStore, DeadlineStore
from bot.replies import Reply
from bot.texts import reminders as texts

D = TypeVar("D", DeadlineDraft, AgreementDraft)
Item = TypeVar("Item", Deadline, Agreement)
# A deletion waiting for its yes or no ({"what": "deadline" | "agreement", "id": …}): the
# answer buttons name this, so a crafted "yes" without the question deletes nothing.
CONFIRM_DELETE: Flow[None] = Flow("delete", {"buttons": Step()})


@dataclass
class Wing:
    """Handed to every room; ``flow_table`` is every reminders conversation (declared in
    the flow modules, gathered by :mod:`bot.reminders.service`)."""

    settings: Settings
    db: sqlite_utils.Database
    clock: Callable[[], datetime]
    activities: ActivityRecorder | None = None
    flow_table: Sequence[Flow[Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.deadlines = DeadlineStore(self.db)
        self.agreements = AgreementStore(self.db)
        self.flows = Conversations(self.db, self.flow_table, self.now)
        self.outbox = Outbox(self.db)
        self.moves = ChatMoves(self.db)
        self.inbox = Inbox(self.db)

    def once(self, key: str, effect: Callable[[], int]) -> tuple[int, bool]:
        """Run ``effect`` once per Telegram update (a replay after a crash gets the first
        result, ``False``): for button effects whose second run would change things
        again (see :meth:`bot.inbox.Inbox.once`). Outside Telegram it just runs."""
        return self.inbox.once(key, effect)

    @property
    def tz(self) -> tzinfo:
        return self.settings.office.tz

    @property
    def lines(self) -> list[ActionLine]:
        return self.settings.action_lines

    def now(self) -> datetime:
        return self.clock().astimezone(self.tz)

    def start_once(self, flow: str, person: Person, *, chat_id: int, step: str,
                   data: dict[str, Any], exclusive: bool = True) -> FlowState:
        """Open a conversation from a button, once per update: the same tap handled again
        after a crash gives back the same conversation, not a second question."""
        state_id, _ = self.once(f"flow:{flow}", lambda: self.flows.start(
            flow, person, chat_id=chat_id, step=step, data=data, exclusive=exclusive)[0].id)
        state = self.flows.get(state_id)
        assert state is not None
        return state

    # -- who may do what -------------------------------------------------------
    def can_edit(self, person: Person) -> bool:
        """Creating and changing deadlines and agreements: staff and admins."""
        return access.can_log(person.id, self.settings.access)

    def can_delete(self, person: Person, *owners: int | None) -> bool:
        """Deleting (and restoring): the owner or whoever created it, or an admin."""
        if access.is_admin(person.id, self.settings.access):
            return True
        return self.can_edit(person) and person.id in owners

    def owned(self, person: Person, item: Item | None, *, missing: str,
              refusal: str) -> Item | Reply:
        """``item`` if ``person`` may delete or restore it (:meth:`can_delete`); else the
        button's answer: ``missing`` (it is gone) or ``refusal`` (not theirs)."""
        if item is None:
            return Reply("", toast=missing, close_buttons=True)
        if not self.can_delete(person, item.owner_id, item.created_by):
            return Reply("", toast=refusal)
        return item

    def ask_to_delete(self, person: Person, chat_id: int, owners: tuple[int | None, ...],
                      what: str, item_id: int, question: str) -> Reply:
        """🗑: only for the owner, the creator or an admin, and asked first."""
        if not self.can_delete(person, *owners):
            return Reply("", toast=texts.DELETE_NOT_YOURS)
        draft = self.start_once(CONFIRM_DELETE.name, person, chat_id=chat_id, step="buttons",
                                data={"what": what, "id": item_id}, exclusive=False)
        return Reply(question, render.confirm_buttons(draft.id))

    # -- where reminders go ----------------------------------------------------
    @property
    def group(self) -> int | None:
        """The office group now: the configured id, or where Telegram moved it."""
        return self.moves.current(self.settings.office.group_chat_id)

    def recipients(self, due: Due) -> list[int]:
        """Who gets ``due``, each chat where Telegram says it is now."""
        chats = routing.recipients(due, self.group, self.settings.access.admins)
        return list(dict.fromkeys(self.moves.current(chat) or chat for chat in chats))

    def where(self, due: Due, owner_name: str) -> str:
        return routing.where(due, owner_name, self.group, self.settings.access.admins)

    # -- owners ----------------------------------------------------------------
    def people(self) -> list[tuple[int, str]]:
        """Staff and admins known by name, for the owner buttons."""
        staff = set(self.settings.access.staff) | set(self.settings.access.admins)
        return [(pid, name) for pid, name in self.deadlines.people() if pid in staff]

    def with_owner_id(self, data: D, owner_id: int, person: Person) -> D:
        if owner_id == person.id:
            return replace(data, owner_id=person.id, owner_name=person.name)
        return replace(data, owner_id=owner_id, owner_name=dict(self.people()).get(owner_id, ""))
