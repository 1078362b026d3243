"""End to end: `enlace run` as a real process against the stand-in Bot API server.

Staff log with a photo, Telegram delivers the same message twice, the bot is
killed in the middle of a guided log and restarted, and the DOCX report is
read back with python-docx.
"""

from __future__ import annotations

import io
import signal
import sqlite3
import subprocess
from pathlib import Path

import docx

from tests.support.chat import data_of
from tests.support.fake_telegram import FakeBotApiServer, FakeTelegram
from tests.support.process import start_enlace, stop, times_ready, wait_ready
from tests.support.updates import callback, message, photo

TOKEN = "123456:E2E-ACTIVITIES-TOKEN"
STAFF, ADMIN, LIAISON = 200, 100, 300


def start_bot(server: FakeBotApiServer, tmp_path: Path) -> subprocess.Popen:
    ready = times_ready(server.fake)
    process = start_enlace(server, tmp_path, TOKEN, {
        "ENLACE_ACCESS__ADMINS": f"[{ADMIN}]",
        "ENLACE_ACCESS__STAFF": f"[{STAFF}]",
        "ENLACE_ACCESS__LIAISONS": f"[{LIAISON}]",
    })
    wait_ready(server.fake, ready + 1)
    return process


def sent_count(fake: FakeTelegram, method: str = "sendMessage") -> int:
    return len(fake.sent(method))


def push_and_wait(fake: FakeTelegram, update: dict, method: str = "sendMessage",
                  timeout: float = 30):
    before = sent_count(fake, method)
    fake.push_update(update)
    fake.wait_for(lambda calls: sent_count(fake, method) > before, timeout=timeout)
    return fake.sent(method)[-1]


def activities(tmp_path: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(tmp_path / "enlace.db") as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT * FROM activities ORDER BY id").fetchall()


def fresh_update_id() -> int:
    """A new update id, after every one used so far (Telegram's ids only grow)."""
    return message(None)["update_id"]


def test_staff_log_redelivery_restart_and_report(server, tmp_path):
    fake = server.fake
    process = start_bot(server, tmp_path)
    try:
        commands = next(c for c in fake.calls if c.method == "setMyCommands").params["commands"]
        assert {"registrar", "resumen", "informe"} <= {c["command"] for c in commands}

        # Quick log with a photo and a partner.
        quick = photo("/registrar 2 Reunión con #ProColombia sobre el Investment Summit",
                      user_id=STAFF)
        reply = push_and_wait(fake, dict(quick))
        assert "Actividad #1 guardada" in reply.text and "ProColombia" in reply.text
        assert "1 foto" in reply.text

        # Telegram delivers the same message again (e.g. after a crash before the ack).
        again = dict(quick, update_id=fresh_update_id())
        reply = push_and_wait(fake, again)
        assert "ya estaba guardada" in reply.text
        assert len(activities(tmp_path)) == 1

        # A guided log, killed after the first step.
        start = message("/registrar", user_id=STAFF)
        ask = push_and_wait(fake, start)
        line_four = data_of(ask, "4.")
        stop(process, signal.SIGKILL)
        process = start_bot(server, tmp_path)
        step = push_and_wait(fake, callback(line_four, user_id=STAFF), "editMessageText")
        assert "Cuénteme qué pasó" in step.text
        ask = push_and_wait(fake, message("ayer taller con #ONU_Hábitat en Provenza",
                                          user_id=STAFF))
        assert "evidencia" in ask.text
        skipped = push_and_wait(fake, callback(data_of(ask, "Omitir"), user_id=STAFF),
                                "editMessageText")
        saved = push_and_wait(fake, callback(data_of(skipped, "✅ Guardar"), user_id=STAFF),
                              "editMessageText")
        assert "Actividad #2 guardada" in saved.text
        rows = activities(tmp_path)
        assert [(r["line"], r["source"]) for r in rows] == [(2, "telegram"), (4, "guided")]

        # Someone who is not staff cannot log or export.
        refusal = push_and_wait(fake, message("/exportar", user_id=LIAISON))
        assert str(LIAISON) in refusal.text
        push_and_wait(fake, message("/registrar 2 Intento", user_id=555))
        assert len(activities(tmp_path)) == 2

        # The report of the current quarter, read back.
        document = push_and_wait(fake, message("/informe trimestre", user_id=STAFF),
                                 "sendDocument", timeout=60)
        assert "Borrador del informe de gestión" in document.text
        actions = [c.params.get("action") for c in fake.sent("sendChatAction")]
        assert "upload_document" in actions
        name, content = next((n, c) for _, n, c in server.files if n.endswith(".docx"))
        assert name.startswith("informe-gestion-")
        report = docx.Document(io.BytesIO(content))
        texts = [p.text for p in report.paragraphs]
        assert texts[2].startswith("INFORME DE GESTIÓN")
        headings = [p.text for p in report.paragraphs if p.style.name == "Heading 2"]
        assert headings[1] == "2. INVERSIÓN EXTRANJERA DIRECTA Y COMERCIO EXTERIOR"
        assert any("Reunión con ProColombia sobre el Investment Summit." in t
                   and "Aliados: ProColombia" in t for t in texts)
        assert any("Taller con ONU Hábitat en Provenza." in t for t in texts)
        assert [c.text for c in report.tables[0].rows[-1].cells][-1] == "2"

        # The CSV export.
        push_and_wait(fake, message("/exportar trimestre", user_id=STAFF), "sendDocument")
        csv_name, csv_content = next((n, c) for _, n, c in server.files if n.endswith(".csv"))
        assert csv_content.startswith("\ufeff".encode())
        assert "Reunión con ProColombia" in csv_content.decode("utf-8-sig")
    finally:
        stop(process)
    log = (tmp_path / "bot.log").read_text()
    assert TOKEN not in log and "Traceback" not in log
