"""Webhook mode for real: `enlace run` serves Telegram's POSTs on 127.0.0.1, secret required."""

from __future__ import annotations

import json
import socket
import sqlite3
import time

import httpx

from tests.support.process import start_enlace, stop
from tests.support.updates import message

TOKEN = "123456:WEBHOOK-TOKEN"
SECRET = "s3cret_Webhook-Value"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(port: int, update: dict, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    deadline = time.monotonic() + 20
    while True:
        try:
            return httpx.post(f"http://127.0.0.1:{port}/tg/hook", content=json.dumps(update),
                              headers=headers, timeout=10).status_code
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_webhook_answers_only_telegram_and_commits_before_200(server, tmp_path):
    port = _free_port()
    env = {"ENLACE_TELEGRAM__MODE": "webhook",
           "ENLACE_TELEGRAM__WEBHOOK_URL": "https://enlace.example.gov.co/tg/hook",
           "ENLACE_TELEGRAM__WEBHOOK_PORT": str(port),
           "ENLACE_TELEGRAM__WEBHOOK_SECRET": SECRET,
           "ENLACE_ACCESS__STAFF": "[200]", "ENLACE_ACCESS__LIAISONS": "[300]"}
    fake = server.fake
    process = start_enlace(server, tmp_path, TOKEN, env)
    try:
        fake.wait_for(lambda calls: any(c.method == "setWebhook" for c in calls), timeout=30)
        hook = next(c for c in fake.calls if c.method == "setWebhook").params
        assert hook["url"] == "https://enlace.example.gov.co/tg/hook"
        assert hook["secret_token"] == SECRET

        forged = message("/registrar 2 Reunión falsa con ProColombia", user_id=200)
        assert _post(port, forged, None) == 403
        assert _post(port, forged, "wrong-secret") == 403

        real = message("/registrar 2 Reunión con ProColombia", user_id=200)
        assert _post(port, real, SECRET) == 200
        # 200 came after the commit: the update is already in the inbox
        with sqlite3.connect(tmp_path / "enlace.db") as conn:
            stored = conn.execute("select update_id from inbox").fetchall()
        assert (real["update_id"],) in stored and (forged["update_id"],) not in stored
        fake.wait_for(lambda calls: any(c.method == "sendMessage" for c in calls), timeout=20)
        question = message("que es aod", user_id=300)
        assert _post(port, question, SECRET) == 200
        fake.wait_for(lambda calls: len([c for c in calls if c.method == "sendMessage"]) >= 2,
                      timeout=20)
    finally:
        stop(process)
    with sqlite3.connect(tmp_path / "enlace.db") as conn:
        texts = [r[0] for r in conn.execute("select text from activities")]
    assert len(texts) == 1 and "falsa" not in texts[0]
    replies = fake.sent("sendMessage")
    assert any("Ayuda Oficial al Desarrollo" in c.text for c in replies if c.chat_id == 300)
    log = (tmp_path / "bot.log").read_text()
    assert TOKEN not in log and SECRET not in log


def test_webhook_without_secret_refuses_to_start_and_says_how(server, tmp_path):
    env = {"ENLACE_TELEGRAM__MODE": "webhook",
           "ENLACE_TELEGRAM__WEBHOOK_URL": "https://enlace.example.gov.co/tg/hook",
           "ENLACE_TELEGRAM__WEBHOOK_PORT": str(_free_port())}
    process = start_enlace(server, tmp_path, TOKEN, env)
    assert process.wait(timeout=60) == 2
    log = (tmp_path / "bot.log").read_text()
    assert "ENLACE_TELEGRAM__WEBHOOK_SECRET" in log and "secreto" in log
    assert not any(c.method == "setWebhook" for c in server.fake.calls)
