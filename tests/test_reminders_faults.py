"""Reminders when things go wrong: the group moves, a chat is gone, the digest is long,
someone deletes what is not theirs, a forged button, a revoked staff member."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from bot.sending import ReminderSender
from bot.textsplit import TELEGRAM_LIMIT
from tests.conftest import ADMIN_ID, STAFF_ID, send
from tests.support.chat import data_of, last, refuse_sends_to, toasts
from tests.support.clock import BOGOTA
from tests.support.reminders import add_deadline, deadlines
from tests.support.updates import GROUP_ID, callback, message

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

NEW_GROUP = -1009998887776
OTHER_STAFF = 201


@pytest.fixture
def sender(app) -> ReminderSender:
    return ReminderSender(app)


def texts_to(fake, chat_id: int) -> list[str]:
    return [c.text for c in fake.sent("sendMessage", chat_id)]


async def test_a_migrated_group_gets_every_reminder_at_its_new_id(
        app, fake, services, clock, sender):
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    add_deadline(services, date(2026, 11, 20), title="Carta a Gumi")
    on_old_id = refuse_sends_to(fake, GROUP_ID, 400, "Bad Request: group chat was upgraded to "
                                "a supergroup chat", migrate_to_chat_id=NEW_GROUP)
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    assert await sender.tick() == 4  # both, to the new id at once and to the owner
    assert len(on_old_id) == 1  # refused once, then never tried there again
    assert [t for t in texts_to(fake, NEW_GROUP) if "Informe al concejo" in t]
    assert [t for t in texts_to(fake, STAFF_ID) if "Informe al concejo" in t]
    moves = list(services.db.query("SELECT old_chat_id, new_chat_id FROM chat_moves"))
    assert moves == [{"old_chat_id": GROUP_ID, "new_chat_id": NEW_GROUP}]
    told = [t for t in texts_to(fake, ADMIN_ID) if "supergrupo" in t]
    assert len(told) == 1 and str(NEW_GROUP) in told[0] and "office.group_chat_id" in told[0]

    # The next day, after a restart: straight to the new id, nothing sent twice, told once.
    clock[0] = datetime(2026, 11, 20, 8, 1, tzinfo=BOGOTA)
    restarted = ReminderSender(app)
    restarted.engine.owed.settle_interrupted()
    assert await restarted.tick() == 2
    assert await restarted.tick() == 0
    to_new = texts_to(fake, NEW_GROUP)
    assert sum("Informe al concejo" in t for t in to_new) == 1
    assert sum("Carta a Gumi" in t for t in to_new) == 2  # the day before, and the day
    assert texts_to(fake, GROUP_ID) == [] and len(on_old_id) == 1
    assert len([t for t in texts_to(fake, ADMIN_ID) if "supergrupo" in t]) == 1


async def test_a_group_that_is_gone_does_not_block_the_owners(
        app, fake, services, clock, sender):
    refuse_sends_to(fake, GROUP_ID, 403, "Forbidden: bot was kicked from the supergroup chat")
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    assert await sender.tick() == 1
    assert [t for t in texts_to(fake, STAFF_ID) if "Informe al concejo" in t]
    assert await sender.tick() == 0  # recorded as undeliverable, not retried forever


async def test_a_long_weekly_digest_arrives_in_pieces(app, fake, services, clock, sender):
    for n in range(28):
        add_deadline(services, date(2026, 11, 25) + timedelta(days=n % 10),
                     title=f"Convocatoria {n} " + "de cooperación internacional " * 4)
    clock[0] = datetime(2026, 11, 23, 8, 0, 5, tzinfo=BOGOTA)  # Monday, digest time
    await sender.tick()
    digest = [c for c in fake.sent("sendMessage", GROUP_ID) if "Plazo:" not in c.text]
    assert len(digest) >= 2 and all(len(c.text) <= TELEGRAM_LIMIT for c in digest)
    joined = "\n".join(c.text for c in digest)
    assert all(f"Convocatoria {n} " in joined for n in range(28))
    rows = list(services.db.query(
        "SELECT status FROM reminder_deliveries WHERE key LIKE 'digest:%'"))
    assert rows == [{"status": "sent"}]
    count = len(fake.sent("sendMessage", GROUP_ID))
    await sender.tick()
    assert len(fake.sent("sendMessage", GROUP_ID)) == count  # not sent again


async def test_only_the_owner_or_an_admin_deletes_and_it_can_be_restored(
        app, fake, services):
    services.settings.access.staff.append(OTHER_STAFF)
    deadline_id = add_deadline(services, date(2026, 11, 25))
    await send(app, callback(f"rem:del:{deadline_id}", user_id=OTHER_STAFF))
    assert any("Solo la persona responsable" in t for t in toasts(fake))
    assert deadlines(services)[0]["status"] == "open"

    await send(app, callback(f"rem:del:{deadline_id}", user_id=ADMIN_ID))
    await send(app, callback(data_of(last(fake), "🗑 Sí, borrar"), user_id=ADMIN_ID))
    assert deadlines(services)[0]["status"] == "deleted"  # kept, only marked
    restore = data_of(last(fake), "↩️ Recuperar")
    await send(app, callback(restore, user_id=OTHER_STAFF))
    assert deadlines(services)[0]["status"] == "deleted"
    await send(app, callback(restore, user_id=STAFF_ID))  # the owner
    assert "recuperado" in last(fake).text
    assert deadlines(services)[0]["status"] == "open"


async def test_a_crafted_yes_button_cannot_skip_the_question(app, fake, services):
    services.settings.access.staff.append(OTHER_STAFF)
    deadline_id = add_deadline(services, date(2026, 11, 25))
    await send(app, callback(f"rem:del:{deadline_id}:yes", user_id=STAFF_ID))
    assert deadlines(services)[0]["status"] == "open"
    assert "¿Borrar el plazo" in last(fake).text  # it only asks
    yes = data_of(last(fake), "🗑 Sí, borrar")
    await send(app, callback(yes, user_id=OTHER_STAFF))  # someone else's question
    await send(app, callback(yes.replace(yes.split(":")[2], "999"), user_id=STAFF_ID))
    assert deadlines(services)[0]["status"] == "open"


async def test_agreements_delete_softly_and_come_back(app, fake, services):
    from bot.reminders.models import AgreementDraft

    agreement, _ = services.reminders.agreements.add(AgreementDraft(
        partner="GOAL", kind="mou", cadence="none", status="vigente", owner_id=STAFF_ID),
        by=STAFF_ID, at=services.now())
    await send(app, callback(f"rem:ag:{agreement.id}:del:yes", user_id=STAFF_ID))
    assert services.reminders.agreements.get(agreement.id) is not None  # only asked
    await send(app, callback(data_of(last(fake), "🗑 Sí, borrar"), user_id=STAFF_ID))
    assert services.reminders.agreements.get(agreement.id) is None
    assert services.db["agreements"].count == 1
    await send(app, callback(data_of(last(fake), "↩️ Recuperar"), user_id=STAFF_ID))
    assert services.reminders.agreements.get(agreement.id) is not None


async def test_revoked_staff_cannot_finish_an_open_flow(app, fake, services):
    await send(app, message("/plazo", user_id=STAFF_ID))
    await send(app, message("Informe trimestral", user_id=STAFF_ID))
    services.settings.access.staff.remove(STAFF_ID)  # now only a liaison
    services.settings.access.liaisons.append(STAFF_ID)
    await send(app, message("el 15 de diciembre", user_id=STAFF_ID))
    assert "solo para el equipo" in last(fake).text
    assert services.db["flows"].count == 1
    assert not services.reminders.has_draft(STAFF_ID, STAFF_ID)
    assert deadlines(services) == []


async def test_a_long_one_line_title_is_refused_with_how_to_fix_it(app, fake, services):
    await send(app, message("/plazo " + "Convocatoria " * 400 + "el 15 de diciembre",
                            user_id=STAFF_ID))
    assert len(fake.sent("sendMessage")) == 1
    assert "El título es muy largo" in last(fake).text
    assert deadlines(services) == [] and services.db["flows"].count == 0


@pytest.mark.parametrize("data", ["zzz:1", "rem:done:99999999999999999999999",
                                  "rem:pp:1:²", "rem:d:x:save", "act"])
async def test_every_unknown_or_forged_button_is_answered(app, fake, services, data):
    await send(app, callback(data, user_id=STAFF_ID))
    assert len(fake.sent("answerCallbackQuery")) == 1


class FlakyTransport:
    """A transport that fails the ``fail_at``-th message with ``error``, once."""

    def __init__(self, fail_at: int, error: Exception) -> None:
        self.sent: list[tuple[int, str]] = []
        self.calls = 0
        self.fail_at = fail_at
        self.error = error

    async def send(self, chat_id, text, buttons, *, journal=None) -> int:
        self.calls += 1
        if journal is not None:
            journal.begin()
        if self.calls == self.fail_at:
            if journal is not None:
                journal.retract()
            raise self.error
        if journal is not None:
            journal.accepted()
        self.sent.append((chat_id, text))
        return self.calls


async def test_a_digest_cut_off_part_way_is_sent_again_whole(services, clock):
    from bot.delivery.engine import Sender, SendFailed

    for n in range(28):
        add_deadline(services, date(2026, 11, 25) + timedelta(days=n % 10),
                     title=f"Convocatoria {n} " + "de cooperación internacional " * 4)
    services.settings.reminders.lead_times = ["0m"]  # only the digest is owed on Monday
    clock[0] = datetime(2026, 11, 23, 8, 0, 5, tzinfo=BOGOTA)
    owed = services.reminders.delivery
    flaky = FlakyTransport(fail_at=2, error=SendFailed("502 Bad Gateway"))
    run = await Sender(owed, flaky, admins=[], tick_seconds=20).run()
    assert run.sent == 0 and run.retry_in is not None
    assert services.db["reminder_deliveries"].count == 0  # still owed: nothing is lost
    run = await Sender(owed, flaky, admins=[], tick_seconds=20).run()
    assert run.sent == 1
    pieces = [text for chat, text in flaky.sent[1:] if chat == GROUP_ID]
    assert len(pieces) >= 2 and all(f"Convocatoria {n} " in "".join(pieces) for n in range(28))
    assert [r["status"] for r in services.db["reminder_deliveries"].rows] == ["sent"]
