"""Updates handled twice (replayed from the inbox after a crash between their effects and
"done") change things once: reminder buttons, typed answers in a step-by-step flow, and
questions. Each test runs the very same update twice through the real processor, as the
start-up replay does, and looks at what a user would see."""

from __future__ import annotations

from datetime import date, datetime

from bot.access import Person
from bot.reminders import render
from bot.reminders.models import AgreementDraft
from tests.conftest import LIAISON_ID, STAFF_ID, send
from tests.support.chat import toasts
from tests.support.clock import BOGOTA
from tests.support.reminders import add_deadline, deadlines
from tests.support.replay import twice
from tests.support.updates import GROUP_ID, callback, message


def _flows(services, flow: str) -> list[dict]:
    return list(services.db.query("SELECT * FROM flows WHERE flow = ? ORDER BY id", [flow]))


async def test_a_replayed_postpone_button_postpones_once(app, fake, services):
    """"⏰ Posponer 1 semana" of a button sent before dates were on buttons (no date):
    the replay answers what the first run did, and the deadline moves one week, not two."""
    deadline_id = add_deadline(services, date(2026, 11, 20))
    await twice(app, services, callback(f"rem:pp:{deadline_id}:7", user_id=STAFF_ID,
                                        chat_id=GROUP_ID, message_id=900))
    assert deadlines(services)[0]["due_date"] == "2026-11-27"
    confirmations = [c.text for c in fake.sent("sendMessage", GROUP_ID)]
    assert len(confirmations) == 2 and all("27 de noviembre" in t for t in confirmations)


async def test_a_postpone_button_moves_from_the_date_it_shows(app, fake, services, clock):
    """The buttons carry the date they postpone from: a second tap on the same reminder
    (or a stale one) does not move the deadline again, and says where it is now."""
    deadline_id = add_deadline(services, date(2026, 11, 20))
    deadline = services.reminders.deadlines.get(deadline_id)
    reminder = render.deadline_reminder(deadline, clock[0], [], BOGOTA, late_since=None)
    day = next(data for row in reminder.buttons for label, data in row if "1 día" in label)
    assert day == f"rem:pp:{deadline_id}:1:20261120"
    for _ in (1, 2):
        await send(app, callback(day, user_id=STAFF_ID, chat_id=GROUP_ID, message_id=901))
    assert deadlines(services)[0]["due_date"] == "2026-11-21"
    assert any("ya se había movido" in t and "21 de noviembre" in t for t in toasts(fake))
    menu = render.postpone_buttons(services.reminders.deadlines.get(deadline_id))
    assert menu[0][1][1] == f"rem:pp:{deadline_id}:7:20261121"


async def test_a_replayed_follow_up_from_the_list_records_one_period(app, fake, services, clock):
    """A list's "✅ Seguimiento" sent without its period (older buttons) picks the next
    period; replayed, it must not record the next period as well."""
    clock[0] = datetime(2026, 3, 5, 9, 0, tzinfo=BOGOTA)
    agreement, _ = services.reminders.agreements.add(AgreementDraft(
        partner="GOAL", kind="mou", signed_on=date(2026, 1, 31), cadence="mensual",
        status="vigente", owner_id=STAFF_ID, owner_name="Ana"), by=STAFF_ID,
        at=services.now())
    listing = services.reminders.listing("convenios", Person(STAFF_ID, "Ana"))
    assert (listing.buttons[0][0][1]
            == f"rem:fu:{agreement.id}:20260331:l")  # the list's buttons name the period
    await twice(app, services, callback(f"rem:fu:{agreement.id}:l", user_id=STAFF_ID))
    periods = [r["period_on"] for r in services.db["agreement_followups"].rows]
    assert periods == ["2026-03-31"]
    assert services.db["activities"].count == 1


async def test_a_replayed_flow_answer_is_not_applied_to_the_next_step(app, fake, services):
    """/convenio: "memorando" answers "which kind"; handled again it must not become the
    object too. The replay asks the same question the first run asked."""
    await send(app, message("/convenio GOAL", user_id=STAFF_ID, message_id=7000))
    await twice(app, services, message("memorando", user_id=STAFF_ID, message_id=7001))
    flow = _flows(services, "agreement")[0]
    assert flow["step"] == "object"
    assert '"kind": "mou"' in flow["data"] and '"object": ""' in flow["data"]
    asked = [c.text for c in fake.sent("sendMessage", STAFF_ID)][-2:]
    assert asked[0] == asked[1] and "objeto" in asked[0].lower()


async def test_a_replayed_date_that_closed_a_postponement_is_not_taken_as_a_question(
        app, fake, services):
    """"⏰ Otra fecha" then a typed date: that message closes the flow. Handled again it
    still belongs to the flow (not to the questions), moves nothing and confirms again."""
    deadline_id = add_deadline(services, date(2026, 11, 20))
    await send(app, callback(f"rem:pp:{deadline_id}:date", user_id=STAFF_ID))
    await twice(app, services, message("el próximo lunes a las 9", user_id=STAFF_ID,
                                       message_id=7100))
    row = deadlines(services)[0]
    assert (row["due_date"], row["due_time"]) == ("2026-11-23", "09:00")
    assert services.db["questions"].count == 0
    replies = [c.text for c in fake.sent("sendMessage", STAFF_ID)][-2:]
    assert all("23 de noviembre" in t for t in replies)


async def test_a_replayed_question_is_recorded_once(app, fake, services):
    """A question handled twice is one row (one line in /pendientes), and both answers
    carry the same question's 👍/👎."""
    await twice(app, services, message("que es aod", user_id=LIAISON_ID, message_id=7200))
    rows = list(services.db["questions"].rows)
    assert len(rows) == 1
    answers = fake.sent("sendMessage", LIAISON_ID)
    assert len(answers) == 2 and answers[0].text == answers[1].text
    marks = [str(a.params.get("reply_markup")) for a in answers]
    assert f"kb:fb:{rows[0]['id']}:" in marks[0] and marks[0] == marks[1]


async def test_the_guard_is_the_update_two_taps_of_an_old_dateless_button_both_count(
        app, fake, services):
    """Two separate taps (two updates, not a replay) of an old button without its date are
    two postponements: the once-guard is keyed by the update being handled."""
    deadline_id = add_deadline(services, date(2026, 11, 20))
    for _ in range(2):
        await send(app, callback(f"rem:pp:{deadline_id}:1", user_id=STAFF_ID))
    assert deadlines(services)[0]["due_date"] == "2026-11-22"


async def test_a_replayed_delete_button_asks_one_question(app, fake, services):
    """🗑 opens a yes/no question; handled again it gives back the same question (the
    same "yes" button), not a second one left open."""
    deadline_id = add_deadline(services, date(2026, 11, 20))
    await twice(app, services, callback(f"rem:del:{deadline_id}", user_id=STAFF_ID))
    asked = _flows(services, "delete")
    assert len(asked) == 1 and asked[0]["closed_at"] is None
    marks = [str(c.params.get("reply_markup")) for c in fake.sent("sendMessage", STAFF_ID)]
    assert len(marks) == 2 and marks[0] == marks[1] and f"rem:d:{asked[0]['id']}:yes" in marks[0]
