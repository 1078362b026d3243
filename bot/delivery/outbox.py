"""The reminder outbox: which (reminder, chat) pairs are due and not yet delivered.

The truth is in SQLite, one ``reminder_deliveries`` row per (reminder key, chat),
each change committed on its own:

- ``sending``: written the instant before the HTTP request leaves (not before a
  rate-limit wait), so a crash from then on counts the message as delivered;
- ``sent``: Telegram answered 200; ``message_id`` is filled in right after;
- any other answer (429, 5xx, 4xx) or a network error deletes the ``sending``
  row, so the pair is owed again and retried on the next tick;
- ``undeliverable``: Telegram refuses for good (403, chat not found);
- ``uncertain``: a ``sending`` row found at start-up, i.e. the process died
  while the request was in flight. It is *not* sent again.

Why "in flight" counts as delivered: once the request bytes are written, the
kernel finishes sending them even if the process is killed, and Telegram
processes a request it received; a kill in the milliseconds before the write
is far less likely than in the round trip that follows it. The one way left
to lose a reminder is a kill in that short gap before the write, or a kill in
flight when Telegram was about to answer with an error; the one way left to
double one is a timeout after Telegram accepted (we retry it). Both are
logged (``uncertain`` rows, retry warnings).

A restart re-sends nothing recorded; a crash between the group message and the
owner's sends only the owner's.
"""


from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from bot.db import stamp as _stamp
from bot.delivery.plan import Due


@dataclass(frozen=True)
class Delivery:
    """One message to send now: reminder ``due`` to ``chat_id``."""

    due: Due
    chat_id: int
    late: bool

    @property
    def key(self) -> str:
        return self.due.key


