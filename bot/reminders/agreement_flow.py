"""/convenio step by step: partner → kind → object → signed → end → cadence → status →
the card to confirm. The steps are declared once, in :data:`FLOW` (questions, typed
answers and the next step) and :data:`BUTTONS` (what each answer button sets); the state
is a row of ``flows`` (:mod:`bot.flows`: restart-safe, saved once)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.access import Person
from bot.dates import DateError, parse_when
from bot.flows import Flow, FlowState, Step
from bot.reminders import render
from bot.reminders.agreement_actions import AgreementActions
from bot.reminders.models import CADENCES, KINDS, STATUSES, AgreementDraft, InputError
from bot.reminders.parse import (
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
Answer = Callable[[AgreementDraft, str, datetime], AgreementDraft]
Ask = Callable[[AgreementDraft, str], Reply]


def _end(data: AgreementDraft, text: str, now: datetime) -> AgreementDraft:
    ends_on, duration = read_end(text, data.signed_on, now)
    return replace(data, ends_on=ends_on, duration=duration)


def _choices(action: str, names: dict[str, str]) -> Callable[[str], Rows]:
    """One button per choice, for ``rem:d:<id>:<action>:<key>``."""
    return lambda d: [[(name[:1].upper() + name[1:], f"{d}:{action}:{key}")]
                      for key, name in names.items()]


def _button(label: str, action: str) -> Callable[[str], Rows]:
    return lambda d: [[(label, f"{d}:{action}")]]


def _ask(text: str, rows: Callable[[str], Rows] | None = None) -> Ask:
    return lambda data, d: Reply(text, rows(d) if rows else [], prompt=True)


def _step(ask: Ask, answer: Answer, then: str) -> Step[AgreementDraft]:
    return Step(ask=ask, answer=answer, then=then)


# step -> (question with its answer buttons, how a typed answer changes the draft, next)
FLOW: Flow[AgreementDraft] = Flow(KIND, {
    "partner": _step(_ask(texts.AG_ASK_PARTNER),
                     lambda data, text, now: replace(data, partner=read_partner(text)), "kind"),
    "kind": _step(_ask(texts.AG_ASK_KIND, _choices("kind", texts.KIND_NAMES)),
                  lambda data, text, now: replace(data, kind=read_kind(text)), "object"),
    "object": _step(_ask(texts.AG_ASK_OBJECT, _button(texts.BUTTON_SKIP, "skip")),
                    lambda data, text, now: replace(data, object=text.strip()[:500]), "signed"),
    "signed": _step(_ask(texts.AG_ASK_SIGNED, _button(texts.AG_BUTTON_NOT_SIGNED, "nosign")),
                    lambda data, text, now: replace(
                        data, signed_on=parse_when(text, now=now, prefer="past").day), "end"),
    "end": _step(_ask(texts.AG_ASK_END, _button(texts.AG_BUTTON_NO_END, "noend")), _end,
                 "cadence"),
    "cadence": _step(_ask(texts.AG_ASK_CADENCE, _choices("cad", texts.CADENCE_NAMES)),
                     lambda data, text, now: replace(data, cadence=read_cadence(text)),
                     "status"),
    "status": _step(_ask(texts.AG_ASK_STATUS, _choices("st", texts.STATUS_NAMES)),
                    lambda data, text, now: replace(data, status=read_status(text)), "confirm"),
    # its buttons are the office's people: drawn by AgreementFlow.ask
    "owner": Step(answer=lambda data, text, now: owner_from_text(data, text), then="confirm"),
    "confirm": Step(),  # the card
})
# answer button -> (the step it answers, how it changes the draft given its argument)
BUTTONS: dict[str, tuple[str, Callable[[AgreementDraft, str], AgreementDraft | None]]] = {
    "kind": ("kind", lambda data, arg: replace(data, kind=arg) if arg in KINDS else None),
    "skip": ("object", lambda data, arg: replace(data, object="")),
    "nosign": ("signed", lambda data, arg: replace(data, signed_on=None)),
    "noend": ("end", lambda data, arg: replace(data, ends_on=None, duration=None)),
    "cad": ("cadence", lambda data, arg: replace(data, cadence=arg) if arg in CADENCES
            else None),
    "st": ("status", lambda data, arg: replace(data, status=arg) if arg in STATUSES else None),
}


class AgreementFlow:
    def __init__(self, wing: Wing, actions: AgreementActions) -> None:
        self.wing = wing
        self.actions = actions

    def start(self, person: Person, *, chat_id: int, text: str,
              origin: str | None = None) -> Reply:
        """/convenio [contraparte]: one question at a time."""
        data = AgreementDraft(partner=re.sub(r"\s+", " ", text).strip()[:200],
                              owner_id=person.id, owner_name=person.name)
        draft, _ = self.wing.flows.start(KIND, person, chat_id=chat_id,
                                         step="kind" if data.partner else "partner",
                                         data=data.to_json(), origin=origin)
        return self.ask(draft, AgreementDraft.from_json(draft.data))

    def ask(self, draft: FlowState, data: AgreementDraft) -> Reply:
        if draft.step == "owner":
            return Reply(texts.ASK_OWNER, render.owner_buttons(draft.id, self.wing.people(),
                                                               draft.user_id), prompt=True)
        step = FLOW.steps.get(draft.step)
        if step is not None and step.ask is not None:
            return step.ask(data, f"rem:d:{draft.id}")
        return render.agreement_draft_card(draft.id, data, self.wing.now())

    def advance(self, draft: FlowState, data: AgreementDraft, after: str) -> Reply:
        """Store the answer to ``after`` and ask the next question."""
        step = FLOW.steps[after].then or "confirm"
        return self.ask(self.wing.flows.go(draft, step, data.to_json()), data)

    def on_text(self, draft: FlowState, text: str) -> Reply:
        answer = FLOW.steps[draft.step].answer if draft.step in FLOW.steps else None
        if answer is None:
            return Reply(common_texts.EXPIRED_BUTTON)
        try:
            data = answer(AgreementDraft.from_json(draft.data), text, self.wing.now())
        except (InputError, DateError) as exc:
            return Reply(esc(exc), prompt=True)
        return self.advance(draft, data, draft.step)

    def on_button(self, draft: FlowState, action: str, arg: str, person: Person) -> Reply:
        data = AgreementDraft.from_json(draft.data)
        if action == "save":
            try:
                valid = validate_agreement(data)
            except InputError as exc:
                return Reply(esc(exc))
            now = self.wing.now()
            agreement, _ = self.wing.agreements.add(valid, by=person.id, at=now,
                                                    origin=f"draft:{draft.id}")
            self.wing.flows.close(draft.id, saved_id=agreement.id)
            return self.actions.saved(agreement)
        if action in BUTTONS:
            step, change = BUTTONS[action]
            changed = change(data, arg)
            if changed is not None:
                return self.advance(draft, changed, step)
        if action == "owner":
            return self.ask(self.wing.flows.go(draft, "owner", data.to_json()), data)
        if action == "setowner" and arg.isascii() and arg.lstrip("-").isdigit() and len(arg) < 16:
            return self.advance(draft, self.wing.with_owner_id(data, int(arg), person), "owner")
        return Reply("", toast=common_texts.EXPIRED_BUTTON)
