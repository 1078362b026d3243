"""Guided flows in progress, on disk.

A draft is what someone is writing with /plazo or /convenio (or a new date
for a postponed deadline). Keeping it in SQLite instead of in memory means a
restart does not lose it, and closing it in the same statement that checks
it is open makes "✅ Guardar" save once however many times it is tapped.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

from bot.reminders.store import stamp as _stamp

MAX_AGE = timedelta(hours=24)


@dataclass(frozen=True)
class Draft:
    id: int
    kind: str  # deadline | agreement | postpone | agreement_end
    chat_id: int
    user_id: int
    user_name: str
    step: str
    data: dict[str, Any]
    updated_at: datetime
    closed_at: datetime | None
    saved_id: int | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def _draft(row: Mapping[str, Any]) -> Draft:
    return Draft(id=row["id"], kind=row["kind"], chat_id=row["chat_id"],
                 user_id=row["user_id"], user_name=row["user_name"] or "", step=row["step"],
                 data=json.loads(row["data"] or "{}"),
                 updated_at=datetime.fromisoformat(row["updated_at"]),
                 closed_at=datetime.fromisoformat(row["closed_at"]) if row["closed_at"] else None,
                 saved_id=row["saved_id"])


class DraftStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.table = db.table("reminder_drafts")

    def _first(self, where: str, args: list[Any], order_by: str | None = None) -> Draft | None:
        row = next(self.table.rows_where(where, args, order_by=order_by, limit=1), None)
        return _draft(row) if row else None

    def open(self, kind: str, *, chat_id: int, user_id: int, user_name: str, step: str,
             data: dict[str, Any], at: datetime, origin: str | None = None,
             exclusive: bool = True) -> tuple[Draft, bool]:
        """A new draft (closing the person's other open drafts in this chat, unless not
        ``exclusive``: a yes/no question), or, for an ``origin`` seen before (a
        redelivered message), the draft it opened."""
        if origin is not None:
            found = self._first("origin = ?", [origin])
            if found is not None:
                return found, False
        stamp = _stamp(at)
        with self.db.atomic():
            if exclusive:
                self.db.execute(
                    "UPDATE reminder_drafts SET closed_at = ? WHERE chat_id = ? AND user_id = ? "
                    "AND closed_at IS NULL", [stamp, chat_id, user_id])
            cursor = self.db.execute(
                "INSERT INTO reminder_drafts (kind, chat_id, user_id, user_name, step, data, "
                "origin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [kind, chat_id, user_id, user_name, step, json.dumps(data, ensure_ascii=False),
                 origin, stamp, stamp])
            new_id = cursor.lastrowid
        draft = self.get(new_id)
        assert draft is not None
        return draft, True

    def get(self, draft_id: int) -> Draft | None:
        return self._first("id = ?", [draft_id])

    def awaiting_text(self, chat_id: int, user_id: int, now: datetime) -> Draft | None:
        """The person's open draft in this chat that waits for typed text, if any."""
        draft = self._first("chat_id = ? AND user_id = ? AND closed_at IS NULL "
                            "AND step NOT IN ('confirm', 'buttons')", [chat_id, user_id],
                            order_by="id DESC")
        if draft is None:
            return None
        if now - draft.updated_at > MAX_AGE:
            return None
        return draft

    def has_open(self, chat_id: int, user_id: int, now: datetime) -> bool:
        row = self.db.execute(
            "SELECT MAX(updated_at) FROM reminder_drafts WHERE chat_id = ? AND user_id = ? "
            "AND closed_at IS NULL", [chat_id, user_id]).fetchone()
        return bool(row and row[0] and now - datetime.fromisoformat(row[0]) <= MAX_AGE)

    def update(self, draft_id: int, *, step: str, data: dict[str, Any], at: datetime) -> bool:
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE reminder_drafts SET step = ?, data = ?, updated_at = ? "
                "WHERE id = ? AND closed_at IS NULL",
                [step, json.dumps(data, ensure_ascii=False), _stamp(at), draft_id])
            return cursor.rowcount == 1

    def close(self, draft_id: int, *, at: datetime, saved_id: int | None = None) -> bool:
        """Close it; False if it was already closed (the caller then does nothing)."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE reminder_drafts SET closed_at = ?, saved_id = ? "
                "WHERE id = ? AND closed_at IS NULL", [_stamp(at), saved_id, draft_id])
            return cursor.rowcount == 1

    def cancel_all(self, chat_id: int, user_id: int, at: datetime) -> int:
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE reminder_drafts SET closed_at = ? WHERE chat_id = ? AND user_id = ? "
                "AND closed_at IS NULL", [_stamp(at), chat_id, user_id])
            return cursor.rowcount