class Outbox:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def started_at(self, now: datetime) -> datetime:
        """When reminders were first switched on here (digests are owed from then on)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO reminder_meta (name, value) VALUES ('started_at', ?) "
                "ON CONFLICT(name) DO NOTHING", [_stamp(now)])
        row = self.db.execute(
            "SELECT value FROM reminder_meta WHERE name = 'started_at'").fetchone()
        return datetime.fromisoformat(row[0])

    def pending(self, dues: Sequence[Due], recipients: Callable[[Due], list[int]], *,
                now: datetime, late_after: timedelta) -> list[Delivery]:
        """Deliveries owed now, oldest first, group before owner.

        When several reminders of one group are owed (the bot was down across
        more than one of them), only the newest is delivered; the older ones are
        recorded as superseded by it, so they are never sent afterwards either.
        """
        owed = [due for due in dues if due.fire_at <= now]
        if not owed:
            return []
        handled = self._handled({due.key for due in owed})
        superseded = self._superseded({due.key for due in owed})
        open_by_group: dict[str, list[tuple[Due, list[int]]]] = {}
        for due in owed:
            if due.key in superseded:
                continue
            chats = [c for c in dict.fromkeys(recipients(due)) if (due.key, c) not in handled]
            if chats:
                open_by_group.setdefault(due.group, []).append((due, chats))
        deliveries: list[Delivery] = []
        stale: list[tuple[str, str]] = []
        for items in open_by_group.values():
            items.sort(key=lambda item: (item[0].fire_at, item[0].key))
            newest, chats = items[-1]
            stale.extend((due.key, newest.key) for due, _ in items[:-1])
            late = now - newest.fire_at > late_after
            deliveries.extend(Delivery(newest, chat, late) for chat in chats)
        if stale:
            self._supersede(stale, now)
        deliveries.sort(key=lambda d: (d.due.fire_at, d.due.key))
        return deliveries

    def next_fire_at(self, dues: Sequence[Due], now: datetime) -> datetime | None:
        """The first reminder time after ``now`` (for the precise wake-up)."""
        return next((due.fire_at for due in dues if due.fire_at > now), None)

    def begin(self, delivery: Delivery, *, at: datetime) -> None:
        """The request is about to leave: from now on a crash counts it as delivered."""
        self._insert(delivery, "sending", at, None, "")

    def accepted(self, delivery: Delivery, *, at: datetime, message_id: int | None = None) -> None:
        """Telegram answered 200 (``message_id`` once the answer is parsed)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO reminder_deliveries (key, chat_id, status, at, fire_at, late, "
                "message_id, detail) VALUES (?, ?, 'sent', ?, ?, ?, ?, '') "
                "ON CONFLICT(key, chat_id) DO UPDATE SET status = 'sent', at = excluded.at, "
                "message_id = COALESCE(excluded.message_id, message_id)",
                [delivery.key, delivery.chat_id, _stamp(at), _stamp(delivery.due.fire_at),
                 int(delivery.late), message_id])

    def retract(self, delivery: Delivery) -> None:
        """Telegram did not take it (or we never heard back): owed again."""
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM reminder_deliveries WHERE key = ? AND chat_id = ? "
                "AND status = 'sending'", [delivery.key, delivery.chat_id])

    def mark_sent(self, delivery: Delivery, *, message_id: int | None, at: datetime) -> None:
        self.accepted(delivery, at=at, message_id=message_id)

    def mark_undeliverable(self, delivery: Delivery, *, at: datetime, detail: str) -> None:
        """Telegram refused for good (the person never opened a chat with the bot, the
        group is gone): retrying would never succeed."""
        self.retract(delivery)
        self._insert(delivery, "undeliverable", at, None, detail[:300])

    def settle_interrupted(self) -> list[tuple[str, int]]:
        """At start-up: requests that were in flight when the process died become
        ``uncertain`` (counted as delivered, see the module docstring)."""
        rows = self.db.execute(
            "SELECT key, chat_id FROM reminder_deliveries WHERE status = 'sending'").fetchall()
        if rows:
            with self.db.atomic():
                self.db.execute("UPDATE reminder_deliveries SET status = 'uncertain' "
                                "WHERE status = 'sending'")
        return [(key, chat) for key, chat in rows]

    def _insert(self, delivery: Delivery, status: str, at: datetime, message_id: int | None,
                detail: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO reminder_deliveries (key, chat_id, status, at, fire_at, late, "
                "message_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(key, chat_id) DO NOTHING",
                [delivery.key, delivery.chat_id, status, _stamp(at),
                 _stamp(delivery.due.fire_at), int(delivery.late), message_id, detail],
            )

    def deliveries(self, key_prefix: str = "") -> list[dict]:
        """Recorded deliveries (for tests, the CLI and diagnosis)."""
        return list(self.db.table("reminder_deliveries").rows_where(
            "key LIKE ?", [key_prefix + "%"], order_by="at, key, chat_id",
            select="key, chat_id, status, at, fire_at, late, message_id"))

    def follow_move(self, old_chat: int, new_chat: int) -> None:
        """A group became a supergroup: what reached the old id counts for the new one,
        so nothing already delivered is sent again."""
        with self.db.atomic():
            self.db.execute("UPDATE OR IGNORE reminder_deliveries SET chat_id = ? "
                            "WHERE chat_id = ?", [new_chat, old_chat])

    def _handled(self, keys: set[str]) -> set[tuple[str, int]]:
        if not keys:
            return set()
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT key, chat_id FROM reminder_deliveries WHERE key IN ({marks})",
            list(keys)).fetchall()
        return {(key, chat) for key, chat in rows}

    def _superseded(self, keys: set[str]) -> set[str]:
        if not keys:
            return set()
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT key FROM reminder_superseded WHERE key IN ({marks})", list(keys)).fetchall()
        return {row[0] for row in rows}

    def _supersede(self, pairs: list[tuple[str, str]], at: datetime) -> None:
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT INTO reminder_superseded (key, by_key, at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO NOTHING",
                [(key, by, _stamp(at)) for key, by in pairs],
            )
