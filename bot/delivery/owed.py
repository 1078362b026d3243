"""Which reminder messages are owed now, worded, and what became of each.

The plan (:mod:`bot.delivery.plan`) says which reminders should exist, the
outbox (:mod:`bot.delivery.outbox`) which (reminder, chat) pairs already went
out; what is left is worded here with today's numbers. The sending engine
(:mod:`bot.delivery.engine`) reports back through :class:`Journal`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.delivery.digest import digest
from bot.delivery.outbox import Delivery
from bot.delivery.plan import Due, plan
from bot.reminders import render
from bot.reminders.wing import Wing
from bot.replies import Reply

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """A reminder message to send now, already worded."""

    delivery: Delivery
    reply: Reply

    @property
    def chat_id(self) -> int:
        return self.delivery.chat_id

    @property
    def key(self) -> str:
        return self.delivery.key

    @property
    def due(self) -> Due:
        return self.delivery.due


class OutgoingJournal:
    """The outbox journal of one outgoing message, for the transport to report to."""

    def __init__(self, owed: OwedReminders, out: Outgoing) -> None:
        self.owed = owed
        self.out = out

    def begin(self) -> None:
        self.owed.begin(self.out)

    def accepted(self) -> None:
        self.owed.accepted(self.out)

    def retract(self) -> None:
        self.owed.retract(self.out)


class OwedReminders:
    """The reminders side of delivery, on the wing's stores and clock."""

    def __init__(self, wing: Wing) -> None:
        self.wing = wing
        self.outbox = wing.outbox
        self.since = self.outbox.started_at(wing.now())  # digests are owed from here on

    def plan(self, now: datetime | None = None) -> list[Due]:
        wing = self.wing
        return plan(wing.deadlines.open(), wing.agreements.all(),
                    wing.agreements.followups_done(), wing.settings.reminders,
                    now=now or wing.now(), since=self.since, tz=wing.tz)

    def outgoing(self) -> list[Outgoing]:
        """Every reminder message owed now, worded with today's numbers."""
        now = self.wing.now()
        late_after = timedelta(minutes=self.wing.settings.reminders.late_after_minutes)
        deliveries = self.outbox.pending(self.plan(now), self.wing.recipients, now=now,
                                         late_after=late_after)
        result = []
        for delivery in deliveries:
            reply = self._word(delivery, now)
            if reply is not None:
                result.append(Outgoing(delivery, reply))
        return result

    def next_wakeup(self) -> datetime | None:
        now = self.wing.now()
        return self.outbox.next_fire_at(self.plan(now), now)

    # What the sender reports, in order: begin (request leaving), accepted (HTTP 200) or
    # retract (anything else), then sent with the message id.
    def begin(self, out: Outgoing) -> None:
        self.outbox.begin(out.delivery, at=self.wing.now())

    def accepted(self, out: Outgoing) -> None:
        self.outbox.accepted(out.delivery, at=self.wing.now())

    def retract(self, out: Outgoing) -> None:
        self.outbox.retract(out.delivery)

    def sent(self, out: Outgoing, message_id: int | None) -> None:
        self.outbox.mark_sent(out.delivery, message_id=message_id, at=self.wing.now())

    def undeliverable(self, out: Outgoing, detail: str) -> None:
        self.outbox.mark_undeliverable(out.delivery, at=self.wing.now(), detail=detail)

    def settle_interrupted(self) -> None:
        """At start-up: a request in flight when the process died counts as delivered."""
        for key, chat in self.outbox.settle_interrupted():
            log.warning("Reminder %s to chat %s was being sent when Enlace stopped; "
                        "counted as delivered, not sent again", key, chat)

    def moved(self, old: int, new: int) -> bool:
        """Telegram moved chat ``old`` to ``new``: follow it; True the first time."""
        first = self.wing.moves.record(old, new, at=self.wing.now())
        self.outbox.follow_move(old, new)
        return first

    def _word(self, delivery: Delivery, now: datetime) -> Reply | None:
        wing, due = self.wing, delivery.due
        since = render.late_since(due.fire_at, delivery.late)
        if due.kind == "deadline":
            deadline = wing.deadlines.get(due.item_id or 0)
            if deadline is None or not deadline.is_open:
                return None
            return render.deadline_reminder(deadline, now, wing.lines, wing.tz, late_since=since)
        if due.kind in {"expiry", "followup"}:
            agreement = wing.agreements.get(due.item_id or 0)
            if agreement is None:
                return None
            if due.kind == "expiry":
                return render.expiry_reminder(agreement, now, late_since=since)
            assert due.on is not None
            return render.followup_reminder(agreement, due.on,
                                            wing.agreements.last_followup(agreement.id), now,
                                            late_since=since)
        if due.kind == "digest":
            return digest(wing, now, late_since=since)
        raise AssertionError(due.kind)
