"""SQLite storage of activities: every write is committed before it returns.

Callers reply to the person only after a store method returns, so what the
bot confirms is already on disk. Deletions are soft (``deleted_at``) and every
change keeps the previous version in ``activity_history``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlite_utils

from bot.activities.models import Activity, Evidence


@dataclass(frozen=True)
class NewActivity:
    """The fields of an entry about to be stored."""

    day: date
    line: int
    text: str
    user_id: int
    user_name: str = ""
    partners: tuple[str, ...] = ()
    department: str | None = None
    chat_id: int | None = None
    message_id: int | None = None
    evidence: tuple[Evidence, ...] = ()
    source: str = "telegram"
    line_source: str = "given"  # typed | chosen | guessed | given (see m007)


@dataclass(frozen=True)
class Query:
    """Filters for :meth:`ActivityStore.find`; ``None`` means "any"."""

    start: date | None = None
    end: date | None = None  # inclusive
    line: int | None = None
    user_id: int | None = None
    user_name: str | None = None  # case-insensitive exact match
    deleted: bool | None = False  # False: live only, True: deleted only, None: both
    limit: int | None = None
    newest_first: bool = False  # most recently recorded first (else by day)


_COLUMNS = (
    "id, created_at, updated_at, day, line, text, partners, department, user_id, user_name, "
    "chat_id, message_id, evidence, deleted_at, deleted_by, source"
)


class ActivityStore:
    """Reads and writes the ``activities`` table (its history, and its texts' vectors)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- entries -------------------------------------------------------------
    def add(self, new: NewActivity, *, at: datetime) -> tuple[Activity, bool]:
        """Store ``new`` once per (chat, message): ``(activity, created)``.

        A message Telegram redelivers after a crash finds its entry already
        there and gets it back with ``created=False``.
        """
        stamp = at.isoformat(timespec="seconds")
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO activities (created_at, updated_at, day, line, text, partners, "
                "department, user_id, user_name, chat_id, message_id, evidence, source, "
                "line_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(chat_id, message_id) DO NOTHING",
                [stamp, stamp, new.day.isoformat(), new.line, new.text,
                 _dump(list(new.partners)), new.department, new.user_id, new.user_name,
                 new.chat_id, new.message_id, _dump([e.to_json() for e in new.evidence]),
                 new.source, new.line_source],
            )
            created = cursor.rowcount == 1
            if created:
                activity_id = cursor.lastrowid
            else:
                activity_id = self.db.execute(
                    "SELECT id FROM activities WHERE chat_id = ? AND message_id = ?",
                    [new.chat_id, new.message_id],
                ).fetchone()[0]
        activity = self.get(activity_id)
        assert activity is not None
        return activity, created

    def get(self, activity_id: int) -> Activity | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM activities WHERE id = ?", [activity_id]
        ).fetchone()
        return _activity(row) if row else None

    def by_message(self, chat_id: int, message_id: int) -> Activity | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM activities WHERE chat_id = ? AND message_id = ?",
            [chat_id, message_id],
        ).fetchone()
        return _activity(row) if row else None

    def find(self, query: Query) -> list[Activity]:
        """Entries matching ``query``, by day then id (or the latest recorded first)."""
        where, params = [], []
        if query.start is not None:
            where.append("day >= ?")
            params.append(query.start.isoformat())
        if query.end is not None:
            where.append("day <= ?")
            params.append(query.end.isoformat())
        if query.line is not None:
            where.append("line = ?")
            params.append(query.line)
        if query.user_id is not None:
            where.append("user_id = ?")
            params.append(query.user_id)
        if query.user_name is not None:
            where.append("lower(user_name) = lower(?)")
            params.append(query.user_name)
        if query.deleted is False:
            where.append("deleted_at IS NULL")
        elif query.deleted is True:
            where.append("deleted_at IS NOT NULL")
        sql = f"SELECT {_COLUMNS} FROM activities"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC" if query.newest_first else " ORDER BY day, id"
        if query.limit is not None:
            sql += f" LIMIT {int(query.limit)}"
        return [_activity(row) for row in self.db.execute(sql, params).fetchall()]

    def last_of(self, user_id: int) -> Activity | None:
        """The live entry ``user_id`` recorded last (by when it was recorded)."""
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM activities WHERE user_id = ? AND deleted_at IS NULL "
            "ORDER BY id DESC LIMIT 1",
            [user_id],
        ).fetchone()
        return _activity(row) if row else None

    def update(self, activity_id: int, changes: dict[str, Any], *, by: int, at: datetime,
               action: str = "edit") -> Activity:
        """Apply ``changes`` (column -> value) and keep the old row in the history."""
        columns = {key: _column_value(key, value) for key, value in changes.items()}
        columns["updated_at"] = at.isoformat(timespec="seconds")
        with self.db.atomic():
            self._remember(activity_id, by=by, at=at, action=action)
            assignments = ", ".join(f"{key} = ?" for key in columns)
            self.db.execute(
                f"UPDATE activities SET {assignments} WHERE id = ?",
                [*columns.values(), activity_id],
            )
        activity = self.get(activity_id)
        assert activity is not None
        return activity

    def delete(self, activity_id: int, *, by: int, at: datetime) -> Activity:
        return self.update(activity_id, {"deleted_at": at, "deleted_by": by}, by=by, at=at,
                           action="delete")

    def restore(self, activity_id: int, *, by: int, at: datetime) -> Activity:
        return self.update(activity_id, {"deleted_at": None, "deleted_by": None}, by=by, at=at,
                           action="restore")

    def history(self, activity_id: int) -> list[dict[str, Any]]:
        return [
            {**row, "before": json.loads(row["before"])}
            for row in self.db.query(
                "SELECT * FROM activity_history WHERE activity_id = ? ORDER BY id", [activity_id]
            )
        ]

    def known_partners(self) -> list[str]:
        """Every partner name used so far, most used first."""
        counts: dict[str, int] = {}
        for (raw,) in self.db.execute(
            "SELECT partners FROM activities WHERE deleted_at IS NULL AND partners != '[]'"
        ).fetchall():
            for name in json.loads(raw):
                counts[name] = counts.get(name, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    def line_examples(self, limit: int = 3000) -> list[tuple[str, int, bool]]:
        """(text, line, confirmed) of the latest live entries: the chooser's labelled
        examples. ``confirmed`` is False for a line the bot chose that nobody changed."""
        rows = self.db.execute(
            "SELECT text, line, coalesce(line_source, 'given') FROM activities "
            "WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?", [limit],
        ).fetchall()
        return [(text, line, source != "guessed") for text, line, source in rows]

    def vectors(self, model: str, keys: list[str]) -> dict[str, bytes]:
        """Stored vectors of texts (by text hash) for ``model``. They share the
        ``embeddings`` table with the knowledge search, under their own keys."""
        wanted = {_vector_key(model, key): key for key in keys}
        out: dict[str, bytes] = {}
        names = list(wanted)
        for start in range(0, len(names), 500):
            chunk = names[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for stored, blob in self.db.execute(
                    f"SELECT key, vector FROM embeddings WHERE key IN ({marks})", chunk):
                out[wanted[stored]] = blob
        return out

    def save_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        with self.db.atomic():
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO embeddings (key, model, dim, vector, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [(_vector_key(model, key), model, len(blob) // 4, blob, now)
                 for key, blob in vectors.items()])

    def known_departments(self) -> list[str]:
        return [
            row[0] for row in self.db.execute(
                "SELECT DISTINCT department FROM activities "
                "WHERE department IS NOT NULL AND deleted_at IS NULL ORDER BY department"
            ).fetchall()
        ]

    def _remember(self, activity_id: int, *, by: int, at: datetime, action: str) -> None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM activities WHERE id = ?", [activity_id]
        ).fetchone()
        if row is None:
            raise KeyError(activity_id)
        before = dict(zip(_COLUMNS.split(", "), row, strict=True))
        self.db.execute(
            "INSERT INTO activity_history (activity_id, changed_at, changed_by, action, before) "
            "VALUES (?, ?, ?, ?, ?)",
            [activity_id, at.isoformat(timespec="seconds"), by, action, _dump(before)],
        )

    # -- where a photo sent "right after" goes ---------------------------------
    def set_target(self, chat_id: int, user_id: int, activity_id: int | None,
                   at: datetime) -> None:
        """Remember the entry evidence sent next belongs to (None: the last command failed)."""
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO activity_targets (chat_id, user_id, activity_id, at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(chat_id, user_id) DO UPDATE SET "
                "activity_id = excluded.activity_id, at = excluded.at",
                [chat_id, user_id, activity_id, at.isoformat(timespec="seconds")],
            )

    def target(self, chat_id: int, user_id: int) -> tuple[int | None, datetime] | None:
        row = self.db.execute(
            "SELECT activity_id, at FROM activity_targets WHERE chat_id = ? AND user_id = ?",
            [chat_id, user_id],
        ).fetchone()
        return (row[0], datetime.fromisoformat(row[1])) if row else None


def _vector_key(model: str, text_key: str) -> str:
    """An activity text's row in ``embeddings``: apart from the knowledge texts' keys."""
    return hashlib.sha256(f"{model}\x00activity\x00{text_key}".encode()).hexdigest()


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _column_value(key: str, value: Any) -> Any:
    if key == "partners":
        return _dump(list(value))
    if key == "evidence":
        return _dump([e.to_json() if isinstance(e, Evidence) else e for e in value])
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _activity(row: tuple) -> Activity:
    (id_, created_at, updated_at, day, line, text, partners, department, user_id, user_name,
     chat_id, message_id, evidence, deleted_at, deleted_by, source) = row
    return Activity(
        id=id_,
        day=date.fromisoformat(day),
        line=line,
        text=text,
        user_id=user_id,
        user_name=user_name or "",
        created_at=datetime.fromisoformat(created_at),
        partners=tuple(json.loads(partners or "[]")),
        department=department,
        chat_id=chat_id,
        message_id=message_id,
        evidence=tuple(Evidence.from_json(e) for e in json.loads(evidence or "[]")),
        updated_at=_when(updated_at),
        deleted_at=_when(deleted_at),
        deleted_by=deleted_by,
        source=source or "telegram",
    )
