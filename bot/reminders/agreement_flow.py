"""/convenio step by step: partner → kind → object → signed → end → cadence → status →
the card to confirm. The steps are declared once, in :data:`ORDER`, :data:`ANSWERS` and
:data:`BUTTONS`; the state is a row of ``reminder_drafts`` (restart-safe, saved once)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.access import Person
from bot.dates import DateError, parse_when
from bot.reminders import render
from bot.reminders.agreement_actions import AgreementActions
from bot.reminders.drafts import Draft
from bot.reminders.models import CADENCES, KINDS, STATUSES, AgreementDraft, InputError
from bot.reminders.parsing import (
    owner_from_text,
    read_cadence,
    read_end,
    read_kind,
    read_partner,
    read_status,
    validate_agreement,
)
from bot.reminders.render import esc
from bot.reminders.wing import Wing
from bot.replies import Reply, Rows
from bot.texts import common as common_texts
from bot.texts import reminders as texts

KIND = "agreement"
ORDER = ["partner", "kind", "object", "signed", "end", "cadence", "status", "confirm"]
Answer = Callable[[AgreementDraft, str, datetime], AgreementDraft]


def _end(data: AgreementDraft, text: str, now: datetime) -> AgreementDraft:
    ends_on, duration = read_end(text, data.signed_on, now)
    return replace(data, ends_on=ends_on, duration=duration)


# step -> how a typed answer changes the draft (raises a Refusal saying what is wrong)
ANSWERS: dict[str, Answer] = {
    "partner": lambda data, text, now: replace(data, partner=read_partner(text)),
    "kind": lambda data, text, now: replace(data, kind=read_kind(text)),
    "object": lambda data, text, now: replace(data, object=text.strip()[:500]),
    "signed": lambda data, text, now: replace(
        data, signed_on=parse_when(text, now=now, prefer="past").day),
    "end": _end,
    "cadence": lambda data, text, now: replace(data, cadence=read_cadence(text)),
    "status": lambda data, text, now: replace(data, status=read_status(text)),
    "owner": lambda data, text, now: owner_from_text(data, text),
}
# button action -> (the step it answers, how it changes the draft given its argument)
BUTTONS: dict[str, tuple[str, Callable[[AgreementDraft, str], AgreementDraft | None]]] = {
    "kind": ("kind", lambda data, arg: replace(data, kind=arg) if arg in KINDS else None),
    "skip": ("object", lambda data, arg: replace(data, object="")),
    "nosign": ("signed", lambda data, arg: replace(data, signed_on=None)),
    "noend": ("end", lambda data, arg: replace(data, ends_on=None, duration=None)),
    "cad": ("cadence", lambda data, arg: replace(data, cadence=arg) if arg in CADENCES
            else None),
    "st": ("status", lambda data, arg: replace(data, status=arg) if arg in STATUSES else None),
}


def _choices(d: str, action: str, names: dict[str, str]) -> Rows:
    return [[(name[:1].upper() + name[1:], f"{d}:{action}:{key}")] for key, name in names.items()]


def question(step: str, draft_id: int) -> Reply | None:
    """The question of ``step``, with its buttons; None for the card."""
    d = f"rem:d:{draft_id}"
    questions = {
        "partner": Reply(texts.AG_ASK_PARTNER),
        "kind": Reply(texts.AG_ASK_KIND, _choices(d, "kind", texts.KIND_NAMES)),
        "object": Reply(texts.AG_ASK_OBJECT, [[(texts.BUTTON_SKIP, f"{d}:skip")]]),
        "signed": Reply(texts.AG_ASK_SIGNED, [[(texts.AG_BUTTON_NOT_SIGNED, f"{d}:nosign")]]),
        "end": Reply(texts.AG_ASK_END, [[(texts.AG_BUTTON_NO_END, f"{d}:noend")]]),
        "cadence": Reply(texts.AG_ASK_CADENCE, _choices(d, "cad", texts.CADENCE_NAMES)),
        "status": Reply(texts.AG_ASK_STATUS, _choices(d, "st", texts.STATUS_NAMES)),
    }
    reply = questions.get(step)
    if reply is not None:
        reply.prompt = True
    return reply


class AgreementFlow:
    def __init__(self, wing: Wing, actions: AgreementActions) -> None:
        self.wing = wing
        self.actions = actions

    def start(self, person: Person, *, chat_id: int, text: str,
              origin: str | None = None) -> Reply:
        """/convenio [contraparte]: one question at a time."""
        data = AgreementDraft(partner=re.sub(r"\s+", " ", text).strip()[:200],
                              owner_id=person.id, owner_name=person.name)
        draft, _ = self.wing.drafts.open(KIND, chat_id=chat_id, user_id=person.id,
                                         user_name=person.name,
                                         step="kind" if data.partner else "partner",
                                         data=data.to_json(), at=self.wing.now(), origin=origin)
        return self.ask(draft, AgreementDraft.from_json(draft.data))

    def ask(self, draft: Draft, data: AgreementDraft) -> Reply:
        if draft.step == "owner":
            return Reply(texts.ASK_OWNER, render.owner_buttons(draft.id, self.wing.people(),
                                                               draft.user_id), prompt=True)
        asked = question(draft.step, draft.id)
        if asked is not None:
            return asked
        return render.agreement_draft_card(draft.id, data, self.wing.now())

    def advance(self, draft: Draft, data: AgreementDraft, after: str) -> Reply:
        """Store the answer to ``after`` and ask the next question."""
        step = "confirm" if after in {"owner", "confirm"} else ORDER[ORDER.index(after) + 1]
        self.wing.drafts.update(draft.id, step=step, data=data.to_json(), at=self.wing.now())
        return self.ask(replace(draft, step=step), data)

    def on_text(self, draft: Draft, text: str) -> Reply:
        answer = ANSWERS.get(draft.step)
        if answer is None:
            return Reply(common_texts.EXPIRED_BUTTON)
        try:
            data = answer(AgreementDraft.from_json(draft.data), text, self.wing.now())
        except (InputError, DateError) as exc:
            return Reply(esc(exc), prompt=True)
        return self.advance(draft, data, draft.step)

    def on_button(self, draft: Draft, action: str, arg: str, person: Person) -> Reply:
        data = AgreementDraft.from_json(draft.data)
        if action == "save":
            try:
                valid = validate_agreement(data)
            except InputError as exc:
                return Reply(esc(exc))
            now = self.wing.now()
            agreement, _ = self.wing.agreements.add(valid, by=person.id, at=now,
                                                    origin=f"draft:{draft.id}")
            self.wing.drafts.close(draft.id, at=now, saved_id=agreement.id)
            return self.actions.saved(agreement)
        if action in BUTTONS:
            step, change = BUTTONS[action]
            changed = change(data, arg)
            if changed is not None:
                return self.advance(draft, changed, step)
        if action == "owner":
            self.wing.drafts.update(draft.id, step="owner", data=data.to_json(),
                                    at=self.wing.now())
            return self.ask(replace(draft, step="owner"), data)
        if action == "setowner" and arg.isascii() and arg.lstrip("-").isdigit() and len(arg) < 16:
            return self.advance(draft, self.wing.with_owner_id(data, int(arg), person), "owner")
        return Reply("", toast=common_texts.EXPIRED_BUTTON)
