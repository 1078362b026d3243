"""The weekly digest: what falls due in the next ``digest_horizon_days``, and what is
overdue and not marked done."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.delivery.plan import followup_status
from bot.reminders import render
from bot.reminders.models import Deadline
from bot.reminders.render import esc
from bot.reminders.wing import Wing
from bot.replies import Reply
from bot.texts import reminders as texts


def digest(wing: Wing, now: datetime, *, late_since: datetime | None = None) -> Reply:
    today = now.date()
    horizon = wing.settings.reminders.digest_horizon_days
    last = today + timedelta(days=horizon)
    deadlines, overdue = [], []
    for deadline in wing.deadlines.open():
        item = render.DigestItem(deadline.due_date, _deadline_text(deadline))
        if deadline.due_at(wing.tz) < now:
            overdue.append(item)
        elif deadline.due_date <= last:
            deadlines.append(item)
    agreements = []
    done = wing.agreements.followups_done()
    for agreement in wing.agreements.all():
        if agreement.status != "vigente":
            continue
        partner = esc(agreement.partner)
        if agreement.ends_on is not None and today <= agreement.ends_on <= last:
            agreements.append(render.DigestItem(
                agreement.ends_on, texts.DIGEST_AGREEMENT_ENDS.format(partner=partner)))
        pending, upcoming = followup_status(agreement, done.get(agreement.id, set()), today)
        for day in (pending, upcoming):
            if day is not None and day <= last:
                agreements.append(render.DigestItem(day, texts.DIGEST_FOLLOWUP.format(
                    cadence=texts.CADENCE_NAMES[agreement.cadence], partner=partner)))
    agreements.sort(key=lambda item: item.day)
    return render.digest(deadlines, agreements, overdue, now, horizon, late_since=late_since)


def _deadline_text(deadline: Deadline) -> str:
    clock = f" {deadline.due_time:%H:%M}" if deadline.due_time else ""
    return texts.DIGEST_DEADLINE.format(
        title=esc(deadline.title), clock=clock,
        owner=render.owner_label(deadline.owner_name, deadline.owner_id))
