"""Groups let in besides the configured ones: an office group Telegram upgraded.

When a group becomes a supergroup Telegram gives it a new id and says so in
the new chat (``migrate_from_chat_id``). If the old id was an office group the
new one is recorded here, so the access guard does not leave the office's own
group. A move learnt the other way, from a refused send (``chat_moves``, kept by
:mod:`bot.delivery.chats` so reminders follow it), lets the new id in too.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlite_utils


class AllowedChats:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def ids(self) -> set[int]:
        return {int(r[0]) for r in self.db.execute(
            "select chat_id from allowed_chats union select new_chat_id from chat_moves")}

    def add(self, chat_id: int, reason: str) -> None:
        with self.db.conn:
            self.db.execute(
                "insert or ignore into allowed_chats (chat_id, reason, since) values (?, ?, ?)",
                [chat_id, reason, datetime.now(UTC).isoformat(timespec="seconds")])
