"""What can be done to a saved deadline: list, done, postpone, delete (asked first,
owner or admin only) and restore."""

from __future__ import annotations

from datetime import date, time, timedelta

from bot.access import Person
from bot.dates import format_when
from bot.delivery.owed import OwedReminders
from bot.reminders import render
from bot.reminders.models import Deadline, InputError
from bot.reminders.parse import check_due
from bot.reminders.render import esc
from bot.reminders.wing import Wing
from bot.replies import Reply
from bot.texts import reminders as texts


def unavailable(deadline: Deadline | None, *, close_buttons: bool = False) -> Reply:
    """The answer to a button on a deadline that was closed meanwhile or no longer exists."""
    return Reply("", toast=texts.ALREADY_CLOSED if deadline else texts.NOT_FOUND,
                 close_buttons=close_buttons)


class _Unchanged(Exception):
    """A postponement refused: nothing moved, nothing to remember; the answer is ``reply``."""

    def __init__(self, reply: Reply) -> None:
        super().__init__()
        self.reply = reply


class DeadlineActions:
    def __init__(self, wing: Wing, owed: OwedReminders) -> None:
        self.wing = wing
        self.owed = owed

    def listing(self, person: Person) -> Reply:
        wing = self.wing
        return render.deadline_list(wing.deadlines.open(), wing.now(), wing.lines,
                                    buttons=wing.can_edit(person), tz=wing.tz)

    def saved(self, deadline: Deadline) -> Reply:
        """The confirmation: what was saved and which reminders it will get, where."""
        when = format_when(deadline.due_date, deadline.due_time)
        upcoming = [d for d in self.owed.plan() if d.kind == "deadline"
                    and d.item_id == deadline.id]
        if not upcoming:
            return Reply(texts.SAVED_NO_REMINDERS.format(title=esc(deadline.title), when=when),
                         close_buttons=True)
        leads = render.leads_label([d.lead for d in upcoming])
        return Reply(texts.SAVED.format(
            title=esc(deadline.title), when=when, leads=leads,
            where=self.wing.where(upcoming[0], deadline.owner_name)), close_buttons=True)

    def done(self, person: Person, deadline_id: int) -> Reply:
        deadline = self.wing.deadlines.get(deadline_id)
        if deadline is None:
            return Reply(texts.NOT_FOUND, toast=texts.NOT_FOUND)
        if not self.wing.deadlines.close(deadline_id, "done", by=person.id, at=self.wing.now()):
            return Reply("", toast=texts.ALREADY_CLOSED, close_buttons=True)
        return Reply(texts.DONE.format(title=esc(deadline.title), name=esc(person.name)),
                     toast="✅", close_buttons=True)

    def postpone_menu(self, deadline_id: int) -> Reply:
        deadline = self.wing.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return unavailable(deadline)
        return Reply(texts.POSTPONE_ASK.format(
            title=esc(deadline.title), when=format_when(deadline.due_date, deadline.due_time)),
            render.postpone_buttons(deadline))

    def postpone(self, person: Person, deadline_id: int, days: int,
                 shown: date | None = None) -> Reply:
        """⏰ 1 day / 1 week. Moving "by N days" is not idempotent, so it is done once per
        update (a replay after a crash answers what the first run did) and only from the
        date ``shown`` on the button (a second tap does not move it again)."""
        deadline = self.wing.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return unavailable(deadline, close_buttons=True)

        def effect() -> int:
            if shown is not None and deadline.due_date != shown:
                raise _Unchanged(Reply("", toast=texts.ALREADY_MOVED.format(
                    when=format_when(deadline.due_date, deadline.due_time)),
                    close_buttons=True))
            new_day = max(deadline.due_date, self.wing.now().date()) + timedelta(days=days)
            reply = self.move(person, deadline, new_day, deadline.due_time)
            if reply.prompt:
                raise _Unchanged(reply)
            return new_day.toordinal()

        try:
            ordinal, _ = self.wing.once(f"postpone:{deadline_id}", effect)
        except _Unchanged as unchanged:
            return unchanged.reply
        return self._postponed(person, deadline, date.fromordinal(ordinal), deadline.due_time)

    def move(self, person: Person, deadline: Deadline, day: date, clock: time | None) -> Reply:
        now = self.wing.now()
        try:
            check_due(day, clock, now)
        except InputError as exc:
            return Reply(esc(exc), prompt=True)
        self.wing.deadlines.move(deadline.id, day, clock, at=now)
        return self._postponed(person, deadline, day, clock)

    def _postponed(self, person: Person, deadline: Deadline, day: date,
                   clock: time | None) -> Reply:
        return Reply(texts.POSTPONED.format(title=esc(deadline.title),
                                            when=format_when(day, clock), name=esc(person.name)),
                     toast="⏰", close_buttons=True)

    def postpone_to_date(self, person: Person, chat_id: int, deadline_id: int) -> Reply:
        deadline = self.wing.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return unavailable(deadline)
        self.wing.start_once("postpone", person, chat_id=chat_id, step="date",
                             data={"deadline_id": deadline_id})
        return Reply(texts.ASK_NEW_DATE, prompt=True)

    def delete_ask(self, person: Person, chat_id: int, deadline_id: int) -> Reply:
        deadline = self.wing.deadlines.get(deadline_id)
        if deadline is None or not deadline.is_open:
            return unavailable(deadline)
        return self.wing.ask_to_delete(
            person, chat_id, (deadline.owner_id, deadline.created_by), "deadline", deadline_id,
            texts.DELETE_ASK.format(title=esc(deadline.title),
                                    when=format_when(deadline.due_date, deadline.due_time)))

    def delete(self, person: Person, deadline_id: int) -> Reply:
        """Soft delete (status ``deleted``), with a button to bring it back."""
        deadline = self.wing.owned(person, self.wing.deadlines.get(deadline_id),
                                   missing=texts.NOT_FOUND, refusal=texts.DELETE_NOT_YOURS)
        if isinstance(deadline, Reply):
            return deadline
        if not self.wing.deadlines.close(deadline_id, "deleted", by=person.id,
                                         at=self.wing.now()):
            return Reply("", toast=texts.ALREADY_CLOSED, close_buttons=True)
        return Reply(texts.DELETED.format(title=esc(deadline.title), name=esc(person.name)),
                     render.restore_buttons(f"rem:undel:{deadline_id}"), close_buttons=True)

    def restore(self, person: Person, deadline_id: int) -> Reply:
        deadline = self.wing.owned(person, self.wing.deadlines.get(deadline_id),
                                   missing=texts.NOT_FOUND, refusal=texts.RESTORE_NOT_YOURS)
        if isinstance(deadline, Reply):
            return deadline
        if not self.wing.deadlines.restore(deadline_id, at=self.wing.now()):
            return Reply("", toast=texts.NOT_DELETED, close_buttons=True)
        return Reply(texts.RESTORED.format(
            title=esc(deadline.title), name=esc(person.name),
            when=format_when(deadline.due_date, deadline.due_time)), toast="↩️",
            close_buttons=True)
