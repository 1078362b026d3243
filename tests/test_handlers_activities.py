"""Activities through the real python-telegram-bot Application, Telegram replaced by a recorder."""

from datetime import date, timedelta

from tests.conftest import ADMIN_ID, LIAISON_ID, STAFF_ID, STRANGER_ID, send
from tests.support.chat import data_of, last
from tests.support.updates import GROUP_ID, callback, message, photo


def rows(services, where="1 = 1"):
    return list(services.db["activities"].rows_where(where, order_by="id"))


async def test_quick_log_with_a_photo_confirms_exactly_what_was_stored(app, fake, services):
    await send(app, photo("/registrar 2 ayer Reunión con #APC sobre el Investment Summit",
                          user_id=STAFF_ID))
    reply = last(fake)
    assert "Actividad #1 guardada" in reply.text
    assert "2. Inversión extranjera directa y comercio exterior" in reply.text
    assert "martes 17 de noviembre de 2026" in reply.text
    assert "Reunión con APC sobre el Investment Summit" in reply.text
    assert "<b>Aliados:</b> APC" in reply.text and "1 foto" in reply.text
    assert [label for label, _ in reply.buttons()] == ["Cambiar línea", "Deshacer"]
    (row,) = rows(services)
    assert row["line"] == 2 and row["day"] == "2026-11-17"
    assert '"file_id": "PHOTO-FILE-ID"' in row["evidence"]


async def test_a_note_that_mentions_a_later_day_is_saved_today_and_says_so(app, fake, services):
    await send(app, message("/registrar 4 Reunión con GOAL, la próxima visita es el 15 de "
                            "diciembre de 2026", user_id=STAFF_ID))
    reply = last(fake)
    assert "Actividad #1 guardada" in reply.text
    assert "«15 de diciembre de 2026» es una fecha futura" in reply.text and "/plazo" in reply.text
    (row,) = rows(services)
    assert row["day"] == "2026-11-18" and row["text"].endswith("15 de diciembre de 2026")


async def test_the_same_update_twice_creates_one_entry(app, fake, services):
    update = message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID)
    await send(app, update)
    await send(app, update)
    assert len(rows(services)) == 1
    assert "ya estaba guardada" in last(fake).text


async def test_a_photo_right_after_is_attached_and_said_so(app, fake, services, clock):
    await send(app, message("/registrar 4 Visita al barrio con la ONG GOAL", user_id=STAFF_ID))
    clock[0] += timedelta(minutes=2)
    await send(app, photo(None, user_id=STAFF_ID))
    assert "Adjunté una foto a la actividad #1" in last(fake).text
    location = message(None, user_id=STAFF_ID, location={"latitude": 7.12, "longitude": -73.1})
    await send(app, location)
    await send(app, location)  # redelivered: attached once
    assert rows(services)[0]["evidence"].count('"kind"') == 2


async def test_guided_log_with_buttons_text_evidence_and_confirmation(app, fake, services):
    start = message("/registrar", user_id=STAFF_ID)
    await send(app, start)
    ask = last(fake)
    assert "¿En qué línea de acción va?" in ask.text
    assert len(ask.buttons()) == 6  # one per line, and Cancelar
    await send(app, callback(data_of(ask, "4."), user_id=STAFF_ID))
    assert "Cuénteme qué pasó" in last(fake, "editMessageText").text
    await send(app, message("ayer taller con #ONU_Hábitat sobre espacio público",
                            user_id=STAFF_ID))
    assert "foto, un documento o la ubicación" in last(fake).text
    await send(app, message(None, user_id=STAFF_ID,
                            location={"latitude": 7.1, "longitude": -73.1}))
    confirm = last(fake)
    assert "Revise y toque «Guardar»" in confirm.text and "1 ubicación" in confirm.text
    assert rows(services) == []  # not yet
    await send(app, callback(data_of(confirm, "✅ Guardar"), user_id=STAFF_ID))
    saved = last(fake, "editMessageText")
    assert "Actividad #1 guardada" in saved.text and "ONU-Hábitat" in saved.text
    (row,) = rows(services)
    assert (row["line"], row["day"], row["source"]) == (4, "2026-11-17", "guided")
    assert row["message_id"] == start["message"]["message_id"]


