"""/plazo step by step: what is due → for when → the card to confirm, where any field
can be corrected. The steps are declared once, in :data:`FLOW`; the state is a row of
``flows`` (:mod:`bot.flows`: restart-safe, saved once)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.access import Person
from bot.dates import DateError, parse_when
from bot.flows import Flow, FlowState, Step
from bot.reminders import render
from bot.reminders.deadline_actions import DeadlineActions
from bot.reminders.models import DeadlineDraft, InputError
from bot.reminders.parse import (
    check_due,
    clean_title,
    owner_from_text,
    parse_command,
    read_notes,
    validate_deadline,
)
from bot.reminders.render import esc
from bot.reminders.wing import Wing
from bot.replies import Reply
from bot.texts import common as common_texts
from bot.texts import reminders as texts

KIND = "deadline"


def _due(data: DeadlineDraft, text: str, now: datetime) -> DeadlineDraft:
    when = parse_when(text, now=now, prefer="future")
    check_due(when.day, when.time, now)
    return data.with_when(when)


FLOW: Flow[DeadlineDraft] = Flow(KIND, {
    "title": Step(ask=lambda data, d: Reply(texts.ASK_TITLE, prompt=True),
                  answer=lambda data, text, now: replace(data, title=clean_title(text))),
    "due": Step(ask=lambda data, d: Reply(texts.ASK_DUE.format(title=esc(data.title)),
                                          prompt=True),
                answer=_due),
    "notes": Step(ask=lambda data, d: Reply(texts.ASK_NOTES, prompt=True),
                  answer=lambda data, text, now: replace(data, notes=read_notes(text))),
    "owner": Step(ask=lambda data, d: Reply(texts.ASK_OWNER, prompt=True),
                  answer=lambda data, text, now: owner_from_text(data, text)),
    "buttons": Step(),  # the line buttons are shown
    "confirm": Step(),  # the card: save, or correct a field
})
# card button -> the step it reopens
REOPEN = {"date": "due", "title": "title", "notes": "notes", "ownertext": "owner"}


class DeadlineFlow:
    def __init__(self, wing: Wing, actions: DeadlineActions) -> None:
        self.wing = wing
        self.actions = actions

    def start(self, person: Person, *, chat_id: int, text: str, origin: str | None = None,
              owner: Person | None = None) -> Reply:
        """/plazo [text]: a draft card to confirm, or the first question."""
        now = self.wing.now()
        owner = owner or person
        data = DeadlineDraft(owner_id=owner.id, owner_name=owner.name)
        step = "title"
        if text.strip():
            try:
                parsed = parse_command(text, now=now, lines=self.wing.lines)
                data = replace(parsed.draft, owner_id=owner.id, owner_name=owner.name)
                if parsed.date_found:
                    assert data.due_date is not None
                    check_due(data.due_date, data.due_time, now)
            except InputError as exc:
                return Reply(esc(exc))
            step = "title" if not data.title else ("due" if not parsed.date_found
                                                   else "confirm")
        draft, _ = self.wing.flows.start(KIND, person, chat_id=chat_id, step=step,
                                         data=data.to_json(), origin=origin)
        return self.ask(draft, DeadlineDraft.from_json(draft.data))

    def ask(self, draft: FlowState, data: DeadlineDraft) -> Reply:
        step = draft.step
        if not data.title:
            step = "title"
        elif data.due_date is None and step != "title":
            step = "due"
        question = FLOW.steps[step].ask if step in FLOW.steps else None
        if question is not None:
            return question(data, f"rem:d:{draft.id}")
        return render.deadline_draft_card(draft.id, data, self.wing.now(), self.wing.lines)

    def _go(self, draft: FlowState, step: str, data: DeadlineDraft) -> Reply:
        return self.ask(self.wing.flows.go(draft, step, data.to_json()), data)

    def on_text(self, draft: FlowState, text: str) -> Reply:
        data = DeadlineDraft.from_json(draft.data)
        answer = FLOW.steps[draft.step].answer if draft.step in FLOW.steps else None
        if answer is None:
            return Reply(common_texts.EXPIRED_BUTTON)
        try:
            data = answer(data, text, self.wing.now())
        except (InputError, DateError) as exc:
            return Reply(esc(exc), prompt=True)
        step = "title" if not data.title else ("due" if data.due_date is None else "confirm")
        return self._go(draft, step, data)

    def on_button(self, draft: FlowState, action: str, arg: str, person: Person) -> Reply:
        data = DeadlineDraft.from_json(draft.data)
        if action == "save":
            return self._save(draft, data, person)
        if action in REOPEN:
            return self._go(draft, REOPEN[action], data)
        if action == "line":
            self.wing.flows.go(draft, "buttons", data.to_json())
            return Reply(texts.ASK_LINE, render.line_buttons(draft.id, self.wing.lines))
        if action == "owner":
            self.wing.flows.go(draft, "owner", data.to_json())
            return Reply(texts.ASK_OWNER,
                         render.owner_buttons(draft.id, self.wing.people(), person.id),
                         prompt=True)
        if action == "setline" and arg.isascii() and arg.isdigit() and len(arg) <= 3:
            return self._go(draft, "confirm", replace(data, line=int(arg) or None))
        if action == "setowner" and _is_id(arg):
            return self._go(draft, "confirm", self.wing.with_owner_id(data, int(arg), person))
        return Reply("", toast=common_texts.EXPIRED_BUTTON)

    def _save(self, draft: FlowState, data: DeadlineDraft, person: Person) -> Reply:
        now = self.wing.now()
        try:
            valid = validate_deadline(data, now, self.wing.lines)
        except InputError as exc:
            self.wing.flows.go(draft, "due", data.to_json())
            return Reply(esc(exc) + "\n\n" + texts.ASK_DUE.format(title=esc(data.title)),
                         prompt=True)
        deadline, _ = self.wing.deadlines.add(valid, by=person.id, by_name=person.name, at=now,
                                              origin=f"draft:{draft.id}")
        self.wing.flows.close(draft.id, saved_id=deadline.id)
        return self.actions.saved(deadline)


def _is_id(text: str) -> bool:
    """A Telegram user id as it comes in callback data (never a 20-digit overflow)."""
    return text.isascii() and text.lstrip("-").isdigit() and len(text) <= 15
