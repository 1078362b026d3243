"""The durable inbox: no Telegram update is lost to a crash, none is handled twice.

python-telegram-bot acknowledges an update to Telegram (the next ``getUpdates``
offset, or the webhook's 200) as soon as it sits in an in-memory queue, so a
``kill -9`` lost whatever was queued. Here each update is committed to SQLite
first (:meth:`Inbox.receive`), handled from there, and marked done only after
its handler returned, its effects committed (:meth:`Inbox.done`). At start-up
the unfinished ones are handled first (:meth:`Inbox.pending`). An update
Telegram sends again after a crash is recognised by its ``update_id``.

Between "effects committed" and "marked done" a crash makes the handler run
again; the handlers' own idempotency (chat and message ids, outbox keys) makes
that second run store nothing new and resend the same confirmation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

KEEP_DONE = timedelta(days=7)
INBOX_KEY = "inbox"  # where the application keeps its Inbox (``bot_data``)

#: The ``update_id`` being handled by the current task (set by the update processor).
CURRENT_UPDATE: ContextVar[int | None] = ContextVar("current_update", default=None)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Inbox:
    """Updates as received, by ``update_id``; used from the event-loop thread only."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def receive(self, update_id: int, payload: dict[str, Any]) -> bool:
        """Store an update (committed on return); False if it was already known."""
        with self.db.conn:
            cursor = self.db.execute(
                "insert or ignore into inbox (update_id, received_at, payload) values (?, ?, ?)",
                [update_id, _now(), json.dumps(payload, ensure_ascii=False)])
        return cursor.rowcount == 1

    def is_done(self, update_id: int) -> bool:
        row = self.db.execute("select done_at from inbox where update_id = ?",
                              [update_id]).fetchone()
        return row is not None and row[0] is not None

    def done(self, update_id: int) -> None:
        """Its handler returned: never handle it again."""
        with self.db.conn:
            self.db.execute(
                "insert into inbox (update_id, received_at, payload, done_at) "
                "values (?, ?, '{}', ?) on conflict(update_id) do update set done_at = "
                "coalesce(inbox.done_at, excluded.done_at)", [update_id, _now(), _now()])

    def once(self, key: str, effect: Callable[[], int]) -> tuple[int, bool]:
        """Run ``effect`` (which commits and returns an id) once per update being handled:
        ``(id, True)``; for a replayed update that already ran it, ``(id, False)``.

        For effects not idempotent by themselves ("undo my latest entry", "postpone one
        day"). The effect and its record are one transaction (the stores write through
        ``db.atomic()``, which nests): a kill leaves both or neither. An effect that
        raises (a refusal) is rolled back and not recorded.
        """
        update_id = CURRENT_UPDATE.get()
        if update_id is None:
            return effect(), True
        row = self.db.execute("select value from inbox_effects where update_id = ? and key = ?",
                              [update_id, key]).fetchone()
        if row is not None:
            return int(row[0]), False
        with self.db.atomic():
            value = effect()
            self.db.execute("insert or replace into inbox_effects values (?, ?, ?)",
                            [update_id, key, str(value)])
        return value, True

    def pending(self) -> list[dict[str, Any]]:
        """Updates received but not finished (a crash, a kill), oldest first."""
        rows = self.db.execute(
            "select payload from inbox where done_at is null order by update_id").fetchall()
        return [json.loads(row[0]) for row in rows]

    def counts(self) -> tuple[int, int]:
        """(done, pending), for ``enlace doctor`` and the benchmark."""
        row = self.db.execute(
            "select count(done_at), count(*) - count(done_at) from inbox").fetchone()
        return int(row[0]), int(row[1])

    def prune(self, keep: timedelta = KEEP_DONE) -> int:
        """Forget finished updates older than ``keep`` (Telegram keeps them 24 h at most)."""
        cutoff = (datetime.now(UTC) - keep).isoformat(timespec="milliseconds")
        with self.db.conn:
            cursor = self.db.execute(
                "delete from inbox where done_at is not null and done_at < ?", [cutoff])
            self.db.execute("delete from inbox_effects where update_id not in "
                            "(select update_id from inbox)")
        return cursor.rowcount
