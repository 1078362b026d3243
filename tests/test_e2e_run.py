"""End to end: `enlace run` as a real process, polling a stand-in Bot API server on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.fake_telegram import FakeBotApiServer
from tests.support.updates import message

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:E2E-SECRET-TOKEN"


@pytest.fixture
def server():
    with FakeBotApiServer() as running:
        yield running


def start_bot(server: FakeBotApiServer, tmp_path: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENLACE_")}
    env.update({
        "ENLACE_TELEGRAM__TOKEN": TOKEN,
        "ENLACE_TELEGRAM__BASE_URL": server.base_url,
        "ENLACE_STORAGE__DATABASE": str(tmp_path / "enlace.db"),
        "ENLACE_ACCESS__LIAISONS": "[300]",
        "ENLACE_ACCESS__ADMINS": "[100]",
    })
    log = open(tmp_path / "bot.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen([sys.executable, "-m", "bot.cli", "--config",
                             str(ROOT / "config.example.toml"), "run"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def test_a_liaison_asks_through_telegram_and_gets_the_answer(server, tmp_path):
    process = start_bot(server, tmp_path)
    try:
        fake = server.fake
        started = time.monotonic()
        fake.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls), timeout=30)
        ready_after = time.monotonic() - started
        commands = next(c for c in fake.calls if c.method == "setMyCommands").params["commands"]
        described = {c["command"]: c["description"] for c in commands}
        assert described["pregunta"].startswith("Hacer una pregunta")
        fake.push_update(message("q es la cooperasion descentralisada", user_id=300))
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
