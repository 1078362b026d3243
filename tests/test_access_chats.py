"""Access by person and by chat, and the small faults of the security review (items 10-15)."""

from __future__ import annotations

import pytest

from bot.app import build_application
from bot.config import Settings
from bot.services import build_services
from bot.texts import common as texts
from tests.conftest import ADMIN_ID, LIAISON_ID, STAFF_ID, STRANGER_ID, send
from tests.support.fake_telegram import RecordingRequest
from tests.support.updates import GROUP_ID, callback, message, photo, user

OTHER_GROUP = -100999888


def no_error(fake) -> bool:
    """The error handler never spoke: nothing crashed."""
    return not any(texts.ERROR in c.text for c in fake.sent())


def activities(services) -> list[dict]:
    return list(services.db["activities"].rows_where(order_by="id"))


def edited(update: dict) -> dict:
    update["edited_message"] = update.pop("message")
    update["edited_message"]["edit_date"] = update["edited_message"]["date"] + 5
    return update


async def test_an_unknown_group_gets_one_polite_line_and_the_bot_leaves(app, fake, services):
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID,
                            chat_id=OTHER_GROUP))
    said = fake.sent("sendMessage", chat_id=OTHER_GROUP)
    assert len(said) == 1 and "salgo de este grupo" in said[0].text
    assert [c.chat_id for c in fake.calls if c.method == "leaveChat"] == [OTHER_GROUP]
    assert activities(services) == []


async def test_added_to_an_unknown_group_the_bot_leaves_at_once(app, fake):
    await send(app, {"update_id": 77001, "my_chat_member": {
        "chat": {"id": OTHER_GROUP, "type": "group", "title": "Socios"},
        "from": user(STAFF_ID), "date": 1,
        "old_chat_member": {"status": "left", "user": {"id": 999000, "is_bot": True,
                                                       "first_name": "Enlace"}},
        "new_chat_member": {"status": "member", "user": {"id": 999000, "is_bot": True,
                                                         "first_name": "Enlace"}}}})
    assert any(c.method == "leaveChat" and c.chat_id == OTHER_GROUP for c in fake.calls)


async def test_the_office_group_upgraded_to_a_supergroup_is_not_left(app, fake):
    new_id = -1001234500000
    await send(app, message(None, user_id=STAFF_ID, chat_id=new_id,
                            migrate_from_chat_id=GROUP_ID))
    await send(app, message("/plazos", user_id=STAFF_ID, chat_id=new_id))
    assert not any(c.method == "leaveChat" for c in fake.calls)
    assert fake.sent("sendMessage", chat_id=new_id)


async def test_open_liaisons_may_ask_but_not_read_deadlines(settings, fake, clock):
    settings.access.liaisons = []
    services = build_services(settings, now=lambda: clock[0])
    application = build_application(services, request=RecordingRequest(fake))
    async with application:
        await send(application, message("que es aod", user_id=STRANGER_ID))
        assert "Ayuda Oficial al Desarrollo" in fake.sent("sendMessage")[-1].text
        for command in ("/plazos", "/convenios"):
            await send(application, message(command, user_id=STRANGER_ID))
            refusal = fake.sent("sendMessage")[-1].text
            assert "solo para el equipo y los enlaces registrados" in refusal
            assert str(STRANGER_ID) in refusal
        await send(application, callback("rem:list:plazos", user_id=STRANGER_ID))
        assert fake.sent("answerCallbackQuery")
    assert no_error(fake)


@pytest.mark.parametrize("command", ["/exportar", "/informe", "/actividades", "/resumen"])
async def test_exports_reports_and_lists_go_in_private_only(app, fake, services, command):
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    await send(app, message(command, user_id=STAFF_ID, chat_id=GROUP_ID))
    in_group = fake.sent(chat_id=GROUP_ID)
    assert [c.method for c in in_group if c.method != "sendChatAction"] == ["sendMessage"]
    assert "solo en el chat privado" in in_group[-1].text
    assert not fake.sent("sendDocument") and not fake.sent("sendPhoto")


async def test_a_message_without_from_never_passes_as_a_person(app, fake, services):
    for text in ("/plazos", "/registrar 2 Reunión", "hola @enlace_ofai_bot"):
        update = message(text, user_id=STAFF_ID, chat_id=GROUP_ID)
        del update["message"]["from"]
        update["message"]["sender_chat"] = {"id": GROUP_ID, "type": "supergroup", "title": "O"}
        await send(app, update)
    anonymous = message("/plazos", user_id=1087968824, chat_id=GROUP_ID,
                        sender_chat={"id": GROUP_ID, "type": "supergroup", "title": "O"})
    await send(app, anonymous)
    assert not fake.sent("sendMessage") and activities(services) == []
    assert no_error(fake)


