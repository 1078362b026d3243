"""The shapes an activity takes between the parser, the store, the service and the replies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.activities.periods import Period
from bot.refusal import Refusal

MAX_TEXT = 2000


@dataclass(frozen=True)
class Evidence:
    """A photo, document, video or location that backs an activity.

    Telegram's ``file_id`` is kept (the file stays on Telegram's servers and can
    be re-sent with it); photos are also copied once under the data folder
    (``path``) so the informe can show them; ``message_id`` lets a redelivered
    message be attached once.
    """

    kind: str  # photo | document | video | location
    file_id: str | None = None
    message_id: int | None = None
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    path: str | None = None  # a local copy (photos, for the informe), under the data folder

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evidence:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Activity:
    """One stored activity, as read back from the database."""

    id: int
    day: date
    line: int
    text: str
    user_id: int
    user_name: str
    created_at: datetime
    partners: tuple[str, ...] = ()
    department: str | None = None
    chat_id: int | None = None
    message_id: int | None = None
    evidence: tuple[Evidence, ...] = ()
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
    deleted_by: int | None = None
    source: str = "telegram"

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass
class Draft:
    """What a quick-log text says, before it is stored. ``line`` is None when it
    could not be told; ``candidates`` then lists the lines worth offering first."""

    text: str
    day: date
    line: int | None = None
    partners: list[str] = field(default_factory=list)
    department: str | None = None
    candidates: list[int] = field(default_factory=list)
    day_given: bool = False
    future_date: str = ""  # a future date left in the text ("la otra semana"), not the day


class EntryError(Refusal):
    """A rejected entry; the message is Spanish and says how to write it."""


@dataclass(frozen=True)
class Logged:
    """An entry stored (``created``) or found already stored (a redelivered message)."""

    activity: Activity
    created: bool
    guessed_line: bool = False
    future_date: str = ""  # what the note said of a later day, kept in its text


@dataclass
class DraftState:
    """A guided log in progress, as kept in its conversation (``flows``, :mod:`bot.flows`)."""

    chat_id: int
    user_id: int
    user_name: str
    step: str  # line | text | evidence | confirm
    mode: str  # guided | quick
    origin_message_id: int
    last_message_id: int
    created_at: datetime
    updated_at: datetime
    line: int | None = None
    text: str | None = None
    day: date | None = None
    partners: list[str] = field(default_factory=list)
    department: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    candidates: list[int] = field(default_factory=list)  # likeliest lines, asked first

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DraftState:
        return cls(
            chat_id=row["chat_id"], user_id=row["user_id"], user_name=row["user_name"] or "",
            step=row["step"], mode=row["mode"], origin_message_id=row["origin_message_id"],
            last_message_id=row["last_message_id"] or 0,
            created_at=datetime.fromisoformat(row["created_at"]),
            updated_at=datetime.fromisoformat(row["updated_at"]),
            line=row["line"], text=row["text"],
            day=date.fromisoformat(row["day"]) if row["day"] else None,
            partners=list(row["partners"]), department=row["department"],
            evidence=[Evidence.from_json(e) for e in row["evidence"]],
            candidates=[int(n) for n in row.get("candidates") or []],
        )

    def to_row(self) -> dict[str, Any]:
        return {
            "chat_id": self.chat_id, "user_id": self.user_id, "user_name": self.user_name,
            "step": self.step, "mode": self.mode, "origin_message_id": self.origin_message_id,
            "last_message_id": self.last_message_id,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "updated_at": self.updated_at.isoformat(timespec="seconds"),
            "line": self.line, "text": self.text,
            "day": self.day.isoformat() if self.day else None,
            "partners": self.partners, "department": self.department,
            "evidence": [e.to_json() for e in self.evidence],
            "candidates": self.candidates,
        }


@dataclass(frozen=True)
class Step:
    """Where a guided log stands after a call: the handler asks the matching question."""

    draft: DraftState
    repeated: bool = False  # the same message again (Telegram redelivery): ask again
    added_evidence: bool = False
    dropped: str | None = None  # the text of an unsaved log this one replaced

    @property
    def name(self) -> str:
        return self.draft.step


@dataclass(frozen=True)
class Attached:
    """Evidence sent on its own and attached to the person's latest entry."""

    activity: Activity
    added: bool  # False when this message was already attached (redelivery)


@dataclass(frozen=True)
class Listing:
    activities: list[Activity]
    total: int
    period: Period | None
    line: int | None
    person: str | None
    mine_only: bool
    deleted: bool


def add_evidence(current: list[Evidence], new: Sequence[Evidence]) -> list[Evidence]:
    """``current`` plus ``new``, a message already attached counting once."""
    seen = {(e.message_id, e.kind, e.file_id) for e in current}
    seen_messages = {e.message_id for e in current if e.message_id is not None}
    out = list(current)
    for item in new:
        if item.message_id is not None and item.message_id in seen_messages:
            continue
        if (item.message_id, item.kind, item.file_id) in seen:
            continue
        out.append(item)
        seen.add((item.message_id, item.kind, item.file_id))
        if item.message_id is not None:
            seen_messages.add(item.message_id)
    return out
