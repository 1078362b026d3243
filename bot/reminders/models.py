"""What the reminders wing is about: deadlines, agreements and the drafts that become them.

Plain values with no storage and no parsing. Dates are office-local; a
deadline with no hour falls due at the end of its day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, tzinfo
from typing import Any, Protocol

from bot.dates import DateError, Duration, When, add_months
from bot.refusal import Refusal
from bot.texts import reminders as texts

KINDS: tuple[str, ...] = tuple(texts.KIND_NAMES)  # mou | convenio | hermanamiento | carta | otro
CADENCES: dict[str, int] = {"none": 0, "mensual": 1, "trimestral": 3, "semestral": 6,
                            "anual": 12}  # months between follow-ups
STATUSES: tuple[str, ...] = tuple(texts.STATUS_NAMES)  # negociacion | vigente | vencido | …


class InputError(Refusal):
    """Rejected input; the message is Spanish (plain text) and says how to write it."""


class Recorded(Protocol):
    """What the activity log gives back for a recorded activity."""

    id: int


class ActivityRecorder(Protocol):
    """The activity log, as reminders use it (:class:`bot.activities.service.ActivityService`):
    a follow-up done is logged as an activity."""

    def record(self, *, line: int, text: str, user_id: int, user_name: str = "",
               day: date | None = None, partners: Sequence[str] = (),
               source: str = "service") -> Recorded: ...


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

    def due_at(self, tz: tzinfo) -> datetime:
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


@dataclass(frozen=True)
class Agreement:
    id: int
    partner: str
    kind: str
    object: str
    signed_on: date | None
    ends_on: date | None
    duration: Duration | None
    cadence: str
    owner_id: int | None
    owner_name: str
    status: str
    notes: str
    created_at: datetime
    armed_at: datetime
    deleted_at: datetime | None = None
    created_by: int | None = None

    def effective_status(self, today: date) -> str:
        """``vigente`` past its end date reads as ``vencido`` without anyone editing it."""
        if self.status == "vigente" and self.ends_on is not None and self.ends_on < today:
            return "vencido"
        return self.status

    @property
    def kind_name(self) -> str:
        return texts.KIND_NAMES.get(self.kind, self.kind)

    def anchor(self) -> date:
        """Where follow-up periods are counted from."""
        return self.signed_on or self.created_at.date()

    def followup_dates(self, until: date) -> list[date]:
        """Every follow-up date after the anchor up to ``until`` (and the end date).

        Each is ``anchor + k × period`` computed from the anchor, so 31 January
        monthly gives 28 February, then 31 March (no drift to the 28th).
        """
        months = CADENCES.get(self.cadence, 0)
        if not months:
            return []
        last = min(until, self.ends_on) if self.ends_on else until
        dates: list[date] = []
        k = 1
        while True:
            try:
                day = add_months(self.anchor(), k * months)
            except DateError:
                break
            if day > last:
                break
            dates.append(day)
            k += 1
        return dates


@dataclass(frozen=True)
class AgreementDraft:
    partner: str = ""
    kind: str | None = None
    object: str = ""
    signed_on: date | None = None
    ends_on: date | None = None
    duration: Duration | None = None
    cadence: str | None = None
    owner_id: int | None = None
    owner_name: str = ""
    status: str | None = None
    notes: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "partner": self.partner, "kind": self.kind, "object": self.object,
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "duration": [self.duration.months, self.duration.days] if self.duration else None,
            "cadence": self.cadence, "owner_id": self.owner_id, "owner_name": self.owner_name,
            "status": self.status, "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AgreementDraft:
        duration = data.get("duration")
        return cls(
            partner=data.get("partner") or "", kind=data.get("kind"),
            object=data.get("object") or "",
            signed_on=date.fromisoformat(data["signed_on"]) if data.get("signed_on") else None,
            ends_on=date.fromisoformat(data["ends_on"]) if data.get("ends_on") else None,
            duration=Duration(*duration) if duration else None,
            cadence=data.get("cadence"), owner_id=data.get("owner_id"),
            owner_name=data.get("owner_name") or "", status=data.get("status"),
            notes=data.get("notes") or "",
        )

    def end_date(self) -> date | None:
        """The end: written, or signing date + duration."""
        if self.ends_on is not None:
            return self.ends_on
        if self.duration is not None and self.signed_on is not None:
            return self.duration.after(self.signed_on)
        return None
