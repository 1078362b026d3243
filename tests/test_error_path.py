"""One error path: a failed confirmation is sent again, never "try again" for saved work."""

from __future__ import annotations

import pytest

from bot.texts import common as texts
from handlers import common, replies
from tests.conftest import STAFF_ID, send
from tests.support.updates import message


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
