"""Step-by-step logs: /registrar alone, and quick logs waiting for their line.

Two flows of :mod:`bot.flows`, declared in :data:`STEPS`: ``activity`` (the guided
log, every step reads what is typed) and ``activity_quick`` (a one-line log whose
line could not be told, waiting for a line button). Each step is written to the
``flows`` table before the bot answers, so a restart (or a crash) loses nothing:
the next message or button continues where the person was. A redelivered message
is recognised by its id and only asks the same question again; "Guardar" pressed
twice saves once, because the entry is keyed by the message that started the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.access import Person
from bot.activities.models import (
    Activity,
    Draft,
    DraftState,
    EntryError,
    Evidence,
    Logged,
    Step,
    add_evidence,
)
from bot.activities.parse import Vocabulary, check_line, parse_entry
from bot.activities.store import ActivityStore, NewActivity
from bot.config import ActionLine, Settings
from bot.flows import Conversations, Flow, FlowState
from bot.flows import Step as FlowStep
from bot.texts import activities as texts

GUIDED, QUICK = "activity", "activity_quick"
# flow -> its steps: what the person is asked next (the question is drawn by
# bot.activities.render.step_reply; what an answer does is in GuidedLog below).
STEPS: dict[str, dict[str, FlowStep[None]]] = {
    GUIDED: {
        "line": FlowStep(typed=True),  # the line: a button, or its number typed
        "text": FlowStep(typed=True),  # what happened (a caption counts, with its photo)
        "evidence": FlowStep(typed=True),  # a photo, document or location, or «Omitir»
        "confirm": FlowStep(typed=True),  # «Guardar»; a text typed now corrects the entry
    },
    QUICK: {"line": FlowStep()},  # a one-line log waiting for its line button
}
_OWN = ("chat_id", "user_id", "user_name", "step", "created_at", "updated_at")


class ActivityLog(Protocol):
    """What a guided log needs of the activity log
    (:class:`bot.activities.service.ActivityService`): no import back to it."""

    settings: Settings
    store: ActivityStore
    now: Callable[[], datetime]

    @property
    def lines(self) -> list[ActionLine]: ...
    def vocabulary(self) -> Vocabulary: ...
    def written_at(self, sent_at: datetime | None) -> datetime: ...
    def save_new(self, new: NewActivity) -> tuple[Activity, bool]: ...


class GuidedLog:
    """The drafts of one office, on top of the activity log."""

    def __init__(self, service: ActivityLog) -> None:
        self.service = service
        limit = timedelta(hours=service.settings.activities.draft_hours)
        self.flows = Conversations(service.store.db, [
            Flow(name, steps, max_age=limit) for name, steps in STEPS.items()], service.now)

    @property
    def store(self) -> ActivityStore:
        return self.service.store

    def now(self) -> datetime:
        return self.service.now()

    def draft_of(self, chat_id: int, user_id: int) -> DraftState | None:
        """The guided log this person has open in this chat; an abandoned one expires."""
        flow = self.flows.current(chat_id, user_id)
        if flow is None:
            return None
        return DraftState.from_row({
            **flow.data, "chat_id": flow.chat_id, "user_id": flow.user_id,
            "user_name": flow.user_name, "step": flow.step,
            "created_at": flow.created_at.isoformat(), "updated_at": flow.updated_at.isoformat()})

    def start(self, *, person: Person, chat_id: int, message_id: int, line: int | None = None,
              evidence: Sequence[Evidence] = ()) -> Step:
        """``/registrar`` alone: begin asking (line first, unless given)."""
        current = self.draft_of(chat_id, person.id)
        if current is not None and current.origin_message_id == message_id:
            return Step(current, repeated=True)
        dropped = current.text if current is not None else None
        state = self._new_draft(person, chat_id, message_id, mode="guided",
                                step="text" if line else "line")
        state.line, state.evidence = line, list(evidence)
        self._save(state)
        return Step(state, dropped=dropped)

    def choose_line(self, *, person: Person, chat_id: int, origin: int, line: int,
                    message_id: int | None = None) -> Step | Logged:
        """A line button of a guided (or quick, line-less) log, or its number typed in
        message ``message_id`` (a redelivered one is not applied twice)."""
        check_line(line, self.service.lines)
        state = self._draft_for_button(person, chat_id, origin)
        if isinstance(state, Logged):
            return state
        if message_id is not None:
            if message_id <= state.last_message_id:
                return Step(state, repeated=True)
            state.last_message_id = message_id
        state.line = line
        if state.mode == "quick":
            return self._commit(state, source="telegram")
        if state.step in {"line", "text"}:
            state.step = "text" if state.text is None else "evidence"
            if state.step == "evidence" and state.evidence:
                state.step = "confirm"
        self._save(state)
        return Step(state)

    def give_text(self, text: str, *, person: Person, chat_id: int, message_id: int,
                  evidence: Sequence[Evidence] = (), sent_at: datetime | None = None) -> Step:
        """What happened, typed during a guided log (a caption counts, with its photo)."""
        state = self._current(person, chat_id)
        if message_id <= state.last_message_id:
            return Step(state, repeated=True)
        draft = parse_entry(text, vocab=self.service.vocabulary(),
                            now=self.service.written_at(sent_at), line=state.line,
                            read_line=False)
        state.text, state.day, state.partners = draft.text, draft.day, draft.partners
        state.department = draft.department
        state.evidence = add_evidence(state.evidence, evidence)
        state.last_message_id = message_id
        if state.step == "text":
            state.step = "confirm" if state.evidence else "evidence"
        elif state.step == "evidence":
            state.step = "confirm"  # a correction after the text: show what will be saved
        self._save(state)
        return Step(state, added_evidence=bool(evidence))

    def give_evidence(self, evidence: Evidence, *, person: Person, chat_id: int) -> Step:
        """A photo, document or location sent during a guided log."""
        state = self._current(person, chat_id)
        before = len(state.evidence)
        state.evidence = add_evidence(state.evidence, [evidence])
        repeated = len(state.evidence) == before
        if evidence.message_id:
            state.last_message_id = max(state.last_message_id, evidence.message_id)
        if state.step == "evidence":
            state.step = "confirm"
        self._save(state)
        return Step(state, repeated=repeated, added_evidence=not repeated)

    def skip_evidence(self, *, person: Person, chat_id: int, origin: int) -> Step | Logged:
        state = self._draft_for_button(person, chat_id, origin)
        if isinstance(state, Logged):
            return state
        if state.step == "evidence":
            state.step = "confirm"
            self._save(state)
        return Step(state)

    def reopen_line(self, *, person: Person, chat_id: int, origin: int) -> Step | Logged:
        """"Cambiar línea" on the summary of a guided log, before saving."""
        state = self._draft_for_button(person, chat_id, origin)
        return state if isinstance(state, Logged) else Step(state)

    def confirm(self, *, person: Person, chat_id: int, origin: int) -> Logged:
        """Save a guided log. Pressing "Guardar" twice saves once."""
        state = self._draft_for_button(person, chat_id, origin)
        if isinstance(state, Logged):
            return state
        if state.line is None or not state.text:
            raise EntryError(texts.DRAFT_INCOMPLETE)
        return self._commit(state, source="guided")

    def cancel(self, *, chat_id: int, user_id: int) -> bool:
        """Leave a guided log; True if there was one."""
        return self.flows.cancel(chat_id, user_id) > 0

    def wait_for_line(self, draft: Draft, *, person: Person, chat_id: int, message_id: int,
                      evidence: Sequence[Evidence]) -> Step:
        """A quick log whose line could not be told: keep it until a line button is pressed."""
        current = self.draft_of(chat_id, person.id)
        dropped = current.text if current is not None and current.origin_message_id != \
            message_id else None
        state = self._new_draft(person, chat_id, message_id, mode="quick", step="line")
        state.text, state.day, state.partners = draft.text, draft.day, draft.partners
        state.department, state.evidence = draft.department, list(evidence)
        state.candidates = draft.candidates[:2]
        self._save(state)
        return Step(state, dropped=dropped)

    # -- internals --------------------------------------------------------------------------
    def _commit(self, state: DraftState, *, source: str) -> Logged:
        activity, created = self.service.save_new(NewActivity(
            day=state.day or self.now().date(), line=state.line, text=state.text or "",
            user_id=state.user_id, user_name=state.user_name, partners=tuple(state.partners),
            department=state.department, chat_id=state.chat_id,
            message_id=state.origin_message_id, evidence=tuple(state.evidence), source=source,
            line_source="chosen",
        ))
        flow = self._flow_of(state)
        if flow is not None:
            self.flows.close(flow.id, saved_id=activity.id)
        return Logged(activity, created)

    def _new_draft(self, person: Person, chat_id: int, message_id: int, *, mode: str,
                   step: str) -> DraftState:
        now = self.now()
        return DraftState(chat_id=chat_id, user_id=person.id, user_name=person.name, step=step,
                          mode=mode, origin_message_id=message_id, last_message_id=message_id,
                          created_at=now, updated_at=now)

    def _flow_of(self, state: DraftState) -> FlowState | None:
        """The row of this draft: the person's open log begun by the same message."""
        flow = self.flows.current(state.chat_id, state.user_id)
        if flow is None or flow.data.get("origin_message_id") != state.origin_message_id:
            return None
        return flow

    def _save(self, state: DraftState) -> None:
        """On disk before the bot answers; a new log replaces the one left open."""
        state.updated_at = self.now()
        row = state.to_row()
        data: dict[str, Any] = {key: value for key, value in row.items() if key not in _OWN}
        flow = self._flow_of(state)
        name = GUIDED if state.mode == "guided" else QUICK
        if flow is not None and flow.flow == name:
            self.flows.go(flow, state.step, data)
        else:
            self.flows.start(name, Person(state.user_id, state.user_name),
                             chat_id=state.chat_id, step=state.step, data=data)

    def _current(self, person: Person, chat_id: int) -> DraftState:
        state = self.draft_of(chat_id, person.id)
        if state is None:
            raise EntryError(texts.NO_DRAFT)
        return state

    def _draft_for_button(self, person: Person, chat_id: int,
                          origin: int) -> DraftState | Logged:
        """The draft a button belongs to; if it was already saved, that entry."""
        state = self.draft_of(chat_id, person.id)
        if state is not None and state.origin_message_id == origin:
            return state
        saved = self.store.by_message(chat_id, origin)
        if saved is not None and saved.user_id == person.id:
            return Logged(saved, created=False)
        raise EntryError(texts.DRAFT_GONE)
