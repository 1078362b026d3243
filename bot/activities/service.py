"""ActivityService: everything the bot, the command line and other features do with activities.

Handlers call one method per update and show what it returns. Every method
that changes something commits before returning, so a confirmation the bot
sends is always about data already on disk. Refusals are :class:`EntryError`
with a Spanish message; nothing is changed by a refused call.

Other features record through :meth:`ActivityService.record`, e.g. the
reminders feature logging "Seguimiento al convenio con GOAL" on line 1.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import sqlite_utils

from bot import access
from bot.activities.edits import edit_changes

if TYPE_CHECKING:
    pass
from bot.access import Person
from bot.activities.guided import GuidedLog
from bot.activities.lines import Example, LineChooser, LineGuess, line_by_number
from bot.activities.models import (
    MAX_TEXT,
    Activity,
    Attached,
    EntryError,
    Evidence,
    Listing,
    Logged,
    Step,
    add_evidence,
)
from bot.activities.names import NameIndex, merge
from bot.activities.outputs import ActivityOutputs
from bot.activities.parse import OLDEST, Vocabulary, check_line, parse_entry
from bot.activities.partners import known_from_day_one
from bot.activities.store import ActivityStore, NewActivity, Query
from bot.config import ActionLine, Settings
from bot.dates import format_day
from bot.folding import fold
from bot.texts import activities as texts


class NotAllowed(EntryError):
    """The person may not do this (someone else's entry, or not an admin)."""


LATE_MESSAGE = timedelta(minutes=10)
KEPT_BY_TELEGRAM = timedelta(hours=26)  # 24 h, and a margin for clocks
_LINE_ONLY = re.compile(r"^\s*(?:l[ií]nea\s*|l)?(\d{1,2})\s*$", re.IGNORECASE)
_ENTRY_ID = re.compile(r"^\s*#?(\d{1,9})\b\s*")


class ActivityService(ActivityOutputs):
    """The activity log of the office."""

    def __init__(self, settings: Settings, db: sqlite_utils.Database,
                 now: Callable[[], datetime]) -> None:
        self.settings = settings
        self.store = ActivityStore(db)
        self.now = now
        self.guided = GuidedLog(self)
        self._chooser: LineChooser | None = None

    # -- configuration --------------------------------------------------------------------
    @property
    def lines(self) -> list[ActionLine]:
        return list(self.settings.action_lines)

    def line(self, number: int) -> ActionLine | None:
        return line_by_number(number, self.lines)

    def vocabulary(self) -> Vocabulary:
        """Partners and departments from the config, plus every one used before."""
        config = self.settings.activities
        return Vocabulary(
            lines=self.lines,
            partners=NameIndex([*self.partner_names(), *self.store.known_partners()]),
            departments=NameIndex([*config.departments, *self.store.known_departments()],
                                  single_words=False),
            choose=self.choose_line,
        )

    def partner_names(self) -> list[str]:
        """Configured partners, with the organisations the knowledge base names."""
        return known_from_day_one(self.settings.activities.partners,
                                  self.settings.knowledge.path)

    @property
    def chooser(self) -> LineChooser:
        """The line chooser, built on first use (the embedding model loads then)."""
        if self._chooser is None:
            from bot.embeddings import load_embedder

            embedder = load_embedder() if self.settings.activities.line_embeddings else None
            self._chooser = LineChooser(self.lines, embedder,
                                        store=(self.store.vectors, self.store.save_vectors))
        return self._chooser

    def choose_line(self, text: str) -> LineGuess:
        """The likeliest line of ``text``, learning from every entry saved so far."""
        examples = [Example(t, line, ok) for t, line, ok in self.store.line_examples()]
        return self.chooser.choose(text, examples)

    def is_admin(self, person: Person) -> bool:
        return access.is_admin(person.id, self.settings.access)

    def can_log(self, person: Person) -> bool:
        return access.can_log(person.id, self.settings.access)

    # -- recording ------------------------------------------------------------------------
    def record(self, *, line: int, text: str, user_id: int, user_name: str = "",
               day: date | None = None, partners: Sequence[str] = (),
               department: str | None = None, chat_id: int | None = None,
               message_id: int | None = None, evidence: Sequence[Evidence] = (),
               source: str = "service") -> Activity:
        """Store one activity as given (no text parsing); for other features and scripts.

        ``chat_id``/``message_id`` make it idempotent: the same pair twice is one entry.
        Raises :class:`EntryError` for an unknown line, an empty or too long text, or a
        date after tomorrow.
        """
        activity, _ = self.save_new(NewActivity(
            day=day or self.now().date(), line=line, text=text.strip(), user_id=user_id,
            user_name=user_name, partners=tuple(merge(partners)),
            department=department, chat_id=chat_id, message_id=message_id,
            evidence=tuple(evidence), source=source,
        ))
        return activity

    def written_at(self, sent_at: datetime | None) -> datetime:
        """The moment "ayer" and "hoy" refer to: when the person wrote, if that was a while
        ago (the bot was down and Telegram delivers late), else now (clocks differ a bit).

        Telegram keeps undelivered updates for 24 hours, so an older date is not a late
        delivery but a wrong clock, and is ignored.
        """
        now = self.now()
        if sent_at is not None and now - KEPT_BY_TELEGRAM <= sent_at < now - LATE_MESSAGE:
            return sent_at.astimezone(now.tzinfo)
        return now

    def log(self, text: str, *, person: Person, chat_id: int, message_id: int,
            evidence: Sequence[Evidence] = (), guided: bool = True,
            sent_at: datetime | None = None) -> Logged | Step:
        """``/registrar <text>``: store at once, or (line unclear, or no text) start asking.

        ``guided=False`` (group chats, where the bot does not see plain replies) refuses
        to start a step-by-step log. ``sent_at`` is when Telegram says it was written.
        """
        existing = self.store.by_message(chat_id, message_id)
        if existing is not None:
            return Logged(existing, created=False)
        only_line = _LINE_ONLY.match(text or "")
        if not (text or "").strip() or only_line:
            if not guided:
                raise EntryError(texts.GROUP_GUIDED)
            line = check_line(int(only_line.group(1)), self.lines) if only_line else None
            return self.guided.start(person=person, chat_id=chat_id, message_id=message_id,
                                     line=line, evidence=evidence)
        try:
            draft = parse_entry(text, vocab=self.vocabulary(), now=self.written_at(sent_at))
        except EntryError:
            self.store.set_target(chat_id, person.id, None, self.now())
            raise
        if draft.line is None:
            return self.guided.wait_for_line(draft, person=person, chat_id=chat_id,
                                             message_id=message_id, evidence=evidence)
        activity, created = self.save_new(NewActivity(
            day=draft.day, line=draft.line, text=draft.text, user_id=person.id,
            user_name=person.name, partners=tuple(draft.partners), department=draft.department,
            chat_id=chat_id, message_id=message_id, evidence=tuple(evidence),
            line_source="guessed" if draft.candidates else "typed",
        ))
        return Logged(activity, created, guessed_line=bool(draft.candidates),
                      future_date=draft.future_date if created else "")

    def edited(self, text: str, *, person: Person, chat_id: int, message_id: int) -> Logged | None:
        """The person edited their ``/registrar`` message in Telegram: follow the edit.

        None when that message never became an entry (then it is handled as new).
        """
        existing = self.store.by_message(chat_id, message_id)
        if existing is None:
            return None
        self._check_owner(existing, person)
        if existing.deleted:  # undone: an edit must not quietly rewrite it
            raise EntryError(texts.EDIT_OF_DELETED.format(id=existing.id))
        draft = parse_entry(text, vocab=self.vocabulary(), now=self.now())
        changes: dict[str, Any] = {"text": draft.text, "day": draft.day,
                                   "partners": draft.partners, "department": draft.department}
        if draft.line is not None:
            changes["line"] = draft.line
            if draft.candidates:
                changes["line_source"] = "guessed"
        updated = self._update(existing, changes, person)
        return Logged(updated, created=False)

    # -- evidence sent on its own ---------------------------------------------------------
    def attach(self, evidence: Evidence, *, person: Person, chat_id: int) -> Attached | Step | None:
        """A photo, document or location with no command: it belongs to the guided log in
        progress, else to the entry recorded in the last few minutes, else to nothing."""
        if self.guided.draft_of(chat_id, person.id) is not None:
            return self.guided.give_evidence(evidence, person=person, chat_id=chat_id)
        target = self.store.target(chat_id, person.id)
        if target is None or target[0] is None:
            return None
        activity_id, at = target
        now = self.now()
        if now - at > timedelta(minutes=self.settings.activities.evidence_minutes):
            return None
        activity = self.store.get(activity_id)
        if activity is None or activity.deleted or activity.user_id != person.id:
            return None
        merged = add_evidence(list(activity.evidence), [evidence])
        if len(merged) == len(activity.evidence):
            return Attached(activity, added=False)
        updated = self.store.update(activity.id, {"evidence": merged}, by=person.id, at=now,
                                    action="evidence")
        self.store.set_target(chat_id, person.id, activity.id, now)  # an album keeps coming
        return Attached(updated, added=True)

    # -- managing entries -----------------------------------------------------------------
    def get(self, activity_id: int, person: Person) -> Activity:
        activity = self.store.get(activity_id)
        if activity is None or (activity.deleted and not self.is_admin(person)):
            raise EntryError(texts.NOT_FOUND.format(id=activity_id))
        self._check_owner(activity, person)
        return activity

    def undo_last(self, person: Person) -> Activity:
        """``/deshacer``: mark the person's latest entry deleted (an admin can restore it)."""
        last = self.store.last_of(person.id)
        if last is None:
            raise EntryError(texts.NOTHING_TO_UNDO)
        return self.store.delete(last.id, by=person.id, at=self.now())

    def delete(self, activity_id: int, person: Person) -> tuple[Activity, bool]:
        """The "Deshacer" button: (entry, whether it changed now)."""
        activity = self.get(activity_id, person)
        if activity.deleted:
            return activity, False
        return self.store.delete(activity.id, by=person.id, at=self.now()), True

    def restore(self, activity_id: int, person: Person) -> tuple[Activity, bool]:
        if not self.is_admin(person):
            raise NotAllowed(texts.RESTORE_ADMIN_ONLY)
        activity = self.get(activity_id, person)
        if not activity.deleted:
            return activity, False
        return self.store.restore(activity.id, by=person.id, at=self.now()), True

    def change_line(self, activity_id: int, line: int, person: Person) -> Activity:
        check_line(line, self.lines)
        activity = self.get(activity_id, person)
        if activity.deleted:
            raise EntryError(texts.ALREADY_DELETED.format(id=activity_id))
        if activity.line == line:
            return activity
        return self._update(activity, {"line": line}, person)

    def edit(self, args: str, person: Person) -> Activity:
        """``/editar [#id] <cambios>``; without an id, the person's latest entry.

        Changes: "línea 3", "fecha ayer", "texto …", "aliados #APC #GOAL" (or "ninguno"),
        "dependencia …", several at once; or a whole new quick-log text.
        """
        args = (args or "").strip()
        match = _ENTRY_ID.match(args)
        if match:
            activity = self.get(int(match.group(1)), person)
            args = args[match.end():].strip()
        else:
            activity = self.store.last_of(person.id)
            if activity is None:
                raise EntryError(texts.NOTHING_TO_EDIT)
        if activity.deleted:
            raise EntryError(texts.ALREADY_DELETED.format(id=activity.id))
        if not args:
            raise EntryError(texts.EDIT_WHAT.format(id=activity.id))
        if len(args) > MAX_TEXT:
            raise EntryError(texts.TOO_LONG.format(count=len(args), limit=MAX_TEXT))
        changes = edit_changes(activity, args, vocab=self.vocabulary(), now=self.now())
        return self._update(activity, changes, person)

    def recent(self, args: str, person: Person, *, limit: int = 15) -> Listing:
        """``/actividades [línea N] [@persona] [periodo] [borradas]``.

        Staff see their own entries; admins see everyone's (and deleted ones on request).
        """
        admin = self.is_admin(person)
        words = (args or "").strip()
        line = person_name = None
        deleted = mine = False
        match = re.search(r"(?:^|\s)(?:l[ií]nea\s*|l)(\d{1,2})\b", words, re.IGNORECASE) or \
            re.match(r"^\s*(\d{1,2})(?=\s|$)", words)
        if match:
            line = check_line(int(match.group(1)), self.lines)
            words = (words[:match.start()] + " " + words[match.end():]).strip()
        match = re.search(r"(?:^|\s)(?:@|por\s+)(\w[\w.\-]*)", words, re.IGNORECASE)
        if match:
            person_name = match.group(1)
            words = (words[:match.start()] + " " + words[match.end():]).strip()
        for flag in ("borradas", "eliminadas", "borrados", "eliminados"):
            if re.search(rf"\b{flag}\b", fold(words)):
                deleted = True
                words = re.sub(rf"(?i)\b{flag}\b", " ", fold(words)).strip()
        for flag in ("mias", "mios", "mis actividades", "propias"):
            if re.search(rf"\b{flag}\b", fold(words)):
                mine = True
                words = re.sub(rf"\b{flag}\b", " ", fold(words)).strip()
        if deleted and not admin:
            raise NotAllowed(texts.DELETED_ADMIN_ONLY)
        period = self.period(words) if words else None
        query = Query(start=period.start if period else None, end=period.end if period else None,
                      line=line, user_id=None if admin and not mine else person.id,
                      deleted=deleted, newest_first=True)
        found = self.store.find(query)
        if person_name and admin:
            wanted = fold(person_name)
            found = [a for a in found if wanted in fold(a.user_name)]
        return Listing(found[:limit], len(found), period, line, person_name if admin else None,
                       not admin or mine, deleted)

    # -- internals ------------------------------------------------------------------------
    def save_new(self, new: NewActivity) -> tuple[Activity, bool]:
        """Validate and store; the entry is committed when this returns."""
        if new.chat_id is not None and new.message_id is not None:
            existing = self.store.by_message(new.chat_id, new.message_id)
            if existing is not None:
                return existing, False
        check_line(new.line, self.lines)
        text = new.text.strip()
        if not text:
            raise EntryError(texts.EMPTY)
        if len(text) > MAX_TEXT:
            raise EntryError(texts.TOO_LONG.format(count=len(text), limit=MAX_TEXT))
        _check_day(new.day, self.now().date())
        now = self.now()
        activity, created = self.store.add(replace(new, text=text), at=now)
        if new.chat_id is not None:
            self.store.set_target(new.chat_id, new.user_id, activity.id, now)
        return activity, created

    def _check_owner(self, activity: Activity, person: Person) -> None:
        if activity.user_id != person.id and not self.is_admin(person):
            raise NotAllowed(texts.NOT_YOURS.format(id=activity.id))

    def _update(self, activity: Activity, changes: dict[str, Any], person: Person) -> Activity:
        if "text" in changes:
            text = str(changes["text"]).strip()
            if not text:
                raise EntryError(texts.EMPTY)
            if len(text) > MAX_TEXT:
                raise EntryError(texts.TOO_LONG.format(count=len(text), limit=MAX_TEXT))
            changes["text"] = text
        if "line" in changes:
            check_line(changes["line"], self.lines)
            if changes["line"] != activity.line:  # a person said so: a labelled example
                changes.setdefault("line_source", "corrected")
        if "day" in changes:
            _check_day(changes["day"], self.now().date())
        if "partners" in changes:
            changes["partners"] = merge(changes["partners"])
        return self.store.update(activity.id, changes, by=person.id, at=self.now())



def _check_day(day: date, today: date) -> None:
    if day > today + timedelta(days=1):
        raise EntryError(texts.FUTURE_DATE.format(day=format_day(day), written=day.isoformat()))
    if day < OLDEST:
        raise EntryError(texts.TOO_OLD.format(day=format_day(day)))

