"""What each ``act:`` button does (see :mod:`bot.activities.render` for the data format).

Shared by Telegram and tests. The reply replaces the pressed card
(:attr:`bot.replies.Delivery.EDIT`). A button from an old message, or one pressed
twice, never changes anything twice: the service answers with the entry as
it already is.
"""

from __future__ import annotations

from dataclasses import replace

from bot.access import Person
from bot.activities import render
from bot.activities.models import EntryError, Logged
from bot.activities.service import ActivityService
from bot.replies import Delivery, Pressed, Reply, toast
from bot.texts import activities as texts
from bot.texts import common as common_texts


def press(service: ActivityService, data: str, person: Person, chat_id: int) -> Pressed:
    parts = data.split(":")
    if len(parts) < 3 or parts[0] != "act":
        return Pressed(toast=common_texts.EXPIRED_BUTTON)
    kind, args = parts[1], parts[2:]
    try:
        numbers = [int(a) for a in args]
    except ValueError:
        return Pressed(toast=common_texts.EXPIRED_BUTTON)
    try:  # every act: card moves on in place: a step, a line chosen, an entry undone
        return replace(_press(service, kind, numbers, person, chat_id), delivery=Delivery.EDIT)
    except EntryError as exc:
        return Pressed(toast=toast(str(exc)))
    except (IndexError, ValueError):
        return Pressed(toast=common_texts.EXPIRED_BUTTON)


def _press(service: ActivityService, kind: str, n: list[int], person: Person,
           chat_id: int) -> Pressed:
    lines = service.lines
    minutes = service.settings.activities.evidence_minutes
    if kind in {"dl", "ds", "ok", "dc", "do", "dx"}:
        origin = n[0]
        if kind == "dx":
            service.guided.cancel(chat_id=chat_id, user_id=person.id)
            return Pressed(reply=Reply(common_texts.CANCELLED))
        if kind == "dl":
            outcome = service.guided.choose_line(person=person, chat_id=chat_id, origin=origin,
                                          line=n[1])
        elif kind == "ds":
            outcome = service.guided.skip_evidence(person=person, chat_id=chat_id, origin=origin)
        elif kind in {"dc", "do"}:
            outcome = service.guided.reopen_line(person=person, chat_id=chat_id, origin=origin)
            if not isinstance(outcome, Logged):
                return Pressed(reply=render.draft_line_picker(outcome.draft, lines))
        else:
            outcome = service.guided.confirm(person=person, chat_id=chat_id, origin=origin)
        if isinstance(outcome, Logged):
            return Pressed(reply=render.logged_reply(outcome, lines, evidence_minutes=minutes),
                           saved=outcome.activity)
        return Pressed(reply=render.step_reply(outcome, lines))
    activity_id = n[0]
    if kind == "cl":
        return Pressed(reply=render.line_picker(service.get(activity_id, person), lines))
    if kind == "sl":
        activity = service.change_line(activity_id, n[1], person)
        return Pressed(toast=texts.LINE_CHANGED, reply=render.edited_reply(activity, lines))
    if kind == "keep":
        activity = service.get(activity_id, person)
        return Pressed(reply=render.logged_reply(Logged(activity, created=True), lines,
                                                 evidence_minutes=0))
    if kind == "undo":
        activity, changed = service.delete(activity_id, person)
        return Pressed(reply=render.deleted_reply(activity, changed=changed,
                                                  is_admin=service.is_admin(person)))
    if kind == "rst":
        activity, changed = service.restore(activity_id, person)
        return Pressed(reply=render.restored_reply(activity, lines, changed=changed))
    return Pressed(toast=common_texts.EXPIRED_BUTTON)
