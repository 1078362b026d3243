"""The one door from questions-and-answers to the office's registry of agreements and deadlines.

Live answers ("¿cuándo vence el convenio con GOAL?") read what ``/convenios``
and ``/plazos`` keep. Everything the Q&A side needs from the reminders feature
goes through this module, as plain snapshots, so that feature can change its
internals and only this adapter follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

import sqlite_utils

from bot.access import can_read
from bot.config import AccessSettings
from bot.reminders.store import AgreementStore, DeadlineStore


def may_see(user_id: int | None, access: AccessSettings) -> bool:
    """Registry facts in answers are for whoever may read /plazos and /convenios."""
    return user_id is not None and can_read(user_id, access)


@dataclass(frozen=True)
class AgreementFacts:
    """An agreement as the office tracks it today."""

    partner: str
    kind: str  # as people read it: "Memorando de entendimiento (MoU)"
    object: str
    status: str  # negociacion | vigente | vencido | terminado (vencido derived from ends_on)
    signed_on: date | None
    ends_on: date | None
    owner_name: str
    next_followup: date | None
    last_followup: date | None


@dataclass(frozen=True)
class DeadlineFacts:
    """An open deadline."""

    title: str
    due_date: date
    due_time: time | None
    owner_name: str
    notes: str


class Registry:
    """Read-only view of agreements and open deadlines in ``db``."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def agreements(self, today: date) -> list[AgreementFacts]:
        store = AgreementStore(self.db)
        found: list[AgreementFacts] = []
        for a in store.all():
            upcoming = [d for d in a.followup_dates(date(today.year + 2, 12, 31)) if d >= today]
            found.append(AgreementFacts(
                partner=a.partner, kind=a.kind_name, object=a.object,
                status=a.effective_status(today), signed_on=a.signed_on, ends_on=a.ends_on,
                owner_name=a.owner_name,
                next_followup=upcoming[0] if upcoming and a.status == "vigente" else None,
                last_followup=store.last_followup(a.id)))
        return found

    def deadlines(self) -> list[DeadlineFacts]:
        """Open deadlines, soonest first."""
        return [DeadlineFacts(d.title, d.due_date, d.due_time, d.owner_name, d.notes)
                for d in DeadlineStore(self.db).open()]
