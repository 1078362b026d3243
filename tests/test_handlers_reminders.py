"""/plazo, /plazos, /convenio, /convenios and their buttons through the real Application,
and the sender against a recorder that can fail like Telegram does."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from bot.dates import Duration
from bot.reminders.models import AgreementDraft
from bot.sending import ReminderSender
from tests.conftest import LIAISON_ID, STAFF_ID, send
from tests.support.chat import data_of as button
from tests.support.chat import last, refuse_sends_to, toasts
from tests.support.clock import BOGOTA
from tests.support.reminders import add_deadline, deadlines
from tests.support.updates import GROUP_ID, callback, message

# PTB's own RetryAfter handling warns about a future change of type; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


# ----------------------------------------------------------------------------- /plazo


async def test_plazo_echoes_the_date_in_words_and_saves_once(app, fake, services):
    await send(app, message("/plazo Convocatoria KUSANONE el 15 de diciembre a las 10",
                            user_id=STAFF_ID))
    card = last(fake)
    assert "Convocatoria KUSANONE" in card.text
    assert "martes 15 de diciembre de 2026, 10:00" in card.text and "en 27 días" in card.text
    labels = [label for label, _ in card.buttons()]
    assert labels[:2] == ["✅ Guardar", "📅 Corregir fecha"]
    assert deadlines(services) == []  # nothing stored before the confirmation

    save = button(card, "✅ Guardar")
    await send(app, callback(save, user_id=STAFF_ID, message_id=5))
    await send(app, callback(save, user_id=STAFF_ID, message_id=5))  # a double tap
    rows = deadlines(services)
    assert len(rows) == 1
    assert (rows[0]["title"], rows[0]["due_date"], rows[0]["due_time"]) == (
        "Convocatoria KUSANONE", "2026-12-15", "10:00")
    assert rows[0]["owner_id"] == STAFF_ID
    assert "Plazo guardado" in last(fake).text
    assert "7 días antes, 1 día antes y el mismo día" in last(fake).text
    assert "Ese plazo ya quedó guardado." in toasts(fake)
    assert fake.sent("editMessageReplyMarkup")  # the card's buttons are gone


async def test_the_same_command_delivered_twice_opens_one_draft(app, fake, services):
    update = message("/plazo Informe al concejo el 15/12", user_id=STAFF_ID)
    await send(app, update)
    await send(app, update)
    assert services.db["flows"].count == 1


async def test_guided_plazo_asks_one_thing_at_a_time(app, fake, services):
    await send(app, message("/plazo", user_id=STAFF_ID))
    assert "¿Qué vence?" in last(fake).text
    await send(app, message("Informe trimestral al concejo", user_id=STAFF_ID))
    assert "¿Para cuándo es <b>Informe trimestral al concejo</b>?" in last(fake).text
    await send(app, message("el 32 de diciembre", user_id=STAFF_ID))
    assert "Escriba la fecha" in last(fake).text  # says how, and waits for the date again
    await send(app, message("pasado mañana a las 3", user_id=STAFF_ID))
    card = last(fake)
    assert "viernes 20 de noviembre de 2026, 15:00" in card.text

    await send(app, callback(button(card, "📅 Corregir fecha"), user_id=STAFF_ID))
    await send(app, message("fin de mes", user_id=STAFF_ID))
    card = last(fake)
    assert "lunes 30 de noviembre de 2026" in card.text

    await send(app, callback(button(card, "📌 Línea"), user_id=STAFF_ID))
    await send(app, callback(button(last(fake), "1."), user_id=STAFF_ID))
    assert "Línea 1: Diplomacia" in last(fake).text
    await send(app, callback(button(last(fake), "📝 Notas"), user_id=STAFF_ID))
    await send(app, message("https://concejo.example/informes", user_id=STAFF_ID))
    await send(app, callback(button(last(fake), "✅ Guardar"), user_id=STAFF_ID))
    row = deadlines(services)[0]
    assert (row["title"], row["due_date"], row["due_time"], row["line"], row["notes"]) == (
        "Informe trimestral al concejo", "2026-11-30", None, 1,
        "https://concejo.example/informes")


async def test_plazo_in_the_group_asks_for_a_reply(app, fake):
    await send(app, message("/plazo", user_id=STAFF_ID, chat_id=GROUP_ID))
    ask = last(fake)
    assert ask.chat_id == GROUP_ID
    assert ask.params["reply_markup"]["force_reply"] is True
    assert f"tg://user?id={STAFF_ID}" in ask.text


async def test_replying_with_plazo_makes_that_person_the_owner(app, fake, services):
    update = message("/plazo Enviar carta a Gumi el viernes", user_id=STAFF_ID, chat_id=GROUP_ID)
    update["message"]["reply_to_message"] = message("ok", user_id=LIAISON_ID,
                                                    chat_id=GROUP_ID)["message"]
    await send(app, update)
    assert "Responsable: Ana" in last(fake).text  # the replied-to user's first name
    await send(app, callback(button(last(fake), "✅ Guardar"), user_id=STAFF_ID,
                             chat_id=GROUP_ID))
    assert deadlines(services)[0]["owner_id"] == LIAISON_ID


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("/plazo Informe el 32/13", "el mes 13 no existe"),
        ("/plazo Informe el 30 de febrero", "Febrero no tiene día 30"),
        ("/plazo Informe ayer", "Esa fecha ya pasó"),
        ("/plazo Informe hoy a las 8", "ya pasaron"),
        ("/plazo Informe el 15/12 línea 9", "La línea 9 no existe"),
    ],
)
async def test_bad_plazo_says_how_to_write_it_and_stores_nothing(app, fake, services, text,
                                                                  says):
    await send(app, message(text, user_id=STAFF_ID))
    assert says in last(fake).text
    assert deadlines(services) == []
    assert services.db["flows"].count == 0


async def test_plazo_without_title_asks_for_it(app, fake):
    await send(app, message("/plazo el 15 de diciembre", user_id=STAFF_ID))
    assert "¿Qué vence?" in last(fake).text


async def test_liaisons_can_list_but_not_create(app, fake, services):
    add_deadline(services, date(2026, 11, 20))
    await send(app, message("/plazo Informe mañana", user_id=LIAISON_ID))
    assert "solo para el equipo" in last(fake).text
    await send(app, message("/plazos", user_id=LIAISON_ID))
    listing = last(fake)
    assert "Informe" in listing.text and listing.buttons() == []
    await send(app, callback(f"rem:done:{deadlines(services)[0]['id']}", user_id=LIAISON_ID))
    assert deadlines(services)[0]["status"] == "open"
    assert any("solo para el equipo" in t for t in toasts(fake))


# ----------------------------------------------------------------------------- /plazos


async def test_plazos_soonest_first_with_days_left_and_buttons(app, fake, services, clock):
    later = add_deadline(services, date(2026, 12, 15), time(10, 0), title="KUSANONE")
    sooner = add_deadline(services, date(2026, 11, 20), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 9, 0, tzinfo=BOGOTA)
    await send(app, message("/plazos", user_id=STAFF_ID))
    listing = last(fake)
    assert listing.text.index("Informe al concejo") < listing.text.index("KUSANONE")
    assert "mañana" in listing.text and "en 26 días" in listing.text
    assert listing.buttons()[0] == ("✅ 1", f"rem:done:{sooner}:l")

    await send(app, callback(f"rem:done:{sooner}:l", user_id=STAFF_ID))
    assert "marcado como hecho" in last(fake).text
    edited = fake.sent("editMessageText")[-1]
    assert "Informe al concejo" not in edited.text and "KUSANONE" in edited.text
    assert [row["status"] for row in deadlines(services)] == ["open", "done"]
    assert later


async def test_postpone_by_a_week_or_to_a_typed_date(app, fake, services):
    deadline_id = add_deadline(services, date(2026, 11, 20))
    await send(app, callback(f"rem:pp:{deadline_id}", user_id=STAFF_ID))
    assert "¿Cuánto pospongo" in last(fake).text
    await send(app, callback(f"rem:pp:{deadline_id}:7", user_id=STAFF_ID))
    assert "viernes 27 de noviembre de 2026" in last(fake).text
    assert deadlines(services)[0]["due_date"] == "2026-11-27"

    await send(app, callback(f"rem:pp:{deadline_id}:date", user_id=STAFF_ID))
    await send(app, message("ayer", user_id=STAFF_ID))
    assert "ya pasó" in last(fake).text
    await send(app, message("el próximo lunes a las 9", user_id=STAFF_ID))
    assert "lunes 23 de noviembre de 2026, 09:00" in last(fake).text
    row = deadlines(services)[0]
    assert (row["due_date"], row["due_time"]) == ("2026-11-23", "09:00")


async def test_delete_asks_first(app, fake, services):
    deadline_id = add_deadline(services, date(2026, 11, 20))
    await send(app, callback(f"rem:del:{deadline_id}", user_id=STAFF_ID))
    assert "¿Borrar el plazo" in last(fake).text
    await send(app, callback(button(last(fake), "No"), user_id=STAFF_ID))
    assert deadlines(services)[0]["status"] == "open"
    await send(app, callback(f"rem:del:{deadline_id}", user_id=STAFF_ID))
    await send(app, callback(button(last(fake), "🗑 Sí, borrar"), user_id=STAFF_ID))
    assert deadlines(services)[0]["status"] == "deleted"
    await send(app, message("/plazos", user_id=STAFF_ID))
    assert "No hay plazos abiertos" in last(fake).text


async def test_cancel_stops_a_guided_flow(app, fake, services):
    await send(app, message("/plazo", user_id=STAFF_ID))
    await send(app, message("/cancelar", user_id=STAFF_ID))
    assert "cancelado" in last(fake).text
    assert not services.reminders.has_draft(STAFF_ID, STAFF_ID)


# ----------------------------------------------------------------------------- /convenio


async def test_guided_convenio_with_duration_and_cadence(app, fake, services):
    await send(app, message("/convenio", user_id=STAFF_ID))
    assert "¿Con quién es el convenio?" in last(fake).text
    await send(app, message("GOAL", user_id=STAFF_ID))
    await send(app, callback(button(last(fake), "Memorando"), user_id=STAFF_ID))
    await send(app, message("Barrios Resilientes: gestión del riesgo", user_id=STAFF_ID))
    await send(app, message("15/03/2026", user_id=STAFF_ID))
    assert "¿Hasta cuándo va?" in last(fake).text
    await send(app, message("-3 años", user_id=STAFF_ID))
    assert "no puede ser negativa" in last(fake).text
    await send(app, message("2 años", user_id=STAFF_ID))
    await send(app, callback(button(last(fake), "Trimestral"), user_id=STAFF_ID))
    await send(app, callback(button(last(fake), "Vigente"), user_id=STAFF_ID))
    card = last(fake)
    assert "<b>GOAL</b> — Memorando de entendimiento (MoU)" in card.text
    assert "domingo 15 de marzo de 2026" in card.text
    assert "miércoles 15 de marzo de 2028" in card.text
    assert services.db["agreements"].count == 0
    await send(app, callback(button(card, "✅ Guardar"), user_id=STAFF_ID))
    assert "Convenio con <b>GOAL</b> guardado" in last(fake).text
    row = next(services.db.query("SELECT * FROM agreements"))
    assert (row["signed_on"], row["ends_on"], row["cadence"], row["status"]) == (
        "2026-03-15", "2028-03-15", "trimestral", "vigente")

    await send(app, message("/convenios", user_id=LIAISON_ID))
    listing = last(fake)
    assert "GOAL" in listing.text and "vigente" in listing.text
    assert "Próximo seguimiento (trimestral): mar 15 dic (en 27 días)" in listing.text
    assert "Vence: mié 15 mar 2028" in listing.text
    assert listing.buttons() == []


async def test_agreement_status_and_end_date_can_be_changed(app, fake, services):
    agreement, _ = services.reminders.agreements.add(AgreementDraft(
        partner="Alcaldía de Gumi", kind="mou", cadence="semestral", status="negociacion"),
        by=STAFF_ID, at=services.now())
    await send(app, callback(f"rem:ag:{agreement.id}:st", user_id=STAFF_ID))
    await send(app, callback(f"rem:ag:{agreement.id}:st:vigente", user_id=STAFF_ID))
    assert "estado vigente" in last(fake).text
    await send(app, callback(f"rem:ag:{agreement.id}:end", user_id=STAFF_ID))
    await send(app, message("31/12/2027", user_id=STAFF_ID))
    assert "vence el viernes 31 de diciembre de 2027" in last(fake).text
    row = next(services.db.query("SELECT status, ends_on FROM agreements"))
    assert row == {"status": "vigente", "ends_on": "2027-12-31"}


# ----------------------------------------------------------------------------- the sender


@pytest.fixture
def sender(app) -> ReminderSender:
    return ReminderSender(app)


def reminder_calls(fake, chat_id=None):
    return [c for c in fake.sent("sendMessage", chat_id) if "Plazo:" in c.text]


async def test_sender_delivers_group_first_then_owner_once(app, fake, services, clock, sender):
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 0, 30, tzinfo=BOGOTA)
    assert await sender.tick() == 2
    assert await sender.tick() == 0
    calls = reminder_calls(fake)
    assert [c.chat_id for c in calls] == [GROUP_ID, STAFF_ID]
    assert "Vence jueves 19 de noviembre de 2026 — <b>hoy</b>" in calls[0].text
    assert [label for label, _ in calls[0].buttons()] == [
        "✅ Hecho", "⏰ Posponer 1 día", "⏰ Posponer 1 semana"]


async def test_server_errors_and_429_still_deliver_once(app, fake, services, clock, sender):
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    fake.fail_next("sendMessage", status=500, count=2)
    assert await sender.tick() == 0
    assert await sender.tick() == 0
    fake.fail_next("sendMessage", status=429, retry_after=1, count=1)
    assert await sender.tick() == 2  # the rate limiter waited the second Telegram asked for
    assert await sender.tick() == 0
    assert [c.chat_id for c in reminder_calls(fake)] == [GROUP_ID, STAFF_ID]


async def test_a_persistent_429_is_left_for_a_later_tick(app, fake, services, clock, sender):
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    fake.fail_next("sendMessage", status=429, retry_after=1, count=3)
    assert await sender.tick() == 0
    assert await sender.tick() == 2
    assert [c.chat_id for c in reminder_calls(fake)] == [GROUP_ID, STAFF_ID]


async def test_an_owner_who_never_opened_the_bot_does_not_block_others(
        app, fake, services, clock, sender):
    stranger = 555  # never wrote to the bot: Telegram refuses private messages to them
    refuse_sends_to(fake, stranger, 403, "Forbidden: bot can't initiate conversation with a user")
    add_deadline(services, date(2026, 11, 19), title="Carta a Gumi", owner=stranger)
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    assert await sender.tick() == 3
    assert await sender.tick() == 0  # the refused one is recorded, not retried forever
    assert [c.chat_id for c in reminder_calls(fake)] == [GROUP_ID, GROUP_ID, STAFF_ID]
    refused = list(services.db.query(
        "SELECT chat_id, detail FROM reminder_deliveries WHERE status = 'undeliverable'"))
    assert [r["chat_id"] for r in refused] == [stranger]
    assert "initiate conversation" in refused[0]["detail"]


async def test_done_from_the_reminder_removes_its_buttons(app, fake, services, clock, sender):
    deadline_id = add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    await sender.tick()
    done = button(reminder_calls(fake, GROUP_ID)[0], "✅ Hecho")
    await send(app, callback(done, user_id=STAFF_ID, chat_id=GROUP_ID, message_id=1000))
    assert "marcado como hecho por Ana" in last(fake).text
    assert fake.sent("editMessageReplyMarkup")
    assert deadlines(services)[0]["status"] == "done"
    assert deadline_id
    clock[0] += timedelta(days=1)
    assert await sender.tick() == 0


async def test_follow_up_reminder_button_records_it_and_logs_an_activity(
        app, fake, services, clock, sender):
    clock[0] = datetime(2026, 1, 5, 9, 0, tzinfo=BOGOTA)
    agreement, _ = services.reminders.agreements.add(AgreementDraft(
        partner="Alcaldía de Pittsburgh", kind="hermanamiento", signed_on=date(2025, 10, 31),
        cadence="trimestral", status="vigente", owner_id=STAFF_ID, owner_name="Ana"),
        by=STAFF_ID, at=services.now())
    clock[0] = datetime(2026, 1, 31, 8, 0, 5, tzinfo=BOGOTA)
    await sender.tick()
    reminder = fake.sent("sendMessage", GROUP_ID)[-1]
    assert "Seguimiento trimestral al convenio con Alcaldía de Pittsburgh" in reminder.text
    data = button(reminder, "✅ Seguimiento hecho")
    assert data == f"rem:fu:{agreement.id}:20260131"
    await send(app, callback(data, user_id=STAFF_ID, chat_id=GROUP_ID, message_id=1001))
    await send(app, callback(data, user_id=STAFF_ID, chat_id=GROUP_ID, message_id=1001))
    assert services.db["agreement_followups"].count == 1
    activities = list(services.db.query("SELECT line, text, user_id FROM activities"))
    assert activities == [{"line": 1, "user_id": STAFF_ID,
                           "text": "Seguimiento al convenio con Alcaldía de Pittsburgh"}]
    assert "Ese seguimiento ya estaba registrado." in toasts(fake)


async def test_the_outbox_knows_a_request_is_in_flight(app, fake, services, clock, sender):
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    seen: list[tuple[int, str]] = []
    answer = fake.handle

    def observe(method, params):
        if method == "sendMessage":
            status = services.db.execute(
                "SELECT status FROM reminder_deliveries WHERE chat_id = ?",
                [int(params["chat_id"])]).fetchone()
            seen.append((int(params["chat_id"]), status[0] if status else "nothing"))
        return answer(method, params)

    fake.handle = observe
    fake.fail_next("sendMessage", status=500)
    await sender.tick()  # the 500: the row is removed again
    assert services.db.execute("SELECT COUNT(*) FROM reminder_deliveries").fetchone()[0] == 0
    await sender.tick()
    assert seen == [(GROUP_ID, "sending"), (GROUP_ID, "sending"), (STAFF_ID, "sending")]
    statuses = services.db.execute(
        "SELECT status, message_id FROM reminder_deliveries ORDER BY chat_id").fetchall()
    assert [s for s, _ in statuses] == ["sent", "sent"] and all(m for _, m in statuses)


def test_a_request_cut_by_a_crash_is_not_sent_again(services, clock):
    add_deadline(services, date(2026, 11, 19), title="Informe al concejo")
    clock[0] = datetime(2026, 11, 19, 8, 1, tzinfo=BOGOTA)
    group, owner = services.reminders.delivery.outgoing()
    services.reminders.delivery.begin(group)  # the process dies with this request on the wire
    services.reminders.delivery.settle_interrupted()  # the next start
    assert [o.chat_id for o in services.reminders.delivery.outgoing()] == [STAFF_ID]
    status = services.db.execute(
        "SELECT status FROM reminder_deliveries WHERE chat_id = ?", [GROUP_ID]).fetchone()[0]
    assert status == "uncertain" and owner.chat_id == STAFF_ID


async def test_signing_an_agreement_given_as_a_duration_sets_its_end(app, fake, services):
    agreement, _ = services.reminders.agreements.add(AgreementDraft(
        partner="GOAL", kind="mou", duration=Duration(months=24), cadence="trimestral",
        status="negociacion"), by=STAFF_ID, at=services.now())
    await send(app, callback(f"rem:ag:{agreement.id}", user_id=STAFF_ID))
    assert [label for label, _ in last(fake).buttons()][0] == "✍️ Firma"
    await send(app, callback(f"rem:ag:{agreement.id}:sig", user_id=STAFF_ID))
    await send(app, message("el 15 de diciembre", user_id=STAFF_ID))  # 2025: the past one
    reply = last(fake).text
    assert "firmado el lunes 15 de diciembre de 2025" in reply
    assert "vence el miércoles 15 de diciembre de 2027" in reply and "estado vigente" in reply
    row = next(services.db.query("SELECT signed_on, ends_on, status FROM agreements"))
    assert row == {"signed_on": "2025-12-15", "ends_on": "2027-12-15", "status": "vigente"}


async def test_plazo_a_few_minutes_ahead(app, fake, services):
    await send(app, message("/plazo Prueba de recordatorio en 2 minutos", user_id=STAFF_ID))
    card = last(fake)
    assert "miércoles 18 de noviembre de 2026, 10:02" in card.text
    await send(app, callback(button(card, "✅ Guardar"), user_id=STAFF_ID))
    row = deadlines(services)[0]
    assert (row["title"], row["due_date"], row["due_time"]) == (
        "Prueba de recordatorio", "2026-11-18", "10:02")
