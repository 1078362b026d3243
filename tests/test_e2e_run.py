"""End to end: `enlace run` as a real process, polling a stand-in Bot API server on 127.0.0.1."""

from __future__ import annotations

import time

from tests.support.process import start_enlace, stop, wait_ready
from tests.support.updates import message

TOKEN = "123456:E2E-SECRET-TOKEN"


def test_a_liaison_asks_through_telegram_and_gets_the_answer(server, tmp_path):
    process = start_enlace(server, tmp_path, TOKEN, {"ENLACE_ACCESS__LIAISONS": "[300]",
                                                     "ENLACE_ACCESS__ADMINS": "[100]"})
    try:
        fake = server.fake
        started = time.monotonic()
        wait_ready(fake, 1, timeout=30)
        ready_after = time.monotonic() - started
        commands = next(c for c in fake.calls if c.method == "setMyCommands").params["commands"]
        described = {c["command"]: c["description"] for c in commands}
        assert described["pregunta"].startswith("Hacer una pregunta")
        # Runs on words alone (no model): one misspelt word is read; with every content
        # word guessed the lexical fallback stands at its answer threshold and asks.
        fake.push_update(message("q es la cooperasion descentralizada", user_id=300))
        fake.wait_for(lambda calls: any(c.method == "sendMessage" for c in calls), timeout=20)
        answer = fake.sent("sendMessage")[-1]
        assert answer.chat_id == 300
        assert "ooperación descentralizada" in answer.text and "Fuente:" in answer.text

        fake.push_update(message("que es aod", user_id=555))
        fake.wait_for(lambda calls: len([c for c in calls if c.method == "sendMessage"]) >= 2,
                      timeout=20)
        refusal = fake.sent("sendMessage")[-1]
        assert refusal.chat_id == 555 and "555" in refusal.text
    finally:
        stop(process)
    log = (tmp_path / "bot.log").read_text()
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert ready_after < 30
