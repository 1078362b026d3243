"""The date forms of issue 12 where people meet them: /plazo's card and /registrar's log."""

from __future__ import annotations

import pytest

from tests.conftest import STAFF_ID, send
from tests.support.updates import message

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def last(fake) -> str:
    return fake.sent("sendMessage")[-1].text


async def test_plazo_card_reads_the_whole_date_and_names_a_holiday(app, fake, services):
    await send(app, message("/plazo Comité el miércoles de la semana que viene a las tres y "
                            "cuarto", user_id=STAFF_ID))
    card = last(fake)
    assert "<b>Comité</b>" in card
    assert "miércoles 25 de noviembre de 2026, 15:15" in card and "en 7 días" in card

    await send(app, message("/plazo Informe al concejo el 8 de diciembre a las 10",
                            user_id=STAFF_ID, message_id=2))
    card = last(fake)
    assert ("martes 8 de diciembre de 2026 (festivo: La Inmaculada Concepción), 10:00"
            in card and "en 20 días" in card)


async def test_plazo_refuses_a_date_read_only_in_part_and_keeps_nothing(app, fake, services):
    await send(app, message("/plazo Informe 13 a 15 de julio", user_id=STAFF_ID))
    reply = last(fake)
    assert "13 a 15 de julio" in reply and "15 de diciembre" in reply
    assert services.db["flows"].count == 0
    assert services.db["deadlines"].count == 0


async def test_registrar_reads_the_same_forms_looking_back(app, fake, services):
    await send(app, message("/registrar 2 el lunes de esta semana reunión con #APC",
                            user_id=STAFF_ID))
    await send(app, message("/registrar 2 el 16 taller con #GOAL", user_id=STAFF_ID,
                            message_id=2))
    rows = list(services.db["activities"].rows_where(order_by="id"))
    assert [(r["day"], r["text"]) for r in rows] == [
        ("2026-11-16", "Reunión con APC"), ("2026-11-16", "Taller con GOAL")]
