"""Where the office group is now: the configured id, or where Telegram moved it.

When a group becomes a supergroup Telegram gives it a new id and refuses
sends to the old one (``migrate_to_chat_id``). The move is stored in
``chat_moves``, so the new id wins over ``office.group_chat_id`` from then
on, across restarts, until the config is updated.
"""

from __future__ import annotations

import logging
from datetime import datetime

import sqlite_utils

from bot.db import stamp

log = logging.getLogger(__name__)
MAX_HOPS = 10  # a chain of moves longer than this is a loop in the data, not real moves


class ChatMoves:
    """The ``chat_moves`` table: old chat id → new chat id."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.table = db.table("chat_moves")

    def current(self, chat_id: int | None) -> int | None:
        """``chat_id`` after every recorded move."""
        for _ in range(MAX_HOPS):
            if chat_id is None:
                return None
            row = next(self.table.rows_where("old_chat_id = ?", [chat_id], limit=1), None)
            if row is None:
                return chat_id
            chat_id = row["new_chat_id"]
        return chat_id

    def record(self, old: int, new: int, *, at: datetime) -> bool:
        """Remember that ``old`` is now ``new``; True the first time it is heard."""
        if old == new:
            return False
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO chat_moves (old_chat_id, new_chat_id, moved_at) VALUES (?, ?, ?) "
                "ON CONFLICT(old_chat_id) DO NOTHING", [old, new, stamp(at)])
        if cursor.rowcount == 1:
            log.warning("Chat %s was moved by Telegram to %s (a group upgraded to a "
                        "supergroup); sending there from now on. Update office.group_chat_id.",
                        old, new)
        return cursor.rowcount == 1

    def unannounced(self) -> list[tuple[int, int]]:
        """Moves the admins have not been told about yet: (old, new)."""
        rows = self.table.rows_where("announced_at IS NULL", order_by="moved_at")
        return [(row["old_chat_id"], row["new_chat_id"]) for row in rows]

    def announced(self, old: int, *, at: datetime) -> None:
        with self.db.atomic():
            self.db.execute("UPDATE chat_moves SET announced_at = ? WHERE old_chat_id = ?",
                            [stamp(at), old])

    def outdated(self, configured: int | None) -> int | None:
        """The id that should replace ``configured`` in the config, if it moved."""
        current = self.current(configured)
        return current if current != configured else None
