"""End to end: `enlace run` as a real process against the stand-in Bot API server.

Two deadlines are set through Telegram a minute or two ahead with a "0m" lead
time. The first must reach the group at its minute; the bot is then killed
with SIGKILL right as it sends, restarted while the server answers with 500s
and a 429, killed again right after the second deadline's group message, and
restarted once more. Every reminder must arrive exactly once.

It waits for real minutes (deadlines have minute precision), so it takes one
to two and a half minutes.
"""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.support.fake_telegram import Call, FakeBotApiServer, FakeTelegram
from tests.support.process import start_enlace, stop, wait_ready
from tests.support.updates import GROUP_ID, callback, message

TOKEN = "123456:E2E-REMINDERS-TOKEN"
STAFF = 200
BOGOTA = ZoneInfo("America/Bogota")


def start_bot(server: FakeBotApiServer, tmp_path: Path, run: int) -> subprocess.Popen:
    return start_enlace(server, tmp_path, TOKEN, {
        "ENLACE_OFFICE__GROUP_CHAT_ID": str(GROUP_ID),
        "ENLACE_ACCESS__STAFF": f"[{STAFF}]",
        "ENLACE_ACCESS__ADMINS": "[100]",
        "ENLACE_REMINDERS__LEAD_TIMES": '["0m"]',
        "ENLACE_REMINDERS__DIGEST_ENABLED": "false",
        "ENLACE_REMINDERS__TICK_SECONDS": "2",
    }, log_name=f"bot-{run}.log")


def kill(process: subprocess.Popen) -> None:
    stop(process, signal.SIGKILL)


def reminders(fake: FakeTelegram, title: str, chat_id: int) -> list[Call]:
    return [c for c in fake.sent("sendMessage", chat_id)
            if "Plazo:" in c.text and title in c.text]


def create(fake: FakeTelegram, title: str, due: datetime) -> None:
    """/plazo through Telegram, then the "✅ Guardar" button of the card it echoes."""
    before = len(fake.sent("sendMessage", STAFF))
    fake.push_update(message(f"/plazo {title} el {due:%d/%m/%Y} a las {due:%H:%M}",
                             user_id=STAFF))
    fake.wait_for(lambda calls: len(fake.sent("sendMessage", STAFF)) > before, timeout=40)
    card = fake.sent("sendMessage", STAFF)[-1]
    assert f"{due:%H:%M}" in card.text, card.text
    save = next(data for label, data in card.buttons() if label == "✅ Guardar")
    fake.push_update(callback(save, user_id=STAFF))
    fake.wait_for(lambda calls: any("Plazo guardado" in c.text and title in c.text
                                    for c in fake.sent("sendMessage", STAFF)), timeout=40)


def delay(call: Call, due: datetime) -> float:
    """Seconds between the due time and the moment the server received the message."""
    return call.at - due.timestamp()


def next_minute(after: datetime, margin: float) -> datetime:
    """The first whole minute at least ``margin`` seconds after ``after``."""
    due = (after + timedelta(seconds=margin)).replace(second=0, microsecond=0)
    return due + timedelta(minutes=1)


def test_reminders_arrive_once_on_time_through_kills_and_errors(server, tmp_path):
    fake = server.fake
    bots = [start_bot(server, tmp_path, 1)]
    try:
        wait_ready(fake, 1)
        first_due = next_minute(datetime.now(BOGOTA), margin=25)
        second_due = first_due + timedelta(minutes=1)
        create(fake, "Prueba uno", first_due)
        create(fake, "Prueba dos", second_due)

        # 1. On time, in the group; killed the moment the server sees the request.
        fake.wait_for(lambda _: reminders(fake, "Prueba uno", GROUP_ID),
                      timeout=(first_due - datetime.now(BOGOTA)).total_seconds() + 20)
        kill(bots[0])
        first_delay = delay(reminders(fake, "Prueba uno", GROUP_ID)[0], first_due)

        # 2. Restart: the owner's copy goes out; then Telegram fails twice with 500 and
        #    once with 429 ("retry after 1") just as the second reminder falls due.
        bots.append(start_bot(server, tmp_path, 2))
        wait_ready(fake, 2)
        fake.wait_for(lambda _: reminders(fake, "Prueba uno", STAFF), timeout=40)
        fake.fail_next("sendMessage", status=500, count=2)
        fake.fail_next("sendMessage", status=429, retry_after=1, count=1)
        fake.wait_for(lambda _: reminders(fake, "Prueba dos", GROUP_ID),
                      timeout=(second_due - datetime.now(BOGOTA)).total_seconds() + 40)
        kill(bots[1])  # right after the group message, perhaps before the owner's
        second_delay = delay(reminders(fake, "Prueba dos", GROUP_ID)[0], second_due)

        # 3. A last restart delivers whatever the kill interrupted, and nothing twice.
        bots.append(start_bot(server, tmp_path, 3))
        wait_ready(fake, 3)
        fake.wait_for(lambda _: reminders(fake, "Prueba dos", STAFF), timeout=40)
        time.sleep(4)  # two more ticks: anything doubled would show now
    finally:
        for bot in bots:
            stop(bot)

    for title in ("Prueba uno", "Prueba dos"):
        assert len(reminders(fake, title, GROUP_ID)) == 1, title
        assert len(reminders(fake, title, STAFF)) == 1, title
    assert 0 <= first_delay < 3, first_delay
    assert 0 <= second_delay < 12, second_delay  # two 2 s back-offs and the 1 s wait
    failed = [c for c in fake.calls if c.method == "sendMessage" and c.params.get("_failed")]
    assert len(failed) == 3
    print(f"\nfirst reminder after {first_delay:.2f} s, second (through 500, 500, 429) "
          f"after {second_delay:.2f} s")
    logs = "".join((tmp_path / f"bot-{n}.log").read_text() for n in (1, 2, 3))
    assert TOKEN.split(":")[1] not in logs
