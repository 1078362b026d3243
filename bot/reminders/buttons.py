"""Every ``rem:`` button, routed to the room that handles it.

Callback data: ``rem:<action>:<id>[:<arg>…]``, with a trailing ``:l`` on buttons of a
list (the list is redrawn after); answers follow :class:`bot.replies.Pressed`. Actions:
``d`` (a draft: flows and confirmations), ``done``, ``pp`` (postpone), ``del`` (ask to
delete), ``undel`` (restore), ``fu`` (follow-up done), ``ag`` (the agreement menu),
``agundel`` (restore an agreement).
Ids are checked before use: a forged number never reaches SQLite as an overflow.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.access import Person
from bot.reminders.agreement_actions import AgreementActions
from bot.reminders.agreement_flow import AgreementFlow
from bot.reminders.deadline_actions import DeadlineActions
from bot.reminders.deadline_flow import DeadlineFlow
from bot.reminders.wing import CONFIRM_DELETE, Wing
from bot.replies import Pressed, Reply
from bot.texts import common as common_texts
from bot.texts import reminders as texts

PREFIX = "rem"
MAX_ID_DIGITS = 15


def _number(text: str) -> int | None:
    if text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS:
        return int(text)
    return None


def _day(text: str) -> date | None:
    """A date as buttons carry it (``20261215``); None if it is not one."""
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


class ReminderButtons:
    def __init__(self, wing: Wing, deadlines: DeadlineActions, agreements: AgreementActions,
                 deadline_flow: DeadlineFlow, agreement_flow: AgreementFlow) -> None:
        self.wing = wing
        self.deadlines = deadlines
        self.agreements = agreements
        self.deadline_flow = deadline_flow
        self.agreement_flow = agreement_flow

    def press(self, person: Person, data: str, *, chat_id: int) -> Pressed:
        """Every "rem:" button. Changing anything is for staff and admins.

        The actions answer with a :class:`Reply` that may carry a toast and
        ``close_buttons``; it goes below the pressed card (:attr:`Delivery.SEND`), and a
        pressed list is drawn again, up to date."""
        parts = data.split(":")
        if len(parts) < 3 or parts[0] != PREFIX:
            return Pressed(toast=common_texts.EXPIRED_BUTTON)
        if not self.wing.can_edit(person):
            return Pressed(toast=texts.ACCESS_STAFF)
        action, args = parts[1], parts[2:]
        from_list = action in {"done", "fu"} and args[-1] == "l"
        if from_list:
            args = args[:-1]
        target = _number(args[0]) if args else None
        if target is None:
            return Pressed(toast=common_texts.EXPIRED_BUTTON)
        extra = args[1] if len(args) > 1 else ""
        reply = self._route(person, action, target, extra, args[2:], chat_id)
        if from_list and not reply.prompt:
            lists = self.deadlines if action == "done" else self.agreements
            return Pressed.from_reply(reply, redraw=lists.listing(person))
        return Pressed.from_reply(reply)

    def _route(self, person: Person, action: str, target: int, extra: str, rest: list[str],
               chat_id: int) -> Reply:
        if action == "d":
            return self.draft(person, target, extra, rest[0] if rest else "")
        if action == "done":
            return self.deadlines.done(person, target)
        if action == "pp":
            if not extra:
                return self.deadlines.postpone_menu(target)
            if extra == "date":
                return self.deadlines.postpone_to_date(person, chat_id, target)
            days = _number(extra)
            shown = _day(rest[0]) if rest else None
            if days is not None and days <= 366 and (shown is not None or not rest):
                return self.deadlines.postpone(person, target, days, shown)
        if action == "del":  # always asks: "yes" is a button of the question only
            return self.deadlines.delete_ask(person, chat_id, target)
        if action == "undel":
            return self.deadlines.restore(person, target)
        if action == "agundel":
            return self.agreements.restore(person, target)
        if action == "fu":
            period = _day(extra) if extra else None
            if extra and period is None:
                return Reply("", toast=common_texts.EXPIRED_BUTTON)
            return self.agreements.followup_done(person, target, period)
        if action == "ag":
            return self.agreements.menu(target, extra, rest[0] if rest else "", person, chat_id)
        return Reply("", toast=common_texts.EXPIRED_BUTTON)

    def draft(self, person: Person, draft_id: int, action: str, arg: str) -> Reply:
        """A button of something in progress: a flow's card or a yes/no question."""
        wing = self.wing
        draft = wing.flows.get(draft_id)
        if draft is None:
            return Reply("", toast=texts.DRAFT_GONE)
        if draft.user_id != person.id:
            return Reply("", toast=texts.DRAFT_NOT_YOURS)
        if not draft.is_open:
            if draft.saved_id is not None:
                return Reply("", toast=texts.ALREADY_SAVED, close_buttons=True)
            return Reply("", toast=texts.DRAFT_GONE, close_buttons=True)
        if action == "cancel":
            wing.flows.close(draft.id)
            return Reply(common_texts.CANCELLED, close_buttons=True)
        if draft.flow == "deadline":
            return self.deadline_flow.on_button(draft, action, arg, person)
        if draft.flow == "agreement":
            return self.agreement_flow.on_button(draft, action, arg, person)
        if draft.flow == CONFIRM_DELETE.name and action in {"yes", "no"}:
            if not wing.flows.close(draft.id):  # a double tap: once
                return Reply("", toast=texts.DRAFT_GONE, close_buttons=True)
            if action == "no":
                return Reply(texts.KEPT, close_buttons=True)
            item_id = int(draft.data.get("id", 0))
            if draft.data.get("what") == "agreement":
                return self.agreements.delete(person, item_id)
            return self.deadlines.delete(person, item_id)
        return Reply("", toast=common_texts.EXPIRED_BUTTON)
