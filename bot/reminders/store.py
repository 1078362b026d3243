"""The ``deadlines``, ``agreements`` and ``agreement_followups`` tables, as dict rows.

Every write is one transaction committed before the method returns, so what
the bot confirms is already on disk. Nothing is really deleted: a deadline
gets status ``deleted`` and an agreement a ``deleted_at``, so the reminders
already sent keep pointing at something and a deletion can be undone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

import sqlite_utils

from bot.dates import Duration
from bot.db import stamp
from bot.folding import fold
from bot.reminders.models import Agreement, AgreementDraft, Deadline, DeadlineDraft


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _update(db: sqlite_utils.Database, table: str, row_id: int, where: str,
            values: Mapping[str, Any]) -> bool:
    """Set ``values`` on row ``row_id`` of ``table`` if it matches ``where``; True if it did
    (so a second tap, or a change to something closed meanwhile, changes nothing)."""
    assignments = ", ".join(f"{name} = :{name}" for name in values)
    with db.atomic():
        cursor = db.execute(f"UPDATE {table} SET {assignments} WHERE id = :id AND {where}",
                            {**values, "id": row_id})
        return cursor.rowcount == 1


def deadline_of(row: Mapping[str, Any]) -> Deadline:
    return Deadline(
        id=row["id"], title=row["title"], due_date=date.fromisoformat(row["due_date"]),
        due_time=time.fromisoformat(row["due_time"]) if row["due_time"] else None,
        line=row["line"], owner_id=row["owner_id"], owner_name=row["owner_name"] or "",
        notes=row["notes"] or "", status=row["status"], created_by=row["created_by"],
        created_at=datetime.fromisoformat(row["created_at"]),
        armed_at=datetime.fromisoformat(row["armed_at"]), closed_at=_moment(row["closed_at"]),
        closed_by=row["closed_by"], source=row["source"] or "telegram",
    )


def agreement_of(row: Mapping[str, Any]) -> Agreement:
    months, days = row["duration_months"], row["duration_days"]
    return Agreement(
        id=row["id"], partner=row["partner"], kind=row["kind"], object=row["object"] or "",
        signed_on=_day(row["signed_on"]), ends_on=_day(row["ends_on"]),
        duration=Duration(months or 0, days or 0) if (months or days) else None,
        cadence=row["cadence"], owner_id=row["owner_id"], owner_name=row["owner_name"] or "",
        status=row["status"], notes=row["notes"] or "",
        created_at=datetime.fromisoformat(row["created_at"]),
        armed_at=datetime.fromisoformat(row["armed_at"]), deleted_at=_moment(row["deleted_at"]),
        created_by=row["created_by"],
    )


class DeadlineStore:
    """The ``deadlines`` table."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.table = db.table("deadlines")

    def add(self, draft: DeadlineDraft, *, by: int | None, by_name: str, at: datetime,
            source: str = "telegram", origin: str | None = None) -> tuple[Deadline, bool]:
        """Store a validated draft: ``(deadline, created)``; an ``origin`` seen before
        gives back the deadline it created (``created=False``)."""
        assert draft.due_date is not None
        if origin is not None:
            existing = self._first("origin = ?", [origin])
            if existing is not None:
                return existing, False
        when = stamp(at)
        with self.db.atomic():
            new_id = self.table.insert({
                "title": draft.title, "due_date": draft.due_date.isoformat(),
                "due_time": _clock(draft.due_time), "line": draft.line,
                "owner_id": draft.owner_id, "owner_name": draft.owner_name,
                "notes": draft.notes, "status": "open", "created_by": by,
                "created_by_name": by_name, "created_at": when, "updated_at": when,
                "armed_at": when, "source": source, "origin": origin,
            }).last_pk
        found = self.get(new_id)
        assert found is not None
        return found, True

    def _first(self, where: str, args: list[Any]) -> Deadline | None:
        row = next(self.table.rows_where(where, args, limit=1), None)
        return deadline_of(row) if row else None

    def get(self, deadline_id: int) -> Deadline | None:
        return self._first("id = ?", [deadline_id])

    def open(self) -> list[Deadline]:
        """Open deadlines, soonest first."""
        rows = self.table.rows_where(
            "status = 'open'", order_by="due_date, COALESCE(due_time, '99:99'), id")
        return [deadline_of(row) for row in rows]

    def _change(self, deadline_id: int, where: str, **values: Any) -> bool:
        return _update(self.db, "deadlines", deadline_id, where, values)

    def close(self, deadline_id: int, status: str, *, by: int | None, at: datetime) -> bool:
        """Mark done or deleted; False if it was not open (a second tap changes nothing)."""
        assert status in {"done", "deleted"}
        return self._change(deadline_id, "status = 'open'", status=status, closed_at=stamp(at),
                            closed_by=by, updated_at=stamp(at))

    def restore(self, deadline_id: int, *, at: datetime) -> bool:
        """Undo a deletion: open again, re-armed from now (no reminder from the past)."""
        return self._change(deadline_id, "status = 'deleted'", status="open", closed_at=None,
                            closed_by=None, armed_at=stamp(at), updated_at=stamp(at))

    def move(self, deadline_id: int, due_date: date, due_time: time | None, *,
             at: datetime) -> bool:
        """A new due date: re-armed from now, so its reminders are owed afresh."""
        return self._change(deadline_id, "status = 'open'", due_date=due_date.isoformat(),
                            due_time=_clock(due_time), armed_at=stamp(at), updated_at=stamp(at))

    def people(self) -> list[tuple[int, str]]:
        """(id, name) of everyone known to own or create deadlines, for owner buttons."""
        rows = self.db.query(
            "SELECT owner_id AS id, owner_name AS name FROM deadlines WHERE owner_id IS NOT NULL "
            "AND owner_name != '' UNION SELECT created_by, created_by_name FROM deadlines "
            "WHERE created_by IS NOT NULL AND created_by_name != ''")
        names: dict[int, str] = {}
        for row in rows:
            names.setdefault(row["id"], row["name"])
        return sorted(names.items(), key=lambda item: fold(item[1]))


