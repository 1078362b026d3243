"""One button protocol (:class:`bot.replies.Pressed`), one dispatcher for every feature:
the toast first, then the reply over the pressed message (EDIT) or below it (SEND)."""

from __future__ import annotations

import pytest

from bot.replies import Delivery, Pressed, Reply
from bot.texts import common as common_texts
from tests.conftest import LIAISON_ID, STAFF_ID, send
from tests.support.chat import data_of, last
from tests.support.updates import callback, message


def test_an_edited_message_can_not_also_be_closed_or_redrawn():
    with pytest.raises(ValueError):
        Pressed(reply=Reply("x"), delivery=Delivery.EDIT, close_buttons=True)
    with pytest.raises(ValueError):
        Pressed(reply=Reply("x"), delivery=Delivery.EDIT, redraw=Reply("y"))


def test_a_reply_that_carries_its_toast_becomes_a_press_sent_below():
    pressed = Pressed.from_reply(Reply("Hecho", toast="✅", close_buttons=True))
    assert pressed.toast == "✅" and pressed.close_buttons
    assert pressed.delivery is Delivery.SEND and pressed.reply == Reply("Hecho")
    assert Pressed.from_reply(Reply("", toast="Ya estaba")).reply is None


async def test_a_knowledge_button_answers_below_and_leaves_the_answer_in_place(app, fake):
    await send(app, message("que es aod", user_id=LIAISON_ID))
    answer = last(fake)
    await send(app, callback(data_of(answer, "📖 Ver completo"), user_id=LIAISON_ID))
    assert len(fake.sent("sendMessage")) == 2
    assert not fake.sent("editMessageText") and not fake.sent("editMessageReplyMarkup")


async def test_an_activity_card_too_old_to_edit_gets_its_reply_as_a_new_message(app, fake):
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    card = last(fake)
    fake.fail_next("editMessageText", status=400,
                   description="Bad Request: message can't be edited")
    await send(app, callback(data_of(card, "Deshacer"), user_id=STAFF_ID))
    assert "Eliminé la actividad #1" in last(fake).text
    assert not fake.sent("editMessageText")


async def test_a_long_toast_is_an_alert_in_every_feature(app, fake):
    await send(app, callback("act:zz:1", user_id=STAFF_ID))
    await send(app, callback("rem:zz", user_id=STAFF_ID))
    answers = fake.sent("answerCallbackQuery")
    assert [a.params.get("text") for a in answers] == [common_texts.EXPIRED_BUTTON] * 2
    assert all(a.params.get("show_alert") for a in answers)  # 60 characters: an alert
