"""One error path: a failed confirmation is sent again, never "try again" for saved work."""

from __future__ import annotations

import pytest
from telegram import Update

from bot.refusal import Refusal
from bot.texts import activities as activity_texts
from bot.texts import common as texts
from handlers import activities, common, replies
from tests.conftest import STAFF_ID, send
from tests.support.replay import twice
from tests.support.updates import callback, message


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setattr(replies, "RETRY_PAUSES", (0.01, 0.01, 0.01))
    monkeypatch.setattr(common, "RESEND_AFTER", 0.01)


def confirmations(fake) -> list[str]:
    return [c.text for c in fake.sent("sendMessage") if "guardada" in c.text]


async def test_a_5xx_on_the_confirmation_is_retried_and_saves_once(app, fake, services):
    fake.fail_next("sendMessage", status=500, count=2)
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    assert services.db["activities"].count == 1
    assert len(confirmations(fake)) == 1
    assert not any("Intente de nuevo" in c.text for c in fake.sent())


async def test_a_confirmation_lost_for_good_is_resent_not_retried_by_the_person(app, fake,
                                                                                 services):
    fake.fail_next("sendMessage", status=502, count=4)  # every attempt of the reply fails
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    assert services.db["activities"].count == 1
    assert len(confirmations(fake)) == 1  # sent again by the error handler
    assert not any(texts.ERROR in c.text for c in fake.sent())


async def test_a_429_is_waited_out(app, fake, services):
    fake.fail_next("sendMessage", status=429, retry_after=1)
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    assert len(confirmations(fake)) == 1 and services.db["activities"].count == 1


async def test_a_failure_before_saving_still_invites_a_retry(app, fake, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(type(app.bot_data["services"].activities), "log", broken)
    await send(app, message("/registrar 2 Reunión con ProColombia", user_id=STAFF_ID))
    assert fake.sent("sendMessage")[-1].text == texts.ERROR


# -- refusals: answered once, by the error handler -------------------------------------------

async def handle(app, update: dict) -> None:
    """Through the real update processor, as Telegram's updates arrive (inbox and all)."""
    parsed = Update.de_json(update, app.bot)
    if app.bot_data["inbox"].receive(parsed.update_id, parsed.to_dict()):
        await app.update_processor.process_update(parsed, app.process_update(parsed))


async def test_a_refusal_is_its_spanish_message_once_and_the_update_is_done(app, fake,
                                                                             services):
    update = message("/deshacer", user_id=STAFF_ID)
    await handle(app, update)
    assert [c.text for c in fake.sent("sendMessage")] == [activity_texts.NOTHING_TO_UNDO]
    assert app.bot_data["inbox"].is_done(update["update_id"])
    await handle(app, update)  # Telegram sends it again: not handled, not answered again
    assert len(fake.sent("sendMessage")) == 1
    assert services.db["activities"].count == 0


async def test_a_refusal_replayed_after_a_crash_is_answered_again_and_stores_nothing(
        app, fake, services):
    await twice(app, services, message("/deshacer", user_id=STAFF_ID))
    texts_sent = [c.text for c in fake.sent("sendMessage")]
    assert texts_sent == [activity_texts.NOTHING_TO_UNDO] * 2  # never silently dropped
    assert services.db["activities"].count == 0


async def test_a_lost_refusal_is_sent_again_not_turned_into_an_error(app, fake):
    fake.fail_next("sendMessage", status=502, count=4)  # every attempt of the reply fails
    await send(app, message("/deshacer", user_id=STAFF_ID))
    assert [c.text for c in fake.sent("sendMessage")] == [activity_texts.NOTHING_TO_UNDO]


async def test_a_refusal_from_a_button_stops_the_spinner_and_says_why(app, fake, monkeypatch):
    def refused(*args, **kwargs):
        raise Refusal("Esa actividad no es suya.")

    monkeypatch.setattr(activities, "press", refused)
    await send(app, callback("act:undo:1", user_id=STAFF_ID))
    assert fake.sent("answerCallbackQuery")
    assert fake.sent("sendMessage")[-1].text == "Esa actividad no es suya."