async def test_cancelar_leaves_the_guided_log_at_any_step(app, fake, services):
    await send(app, message("/registrar 3", user_id=STAFF_ID))
    assert "Cuénteme qué pasó" in last(fake).text
    await send(app, message("/cancelar", user_id=STAFF_ID))
    assert "cancelado" in last(fake).text
    await send(app, message("Charla de becas", user_id=STAFF_ID))  # now just a question
    assert rows(services) == []


async def test_unclear_line_asks_the_two_likeliest_lines_then_the_rest(app, fake, services):
    await send(app, message("/registrar Reunión de seguimiento con #GOAL", user_id=STAFF_ID))
    ask = last(fake)
    labels = [label for label, _ in ask.buttons()]
    first, second = labels[0].split(".")[0], labels[1].split(".")[0]
    assert f"¿Línea {first} o {second}?" in ask.text
    assert labels[2:] == ["Otra línea", "Cancelar"]
    assert rows(services) == []
    other = next(str(n) for n in range(1, 6) if str(n) not in {first, second})
    await send(app, callback(data_of(ask, "Otra línea"), user_id=STAFF_ID))
    picker = last(fake, "editMessageText")
    every = [label for label, _ in picker.buttons()]
    assert [label.split(".")[0] for label in every[:5]] == ["1", "2", "3", "4", "5"]
    await send(app, callback(data_of(picker, f"{other}."), user_id=STAFF_ID))
    assert "Actividad #1 guardada" in last(fake, "editMessageText").text
    assert rows(services)[0]["line"] == int(other)
    assert rows(services)[0]["line_source"] == "chosen"


async def test_change_line_and_undo_buttons(app, fake, services):
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    card = last(fake)
    await send(app, callback(data_of(card, "Cambiar línea"), user_id=STAFF_ID))
    picker = last(fake, "editMessageText")
    await send(app, callback(data_of(picker, "5."), user_id=STAFF_ID))
    assert "5. Comunicación institucional" in last(fake, "editMessageText").text
    assert rows(services)[0]["line"] == 5
    await send(app, callback(data_of(card, "Deshacer"), user_id=STAFF_ID))
    assert "Eliminé la actividad #1" in last(fake, "editMessageText").text
    assert rows(services)[0]["deleted_at"]


async def test_rejected_commands_explain_in_spanish_and_store_nothing(app, fake, services):
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    before = rows(services)
    cases = {
        "/registrar 9 Reunión": "No existe la línea 9",
        "/registrar 2 2027-01-15 Feria": "en el futuro",
        "/registrar 2 31/02 Feria": "Febrero no tiene día 31",
        "/registrar 2 " + "a" * 2001: "máximo es 2000",
        "/registrar 2 ayer": "no qué pasó",
    }
    for text, expected in cases.items():
        await send(app, message(text, user_id=STAFF_ID))
        assert expected in last(fake).text and "guardé" in last(fake).text.lower()
    assert rows(services) == before


async def test_only_staff_and_admins_log_or_export(app, fake, services):
    for user in (LIAISON_ID, STRANGER_ID):
        for command in ("/registrar 2 Reunión", "/exportar", "/informe", "/resumen"):
            await send(app, message(command, user_id=user))
            assert str(user) in last(fake).text
    await send(app, callback("act:undo:1", user_id=LIAISON_ID))
    assert rows(services) == [] and fake.sent("sendDocument") == []


