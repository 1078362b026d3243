"""What can be done to a saved agreement: list, follow-up done (logged as an activity),
the ✏️ menu (signing date, status, end, cadence), delete (asked first, owner or admin
only) and restore."""

from __future__ import annotations

import logging
from datetime import date

from bot.access import Person
from bot.delivery.plan import Due, followup_status
from bot.reminders import render
from bot.reminders.models import CADENCES, STATUSES, Agreement
from bot.reminders.render import esc
from bot.reminders.wing import Wing
from bot.replies import Reply
from bot.texts import common as common_texts
from bot.texts import reminders as texts

log = logging.getLogger(__name__)
LIST_ORDER = {"vigente": 0, "negociacion": 1, "vencido": 2, "terminado": 3}


class AgreementActions:
    def __init__(self, wing: Wing) -> None:
        self.wing = wing

    def listing(self, person: Person) -> Reply:
        wing = self.wing
        today = wing.now().date()
        agreements = wing.agreements.all()
        done = wing.agreements.followups_done()
        followups = {a.id: followup_status(a, done.get(a.id, set()), today) for a in agreements}
        agreements.sort(key=lambda a: (LIST_ORDER.get(a.effective_status(today), 9),
                                       a.ends_on or date.max, a.partner.lower()))
        return render.agreement_list(agreements, followups, wing.now(),
                                     buttons=wing.can_edit(person))

    def saved(self, agreement: Agreement) -> Reply:
        what = []
        if agreement.status == "vigente" and agreement.ends_on is not None:
            days = sorted(set(self.wing.settings.reminders.agreement_expiry_days), reverse=True)
            what.append(texts.AG_SAVED_EXPIRY.format(days=", ".join(str(d) for d in days)))
        if agreement.status == "vigente" and agreement.cadence != "none":
            what.append(texts.AG_SAVED_FOLLOWUP.format(
                cadence=texts.CADENCE_NAMES[agreement.cadence]))
        reminders = ""
        if what:
            probe = Due(key="", group="", fire_at=self.wing.now(), kind="expiry",
                        owner_id=agreement.owner_id)
            reminders = texts.AG_SAVED_REMINDERS.format(
                what=texts.AND.join(what), where=self.wing.where(probe, agreement.owner_name))
        return Reply(texts.AG_SAVED.format(partner=esc(agreement.partner), reminders=reminders),
                     close_buttons=True)

    def updated(self, agreement: Agreement, what: str) -> Reply:
        return Reply(texts.AG_UPDATED.format(partner=esc(agreement.partner), what=what),
                     toast="✅", close_buttons=True)

    def followup_done(self, person: Person, agreement_id: int, period_on: date | None) -> Reply:
        """Record the follow-up (once per period) and log it as an activity on the
        diplomacy line, when the activity log exists."""
        wing = self.wing
        agreement = wing.agreements.get(agreement_id)
        if agreement is None:
            return Reply("", toast=texts.AG_NOT_FOUND, close_buttons=True)
        now = wing.now()
        if period_on is None:
            done = wing.agreements.followups_done().get(agreement.id, set())
            pending, upcoming = followup_status(agreement, done, now.date())
            chosen = pending or upcoming
            if chosen is None:
                return Reply("", toast=texts.AG_NO_FOLLOWUP)
            # a button without its period (sent before periods were on buttons): the
            # same update handled again must not take the next period too
            ordinal, _ = wing.once(f"followup:{agreement.id}", chosen.toordinal)
            period_on = date.fromordinal(ordinal)
        if not wing.agreements.record_followup(agreement.id, period_on, by=person.id,
                                               by_name=person.name, at=now):
            return Reply("", toast=texts.AG_FOLLOWUP_ALREADY, close_buttons=True)
        note = ""
        logged = self._log_followup(agreement, person, now.date())
        if logged is not None:
            wing.agreements.set_followup_activity(agreement.id, period_on, logged[0])
            note = texts.AG_FOLLOWUP_ACTIVITY.format(line=logged[1])
        return Reply(texts.AG_FOLLOWUP_DONE.format(partner=esc(agreement.partner),
                                                   name=esc(person.name), activity=note),
                     toast="✅", close_buttons=True)

    def diplomacy_line(self) -> int:
        """The action line follow-ups are logged on: the one about agreements/diplomacy."""
        for line in self.wing.lines:
            words = " ".join([line.name, *line.keywords]).lower()
            if "diplomacia" in words or "convenio" in words:
                return line.number
        return self.wing.lines[0].number

    def _log_followup(self, agreement: Agreement, person: Person,
                      day: date) -> tuple[int, int] | None:
        """Log the follow-up in the activity log: (activity id, line), or None when there
        is no activity log or it refused. Called once per follow-up (the follow-up row is
        the guard), so the activity log's (chat, message) de-duplication is not used."""
        recorder = self.wing.activities
        if recorder is None:
            return None
        line = self.diplomacy_line()
        try:
            activity = recorder.record(
                line=line, text=texts.FOLLOWUP_ACTIVITY_TEXT.format(partner=agreement.partner),
                user_id=person.id, user_name=person.name, day=day, partners=[agreement.partner],
                source="reminders")
        except Exception:  # the follow-up is recorded either way; say so in the log
            log.exception("Could not log the follow-up of agreement %s as an activity",
                          agreement.id)
            return None
        return activity.id, line

    # -- the ✏️ menu -----------------------------------------------------------
    def menu(self, agreement_id: int, action: str, arg: str, person: Person,
             chat_id: int) -> Reply:
        """The ✏️ menu of an agreement: signing date, status, end date, cadence, delete."""
        wing = self.wing
        agreement = wing.agreements.get(agreement_id)
        if agreement is None:
            return Reply("", toast=texts.AG_NOT_FOUND, close_buttons=True)
        now = wing.now()
        a = f"rem:ag:{agreement.id}"
        if not action:
            return render.agreement_edit_menu(agreement)
        if action == "st" and not arg:
            return Reply(texts.AG_ASK_STATUS, [[(name.capitalize(), f"{a}:st:{key}")]
                                              for key, name in texts.STATUS_NAMES.items()])
        if action == "st" and arg in STATUSES:
            wing.agreements.update(agreement.id, at=now, status=arg)
            return self.updated(agreement, texts.AG_WHAT_STATUS.format(
                status=texts.STATUS_NAMES[arg]))
        if action == "cad" and not arg:
            return Reply(texts.AG_ASK_CADENCE, [[(texts.CADENCE_NAMES[key].capitalize(),
                                                  f"{a}:cad:{key}")] for key in CADENCES])
        if action == "cad" and arg in CADENCES:
            wing.agreements.update(agreement.id, at=now, cadence=arg)
            return self.updated(agreement, texts.AG_WHAT_CADENCE.format(
                cadence=texts.CADENCE_NAMES[arg]))
        if action in {"sig", "end"}:
            kind, step, ask = (("agreement_signed", "signed", texts.AG_ASK_NEW_SIGNED)
                               if action == "sig" else
                               ("agreement_end", "end", texts.AG_ASK_NEW_END))
            wing.start_once(kind, person, chat_id=chat_id, step=step,
                            data={"agreement_id": agreement.id})
            return Reply(ask, prompt=True)
        if action == "del":
            return wing.ask_to_delete(
                person, chat_id, (agreement.owner_id, agreement.created_by), "agreement",
                agreement.id, texts.AG_DELETE_ASK.format(partner=esc(agreement.partner)))
        return Reply("", toast=common_texts.EXPIRED_BUTTON)

    def delete(self, person: Person, agreement_id: int) -> Reply:
        """Soft delete (``deleted_at``), with a button to bring it back."""
        agreement = self.wing.owned(person, self.wing.agreements.get(agreement_id),
                                    missing=texts.AG_NOT_FOUND, refusal=texts.DELETE_NOT_YOURS)
        if isinstance(agreement, Reply):
            return agreement
        self.wing.agreements.delete(agreement.id, at=self.wing.now())
        return Reply(texts.AG_DELETED.format(partner=esc(agreement.partner)),
                     render.restore_buttons(f"rem:agundel:{agreement.id}"), close_buttons=True)

    def restore(self, person: Person, agreement_id: int) -> Reply:
        agreement = self.wing.owned(
            person, self.wing.agreements.get(agreement_id, deleted=True),
            missing=texts.AG_NOT_FOUND, refusal=texts.RESTORE_NOT_YOURS)
        if isinstance(agreement, Reply):
            return agreement
        if not self.wing.agreements.restore(agreement.id, at=self.wing.now()):
            return Reply("", toast=texts.NOT_DELETED, close_buttons=True)
        return Reply(texts.AG_RESTORED.format(partner=esc(agreement.partner)), toast="↩️",
                     close_buttons=True)
