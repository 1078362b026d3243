"""The door to deadlines, agreements and reminders for Telegram, the CLI and tests.

Handlers call one method and send the :class:`~bot.reminders.render.Shown` it
returns. All decisions are made here: what a command means, what is valid,
what is stored, which reminders are owed now and what they say. The Telegram
side only sends and reports back what Telegram answered
(:meth:`ReminderService.mark_sent` / :meth:`ReminderService.mark_undeliverable`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import sqlite_utils

from bot import access
from bot.access import Person
from bot.config import ActionLine, Settings
from bot.dates import DateError, format_when, parse_when
from bot.reminders import render
from bot.reminders.agreements import (
    CADENCE_NAMES,
    CADENCES,
    KINDS,
    STATUSES,
    Agreement,
    AgreementDraft,
    AgreementStore,
    read_cadence,
    read_end,
    read_kind,
    read_status,
)
from bot.reminders.agreements import validate as validate_agreement
from bot.reminders.deadlines import (
    Deadline,
    DeadlineDraft,
    DeadlineStore,
    InputError,
    check_due,
    clean_title,
    parse_command,
)
from bot.reminders.deadlines import validate as validate_deadline
from bot.reminders.drafts import Draft, DraftStore
from bot.reminders.outbox import Delivery, Outbox
from bot.reminders.plan import Due, followup_status, plan
from bot.reminders.render import Shown, esc
from bot.texts import common as common_texts
from bot.texts import reminders as texts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """A reminder message to send now, already worded."""

    delivery: Delivery
    shown: Shown

    @property
    def chat_id(self) -> int:
        return self.delivery.chat_id

    @property
    def key(self) -> str:
        return self.delivery.key

    @property
    def due(self) -> Due:
        return self.delivery.due


class ReminderService:
    def __init__(self, settings: Settings, db: sqlite_utils.Database, *,
                 now: Callable[[], datetime], activities: Any = None) -> None:
        self.settings = settings
        self.db = db
        self.now = now
        self.activities = activities  # bot.activities.service.ActivityService, when present
        self.deadlines = DeadlineStore(db)
        self.agreements = AgreementStore(db)
        self.outbox = Outbox(db)
        self.drafts = DraftStore(db)
        self.since = self.outbox.started_at(self._now())  # digests are owed from here on

    @property
    def tz(self):
        return self.settings.office.tz

    @property
    def lines(self) -> list[ActionLine]:
        return self.settings.action_lines

    def _now(self) -> datetime:
        return self.now().astimezone(self.tz)

    def can_edit(self, person: Person) -> bool:
        return access.can_log(person.id, self.settings.access)

    # ================================================================== reminders (outbox)
    def plan(self, now: datetime | None = None) -> list[Due]:
        now = now or self._now()
        return plan(self.deadlines.open(), self.agreements.all(),
                    self.agreements.followups_done(), self.settings.reminders, now=now,
                    since=self.since, tz=self.tz)

    def recipients(self, due: Due) -> list[int]:
        """Group first, then the owner privately; the digest goes to the group only
        (to the admins when no group is configured)."""
        group = self.settings.office.group_chat_id
        if due.kind == "digest":
            return [group] if group else list(self.settings.access.admins)
        chats = [group] if group else []
        if due.owner_id and due.owner_id > 0 and due.owner_id != group:
            chats.append(due.owner_id)
        # No group and no owner on Telegram: the admins, rather than nobody.
        return chats or list(self.settings.access.admins)

    def outgoing(self) -> list[Outgoing]:
        """Every reminder message owed now, worded with today's numbers."""
        now = self._now()
        late_after = timedelta(minutes=self.settings.reminders.late_after_minutes)
        deliveries = self.outbox.pending(self.plan(now), self.recipients, now=now,
                                         late_after=late_after)
        result = []
        for delivery in deliveries:
            shown = self._reminder(delivery, now)
            if shown is not None:
                result.append(Outgoing(delivery, shown))
        return result

    def next_wakeup(self) -> datetime | None:
        now = self._now()
        return self.outbox.next_fire_at(self.plan(now), now)

    # What the sender reports, in order: begin (request leaving), accepted (HTTP 200) or
    # retract (anything else), then mark_sent with the message id.
    def begin(self, out: Outgoing) -> None:
        self.outbox.begin(out.delivery, at=self._now())

    def accepted(self, out: Outgoing) -> None:
        self.outbox.accepted(out.delivery, at=self._now())

    def retract(self, out: Outgoing) -> None:
        self.outbox.retract(out.delivery)

    def mark_sent(self, out: Outgoing, message_id: int | None) -> None:
        self.outbox.mark_sent(out.delivery, message_id=message_id, at=self._now())

    def mark_undeliverable(self, out: Outgoing, detail: str) -> None:
        self.outbox.mark_undeliverable(out.delivery, at=self._now(), detail=detail)

    def settle_interrupted(self) -> None:
        """At start-up: a request in flight when the process died counts as delivered."""
        for key, chat in self.outbox.settle_interrupted():
            log.warning("Reminder %s to chat %s was being sent when Enlace stopped; "
                        "counted as delivered, not sent again", key, chat)

    def _reminder(self, delivery: Delivery, now: datetime) -> Shown | None:
        due = delivery.due
        since = render.late_since(due.fire_at, delivery.late)
        if due.kind == "deadline":
            deadline = self.deadlines.get(due.item_id or 0)
            if deadline is None or not deadline.is_open:
                return None
            return render.deadline_reminder(deadline, now, self.lines, self.tz, late_since=since)
        if due.kind in {"expiry", "followup"}:
            agreement = self.agreements.get(due.item_id or 0)
            if agreement is None:
                return None
            if due.kind == "expiry":
                return render.expiry_reminder(agreement, now, late_since=since)
            assert due.on is not None
            return render.followup_reminder(agreement, due.on,
                                            self.agreements.last_followup(agreement.id), now,
                                            late_since=since)
        if due.kind == "digest":
            return self.digest(now, late_since=since)
        raise AssertionError(due.kind)

    def digest(self, now: datetime | None = None, *, late_since: datetime | None = None) -> Shown:
        """What falls due in the next ``digest_horizon_days``, and what is overdue."""
        now = now or self._now()
        today = now.date()
        horizon = self.settings.reminders.digest_horizon_days
        last = today + timedelta(days=horizon)
        deadlines, overdue = [], []
        for deadline in self.deadlines.open():
            item = render.DigestItem(deadline.due_date, _deadline_digest_text(deadline))
            if deadline.due_at(self.tz) < now:
                overdue.append(item)
            elif deadline.due_date <= last:
                deadlines.append(item)
        agreements = []
        done = self.agreements.followups_done()
        for agreement in self.agreements.all():
            if agreement.status != "vigente":
                continue
            if agreement.ends_on is not None and today <= agreement.ends_on <= last:
                agreements.append(render.DigestItem(
                    agreement.ends_on, f"vence el convenio con <b>{esc(agreement.partner)}</b>"))
            pending, upcoming = followup_status(agreement, done.get(agreement.id, set()), today)
            for day in (pending, upcoming):
                if day is not None and day <= last:
                    agreements.append(render.DigestItem(
                        day, f"seguimiento {CADENCE_NAMES[agreement.cadence]} al convenio con "
                             f"<b>{esc(agreement.partner)}</b>"))
        agreements.sort(key=lambda item: item.day)
        return render.digest(deadlines, agreements, overdue, now, horizon, late_since=late_since)

    # ================================================================== deadlines
    def plazo(self, person: Person, *, chat_id: int, text: str, origin: str | None = None,
              owner: Person | None = None) -> Shown:
        """/plazo [text]: a draft card to confirm, or the first question of the guided flow."""
        if not self.can_edit(person):
            return Shown(texts.ACCESS_STAFF)
        now = self._now()
        owner = owner or person
        base = DeadlineDraft(owner_id=owner.id, owner_name=owner.name)
        if not text.strip():
            draft, _ = self.drafts.open("deadline", chat_id=chat_id, user_id=person.id,
                                        user_name=person.name, step="title",
                                        data=base.to_json(), at=now, origin=origin)
            return Shown(texts.ASK_TITLE, prompt=True)
        try:
            parsed = parse_command(text, now=now, lines=self.lines)
        except InputError as exc:
            return Shown(esc(exc))
        draft_data = replace(parsed.draft, owner_id=owner.id, owner_name=owner.name)
        if parsed.date_found:
            assert draft_data.due_date is not None
            try:
                check_due(draft_data.due_date, draft_data.due_time, now)
            except InputError as exc:
                return Shown(esc(exc))
        step = "title" if not draft_data.title else ("due" if not parsed.date_found
                                                     else "confirm")
        draft, _ = self.drafts.open("deadline", chat_id=chat_id, user_id=person.id,
                                    user_name=person.name, step=step,
                                    data=draft_data.to_json(), at=now, origin=origin)
        return self._deadline_next(draft, DeadlineDraft.from_json(draft.data), now)

    def _deadline_next(self, draft: Draft, data: DeadlineDraft, now: datetime) -> Shown:
        if draft.step == "title" or not data.title:
            return Shown(texts.ASK_TITLE, prompt=True)
        if draft.step == "due" or data.due_date is None:
            return Shown(texts.ASK_DUE.format(title=esc(data.title)), prompt=True)
        if draft.step == "notes":
            return Shown(texts.ASK_NOTES, prompt=True)
        if draft.step == "owner":
            return Shown(texts.ASK_OWNER, prompt=True)
        return render.deadline_draft_card(draft.id, data, now, self.lines)

    def _deadline_text(self, draft: Draft, text: str, now: datetime) -> Shown:
        data = DeadlineDraft.from_json(draft.data)
        try:
            if draft.step == "title":
                data = replace(data, title=clean_title(text))
            elif draft.step == "due":
                when = parse_when(text, now=now, prefer="future")
                check_due(when.day, when.time, now)
                data = data.with_when(when)
            elif draft.step == "notes":
                data = replace(data, notes="" if text.strip() in {"-", "—", "ninguna"}
                               else text.strip()[:1000])
            elif draft.step == "owner":
                data = _with_owner_text(data, text)
        except (InputError, DateError) as exc:
            return Shown(esc(exc), prompt=True)
        step = "due" if data.due_date is None else "confirm"
        if not data.title:
            step = "title"
        self.drafts.update(draft.id, step=step, data=data.to_json(), at=now)
        return self._deadline_next(replace(draft, step=step), data, now)

    def _deadline_button(self, draft: Draft, action: str, arg: str, person: Person,
                         now: datetime) -> Shown:
        data = DeadlineDraft.from_json(draft.data)
        if action == "save":
            try:
                valid = validate_deadline(data, now, self.lines)
            except InputError as exc:
                self.drafts.update(draft.id, step="due", data=data.to_json(), at=now)
                return Shown(esc(exc) + "\n\n" + texts.ASK_DUE.format(title=esc(data.title)),
                             prompt=True)
            deadline, _ = self.deadlines.add(valid, by=person.id, by_name=person.name, at=now,
                                             origin=f"draft:{draft.id}")
            self.drafts.close(draft.id, at=now, saved_id=deadline.id)
            return self._saved(deadline)
        steps = {"date": "due", "title": "title", "notes": "notes", "ownertext": "owner"}
        if action in steps:
            self.drafts.update(draft.id, step=steps[action], data=data.to_json(), at=now)
            return self._deadline_next(replace(draft, step=steps[action]), data, now)
        if action == "line":
            self.drafts.update(draft.id, step="buttons", data=data.to_json(), at=now)
            return Shown(texts.ASK_LINE, render.line_buttons(draft.id, self.lines))
        if action == "setline":
            number = int(arg) if arg.isascii() and arg.isdigit() and len(arg) < 4 else 0
            data = replace(data, line=number or None)
        elif action == "owner":
            self.drafts.update(draft.id, step="owner", data=data.to_json(), at=now)
            buttons = render.owner_buttons(draft.id, self._people(), person.id)
            return Shown(texts.ASK_OWNER, buttons, prompt=True)
        elif action == "setowner":
            data = self._with_owner_id(data, int(arg), person)
        else:
            return Shown(common_texts.EXPIRED_BUTTON)
        self.drafts.update(draft.id, step="confirm", data=data.to_json(), at=now)
        return render.deadline_draft_card(draft.id, data, now, self.lines)

    def _saved(self, deadline: Deadline) -> Shown:
        when = format_when(deadline.due_date, deadline.due_time)
        owned = self.plan()
        upcoming = [d for d in owned if d.kind == "deadline" and d.item_id == deadline.id]
        if not upcoming:
            return Shown(texts.SAVED_NO_REMINDERS.format(title=esc(deadline.title), when=when),
                         close_buttons=True)
        leads = render.leads_label([d.lead for d in upcoming])
        return Shown(texts.SAVED.format(
            title=esc(deadline.title), when=when, leads=leads,
            where=self._where(upcoming[0], deadline.owner_name)), close_buttons=True)

    def _where(self, due: Due, owner_name: str) -> str:
        """Who will get a reminder, in words."""
        chats = self.recipients(due)
        group = self.settings.office.group_chat_id
        owner = render.owner_label(owner_name, due.owner_id)
        if group in chats and len(chats) > 1:
            return texts.WHERE_GROUP_AND_OWNER.format(owner=owner)
        if group in chats:
            return texts.WHERE_GROUP
        if due.owner_id in chats:
            return texts.WHERE_OWNER.format(owner=owner)
        return texts.WHERE_ADMINS

    def _people(self) -> list[tuple[int, str]]:
        staff = set(self.settings.access.staff) | set(self.settings.access.admins)
        return [(pid, name) for pid, name in self.deadlines.people() if pid in staff]

    def _with_owner_id(self, data, owner_id: int, person: Person):
        if owner_id == person.id:
            return replace(data, owner_id=person.id, owner_name=person.name)
        name = dict(self._people()).get(owner_id, "")
        return replace(data, owner_id=owner_id, owner_name=name)

    def list_deadlines(self, person: Person) -> Shown:
        now = self._now()
        return render.deadline_list(self.deadlines.open(), now, self.lines,
                                    buttons=self.can_edit(person), tz=self.tz)

    def done(self, person: Person, deadline_id: int) -> Shown:
        deadline = self.deadlines.get(deadline_id)
        if deadline is None:
            return Shown(texts.NOT_FOUND, toast=texts.NOT_FOUND)
        if not self.deadlines.close(deadline_id, "done", by=person.id, at=self._now()):
            return Shown("", toast=texts.ALREADY_CLOSED, close_buttons=True)
        return Shown(texts.DONE.format(title=esc(deadline.title), name=esc(person.name)),
                     toast="✅", close_buttons=True)

    def postpone_menu(self, deadline_id: int) -> Shown:
        deadline = self.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return _unavailable(deadline)
        return Shown(texts.POSTPONE_ASK.format(
            title=esc(deadline.title), when=format_when(deadline.due_date, deadline.due_time)),
            render.postpone_buttons(deadline.id))

    def postpone(self, person: Person, deadline_id: int, days: int) -> Shown:
        deadline = self.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return _unavailable(deadline, close_buttons=True)
        now = self._now()
        base = max(deadline.due_date, now.date())
        new_day = base + timedelta(days=days)
        return self._move(person, deadline, new_day, deadline.due_time, now)

    def _move(self, person: Person, deadline: Deadline, day: date, clock, now: datetime) -> Shown:
        try:
            check_due(day, clock, now)
        except InputError as exc:
            return Shown(esc(exc), prompt=True)
        self.deadlines.move(deadline.id, day, clock, at=now)
        return Shown(texts.POSTPONED.format(title=esc(deadline.title),
                                            when=format_when(day, clock),
                                            name=esc(person.name)),
                     toast="⏰", close_buttons=True)

    def postpone_to_date(self, person: Person, chat_id: int, deadline_id: int) -> Shown:
        deadline = self.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return _unavailable(deadline)
        self.drafts.open("postpone", chat_id=chat_id, user_id=person.id, user_name=person.name,
                         step="date", data={"deadline_id": deadline_id}, at=self._now())
        return Shown(texts.ASK_NEW_DATE, prompt=True)

    def delete_ask(self, deadline_id: int) -> Shown:
        deadline = self.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return _unavailable(deadline)
        return Shown(texts.DELETE_ASK.format(
            title=esc(deadline.title), when=format_when(deadline.due_date, deadline.due_time)),
            [[(texts.BUTTON_YES_DELETE, f"rem:del:{deadline_id}:yes"),
              (texts.BUTTON_NO, f"rem:del:{deadline_id}:no")]])

    def delete(self, person: Person, deadline_id: int) -> Shown:
        deadline = self.deadlines.get(deadline_id)
        if deadline is None:
            return Shown("", toast=texts.NOT_FOUND, close_buttons=True)
        if not self.deadlines.close(deadline_id, "deleted", by=person.id, at=self._now()):
            return Shown("", toast=texts.ALREADY_CLOSED, close_buttons=True)
        return Shown(texts.DELETED.format(title=esc(deadline.title), name=esc(person.name)),
                     close_buttons=True)

    # ================================================================== agreements
    def convenio(self, person: Person, *, chat_id: int, text: str,
                 origin: str | None = None) -> Shown:
        """/convenio [contraparte]: the guided flow, one question at a time."""
        if not self.can_edit(person):
            return Shown(texts.ACCESS_STAFF)
        now = self._now()
        data = AgreementDraft(partner=re.sub(r"\s+", " ", text).strip()[:200],
                              owner_id=person.id, owner_name=person.name)
        step = "kind" if data.partner else "partner"
        draft, _ = self.drafts.open("agreement", chat_id=chat_id, user_id=person.id,
                                    user_name=person.name, step=step, data=data.to_json(),
                                    at=now, origin=origin)
        return self._agreement_next(draft, AgreementDraft.from_json(draft.data), now)

    _AG_STEPS = ["partner", "kind", "object", "signed", "end", "cadence", "status", "confirm"]

    def _agreement_next(self, draft: Draft, data: AgreementDraft, now: datetime) -> Shown:
        d = f"rem:d:{draft.id}"
        step = draft.step
        if step == "partner":
            return Shown(texts.AG_ASK_PARTNER, prompt=True)
        if step == "kind":
            return Shown(texts.AG_ASK_KIND, [[(name, f"{d}:kind:{key}")]
                                             for key, name in KINDS.items()], prompt=True)
        if step == "object":
            return Shown(texts.AG_ASK_OBJECT, [[(texts.BUTTON_SKIP, f"{d}:skip")]], prompt=True)
        if step == "signed":
            return Shown(texts.AG_ASK_SIGNED, [[(texts.AG_BUTTON_NOT_SIGNED, f"{d}:nosign")]],
                         prompt=True)
        if step == "end":
            return Shown(texts.AG_ASK_END, [[(texts.AG_BUTTON_NO_END, f"{d}:noend")]],
                         prompt=True)
        if step == "cadence":
            return Shown(texts.AG_ASK_CADENCE, [
                [(CADENCE_NAMES[key].capitalize(), f"{d}:cad:{key}")] for key in CADENCES],
                prompt=True)
        if step == "status":
            return Shown(texts.AG_ASK_STATUS, [
                [(name.capitalize(), f"{d}:st:{key}")] for key, name in STATUSES.items()],
                prompt=True)
        if step == "owner":
            return Shown(texts.ASK_OWNER, render.owner_buttons(draft.id, self._people(),
                                                               draft.user_id), prompt=True)
        return render.agreement_draft_card(draft.id, data, now)

    def _agreement_advance(self, draft: Draft, data: AgreementDraft, now: datetime,
                           after: str) -> Shown:
        if after in {"owner", "confirm"}:
            step = "confirm"
        else:
            step = self._AG_STEPS[self._AG_STEPS.index(after) + 1]
        self.drafts.update(draft.id, step=step, data=data.to_json(), at=now)
        return self._agreement_next(replace(draft, step=step), data, now)

    def _agreement_text(self, draft: Draft, text: str, now: datetime) -> Shown:
        data = AgreementDraft.from_json(draft.data)
        step = draft.step
        try:
            if step == "partner":
                partner = re.sub(r"\s+", " ", text).strip()
                if not partner:
                    raise InputError(texts.AG_ASK_PARTNER)
                data = replace(data, partner=partner[:200])
            elif step == "kind":
                data = replace(data, kind=read_kind(text))
            elif step == "object":
                data = replace(data, object=text.strip()[:500])
            elif step == "signed":
                when = parse_when(text, now=now, prefer="past")
                data = replace(data, signed_on=when.day)
            elif step == "end":
                ends_on, duration = read_end(text, data.signed_on, now)
                data = replace(data, ends_on=ends_on, duration=duration)
            elif step == "cadence":
                data = replace(data, cadence=read_cadence(text))
            elif step == "status":
                data = replace(data, status=read_status(text))
            elif step == "owner":
                data = _with_owner_text(data, text)
            else:
                return Shown(common_texts.EXPIRED_BUTTON)
        except (InputError, DateError) as exc:
            return Shown(esc(exc), prompt=True)
        return self._agreement_advance(draft, data, now, step)

    def _agreement_button(self, draft: Draft, action: str, arg: str, person: Person,
                          now: datetime) -> Shown:
        data = AgreementDraft.from_json(draft.data)
        if action == "save":
            try:
                valid = validate_agreement(data)
            except InputError as exc:
                return Shown(esc(exc))
            agreement, _ = self.agreements.add(valid, by=person.id, at=now,
                                               origin=f"draft:{draft.id}")
            self.drafts.close(draft.id, at=now, saved_id=agreement.id)
            return self._agreement_saved(agreement)
        if action == "kind" and arg in KINDS:
            return self._agreement_advance(draft, replace(data, kind=arg), now, "kind")
        if action == "skip":
            return self._agreement_advance(draft, replace(data, object=""), now, "object")
        if action == "nosign":
            return self._agreement_advance(draft, replace(data, signed_on=None), now, "signed")
        if action == "noend":
            return self._agreement_advance(draft, replace(data, ends_on=None, duration=None),
                                           now, "end")
        if action == "cad" and arg in CADENCES:
            return self._agreement_advance(draft, replace(data, cadence=arg), now, "cadence")
        if action == "st" and arg in STATUSES:
            return self._agreement_advance(draft, replace(data, status=arg), now, "status")
        if action == "owner":
            self.drafts.update(draft.id, step="owner", data=data.to_json(), at=now)
            return self._agreement_next(replace(draft, step="owner"), data, now)
        if action == "setowner":
            data = self._with_owner_id(data, int(arg), person)
            return self._agreement_advance(draft, data, now, "owner")
        return Shown(common_texts.EXPIRED_BUTTON)

    def _agreement_saved(self, agreement: Agreement) -> Shown:
        what = []
        if agreement.status == "vigente" and agreement.ends_on is not None:
            days = sorted(set(self.settings.reminders.agreement_expiry_days), reverse=True)
            what.append("el vencimiento " + ", ".join(str(d) for d in days) + " días antes")
        if agreement.status == "vigente" and agreement.cadence != "none":
            what.append(f"cada seguimiento {CADENCE_NAMES[agreement.cadence]}")
        reminders = ""
        if what:
            probe = Due(key="", group="", fire_at=self._now(), kind="expiry",
                        owner_id=agreement.owner_id)
            reminders = texts.AG_SAVED_REMINDERS.format(
                what=" y ".join(what), where=self._where(probe, agreement.owner_name))
        return Shown(texts.AG_SAVED.format(partner=esc(agreement.partner), reminders=reminders),
                     close_buttons=True)

    def list_agreements(self, person: Person) -> Shown:
        now = self._now()
        agreements = self.agreements.all()
        done = self.agreements.followups_done()
        followups = {a.id: followup_status(a, done.get(a.id, set()), now.date())
                     for a in agreements}
        order = {"vigente": 0, "negociacion": 1, "vencido": 2, "terminado": 3}
        agreements.sort(key=lambda a: (order.get(a.effective_status(now.date()), 9),
                                       a.ends_on or date.max, a.partner.lower()))
        return render.agreement_list(agreements, followups, now, buttons=self.can_edit(person))

    def followup_done(self, person: Person, agreement_id: int, period_on: date | None) -> Shown:
        """Record the follow-up (once per period) and log it as an activity on the
        diplomacy line, when the activity log exists."""
        agreement = self.agreements.get(agreement_id)
        if agreement is None:
            return Shown("", toast=texts.AG_NOT_FOUND, close_buttons=True)
        now = self._now()
        if period_on is None:
            done = self.agreements.followups_done().get(agreement.id, set())
            pending, upcoming = followup_status(agreement, done, now.date())
            period_on = pending or upcoming
            if period_on is None:
                return Shown("", toast=texts.AG_NO_FOLLOWUP)
        if not self.agreements.record_followup(agreement.id, period_on, by=person.id,
                                               by_name=person.name, at=now):
            return Shown("", toast=texts.AG_FOLLOWUP_ALREADY, close_buttons=True)
        activity = self._log_followup(agreement, person, now)
        note = ""
        if activity is not None:
            self.agreements.set_followup_activity(agreement.id, period_on, activity[0])
            note = texts.AG_FOLLOWUP_ACTIVITY.format(line=activity[1])
        return Shown(texts.AG_FOLLOWUP_DONE.format(partner=esc(agreement.partner),
                                                   name=esc(person.name), activity=note),
                     toast="✅", close_buttons=True)

    def diplomacy_line(self) -> int:
        """The action line follow-ups are logged on: the one about agreements/diplomacy."""
        for line in self.lines:
            words = " ".join([line.name, *line.keywords]).lower()
            if "diplomacia" in words or "convenio" in words:
                return line.number
        return self.lines[0].number

    def _log_followup(self, agreement: Agreement, person: Person,
                      now: datetime) -> tuple[int, int] | None:
        """The hook into the activity log (:class:`bot.activities.service.ActivityService`).

        Returns (activity id, line), or None when there is no activity log or it refused.
        Called once per follow-up (the follow-up row is the guard), so the activity log's
        own (chat, message) de-duplication is not used: one list message can carry the
        follow-ups of several periods.
        """
        record = getattr(self.activities, "record", None)
        if record is None:
            return None
        line = self.diplomacy_line()
        try:
            activity = record(
                line=line,
                text=texts.FOLLOWUP_ACTIVITY_TEXT.format(partner=agreement.partner),
                user_id=person.id, user_name=person.name, day=now.date(),
                partners=[agreement.partner], source="reminders",
            )
        except Exception:  # the follow-up is recorded either way; say so in the log
            log.exception("Could not log the follow-up of agreement %s as an activity",
                          agreement.id)
            return None
        return getattr(activity, "id", 0), line

    def agreement_menu(self, agreement_id: int, action: str, arg: str, person: Person,
                       chat_id: int) -> Shown:
        """The ✏️ menu of an agreement: status, end date, cadence, delete."""
        agreement = self.agreements.get(agreement_id)
        if agreement is None:
            return Shown("", toast=texts.AG_NOT_FOUND, close_buttons=True)
        now = self._now()
        a = f"rem:ag:{agreement.id}"
        if not action:
            return render.agreement_edit_menu(agreement)
        if action == "st" and not arg:
            return Shown(texts.AG_ASK_STATUS, [[(name.capitalize(), f"{a}:st:{key}")]
                                              for key, name in STATUSES.items()])
        if action == "st" and arg in STATUSES:
            self.agreements.update(agreement.id, at=now, status=arg)
            return self._updated(agreement, f"estado {STATUSES[arg]}")
        if action == "cad" and not arg:
            return Shown(texts.AG_ASK_CADENCE, [[(CADENCE_NAMES[key].capitalize(),
                                                  f"{a}:cad:{key}")] for key in CADENCES])
        if action == "cad" and arg in CADENCES:
            self.agreements.update(agreement.id, at=now, cadence=arg)
            return self._updated(agreement, f"seguimiento {CADENCE_NAMES[arg]}")
        if action == "sig":
            self.drafts.open("agreement_signed", chat_id=chat_id, user_id=person.id,
                             user_name=person.name, step="signed",
                             data={"agreement_id": agreement.id}, at=now)
            return Shown(texts.AG_ASK_NEW_SIGNED, prompt=True)
        if action == "end":
            self.drafts.open("agreement_end", chat_id=chat_id, user_id=person.id,
                             user_name=person.name, step="end",
                             data={"agreement_id": agreement.id}, at=now)
            return Shown(texts.AG_ASK_NEW_END, prompt=True)
        if action == "del" and not arg:
            return Shown(texts.AG_DELETE_ASK.format(partner=esc(agreement.partner)),
                         [[(texts.BUTTON_YES_DELETE, f"{a}:del:yes"),
                           (texts.BUTTON_NO, f"{a}:del:no")]])
        if action == "del" and arg == "yes":
            self.agreements.delete(agreement.id, at=now)
            return Shown(texts.AG_DELETED.format(partner=esc(agreement.partner)),
                         close_buttons=True)
        if action == "del":
            return Shown(texts.KEPT, close_buttons=True)
        return Shown(common_texts.EXPIRED_BUTTON)

    def _updated(self, agreement: Agreement, what: str) -> Shown:
        return Shown(texts.AG_UPDATED.format(partner=esc(agreement.partner), what=what),
                     toast="✅", close_buttons=True)

    # ================================================================== flows: text and buttons
    def awaiting_text(self, chat_id: int, user_id: int) -> bool:
        """True if this person's next text in this chat answers one of our questions."""
        return self.drafts.awaiting_text(chat_id, user_id, self._now()) is not None

    def on_text(self, person: Person, chat_id: int, text: str) -> Shown | None:
        """Typed text for an open flow; None if nothing here waits for it."""
        now = self._now()
        draft = self.drafts.awaiting_text(chat_id, person.id, now)
        if draft is None:
            return None
        if draft.kind == "deadline":
            return self._deadline_text(draft, text, now)
        if draft.kind == "agreement":
            return self._agreement_text(draft, text, now)
        if draft.kind == "postpone":
            return self._postpone_text(draft, person, text, now)
        if draft.kind == "agreement_end":
            return self._agreement_end_text(draft, text, now)
        if draft.kind == "agreement_signed":
            return self._agreement_signed_text(draft, text, now)
        return None

    def _agreement_signed_text(self, draft: Draft, text: str, now: datetime) -> Shown:
        """The signing date; it also fixes the end of an agreement given as a duration,
        and an agreement in negotiation becomes in force."""
        agreement = self.agreements.get(int(draft.data.get("agreement_id", 0)))
        if agreement is None:
            self.drafts.close(draft.id, at=now)
            return Shown(texts.AG_NOT_FOUND)
        try:
            signed = parse_when(text, now=now, prefer="past").day
            if signed > now.date():
                raise InputError("La fecha de firma no puede ser futura.")
            if agreement.ends_on is not None and agreement.ends_on <= signed:
                raise InputError("La firma debe ser anterior a la fecha de fin "
                                 f"({format_when(agreement.ends_on, None)}).")
        except (InputError, DateError) as exc:
            return Shown(esc(exc), prompt=True)
        changes: dict[str, Any] = {"signed_on": signed}
        what = [f"firmado el {format_when(signed, None)}"]
        if agreement.ends_on is None and agreement.duration is not None:
            changes["ends_on"] = agreement.duration.after(signed)
            what.append(f"vence el {format_when(changes['ends_on'], None)}")
        if agreement.status == "negociacion":
            changes["status"] = "vigente"
            what.append("estado vigente")
        self.agreements.update(agreement.id, at=now, **changes)
        self.drafts.close(draft.id, at=now)
        return self._updated(agreement, ", ".join(what))

    def _postpone_text(self, draft: Draft, person: Person, text: str, now: datetime) -> Shown:
        deadline = self.deadlines.get(int(draft.data.get("deadline_id", 0)))
        if deadline is None or not deadline.is_open:
            self.drafts.close(draft.id, at=now)
            return Shown(texts.ALREADY_CLOSED)
        try:
            when = parse_when(text, now=now, prefer="future")
        except DateError as exc:
            return Shown(esc(exc), prompt=True)
        shown = self._move(person, deadline, when.day, when.time or deadline.due_time, now)
        if not shown.prompt:
            self.drafts.close(draft.id, at=now)
        return shown

    def _agreement_end_text(self, draft: Draft, text: str, now: datetime) -> Shown:
        agreement = self.agreements.get(int(draft.data.get("agreement_id", 0)))
        if agreement is None:
            self.drafts.close(draft.id, at=now)
            return Shown(texts.AG_NOT_FOUND)
        try:
            ends_on, duration = read_end(text, agreement.signed_on, now)
            if duration is not None:
                if agreement.signed_on is None:
                    raise InputError("El convenio no tiene fecha de firma: escriba la fecha de "
                                     "fin, por ejemplo «15/03/2028».")
                ends_on = duration.after(agreement.signed_on)
        except (InputError, DateError) as exc:
            return Shown(esc(exc), prompt=True)
        assert ends_on is not None
        self.agreements.update(agreement.id, at=now, ends_on=ends_on)
        self.drafts.close(draft.id, at=now)
        return self._updated(agreement, f"vence el {format_when(ends_on, None)}")

    def on_draft_button(self, person: Person, draft_id: int, action: str, arg: str) -> Shown:
        now = self._now()
        draft = self.drafts.get(draft_id)
        if draft is None:
            return Shown("", toast=texts.DRAFT_GONE)
        if draft.user_id != person.id:
            return Shown("", toast="Ese borrador es de otra persona.")
        if not draft.is_open:
            if draft.saved_id is not None:
                return Shown("", toast=texts.ALREADY_SAVED, close_buttons=True)
            return Shown("", toast=texts.DRAFT_GONE, close_buttons=True)
        if action == "cancel":
            self.drafts.close(draft.id, at=now)
            return Shown(common_texts.CANCELLED, close_buttons=True)
        if draft.kind == "deadline":
            return self._deadline_button(draft, action, arg, person, now)
        if draft.kind == "agreement":
            return self._agreement_button(draft, action, arg, person, now)
        return Shown(common_texts.EXPIRED_BUTTON)

    def import_csv(self, path):
        """``enlace import FILE``: see :mod:`bot.reminders.imports`."""
        from bot.reminders.imports import import_file

        return import_file(path, deadlines=self.deadlines, agreements=self.agreements,
                           now=self._now(), lines=self.lines)

    def has_draft(self, chat_id: int, user_id: int) -> bool:
        return self.drafts.has_open(chat_id, user_id, self._now())

    def cancel(self, person: Person, chat_id: int) -> bool:
        return self.drafts.cancel_all(chat_id, person.id, self._now()) > 0

    def on_button(self, person: Person, data: str, *, chat_id: int) -> Shown:
        """Every "rem:" button. Changing anything is for staff and admins."""
        parts = data.split(":")
        if len(parts) < 3 or parts[0] != "rem":
            return Shown("", toast=common_texts.EXPIRED_BUTTON)
        if not self.can_edit(person):
            return Shown("", toast=texts.ACCESS_STAFF)
        action, args = parts[1], parts[2:]
        from_list = action in {"done", "fu"} and args[-1] == "l"
        if from_list:
            args = args[:-1]
        shown = self._button(person, action, args, chat_id)
        if from_list and not shown.prompt:
            return replace(shown, close_buttons=False,
                           refresh="plazos" if action == "done" else "convenios")
        return shown

    def listing(self, which: str, person: Person) -> Shown:
        return self.list_deadlines(person) if which == "plazos" else self.list_agreements(person)

    def _button(self, person: Person, action: str, args: list[str], chat_id: int) -> Shown:
        try:
            if action == "d":
                draft_id, what = int(args[0]), args[1]
                return self.on_draft_button(person, draft_id, what, args[2] if len(args) > 2
                                            else "")
            target = int(args[0])
            extra = args[1] if len(args) > 1 else ""
            if action == "done":
                return self.done(person, target)
            if action == "pp":
                if not extra:
                    return self.postpone_menu(target)
                if extra == "date":
                    return self.postpone_to_date(person, chat_id, target)
                return self.postpone(person, target, int(extra))
            if action == "del":
                if not extra:
                    return self.delete_ask(target)
                if extra == "yes":
                    return self.delete(person, target)
                return Shown(texts.KEPT, close_buttons=True)
            if action == "fu":
                period = datetime.strptime(extra, "%Y%m%d").date() if extra else None
                return self.followup_done(person, target, period)
            if action == "ag":
                return self.agreement_menu(target, extra, args[2] if len(args) > 2 else "",
                                           person, chat_id)
        except (ValueError, IndexError):
            pass
        return Shown("", toast=common_texts.EXPIRED_BUTTON)


def _with_owner_text(data, text: str):
    """An owner typed: a Telegram user number, or just a name (no private reminders)."""
    value = text.strip().lstrip("@")
    if not value:
        raise InputError("Escriba el nombre de la persona responsable.")
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return replace(data, owner_id=int(value), owner_name="")
    return replace(data, owner_id=None, owner_name=value[:80])


def _deadline_digest_text(deadline: Deadline) -> str:
    owner = render.owner_label(deadline.owner_name, deadline.owner_id)
    clock = f" {deadline.due_time:%H:%M}" if deadline.due_time else ""
    return f"<b>{esc(deadline.title)}</b>{clock} · {owner}"


def _unavailable(deadline: Deadline | None, *, close_buttons: bool = False) -> Shown:
    """The answer to a button on a deadline that was closed meanwhile or no longer exists."""
    return Shown("", toast=texts.ALREADY_CLOSED if deadline else texts.NOT_FOUND,
                 close_buttons=close_buttons)
