"""Guided flows in progress, on disk.

A draft is what someone is writing with /plazo or /convenio (or a new date
for a postponed deadline). Keeping it in SQLite instead of in memory means a
restart does not lose it, and closing it in the same statement that checks
it is open makes "✅ Guardar" save once however many times it is tapped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlite_utils

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


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


_COLUMNS = "id, kind, chat_id, user_id, user_name, step, data, updated_at, closed_at, saved_id"


def _row(row) -> Draft:
    (id_, kind, chat_id, user_id, user_name, step, data, updated_at, closed_at, saved_id) = row
    return Draft(id=id_, kind=kind, chat_id=chat_id, user_id=user_id, user_name=user_name or "",
                 step=step, data=json.loads(data or "{}"),
                 updated_at=datetime.fromisoformat(updated_at),
                 closed_at=datetime.fromisoformat(closed_at) if closed_at else None,
                 saved_id=saved_id)


class DraftStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def open(self, kind: str, *, chat_id: int, user_id: int, user_name: str, step: str,
             data: dict[str, Any], at: datetime, origin: str | None = None) -> tuple[Draft, bool]:
        """A new draft (closing the person's other open drafts in this chat), or, for an
        ``origin`` seen before (a redelivered message), the draft it opened."""
        if origin is not None:
            row = self.db.execute(f"SELECT {_COLUMNS} FROM reminder_drafts WHERE origin = ?",
                                  [origin]).fetchone()
            if row:
                return _row(row), False
        stamp = _stamp(at)
        with self.db.atomic():
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
        row = self.db.execute(f"SELECT {_COLUMNS} FROM reminder_drafts WHERE id = ?",
                              [draft_id]).fetchone()
        return _row(row) if row else None

    def awaiting_text(self, chat_id: int, user_id: int, now: datetime) -> Draft | None:
        """The person's open draft in this chat that waits for typed text, if any."""
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM reminder_drafts WHERE chat_id = ? AND user_id = ? "
            "AND closed_at IS NULL AND step NOT IN ('confirm', 'buttons') "
            "ORDER BY id DESC LIMIT 1", [chat_id, user_id]).fetchone()
        if not row:
            return None
        draft = _row(row)
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
