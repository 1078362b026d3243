"""Deadlines (plazos): what they are, how a command describes one, how they are stored.

Every write happens in one SQLite transaction and is committed before the
method returns, so what the bot confirms is already on disk. A deadline is
never really deleted (status ``deleted``): the reminders already sent for it
keep pointing at something.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

import sqlite_utils

from bot.config import ActionLine
from bot.dates import DateError, When, find_when
from bot.folding import fold
from bot.refusal import Refusal

MAX_TITLE = 200
MAX_NOTES = 1000


class InputError(Refusal):
    """Rejected input; the message is Spanish (plain text) and says how to write it."""


@dataclass(frozen=True)
class Deadline:
    id: int
    title: str
    due_date: date
    due_time: time | None
    line: int | None
    owner_id: int | None
    owner_name: str
    notes: str
    status: str  # open | done | deleted
    created_by: int | None
    created_at: datetime
    armed_at: datetime
    closed_at: datetime | None = None
    closed_by: int | None = None
    source: str = "telegram"

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def due_at(self, tz) -> datetime:
        """The moment it falls due: its hour, or the end of its day when it has none."""
        return datetime.combine(self.due_date, self.due_time or time(23, 59), tzinfo=tz)

    @property
    def stamp(self) -> str:
        """The due date as it goes into reminder keys: a new date gives new keys."""
        if self.due_time is None:
            return self.due_date.isoformat()
        return f"{self.due_date.isoformat()}T{self.due_time:%H:%M}"


@dataclass(frozen=True)
class DeadlineDraft:
    """A deadline being written, before it is confirmed."""

    title: str = ""
    due_date: date | None = None
    due_time: time | None = None
    line: int | None = None
    owner_id: int | None = None
    owner_name: str = ""
    notes: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "due_time": self.due_time.strftime("%H:%M") if self.due_time else None,
            "line": self.line,
            "owner_id": self.owner_id,
            "owner_name": self.owner_name,
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeadlineDraft:
        return cls(
            title=data.get("title") or "",
            due_date=date.fromisoformat(data["due_date"]) if data.get("due_date") else None,
            due_time=time.fromisoformat(data["due_time"]) if data.get("due_time") else None,
            line=data.get("line"),
            owner_id=data.get("owner_id"),
            owner_name=data.get("owner_name") or "",
            notes=data.get("notes") or "",
        )

    def with_when(self, when: When) -> DeadlineDraft:
        return replace(self, due_date=when.day, due_time=when.time)


# ----------------------------------------------------------------------------- validation

TITLE_HELP = "Escriba qué vence, por ejemplo: «Convocatoria KUSANONE»."


def clean_title(text: str) -> str:
    title = re.sub(r"\s+", " ", text or "").strip(" \t\n-–—:;,.")
    if not title:
        raise InputError("Falta el título del plazo. " + TITLE_HELP)
    if len(title) > MAX_TITLE:
        raise InputError(f"El título es muy largo ({len(title)} caracteres; máximo {MAX_TITLE}).")
    return title


def check_due(due_date: date, due_time: time | None, now: datetime) -> None:
    """A deadline must not be in the past (today without an hour is fine)."""
    if due_date < now.date():
        raise InputError(
            "Esa fecha ya pasó. Un plazo debe ser hoy o una fecha futura, por ejemplo "
            "«el 15 de diciembre» o «el próximo viernes»."
        )
    if due_date == now.date() and due_time is not None and due_time <= now.time().replace(
            tzinfo=None):
        raise InputError(
            f"Las {due_time:%H:%M} de hoy ya pasaron. Escriba una hora más tarde o otro día."
        )


def check_line(line: int | None, lines: Sequence[ActionLine]) -> None:
    if line is not None and line not in {item.number for item in lines}:
        numbers = ", ".join(str(item.number) for item in lines)
        raise InputError(f"La línea {line} no existe; las líneas son {numbers}.")


def validate(draft: DeadlineDraft, now: datetime, lines: Sequence[ActionLine]) -> DeadlineDraft:
    """The draft ready to store, or :class:`InputError` saying what is missing or wrong."""
    title = clean_title(draft.title)
    if draft.due_date is None:
        raise InputError("Falta la fecha del plazo. Escríbala como «15 de diciembre», "
                         "«15/12/2026» o «el próximo viernes».")
    check_due(draft.due_date, draft.due_time, now)
    check_line(draft.line, lines)
    if len(draft.notes) > MAX_NOTES:
        raise InputError(f"Las notas son muy largas (máximo {MAX_NOTES} caracteres).")
    return replace(draft, title=title, notes=draft.notes.strip())


# ----------------------------------------------------------------------------- the command

_LINE = re.compile(r"(?:^|\s)(?:l[ií]nea|linea|l)\s*(?P<n>\d{1,2})\b", re.IGNORECASE)
_URL = re.compile(r"https?://\S+")
_NOTES = re.compile(r"\s(?:\||notas?:|nota:)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedCommand:
    draft: DeadlineDraft
    date_found: bool


def parse_command(text: str, *, now: datetime, lines: Sequence[ActionLine]) -> ParsedCommand:
    """Read "/plazo Convocatoria KUSANONE el 15 de diciembre a las 10 línea 4 | notas".

    Notes go after "|" or "notas:", links anywhere become notes, "línea N" picks
    the line. The date is found with :func:`bot.dates.find_when` (future).
    Raises :class:`InputError` for an invalid date; a missing date or title is
    left empty for the guided flow to ask.
    """
    body = f" {text.strip()} "
    notes = ""
    split = _NOTES.search(body)
    if split:
        body, notes = body[: split.start()], body[split.end():].strip()
    links = _URL.findall(body)
    body = _URL.sub(" ", body)
    if links:
        notes = " ".join([*links, notes]).strip()
    line = None
    match = _LINE.search(body)
    if match:
        line = int(match.group("n"))
        body = body[: match.start()] + " " + body[match.end():]
    try:
        when = find_when(body, now=now, prefer="future")
    except DateError as exc:
        raise InputError(str(exc)) from None
    if when is not None:
        body = when.rest
    title = re.sub(r"\s+", " ", body).strip(" \t\n-–—:;,.")
    draft = DeadlineDraft(title=title, line=line, notes=notes)
    if when is not None:
        draft = draft.with_when(when)
    check_line(line, lines)
    return ParsedCommand(draft=draft, date_found=when is not None)


# ----------------------------------------------------------------------------- storage

_COLUMNS = ("id, title, due_date, due_time, line, owner_id, owner_name, notes, status, "
            "created_by, created_at, armed_at, closed_at, closed_by, source")


def _row(row: Sequence[Any]) -> Deadline:
    (id_, title, due_date, due_time, line, owner_id, owner_name, notes, status, created_by,
     created_at, armed_at, closed_at, closed_by, source) = row
    return Deadline(
        id=id_, title=title, due_date=date.fromisoformat(due_date),
        due_time=time.fromisoformat(due_time) if due_time else None, line=line,
        owner_id=owner_id, owner_name=owner_name or "", notes=notes or "", status=status,
        created_by=created_by, created_at=datetime.fromisoformat(created_at),
        armed_at=datetime.fromisoformat(armed_at),
        closed_at=datetime.fromisoformat(closed_at) if closed_at else None,
        closed_by=closed_by, source=source or "telegram",
    )


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


class DeadlineStore:
    """The ``deadlines`` table."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, draft: DeadlineDraft, *, by: int | None, by_name: str, at: datetime,
            source: str = "telegram", origin: str | None = None) -> tuple[Deadline, bool]:
        """Store a validated draft: ``(deadline, created)``; an ``origin`` seen before
        gives back the deadline it created (``created=False``)."""
        assert draft.due_date is not None
        if origin is not None:
            existing = self._by_origin(origin)
            if existing is not None:
                return existing, False
        stamp = _stamp(at)
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO deadlines (title, due_date, due_time, line, owner_id, owner_name, "
                "notes, status, created_by, created_by_name, created_at, updated_at, armed_at, "
                "source, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)",
                [draft.title, draft.due_date.isoformat(),
                 draft.due_time.strftime("%H:%M") if draft.due_time else None, draft.line,
                 draft.owner_id, draft.owner_name, draft.notes, by, by_name, stamp, stamp, stamp,
                 source, origin],
            )
            new_id = cursor.lastrowid
        found = self.get(new_id)
        assert found is not None
        return found, True

    def _by_origin(self, origin: str) -> Deadline | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM deadlines WHERE origin = ?",
                              [origin]).fetchone()
        return _row(row) if row else None

    def get(self, deadline_id: int) -> Deadline | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM deadlines WHERE id = ?",
                              [deadline_id]).fetchone()
        return _row(row) if row else None

    def open(self) -> list[Deadline]:
        """Open deadlines, soonest first."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM deadlines WHERE status = 'open' "
            "ORDER BY due_date, COALESCE(due_time, '99:99'), id"
        ).fetchall()
        return [_row(r) for r in rows]

    def close(self, deadline_id: int, status: str, *, by: int | None, at: datetime) -> bool:
        """Mark done or deleted; False if it was not open (a second tap changes nothing)."""
        assert status in {"done", "deleted"}
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE deadlines SET status = ?, closed_at = ?, closed_by = ?, updated_at = ? "
                "WHERE id = ? AND status = 'open'",
                [status, _stamp(at), by, _stamp(at), deadline_id],
            )
            return cursor.rowcount == 1

    def move(self, deadline_id: int, due_date: date, due_time: time | None, *,
             at: datetime) -> bool:
        """A new due date: re-armed from now, so its reminders are owed afresh."""
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE deadlines SET due_date = ?, due_time = ?, armed_at = ?, updated_at = ? "
                "WHERE id = ? AND status = 'open'",
                [due_date.isoformat(), due_time.strftime("%H:%M") if due_time else None,
                 _stamp(at), _stamp(at), deadline_id],
            )
            return cursor.rowcount == 1

    def people(self) -> list[tuple[int, str]]:
        """(id, name) of everyone known to own or create deadlines, for owner buttons."""
        rows = self.db.execute(
            "SELECT owner_id, owner_name FROM deadlines WHERE owner_id IS NOT NULL "
            "AND owner_name != '' UNION SELECT created_by, created_by_name FROM deadlines "
            "WHERE created_by IS NOT NULL AND created_by_name != ''"
        ).fetchall()
        names: dict[int, str] = {}
        for person_id, name in rows:
            names.setdefault(person_id, name)
        return sorted(names.items(), key=lambda item: fold(item[1]))


def postponed(deadline: Deadline, days: int) -> tuple[date, time | None]:
    return deadline.due_date + timedelta(days=days), deadline.due_time