async def test_own_records_undo_edit_and_admin_recovery(app, fake, services):
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    await send(app, message("/registrar 1 Visita oficial de la embajada", user_id=ADMIN_ID))
    await send(app, message("/actividades", user_id=STAFF_ID))
    listing = last(fake).text
    assert "Sus actividades" in listing and "#1" in listing and "#2" not in listing
    await send(app, message("/editar 2 línea 3", user_id=STAFF_ID))
    assert "registró otra persona" in last(fake).text
    await send(app, message("/editar 1 fecha ayer aliados #APC", user_id=STAFF_ID))
    assert "Actualicé la actividad" in last(fake).text
    assert rows(services)[0]["day"] == "2026-11-17"
    await send(app, message("/deshacer", user_id=STAFF_ID))
    assert "Eliminé la actividad #1" in last(fake).text
    await send(app, message("/actividades borradas", user_id=ADMIN_ID))
    deleted = last(fake)
    assert "Actividades eliminadas" in deleted.text and "#1" in deleted.text
    await send(app, callback(data_of(deleted, "Recuperar #1"), user_id=ADMIN_ID))
    assert "Recuperé la actividad #1" in last(fake, "editMessageText").text
    assert rows(services)[0]["deleted_at"] is None


async def test_editing_the_telegram_message_updates_the_entry(app, fake, services):
    sent = message("/registrar 2 Reunión con Procolombia", user_id=STAFF_ID)
    await send(app, sent)
    edited = {"update_id": sent["update_id"] + 1000,
              "edited_message": {**sent["message"], "text": "/registrar 2 ayer Reunión con "
                                 "ProColombia y #APC", "edit_date": 1}}
    await send(app, edited)
    assert "editó su mensaje" in last(fake).text
    (row,) = rows(services)
    assert row["day"] == "2026-11-17" and "APC" in row["partners"]


async def test_summary_sends_counts_and_the_chart(app, fake):
    await send(app, message("/registrar 2 Reunión con #ProColombia", user_id=STAFF_ID))
    await send(app, message("/registrar 4 Taller con #APC", user_id=ADMIN_ID))
    await send(app, message("/resumen este mes", user_id=STAFF_ID))
    text = last(fake).text
    assert "Resumen de actividades · noviembre de 2026" in text
    assert "2. Inversión extranjera directa y comercio exterior: <b>1</b>" in text
    assert "ProColombia: <b>1</b>" in text and "APC: <b>1</b>" in text
    chart = last(fake, "sendPhoto")
    assert "Actividades por línea y mes" in chart.text
    await send(app, message("/resumen la próxima luna", user_id=STAFF_ID))
    assert "No entendí el periodo" in last(fake).text


async def test_export_and_report_are_documents(app, fake):
    await send(app, message("/registrar 2 Reunión con #ProColombia", user_id=STAFF_ID))
    await send(app, message("/exportar este mes", user_id=STAFF_ID))
    assert "1 actividades · noviembre de 2026" in last(fake, "sendDocument").text
    await send(app, message("/informe trimestre", user_id=STAFF_ID))
    actions = [c.params.get("action") for c in fake.sent("sendChatAction")]
    assert "upload_document" in actions
    report = last(fake, "sendDocument")
    assert "Borrador del informe de gestión · octubre – diciembre de 2026" in report.text
    # With no period: the last complete quarter is empty, so the current one, and it says so.
    await send(app, message("/informe", user_id=STAFF_ID))
    caption = last(fake, "sendDocument").text
    assert "octubre – diciembre de 2026" in caption and "1 actividades" in caption
    assert "trimestre pasado (julio – septiembre de 2026) no tiene actividades" in caption


async def test_in_a_group_quick_log_works_and_guided_points_to_private(app, fake, services):
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID,
                            chat_id=GROUP_ID))
    assert last(fake).chat_id == GROUP_ID and "guardada" in last(fake).text
    await send(app, message("/registrar", user_id=STAFF_ID, chat_id=GROUP_ID))
    assert "en privado" in last(fake).text
    assert rows(services)[0]["chat_id"] == GROUP_ID


