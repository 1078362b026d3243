"""One-question flows on something already saved: a new date for a postponed deadline,
a new end or signing date for an agreement. Each waits for one typed answer."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.access import Person
from bot.dates import DateError, format_when, parse_when
from bot.flows import Flow, FlowState, Step
from bot.reminders.agreement_actions import AgreementActions
from bot.reminders.deadline_actions import DeadlineActions
from bot.reminders.models import InputError
from bot.reminders.parse import read_end, read_signed
from bot.reminders.render import esc
from bot.reminders.wing import Wing
from bot.replies import Reply
from bot.texts import reminders as texts

# Each waits for one typed answer, read by EditFlows.
FLOWS: list[Flow[None]] = [Flow("postpone", {"date": Step(typed=True)}),
                           Flow("agreement_end", {"end": Step(typed=True)}),
                           Flow("agreement_signed", {"signed": Step(typed=True)})]


class EditFlows:
    def __init__(self, wing: Wing, deadlines: DeadlineActions,
                 agreements: AgreementActions) -> None:
        self.wing = wing
        self.deadlines = deadlines
        self.agreements = agreements

    def on_text(self, draft: FlowState, person: Person, text: str) -> Reply:
        if draft.flow == "postpone":
            return self._postpone(draft, person, text)
        return self._agreement(draft, text)

    def replayed(self, draft: FlowState, person: Person) -> Reply:
        """The same typed answer handled again (after a crash): nothing changes; the
        confirmation says what the first time did, from what is saved now."""
        wing = self.wing  # only a closing answer is recorded: these are closed
        if draft.flow == "postpone":
            deadline = wing.deadlines.get(int(draft.data.get("deadline_id", 0)))
            if deadline is None:
                return Reply(texts.NOT_FOUND)
            return Reply(texts.POSTPONED.format(
                title=esc(deadline.title), when=format_when(deadline.due_date, deadline.due_time),
                name=esc(person.name)))
        agreement = wing.agreements.get(int(draft.data.get("agreement_id", 0)))
        if agreement is None:
            return Reply(texts.AG_NOT_FOUND)
        if draft.flow == "agreement_signed" and agreement.signed_on is not None:
            what = texts.AG_WHAT_SIGNED.format(day=_day(agreement.signed_on))
        elif agreement.ends_on is not None:
            what = texts.AG_WHAT_ENDS.format(day=_day(agreement.ends_on))
        else:
            what = ""
        return self.agreements.updated(agreement, what)

    def _postpone(self, draft: FlowState, person: Person, text: str) -> Reply:
        wing = self.wing
        deadline = wing.deadlines.get(int(draft.data.get("deadline_id", 0)))
        if deadline is None or not deadline.is_open:
            wing.flows.close(draft.id)
            return Reply(texts.ALREADY_CLOSED)
        try:
            when = parse_when(text, now=wing.now(), prefer="future")
        except DateError as exc:
            return Reply(esc(exc), prompt=True)
        with wing.db.atomic():  # the move and the message that made it: both or neither
            reply = self.deadlines.move(person, deadline, when.day,
                                        when.time or deadline.due_time)
            if not reply.prompt:
                wing.flows.close(draft.id, message_id=draft.message_id)
        return reply

    def _agreement(self, draft: FlowState, text: str) -> Reply:
        """The new end, or the signing date; signing also fixes the end of an agreement
        given as a duration, and one in negotiation becomes in force."""
        wing = self.wing
        now = wing.now()
        agreement = wing.agreements.get(int(draft.data.get("agreement_id", 0)))
        if agreement is None:
            wing.flows.close(draft.id)
            return Reply(texts.AG_NOT_FOUND)
        changes: dict[str, Any] = {}
        what: list[str] = []
        try:
            if draft.flow == "agreement_signed":
                signed = read_signed(text, agreement.ends_on, now)
                changes["signed_on"] = signed
                what.append(texts.AG_WHAT_SIGNED.format(day=_day(signed)))
                if agreement.ends_on is None and agreement.duration is not None:
                    changes["ends_on"] = agreement.duration.after(signed)
                    what.append(texts.AG_WHAT_ENDS.format(day=_day(changes["ends_on"])))
                if agreement.status == "negociacion":
                    changes["status"] = "vigente"
                    what.append(texts.AG_WHAT_STATUS.format(status=texts.STATUS_NAMES["vigente"]))
            else:
                ends_on, duration = read_end(text, agreement.signed_on, now)
                if duration is not None:
                    if agreement.signed_on is None:
                        raise InputError(texts.END_NEEDS_SIGNED)
                    ends_on = duration.after(agreement.signed_on)
                assert ends_on is not None
                changes["ends_on"] = ends_on
                what.append(texts.AG_WHAT_ENDS.format(day=_day(ends_on)))
        except (InputError, DateError) as exc:
            return Reply(esc(exc), prompt=True)
        with wing.db.atomic():  # the change and the message that made it: both or neither
            wing.agreements.update(agreement.id, at=now, **changes)
            wing.flows.close(draft.id, message_id=draft.message_id)
        return self.agreements.updated(agreement, ", ".join(what))


def _day(day: date) -> str:
    return format_when(day, None)
