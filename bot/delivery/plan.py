"""Which reminders should exist: a pure function of deadlines, agreements and settings.

Nothing here reads the clock or the database. Every reminder gets a stable
key that names what it is about and the date it is for, e.g.

- ``deadline:12:2026-12-15T10:00:lead:1d`` (a new due date gives new keys),
- ``agreement:3:expiry:2028-10-01:30`` (30 days before that end date),
- ``agreement:3:followup:2027-02-15`` (the follow-up for that period),
- ``digest:2026-11-23`` (the weekly digest of that Monday).

Keys that belong to the same thing share a ``group`` (``deadline:12:2026-12-15T10:00``):
when several of a group fell due while the bot was down only the newest is sent.

A reminder is owed only if its time is at or after the moment its item was
"armed" (created, or its date last changed): adding a deadline for tomorrow
does not produce a "7 days before" message from last week.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.config import ReminderSettings
from bot.reminders.models import Agreement, Deadline

_LEAD = re.compile(r"^(\d+)([dhm])$")


@dataclass(frozen=True)
class Lead:
    """A lead time from the config: "7d" (at send_at, 7 days before), "2h", "30m", "0m"."""

    text: str
    amount: int
    unit: str  # d | h | m

    @classmethod
    def parse(cls, text: str) -> Lead:
        match = _LEAD.match(text.strip())
        if not match:
            raise ValueError(f"lead time {text!r}")
        return cls(text.strip(), int(match.group(1)), match.group(2))

    def fire_at(self, due_date: date, due_time: time | None, send_at: time,
                tz: tzinfo) -> datetime:
        """When this lead fires for a deadline due at ``due_date`` (``due_time``).

        Day leads fire at ``send_at`` that many days before, but never after the
        due hour itself. Hour and minute leads count back from the due hour; a
        deadline with no hour has none, so they fire at ``send_at`` on the day.
        """
        if self.unit == "d":
            fire = datetime.combine(due_date - timedelta(days=self.amount), send_at, tzinfo=tz)
            if due_time is not None:
                fire = min(fire, datetime.combine(due_date, due_time, tzinfo=tz))
            return fire
        if due_time is None:
            return datetime.combine(due_date, send_at, tzinfo=tz)
        delta = timedelta(hours=self.amount) if self.unit == "h" else timedelta(
            minutes=self.amount)
        return datetime.combine(due_date, due_time, tzinfo=tz) - delta


@dataclass(frozen=True)
class Due:
    """One reminder that should exist."""

    key: str
    group: str
    fire_at: datetime
    kind: str  # deadline | expiry | followup | digest
    item_id: int | None = None
    owner_id: int | None = None
    lead: str = ""  # deadline: the lead ("1d"); expiry: the days before ("30")
    on: date | None = None  # expiry: the end date; followup: the period date


def deadline_dues(deadline: Deadline, leads: Sequence[Lead], send_at: time,
                  tz: tzinfo) -> list[Due]:
    if not deadline.is_open:
        return []
    group = f"deadline:{deadline.id}:{deadline.stamp}"
    seen: set[datetime] = set()
    dues: list[Due] = []
    for lead in sorted(leads, key=lambda item: item.fire_at(
            deadline.due_date, deadline.due_time, send_at, tz)):
        fire = lead.fire_at(deadline.due_date, deadline.due_time, send_at, tz)
        if fire < deadline.armed_at or fire in seen:
            continue
        seen.add(fire)
        dues.append(Due(key=f"{group}:lead:{lead.text}", group=group, fire_at=fire,
                        kind="deadline", item_id=deadline.id, owner_id=deadline.owner_id,
                        lead=lead.text))
    return dues


def agreement_dues(agreement: Agreement, done: set[date], *, expiry_days: Iterable[int],
                   send_at: time, tz: tzinfo, until: date) -> list[Due]:
    """Expiry cascade and follow-ups of an agreement in force (stored as ``vigente``)."""
    if agreement.status != "vigente":
        return []
    dues: list[Due] = []
    if agreement.ends_on is not None:
        group = f"agreement:{agreement.id}:expiry:{agreement.ends_on.isoformat()}"
        for days in sorted(set(expiry_days), reverse=True):
            fire = datetime.combine(agreement.ends_on - timedelta(days=days), send_at, tzinfo=tz)
            if fire < agreement.armed_at:
                continue
            dues.append(Due(key=f"{group}:{days}", group=group, fire_at=fire, kind="expiry",
                            item_id=agreement.id, owner_id=agreement.owner_id, lead=str(days),
                            on=agreement.ends_on))
    group = f"agreement:{agreement.id}:followup"
    for day in agreement.followup_dates(until):
        fire = datetime.combine(day, send_at, tzinfo=tz)
        if day in done or fire < agreement.armed_at:
            continue
        dues.append(Due(key=f"{group}:{day.isoformat()}", group=group, fire_at=fire,
                        kind="followup", item_id=agreement.id, owner_id=agreement.owner_id,
                        on=day))
    return dues


def digest_dues(settings: ReminderSettings, *, since: datetime, now: datetime,
                tz: tzinfo) -> list[Due]:
    """The last weekly digest time at or before ``now`` and the next one, if owed."""
    if not settings.digest_enabled:
        return []
    today = now.astimezone(tz).date()
    back = (today.weekday() - settings.digest_weekday) % 7
    this_week = datetime.combine(today - timedelta(days=back), settings.digest_time, tzinfo=tz)
    dues = []
    for fire in (this_week, this_week + timedelta(days=7)):
        if fire < since:
            continue
        day = fire.date().isoformat()
        dues.append(Due(key=f"digest:{day}", group="digest", fire_at=fire, kind="digest",
                        on=fire.date()))
    return dues


def plan(deadlines: Iterable[Deadline], agreements: Iterable[Agreement],
         followups_done: dict[int, set[date]], settings: ReminderSettings, *, now: datetime,
         since: datetime, tz: tzinfo, horizon_days: int = 400) -> list[Due]:
    """Every reminder that should exist around ``now``, soonest first."""
    leads = [Lead.parse(text) for text in settings.lead_times]
    until = now.astimezone(tz).date() + timedelta(days=horizon_days)
    dues: list[Due] = []
    for deadline in deadlines:
        dues.extend(deadline_dues(deadline, leads, settings.send_at, tz))
    for agreement in agreements:
        dues.extend(agreement_dues(agreement, followups_done.get(agreement.id, set()),
                                   expiry_days=settings.agreement_expiry_days,
                                   send_at=settings.send_at, tz=tz, until=until))
    dues.extend(digest_dues(settings, since=since, now=now, tz=tz))
    return sorted(dues, key=lambda due: (due.fire_at, due.key))


def followup_status(agreement: Agreement, done: set[date], today: date) -> tuple[date | None,
                                                                              date | None]:
    """(pending, upcoming): the latest follow-up date already reached (since the agreement
    was armed) if it is not done, and the next one to come. Either may be None."""
    if agreement.status != "vigente" or agreement.cadence == "none":
        return None, None
    armed = agreement.armed_at.date()
    dates = agreement.followup_dates(today + timedelta(days=400))
    reached = [d for d in dates if armed <= d <= today]
    pending = reached[-1] if reached and reached[-1] not in done else None
    upcoming = next((d for d in dates if d > today and d not in done), None)
    return pending, upcoming