async def test_lineas_lists_the_configured_lines(app, fake):
    await send(app, message("/lineas", user_id=LIAISON_ID))
    text = last(fake).text
    for number, name in [(1, "Diplomacia"), (5, "Comunicación institucional")]:
        assert f"<b>{number}.</b> {name}" in text
    assert "Atraer inversión extranjera directa" in text  # each line says what it is for


async def test_guided_log_reply_in_html_escapes_user_text(app, fake, services):
    await send(app, message("/registrar 1 <b>Visita</b> de la embajada & otros",
                            user_id=STAFF_ID))
    assert "&lt;b&gt;Visita&lt;/b&gt; de la embajada &amp; otros" in last(fake).text
    assert rows(services)[0]["text"] == "<b>Visita</b> de la embajada & otros"


def test_dates_in_this_module_are_relative_to_the_fixture_clock(clock):
    assert clock[0].date() == date(2026, 11, 18)


async def test_registrar_as_a_reply_to_ones_own_photo_takes_it_as_evidence(app, fake, services):
    picture = photo(None, user_id=STAFF_ID)
    await send(app, picture)
    assert "No sé a qué actividad va esta evidencia" in last(fake).text
    await send(app, message("/registrar 4 Visita al barrio con #GOAL", user_id=STAFF_ID,
                            reply_to_message=picture["message"]))
    assert "1 foto" in last(fake).text
    assert "PHOTO-FILE-ID" in rows(services)[0]["evidence"]


async def test_a_correction_typed_at_the_evidence_step_shows_the_summary(app, fake, services):
    await send(app, message("/registrar 3", user_id=STAFF_ID))
    await send(app, message("Charla de becas", user_id=STAFF_ID))
    await send(app, message("Charla de becas con la #UPB", user_id=STAFF_ID))
    confirm = last(fake)
    assert "Revise y toque «Guardar»" in confirm.text and "UPB" in confirm.text
    await send(app, callback(data_of(confirm, "✅ Guardar"), user_id=STAFF_ID))
    assert rows(services)[0]["text"] == "Charla de becas con la UPB"


async def test_guided_log_cannot_start_in_a_group(app, fake, services):
    await send(app, message("/registrar 2", user_id=STAFF_ID, chat_id=GROUP_ID))
    assert "en privado" in last(fake).text
    assert services.db["flows"].count_where("flow LIKE 'activity%'") == 0


async def test_a_message_delivered_late_is_read_from_when_it_was_written(app, fake, services,
                                                                          clock):
    written = clock[0] - timedelta(hours=20)  # the bot was down; Telegram delivers it now
    await send(app, message("/registrar 2 ayer Reunión con ProColombia", user_id=STAFF_ID,
                            date=int(written.timestamp())))
    await send(app, message("/registrar 2 Visita de inversionistas", user_id=STAFF_ID,
                            date=int(written.timestamp())))
    ancient = clock[0] - timedelta(days=400)  # not a late delivery: a wrong clock
    await send(app, message("/registrar 2 Feria", user_id=STAFF_ID,
                            date=int(ancient.timestamp())))
    assert [r["day"] for r in rows(services)] == ["2026-11-16", "2026-11-17", "2026-11-18"]


async def test_an_evidence_photo_is_downloaded_once_for_the_informe(app, fake, services):
    fake.files["PHOTO-FILE-ID"] = b"\xff\xd8\xff\xe0 a jpeg"
    update = photo("/registrar 4 Visita a la huerta con #GOAL", user_id=STAFF_ID)
    await send(app, update)
    await send(app, update)  # Telegram delivers it again: nothing downloaded twice
    assert fake.downloads == ["PHOTO-FILE-ID"]
    assert [c.params["file_id"] for c in fake.calls if c.method == "getFile"] == ["PHOTO-FILE-ID"]
    (row,) = rows(services)
    assert '"path": "1-' in row["evidence"]
    kept = services.activities.evidence_dir / row["evidence"].split('"path": "')[1].split('"')[0]
    assert kept.read_bytes() == b"\xff\xd8\xff\xe0 a jpeg"
