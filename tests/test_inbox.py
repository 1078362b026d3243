"""The durable inbox: updates survive kill -9, are handled once, and in order per chat."""

from __future__ import annotations

import signal
import sqlite3

from bot.db import open_database
from bot.inbox import Inbox
from tests.support.process import start_enlace, stop, wait_ready
from tests.support.updates import message

TOKEN = "123456:INBOX-TOKEN"
STAFF = 200


def _rows(path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("select message_id, text from activities order by id").fetchall()


def test_inbox_stores_once_and_lists_the_unfinished(tmp_path):
    inbox = Inbox(open_database(tmp_path / "i.db"))
    assert inbox.receive(5, {"update_id": 5}) is True
    assert inbox.receive(5, {"update_id": 5}) is False
    inbox.receive(6, {"update_id": 6})
    inbox.done(5)
    assert [p["update_id"] for p in inbox.pending()] == [6]
    assert inbox.is_done(5) and not inbox.is_done(6)
    assert inbox.counts() == (1, 1)


def test_a_kill_9_loses_no_registrar_and_duplicates_none(server, tmp_path):
    """The reviewer's reproducer, bounded: 12 /registrar, SIGKILL after 3 confirmations."""
    env = {"ENLACE_ACCESS__STAFF": f"[{STAFF}]", "ENLACE_ACCESS__ADMINS": "[100]",
           "ENLACE_REMINDERS__DIGEST_ENABLED": "false"}
    fake = server.fake
    process = start_enlace(server, tmp_path, TOKEN, env)
    texts = {}
    try:
        wait_ready(fake, 1, timeout=30)
        for i in range(12):
            update = message(f"/registrar 2 Reunión número {i} con ProColombia", user_id=STAFF,
                             message_id=5000 + i)
            texts[5000 + i] = update["message"]["text"]
            fake.push_update(update)
        fake.wait_for(lambda calls: len([c for c in calls if c.method == "sendMessage"]) >= 3,
                      timeout=30)
        stop(process, signal.SIGKILL)
        confirmed_before = len(fake.sent("sendMessage"))
        process = start_enlace(server, tmp_path, TOKEN, env)
        wait_ready(fake, 2, timeout=30)
        fake.wait_for(lambda calls: len({m for m, _ in _rows(tmp_path / "enlace.db")}) >= 12
                      and len([c for c in calls if c.method == "sendMessage"]) >= 12,
                      timeout=30)
    finally:
        stop(process)
    rows = _rows(tmp_path / "enlace.db")
    assert sorted(m for m, _ in rows) == sorted(texts), "each message stored exactly once"
    confirmations = [c for c in fake.sent("sendMessage") if c.chat_id == STAFF]
    assert len(confirmations) >= 12 and confirmed_before >= 3
    # at most the one message in flight at the kill is confirmed twice
    assert len(confirmations) <= 12 + 1


async def test_a_slow_report_does_not_hold_back_other_people(app, fake, monkeypatch):
    """Item 15: updates of different chats are handled concurrently; the report is built
    in a worker thread, so a liaison's question is answered while it is being written."""
    import asyncio
    import time as clock

    from telegram import Update

    from bot.activities.report import ReportJob

    def slow_build(self) -> bytes:
        clock.sleep(1.5)
        return b"PK-docx"

    monkeypatch.setattr(ReportJob, "build", slow_build)
    await app.start()
    try:
        for update in (message("/informe", user_id=STAFF), message("que es aod", user_id=300)):
            await app.update_queue.put(Update.de_json(update, app.bot))
        for _ in range(100):
            if fake.sent("sendDocument"):
                break
            await asyncio.sleep(0.05)
    finally:
        await app.stop()
    methods = [(c.method, c.chat_id) for c in fake.sent() if c.method != "sendChatAction"]
    assert ("sendDocument", STAFF) in methods
    assert methods.index(("sendMessage", 300)) < methods.index(("sendDocument", STAFF))
    done, pending = app.bot_data["inbox"].counts()
    assert (done, pending) == (2, 0)


async def test_a_replayed_deshacer_undoes_one_entry_not_two(app, fake, services):
    """/deshacer takes "the latest": replayed after a crash it must not take the next one."""
    from tests.conftest import send
    from tests.support.replay import twice

    for i in range(2):
        await send(app, message(f"/registrar 2 Reunión {i} con ProColombia", user_id=STAFF))
    await twice(app, services, message("/deshacer", user_id=STAFF))
    deleted = [r["deleted_at"] is not None
               for r in services.db["activities"].rows_where(order_by="id")]
    assert deleted == [False, True]


async def test_unfinished_updates_are_handled_first_at_start(app, fake, services):
    """What a crash left in the inbox is queued before anything new; an unreadable row
    is skipped, not allowed to block the rest."""
    from bot.app import replay_unfinished

    inbox = app.bot_data["inbox"]
    first = message("/registrar 2 Reunión con ProColombia", user_id=STAFF)
    inbox.receive(first["update_id"], first)
    inbox.receive(987654, {"update_id": 987654, "message": {"broken": True}})
    assert await replay_unfinished(app) == 2
    queued = app.update_queue.get_nowait()
    assert queued.update_id == first["update_id"] and app.update_queue.empty()
    assert inbox.is_done(987654)
