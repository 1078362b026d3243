"""Reminders over time (time-machine moves the real clock): each arrives once, in order,
late ones say so after a downtime, and nothing is sent twice across restarts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from bot.access import Person
from bot.config import Settings
from bot.db import open_database
from bot.reminders.models import AgreementDraft, DeadlineDraft
from bot.reminders.service import ReminderService
from bot.services import build_services
from tests.conftest import STAFF_ID
from tests.support.updates import GROUP_ID

TZ = ZoneInfo("America/Bogota")
ANA = Person(STAFF_ID, "Ana")


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


@pytest.fixture
def travel():
    """Move the real clock: ``travel(datetime)``; stops at the end of the test."""
    machines: list[time_machine.travel] = []
    coordinates: list[time_machine.Coordinates] = []

    def go(moment: datetime) -> None:
        if coordinates:
            coordinates[0].move_to(moment)
        else:
            machines.append(time_machine.travel(moment, tick=False))
            coordinates.append(machines[0].start())

    yield go
    for machine in machines:
        machine.stop()


def service(settings: Settings) -> ReminderService:
    """A fresh service on the same database file, as after a restart, on the real clock."""
    return build_services(settings, db=open_database(settings.storage.database)).reminders


def deliver(svc: ReminderService, *, failing: set[int] = frozenset()) -> list[tuple[str, int]]:
    """What the sender does: send each owed message (chats in ``failing`` error out)."""
    sent = []
    for out in svc.delivery.outgoing():
        if out.chat_id in failing:
            continue
        svc.delivery.sent(out, message_id=len(sent) + 1)
        sent.append((out.key, out.chat_id))
    return sent


def add_deadline(svc: ReminderService, due: date, clock: time | None = None,
                 title: str = "Convocatoria KUSANONE") -> int:
    deadline, _ = svc.deadlines.add(
        DeadlineDraft(title=title, due_date=due, due_time=clock, owner_id=STAFF_ID,
                      owner_name="Ana"), by=STAFF_ID, by_name="Ana", at=svc.now())
    return deadline.id


@pytest.fixture
def settings_no_digest(settings: Settings) -> Settings:
    settings.reminders.digest_enabled = False
    return settings


def test_cascade_arrives_once_each_in_group_then_owner(settings_no_digest, travel):
    travel(at(2026, 11, 18, 10))
    svc = service(settings_no_digest)
    deadline_id = add_deadline(svc, date(2026, 12, 15), time(10, 0))
    log: list[tuple[datetime, str, int]] = []
    moment = at(2026, 11, 18, 10)
    while moment <= at(2026, 12, 16, 12):  # every half hour for four weeks
        travel(moment)
        log += [(moment, key, chat) for key, chat in deliver(svc)]
        moment += timedelta(minutes=30)
    prefix = f"deadline:{deadline_id}:2026-12-15T10:00:lead:"
    assert log == [
        (at(2026, 12, 8, 8), prefix + "7d", GROUP_ID),
        (at(2026, 12, 8, 8), prefix + "7d", STAFF_ID),
        (at(2026, 12, 14, 8), prefix + "1d", GROUP_ID),
        (at(2026, 12, 14, 8), prefix + "1d", STAFF_ID),
        (at(2026, 12, 15, 8), prefix + "0d", GROUP_ID),
        (at(2026, 12, 15, 8), prefix + "0d", STAFF_ID),
    ]


def test_restart_sends_nothing_already_sent(settings_no_digest, travel):
    travel(at(2026, 12, 1, 9))
    add_deadline(service(settings_no_digest), date(2026, 12, 2), time(17, 0))
    travel(at(2026, 12, 2, 8, 0, 5))
    assert len(deliver(service(settings_no_digest))) == 2
    for _ in range(3):  # three restarts
        assert deliver(service(settings_no_digest)) == []


def test_downtime_sends_only_the_newest_reminder_marked_late(settings_no_digest, travel):
    travel(at(2026, 12, 1, 9))
    svc = service(settings_no_digest)
    deadline_id = add_deadline(svc, date(2026, 12, 15), time(10, 0))
    travel(at(2026, 12, 8, 8))
    assert len(deliver(svc)) == 2  # the 7-day reminder, on time
    # The bot is down from 13 to 15 December 09:00: the 1-day and same-day reminders fell due.
    travel(at(2026, 12, 15, 9))
    svc = service(settings_no_digest)
    outgoing = svc.delivery.outgoing()
    assert [(o.key, o.chat_id, o.delivery.late) for o in outgoing] == [
        (f"deadline:{deadline_id}:2026-12-15T10:00:lead:0d", GROUP_ID, True),
        (f"deadline:{deadline_id}:2026-12-15T10:00:lead:0d", STAFF_ID, True)]
    assert "⚠️ <b>Con retraso</b>" in outgoing[0].reply.text
    assert "martes 15 de diciembre de 2026, 08:00" in outgoing[0].reply.text
    assert "en 1 h" in outgoing[0].reply.text
    deliver(svc)
    travel(at(2026, 12, 16, 9))
    assert deliver(service(settings_no_digest)) == []  # the skipped 1-day one never comes


def test_a_reminder_a_few_minutes_late_is_not_flagged(settings_no_digest, travel):
    travel(at(2026, 12, 1, 9))
    svc = service(settings_no_digest)
    add_deadline(svc, date(2026, 12, 2))
    travel(at(2026, 12, 2, 8, 3))
    assert [o.delivery.late for o in svc.delivery.outgoing()] == [False, False]


def test_crash_between_group_and_owner_resends_only_the_owner(settings_no_digest, travel):
    travel(at(2026, 12, 1, 9))
    svc = service(settings_no_digest)
    add_deadline(svc, date(2026, 12, 2))
    travel(at(2026, 12, 2, 8))
    first = svc.delivery.outgoing()
    svc.delivery.sent(first[0], 10)  # the group message went out, then the process died
    after_restart = service(settings_no_digest).delivery.outgoing()
    assert [o.chat_id for o in after_restart] == [STAFF_ID]


def test_failed_sends_stay_owed_until_they_go_through(settings_no_digest, travel):
    travel(at(2026, 12, 1, 9))
    svc = service(settings_no_digest)
    add_deadline(svc, date(2026, 12, 2))
    travel(at(2026, 12, 2, 8))
    assert deliver(svc, failing={GROUP_ID, STAFF_ID}) == []
    travel(at(2026, 12, 2, 8, 1))
    assert [chat for _, chat in deliver(svc, failing={STAFF_ID})] == [GROUP_ID]
    travel(at(2026, 12, 2, 8, 2))
    assert [chat for _, chat in deliver(svc)] == [STAFF_ID]
    assert deliver(svc) == []


def test_undeliverable_owner_is_not_retried(settings_no_digest, travel):
    travel(at(2026, 12, 1, 9))
    svc = service(settings_no_digest)
    add_deadline(svc, date(2026, 12, 2))
    travel(at(2026, 12, 2, 8))
    for out in svc.delivery.outgoing():
        if out.chat_id == STAFF_ID:
            svc.delivery.undeliverable(
                out, "Forbidden: bot can't initiate conversation with a user")
        else:
            svc.delivery.sent(out, 1)
    assert svc.delivery.outgoing() == []


def test_done_deleted_and_postponed_deadlines(settings_no_digest, travel):
    travel(at(2026, 12, 1, 9))
    svc = service(settings_no_digest)
    done = add_deadline(svc, date(2026, 12, 3), title="Hecho")
    deleted = add_deadline(svc, date(2026, 12, 3), title="Borrado")
    moved = add_deadline(svc, date(2026, 12, 3), title="Pospuesto")
    svc.deadline_actions.done(ANA, done)
    svc.deadline_actions.delete(ANA, deleted)
    travel(at(2026, 12, 2, 12))
    svc.deadline_actions.postpone(ANA, moved, 7)
    keys = []
    moment = at(2026, 12, 2, 12)
    while moment < at(2026, 12, 11):
        travel(moment)
        keys += [key for key, chat in deliver(svc) if chat == GROUP_ID]
        moment += timedelta(hours=1)
    # Moved on 2 December to the 10th: the 7-day reminder (3 December) is owed afresh.
    assert keys == [f"deadline:{moved}:2026-12-10:lead:{lead}" for lead in ("7d", "1d", "0d")]


def test_agreement_expiry_cascade_and_follow_ups(settings, travel):
    settings.reminders.digest_enabled = False
    travel(at(2026, 1, 10, 9))
    svc = service(settings)
    agreement, _ = svc.agreements.add(AgreementDraft(
        partner="Alcaldía de Pittsburgh", kind="hermanamiento", signed_on=date(2025, 10, 31),
        ends_on=date(2026, 10, 31), cadence="trimestral", status="vigente", owner_id=STAFF_ID,
        owner_name="Ana"), by=STAFF_ID, at=svc.now())
    sent = []
    day = date(2026, 1, 10)
    while day <= date(2026, 12, 31):
        travel(datetime.combine(day, time(8, 30), tzinfo=TZ))
        sent += [key for key, chat in deliver(svc) if chat == GROUP_ID]
        day += timedelta(days=1)
    a = f"agreement:{agreement.id}"
    assert sent == [
        f"{a}:followup:2026-01-31", f"{a}:followup:2026-04-30", f"{a}:followup:2026-07-31",
        f"{a}:expiry:2026-10-31:90", f"{a}:expiry:2026-10-31:30", f"{a}:expiry:2026-10-31:7",
        f"{a}:followup:2026-10-31",
    ]


def test_follow_up_done_is_recorded_once_and_logged_as_an_activity(settings, travel):
    travel(at(2026, 2, 28, 9))
    svc = service(settings)
    agreement, _ = svc.agreements.add(AgreementDraft(
        partner="GOAL", kind="mou", signed_on=date(2025, 11, 30), cadence="trimestral",
        status="vigente"), by=STAFF_ID, at=svc.now())
    period = date(2026, 2, 28)
    first = svc.agreement_actions.followup_done(ANA, agreement.id, period)
    assert "Seguimiento al convenio con <b>GOAL</b> registrado" in first.text
    again = svc.agreement_actions.followup_done(ANA, agreement.id, period)
    assert again.toast == "Ese seguimiento ya estaba registrado."
    rows = list(svc.db.query("SELECT * FROM agreement_followups"))
    assert len(rows) == 1 and rows[0]["period_on"] == "2026-02-28"
    if svc.activities is not None:
        activities = list(svc.db.query("SELECT line, text, day FROM activities"))
        assert activities == [{"line": 1, "text": "Seguimiento al convenio con GOAL",
                               "day": "2026-02-28"}]
        assert rows[0]["activity_id"]
        assert "registro de actividades" in first.text
    travel(at(2026, 2, 28, 9, 5))
    assert [o.key for o in svc.delivery.outgoing() if o.due.kind == "followup"] == []


def test_weekly_digest_lists_the_next_fourteen_days_once(settings, travel):
    travel(at(2026, 11, 13, 9))  # Friday
    svc = service(settings)
    add_deadline(svc, date(2026, 11, 20), time(17, 0), title="Informe al concejo")
    add_deadline(svc, date(2026, 12, 31), title="Muy lejos")
    travel(at(2026, 11, 16, 8, 0, 1))  # Monday
    outgoing = [o for o in svc.delivery.outgoing() if o.due.kind == "digest"]
    assert [o.chat_id for o in outgoing] == [GROUP_ID]
    text = outgoing[0].reply.text
    assert "Informe al concejo" in text and "vie 20 nov" in text and "en 4 días" in text
    assert "Muy lejos" not in text
    deliver(svc)
    travel(at(2026, 11, 16, 12))
    assert [o for o in service(settings).delivery.outgoing() if o.due.kind == "digest"] == []
