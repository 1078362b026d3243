"""The shapes an activity takes between the parser, the store and the reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

MAX_TEXT = 2000


@dataclass(frozen=True)
class Evidence:
    """A photo, document, video or location that backs an activity.

    Only Telegram's ``file_id`` is kept (the file stays on Telegram's servers
    and can be re-sent with it); ``message_id`` lets a redelivered message be
    attached once.
    """

    kind: str  # photo | document | video | location
    file_id: str | None = None
    message_id: int | None = None
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None

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


class EntryError(ValueError):
    """A rejected entry; the message is Spanish and says how to write it."""