async def test_only_who_asked_may_rate_or_pick(app, fake, services):
    await send(app, message("que es aod", user_id=LIAISON_ID))
    data = next(d for label, d in fake.sent("sendMessage")[-1].buttons()
                if d.startswith("kb:fb:"))
    await send(app, callback(data, user_id=STAFF_ID))
    assert fake.sent("answerCallbackQuery")[-1].params.get("text") == texts.NOT_YOUR_QUESTION
    assert services.db["feedback"].count == 0
    question_id = data.split(":")[2]
    await send(app, callback(f"kb:pick:{question_id}:1", user_id=STAFF_ID))
    assert fake.sent("answerCallbackQuery")[-1].params.get("text") == texts.NOT_YOUR_QUESTION
    await send(app, callback(data, user_id=LIAISON_ID))
    await send(app, callback(f"kb:fb:{question_id}:-1", user_id=ADMIN_ID))
    assert services.db["feedback"].count == 2


# -- item 10: edited messages ---------------------------------------------------------------


async def test_an_edited_command_in_private_is_not_unknown(app, fake):
    await send(app, edited(message("/plazo Informe al concejo el 15/12", user_id=STAFF_ID)))
    reply = fake.sent("sendMessage")[-1].text
    assert "No conozco" not in reply and "edit" in reply


async def test_an_edit_during_a_guided_log_is_not_a_question(app, fake, services):
    await send(app, message("/registrar", user_id=STAFF_ID))
    await send(app, edited(message("que es aod", user_id=STAFF_ID)))
    assert services.db["questions"].count == 0
    assert "Ayuda Oficial" not in fake.sent("sendMessage")[-1].text


async def test_editing_the_registrar_of_an_undone_entry_changes_nothing(app, fake, services):
    original = message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID,
                       message_id=4242)
    await send(app, original)
    await send(app, message("/deshacer", user_id=STAFF_ID))
    await send(app, edited(message("/registrar 3 Otra cosa", user_id=STAFF_ID,
                                   message_id=4242)))
    (row,) = activities(services)
    assert row["text"] == "Reunión con ProColombia" and row["line"] == 2
    reply = fake.sent("sendMessage")[-1].text
    assert "fue eliminada" in reply and "actualic" not in reply.lower()


# -- items 12 and 15: odd numbers, unknown buttons, photos ------------------------------------


async def test_superscripts_and_huge_ids_get_answers_not_crashes(app, fake, services):
    await send(app, message("/registrar", user_id=STAFF_ID))
    await send(app, message("²", user_id=STAFF_ID))
    assert "línea" in fake.sent("sendMessage")[-1].text
    await send(app, message("/recuperar 123456789012345678901234", user_id=ADMIN_ID))
    await send(app, message("/recuperar ²", user_id=ADMIN_ID))
    await send(app, message("/editar linea ²", user_id=STAFF_ID))
    for data in ("act:rst:123456789012345678901234", "kb:fb:99999999999999999999999:1",
                 "rem:done:123456789012345678901", "kb:fb:²:1"):
        await send(app, callback(data, user_id=ADMIN_ID))
    assert len(fake.sent("answerCallbackQuery")) == 4
    assert no_error(fake)


async def test_a_button_with_an_unknown_prefix_is_answered(app, fake):
    await send(app, callback("zz:what:1", user_id=LIAISON_ID))
    (answer,) = fake.sent("answerCallbackQuery")
    assert answer.params.get("text") == texts.EXPIRED_BUTTON


async def test_a_liaison_who_sends_a_photo_gets_a_reply(app, fake):
    await send(app, photo(None, user_id=LIAISON_ID))
    assert "solo entiendo mensajes escritos" in fake.sent("sendMessage")[-1].text
    await send(app, message(None, user_id=LIAISON_ID,
                            sticker={"file_id": "s", "file_unique_id": "s", "type": "regular",
                                     "width": 1, "height": 1, "is_animated": False,
                                     "is_video": False}))
    assert len(fake.sent("sendMessage")) == 2


def test_settings_fixture_still_knows_the_office_group(settings: Settings):
    assert settings.office.group_chat_id == GROUP_ID
