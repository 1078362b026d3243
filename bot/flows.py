"""One engine for step-by-step conversations, their state in one SQLite table.

A flow is declared once, as a table of its steps (like python-telegram-bot's
``ConversationHandler(states=…)``): for each step, the question it asks and how a
typed answer changes what is being written. The state of every conversation in
progress is a row of ``flows`` (which flow, whose, which step, the data so far as
JSON), written before the bot answers: a restart (or a crash) loses nothing, the
next message or button continues where the person was. Closing a row in the same
statement that checks it is open makes "✅ Guardar" save once however many times
it is tapped; an ``origin`` (the chat and message that began it) makes a
redelivered command continue the same conversation instead of starting another.
Likewise a typed answer: the conversation remembers the message that last moved it
(``answer_message_id``, written in the same statement as the move), so the same
message handled again (replayed from the inbox after a crash) is recognised
(:attr:`FlowState.replay`) and never applied to the step after it.

Each feature keeps its flows in its own :class:`Conversations`: starting one closes
that person's other conversations *of the same feature* in that chat, and
``/cancelar`` cancels those only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

import sqlite_utils

from bot.access import Person
from bot.db import stamp as _stamp
from bot.replies import Reply

D = TypeVar("D")
MAX_AGE = timedelta(hours=24)


@dataclass(frozen=True)
class Step(Generic[D]):
    """One step: the question, and how a typed answer changes the data.

    ``ask(data, buttons)`` draws the question; ``buttons`` is the callback-data prefix
    of this conversation (e.g. ``"rem:d:12"``), for answer buttons. ``answer`` raises a
    :class:`bot.refusal.Refusal` saying what was wrong; a step without ``answer`` waits
    for buttons only, unless ``typed`` (the flow reads the text itself). ``then`` is the
    next step after an answer (``None``: the flow decides).
    """

    ask: Callable[[D, str], Reply] | None = None
    answer: Callable[[D, str, datetime], D] | None = None
    then: str | None = None
    typed: bool = False


@dataclass(frozen=True)
class Flow(Generic[D]):
    """A conversation: its name and its steps, declared in one table."""

    name: str
    steps: Mapping[str, Step[D]]
    max_age: timedelta = MAX_AGE

    def reads_text(self, step: str) -> bool:
        found = self.steps.get(step)
        return found is not None and (found.answer is not None or found.typed)


@dataclass(frozen=True)
class FlowState:
    """A conversation in progress (or closed), as kept in ``flows``."""

    id: int
    flow: str
    chat_id: int
    user_id: int
    user_name: str
    step: str
    data: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None = None
    saved_id: int | None = None
    origin: str | None = None
    #: The typed message being answered now (set by :meth:`Conversations.taking_text`);
    #: :meth:`Conversations.go` and :meth:`Conversations.close` record it.
    message_id: int | None = None
    #: True when that message already moved this conversation: apply nothing, answer
    #: with where it stands.
    replay: bool = False

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def _state(row: Mapping[str, Any]) -> FlowState:
    return FlowState(
        id=row["id"], flow=row["flow"], chat_id=row["chat_id"], user_id=row["user_id"],
        user_name=row["user_name"] or "", step=row["step"], data=json.loads(row["data"] or "{}"),
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        closed_at=datetime.fromisoformat(row["closed_at"]) if row["closed_at"] else None,
        saved_id=row["saved_id"], origin=row["origin"])


def _marks(names: Sequence[str]) -> str:
    return ", ".join("?" * len(names))


@dataclass
class Conversations:
    """The flows of one feature, on the shared ``flows`` table."""

    db: sqlite_utils.Database
    flows: Sequence[Flow[Any]]
    clock: Callable[[], datetime]
    by_name: dict[str, Flow[Any]] = field(init=False)

    def __post_init__(self) -> None:
        self.table = self.db.table("flows")
        self.by_name = {flow.name: flow for flow in self.flows}
        self.names = list(self.by_name)

    def _first(self, where: str, args: list[Any], order_by: str | None = None) -> FlowState | None:
        row = next(self.table.rows_where(where, args, order_by=order_by, limit=1), None)
        return _state(row) if row else None

    def start(self, flow: str, person: Person, *, chat_id: int, step: str,
              data: dict[str, Any], origin: str | None = None,
              exclusive: bool = True) -> tuple[FlowState, bool]:
        """Begin ``flow`` at ``step``: ``(state, started)``. It closes the person's other
        conversations here (unless not ``exclusive``: a yes/no question asked on the
        side); an ``origin`` seen before gives back the conversation it began."""
        assert flow in self.by_name, flow
        if origin is not None:
            found = self._first("origin = ?", [origin])
            if found is not None:
                return found, False
        now = _stamp(self.clock())
        with self.db.atomic():
            if exclusive:
                self.db.execute(
                    f"UPDATE flows SET closed_at = ? WHERE chat_id = ? AND user_id = ? "
                    f"AND closed_at IS NULL AND flow IN ({_marks(self.names)})",
                    [now, chat_id, person.id, *self.names])
            new_id = self.table.insert({
                "flow": flow, "chat_id": chat_id, "user_id": person.id,
                "user_name": person.name, "step": step,
                "data": json.dumps(data, ensure_ascii=False), "origin": origin,
                "created_at": now, "updated_at": now}).last_pk
        state = self.get(new_id)
        assert state is not None
        return state, True

    def get(self, state_id: int) -> FlowState | None:
        state = self._first("id = ?", [state_id])
        return state if state is not None and state.flow in self.by_name else None

    def current(self, chat_id: int, user_id: int) -> FlowState | None:
        """The person's newest open conversation here, unless abandoned for longer than
        its flow allows."""
        names = self.names
        state = self._first(
            f"chat_id = ? AND user_id = ? AND closed_at IS NULL AND flow IN ({_marks(names)})",
            [chat_id, user_id, *names], order_by="id DESC")
        if state is None or self.clock() - state.updated_at > self.by_name[state.flow].max_age:
            return None
        return state

    def waiting_for_text(self, chat_id: int, user_id: int,
                         message_id: int | None = None) -> FlowState | None:
        """The conversation typed message ``message_id`` goes to: the one it already
        moved (a replay: ``replay`` is True, even if that closed it), else the person's
        open conversation here whose step takes typed text, if any. The state carries
        ``message_id``, so moving or closing it records the message."""
        if message_id is not None:
            answered = self._first(
                f"chat_id = ? AND user_id = ? AND answer_message_id = ? "
                f"AND flow IN ({_marks(self.names)})",
                [chat_id, user_id, message_id, *self.names], order_by="id DESC")
            if answered is not None:
                return replace(answered, message_id=message_id, replay=True)
        state = self.current(chat_id, user_id)
        if state is None or not self.by_name[state.flow].reads_text(state.step):
            return None
        return replace(state, message_id=message_id)

    def go(self, state: FlowState, step: str, data: dict[str, Any]) -> FlowState:
        """Move to ``step`` with ``data``, on disk before the bot answers (with the typed
        message that moved it, if any, in the same statement)."""
        now = self.clock()
        with self.db.atomic():
            self.db.execute("UPDATE flows SET step = ?, data = ?, updated_at = ?, "
                            "answer_message_id = COALESCE(?, answer_message_id) "
                            "WHERE id = ? AND closed_at IS NULL",
                            [step, json.dumps(data, ensure_ascii=False), _stamp(now),
                             state.message_id, state.id])
        return replace(state, step=step, data=data, updated_at=now)

    def close(self, state_id: int, *, saved_id: int | None = None,
              message_id: int | None = None) -> bool:
        """Close it (``message_id``: the typed answer that finished it); False if it was
        already closed (the caller then does nothing)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE flows SET closed_at = ?, saved_id = ?, "
                "answer_message_id = COALESCE(?, answer_message_id) "
                "WHERE id = ? AND closed_at IS NULL",
                [_stamp(self.clock()), saved_id, message_id, state_id])
            return cursor.rowcount == 1

    def cancel(self, chat_id: int, user_id: int) -> int:
        """Close every open conversation of this feature the person has here."""
        with self.db.atomic():
            cursor = self.db.execute(
                f"UPDATE flows SET closed_at = ? WHERE chat_id = ? AND user_id = ? "
                f"AND closed_at IS NULL AND flow IN ({_marks(self.names)})",
                [_stamp(self.clock()), chat_id, user_id, *self.names])
            return cursor.rowcount