class AgreementStore:
    """The ``agreements`` and ``agreement_followups`` tables."""

    EDITABLE = {"status", "ends_on", "signed_on", "cadence", "owner_id", "owner_name", "notes",
                "object"}
    REARMING = {"status", "ends_on", "signed_on", "cadence"}  # changes that re-arm reminders

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.table = db.table("agreements")
        self.followups = db.table("agreement_followups")

    def add(self, draft: AgreementDraft, *, by: int | None, at: datetime,
            source: str = "telegram", origin: str | None = None) -> tuple[Agreement, bool]:
        if origin is not None:
            row = next(self.table.rows_where("origin = ?", [origin], limit=1), None)
            if row:
                return agreement_of(row), False
        when = stamp(at)
        duration = draft.duration
        with self.db.atomic():
            new_id = self.table.insert({
                "partner": draft.partner, "kind": draft.kind, "object": draft.object,
                "signed_on": _iso(draft.signed_on), "ends_on": _iso(draft.ends_on),
                "duration_months": duration.months if duration else None,
                "duration_days": duration.days if duration else None,
                "cadence": draft.cadence, "owner_id": draft.owner_id,
                "owner_name": draft.owner_name, "status": draft.status, "notes": draft.notes,
                "created_by": by, "created_at": when, "updated_at": when, "armed_at": when,
                "source": source, "origin": origin,
            }).last_pk
        found = self.get(new_id)
        assert found is not None
        return found, True

    def get(self, agreement_id: int, *, deleted: bool = False) -> Agreement | None:
        """The agreement; a deleted one only when ``deleted`` (to restore it)."""
        where = "id = ?" + ("" if deleted else " AND deleted_at IS NULL")
        row = next(self.table.rows_where(where, [agreement_id], limit=1), None)
        return agreement_of(row) if row else None

    def all(self) -> list[Agreement]:
        rows = self.table.rows_where("deleted_at IS NULL", order_by="partner, id")
        return [agreement_of(row) for row in rows]

    def update(self, agreement_id: int, *, at: datetime, **fields: Any) -> bool:
        """Change fields (status, ends_on, cadence, owner…); dates re-arm its reminders."""
        assert set(fields) <= self.EDITABLE, fields
        values = {k: (_iso(v) if isinstance(v, date) else v) for k, v in fields.items()}
        values["updated_at"] = stamp(at)
        if set(fields) & self.REARMING:
            values["armed_at"] = stamp(at)
        return self._change(agreement_id, "deleted_at IS NULL", **values)

    def _change(self, agreement_id: int, where: str, **values: Any) -> bool:
        return _update(self.db, "agreements", agreement_id, where, values)

    def delete(self, agreement_id: int, *, at: datetime) -> bool:
        return self._change(agreement_id, "deleted_at IS NULL", deleted_at=stamp(at),
                            updated_at=stamp(at))

    def restore(self, agreement_id: int, *, at: datetime) -> bool:
        """Undo a deletion, re-armed from now (no reminder from while it was deleted)."""
        return self._change(agreement_id, "deleted_at IS NOT NULL", deleted_at=None,
                            armed_at=stamp(at), updated_at=stamp(at))

    # -- follow-ups ----------------------------------------------------------
    def followups_done(self) -> dict[int, set[date]]:
        done: dict[int, set[date]] = {}
        for row in self.followups.rows_where(select="agreement_id, period_on"):
            done.setdefault(row["agreement_id"], set()).add(date.fromisoformat(row["period_on"]))
        return done

    def record_followup(self, agreement_id: int, period_on: date, *, by: int | None,
                        by_name: str, at: datetime, note: str = "") -> bool:
        """True if recorded now, False if that period was already done."""
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO agreement_followups (agreement_id, period_on, done_at, done_by, "
                "done_by_name, note) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(agreement_id, period_on) DO NOTHING",
                [agreement_id, period_on.isoformat(), stamp(at), by, by_name, note],
            )
            return cursor.rowcount == 1

    def set_followup_activity(self, agreement_id: int, period_on: date, activity_id: int) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE agreement_followups SET activity_id = ? "
                "WHERE agreement_id = ? AND period_on = ?",
                [activity_id, agreement_id, period_on.isoformat()])

    def last_followup(self, agreement_id: int) -> date | None:
        row = next(self.db.query(
            "SELECT MAX(done_at) AS last FROM agreement_followups WHERE agreement_id = ?",
            [agreement_id]))
        return datetime.fromisoformat(row["last"]).date() if row["last"] else None
