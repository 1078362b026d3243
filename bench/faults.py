"""Fault injection against the stand-in Bot API on 127.0.0.1: nothing lost, nobody let in.

Four checks, each bounded and sized by its option:

- ``kill``: ``enlace run`` as a process gets N mixed updates (/registrar from
  staff, /deshacer, questions from liaisons, /plazos, "⏰ Posponer 1 semana"
  on a seeded deadline, a /convenio answered step by step) and is SIGKILLed
  at K random points, restarted each time; then: entries lost or duplicated,
  confirmations / answers lost or duplicated (each update comes from its own
  chat, so replies are counted per chat), questions recorded twice, deadlines
  not moved exactly one week, conversations whose answers landed on the
  wrong step.
- ``flaky``: the same, no kills, but a share of every Bot API call fails at
  random (500, 502, 429 with retry_after); ``timeouts``: the same with lost
  answers too (the call took effect and the connection dropped, as a timeout
  after Telegram accepted does: a retried reply then arrives twice).
- ``fuzz``: M fuzzed messages and button payloads through the real
  ``Application`` (in-process, Telegram replaced by a recorder) from admins,
  staff, liaisons and strangers, in private and in groups: unhandled
  exceptions, and taps left unanswered.
- ``outsiders``: a stranger, a revoked staff member and an unknown group try
  every command and button: rows written and secrets read (0 and 0 expected).

    python bench/faults.py [--updates 200] [--kills 3] [--fault-rate 0.2]
                           [--fuzz 1000] [--seed 1]
                           [--only kill flaky timeouts fuzz outsiders]

The machine is shared: the defaults are modest. Every wait has a deadline.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.fake_telegram import FakeBotApiServer, FakeTelegram  # noqa: E402
from tests.support.process import start_enlace, stop, wait_ready  # noqa: E402
from tests.support.updates import callback, message  # noqa: E402

TOKEN = "123456:FAULTS-BENCH-TOKEN"
STAFF_BASE, LIAISON_BASE = 20_000, 40_000
ADMIN = 100
OFFICE_GROUP = -100200300
QUESTIONS = ["que es aod", "q es una comixta", "pasos pa internacionalizar el municipio",
             "que cubre el memorando con goal", "como postulo a una beca"]


# -------------------------------------------------------------------- kill and flaky


SEEDED_DUE = date(2099, 1, 1)  # the deadlines "⏰ Posponer 1 semana" is pressed on
FLOW_KIND, FLOW_OBJECT = "memorando", "Objeto {i}"  # typed answers to /convenio


def _mixed_updates(n: int, rnd: random.Random) -> list[tuple[str, int, dict[str, Any]]]:
    """(kind, chat, update): each update in its own private chat, so replies count per chat.
    A postpone presses the button of deadline number k (seeded 1, 2, … in order)."""
    updates = []
    postpones = 0
    for i in range(n):
        roll = rnd.random()
        if roll >= 0.85:
            chat = STAFF_BASE + i
            if roll < 0.92:  # the old button, without its date: only the update guards it
                postpones += 1
                updates.append(("postpone", chat, callback(f"rem:pp:{postpones}:7",
                                                           user_id=chat)))
            else:
                for kind, text in (("flow_start", f"/convenio Socio {i}"),
                                   ("flow_answer", FLOW_KIND),
                                   ("flow_answer", FLOW_OBJECT.format(i=i))):
                    updates.append((kind, chat, message(text, user_id=chat)))
        elif roll < 0.45:
            chat = STAFF_BASE + i
            text = f"/registrar {rnd.randint(1, 5)} Reunión {i} con #APC sobre el plan {i}"
            updates.append(("entry", chat, message(text, user_id=chat, message_id=90_000 + i)))
        elif roll < 0.55:  # two entries, then /deshacer: the second goes, the first stays
            chat = STAFF_BASE + i
            for k in (0, 1):
                text = f"/registrar 2 Visita {i}-{k} con #GOAL"
                updates.append(("kept" if k == 0 else "undone", chat,
                                message(text, user_id=chat, message_id=190_000 + 2 * i + k)))
            updates.append(("undo", chat, message("/deshacer", user_id=chat)))
        elif roll < 0.8:
            chat = LIAISON_BASE + i
            updates.append(("question", chat, message(rnd.choice(QUESTIONS), user_id=chat)))
        else:
            chat = STAFF_BASE + i
            updates.append(("list", chat, message("/plazos", user_id=chat)))
    return updates


def _seed_deadlines(db: Path, owners: list[int]) -> None:
    """Deadline k (from 1) for the k-th postpone, owned by the one who presses it."""
    from bot.db import open_database
    from bot.reminders.models import DeadlineDraft
    from bot.reminders.store import DeadlineStore

    store = DeadlineStore(open_database(db))
    for k, owner in enumerate(owners, 1):
        deadline, _ = store.add(DeadlineDraft(title=f"Plazo {k}", due_date=SEEDED_DUE,
                                              owner_id=owner, owner_name="Ana"),
                                by=owner, by_name="Ana", at=datetime.now(UTC))
        assert deadline.id == k


def _db_rows(db: Path, sql: str) -> list[tuple]:
    if not db.exists():
        return []
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            return conn.execute(sql).fetchall()
        except sqlite3.OperationalError:  # not created yet
            return []


def _finished(fake: FakeTelegram, db: Path, last_update: int, expected_replies: set[int]) -> bool:
    pending = _db_rows(db, "select count(*) from inbox where done_at is null")
    replied = {c.chat_id for c in fake.sent("sendMessage")}
    return (fake.confirmed_offset > last_update and bool(pending) and pending[0][0] == 0
            and expected_replies <= replied)


def run_process_scenario(n: int, kills: int, fault_rate: float, seed: int,
                         folder: Path, timeout: float = 600,
                         statuses: tuple[int, ...] = (500, 502, 429)) -> dict[str, Any]:
    """Push ``n`` mixed updates to a running bot, kill it ``kills`` times at random
    moments, inject random Bot API failures at ``fault_rate``; count what was lost."""
    rnd = random.Random(seed)
    updates = _mixed_updates(n, rnd)
    staff = sorted({chat for kind, chat, _ in updates if kind != "question"})
    env = {"ENLACE_ACCESS__STAFF": json.dumps(staff), "ENLACE_ACCESS__ADMINS": f"[{ADMIN}]",
           "ENLACE_ACCESS__LIAISONS": "[]", "ENLACE_REMINDERS__DIGEST_ENABLED": "false"}
    db = folder / "enlace.db"
    _seed_deadlines(db, [chat for kind, chat, _ in updates if kind == "postpone"])
    started = time.monotonic()
    with FakeBotApiServer() as server:
        fake = server.fake
        process = start_enlace(server, folder, TOKEN, env)
        starts = 1
        try:
            wait_ready(fake, 1, timeout=60)
            if fault_rate:
                fake.fail_randomly(fault_rate, seed=seed,
                                   methods={"sendMessage", "answerCallbackQuery",
                                            "sendChatAction", "editMessageText"},
                                   statuses=statuses)
            ids = [fake.push_update(update) for _, _, update in updates]
            expected = {chat for _, chat, _ in updates}
            kill_times = sorted(rnd.uniform(0.2, 1.0) * max(2.0, n / 40) for _ in range(kills))
            begun = time.monotonic()
            for at in kill_times:
                time.sleep(max(0.0, begun + at - time.monotonic()))
                stop(process, signal.SIGKILL)
                process = start_enlace(server, folder, TOKEN, env)
                starts += 1
                wait_ready(fake, starts, timeout=60)
            deadline = time.monotonic() + timeout
            while not _finished(fake, db, max(ids), expected):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.2)
        finally:
            stop(process)
        replies = Counter(c.chat_id for c in fake.sent("sendMessage"))
        failed_sends = sum(1 for c in fake.calls if c.params.get("_failed"))
        lost_answers = fake.lost_answers
    log = (folder / "bot.log").read_text(errors="replace")
    replayed = sum(int(n) for n in re.findall(r"Handling (\d+) updates left unfinished", log))
    rows = _db_rows(db, "select message_id, deleted_at from activities")
    stored = Counter(m for m, _ in rows)
    deleted = {m for m, at in rows if at is not None}
    kept = [u["message"]["message_id"] for kind, _, u in updates if kind == "kept"]
    undone = [u["message"]["message_id"] for kind, _, u in updates if kind == "undone"]
    entries = {update["message"]["message_id"]: chat
               for kind, chat, update in updates if kind == "entry"}
    others = [chat for kind, chat, _ in updates if kind in ("question", "list")]
    moved = dict(_db_rows(db, "select owner_id, due_date from deadlines"))
    postponed = [chat for kind, chat, _ in updates if kind == "postpone"]
    week_later = (SEEDED_DUE + timedelta(days=7)).isoformat()
    flows = {chat: (step, json.loads(data)) for chat, step, data in _db_rows(
        db, "select chat_id, step, data from flows where flow = 'agreement'")}
    flow_chats = {chat: u["message"]["text"] for kind, chat, u in updates if kind == "flow_start"}
    asked = Counter(c for (c,) in _db_rows(db, "select chat_id from questions"))
    return {
        "updates": len(updates), "kills": kills, "fault_rate": fault_rate,
        "replayed_after_kills": replayed,
        "entries_expected": len(entries),
        "entries_lost": sum(1 for m in entries if not stored[m]),
        "entries_duplicated": sum(c - 1 for c in stored.values() if c > 1),
        "confirmations_lost": sum(1 for chat in entries.values() if not replies[chat]),
        "confirmations_duplicated": sum(replies[chat] - 1 for chat in entries.values()
                                        if replies[chat] > 1),
        "undo_wrong": sum(1 for m in kept if m in deleted or not stored[m])
        + sum(1 for m in undone if m not in deleted),
        "other_replies_lost": sum(1 for chat in others if not replies[chat]),
        "other_replies_duplicated": sum(replies[chat] - 1 for chat in others
                                        if replies[chat] > 1),
        "questions_duplicated": sum(c - 1 for c in asked.values() if c > 1),
        "postpones": len(postponed),
        "postpones_wrong": sum(1 for chat in postponed if moved.get(chat) != week_later),
        "flows": len(flow_chats),
        "flows_wrong": sum(1 for chat, command in flow_chats.items()
                           if not _flow_right(flows.get(chat), command)),
        "flow_replies_lost": sum(1 for chat in flow_chats if not replies[chat]),
        "failed_bot_api_calls": failed_sends, "lost_answers": lost_answers,
        "seconds": round(time.monotonic() - started, 1),
    }


def _flow_right(flow: tuple[str, dict] | None, command: str) -> bool:
    """/convenio Socio i, "memorando", "Objeto i": now asking for the signing date, with
    each answer on its own step (a replayed answer applied twice lands one step late)."""
    if flow is None:
        return False
    step, data = flow
    i = command.rsplit(" ", 1)[-1]
    return (step == "signed" and data.get("partner") == f"Socio {i}"
            and data.get("kind") == "mou" and data.get("object") == FLOW_OBJECT.format(i=i))


# ------------------------------------------------------------------ fuzz and outsiders


COMMANDS = ["/registrar", "/plazo", "/plazos", "/convenio", "/convenios", "/exportar",
            "/informe", "/resumen", "/actividades", "/editar", "/deshacer", "/recuperar",
            "/pregunta", "/guias", "/pendientes", "/cancelar", "/start", "/ayuda", "/lineas",
            "/xyz", "/registrar@enlace_ofai_bot", "/"]
PIECES = ["2", "²", "١٢", "99999999999999999999999", "-5", "0", "mañana", "32/13", "15/12",
          "el viernes a las 10", "línea 9", "#APC", "<b>", "&amp;", "&", "</i>", "🙂", "\u202e",
          "dependencia:", "| notas", "https://x.org", "@enlace_ofai_bot", "borradas", "todo",
          "2026-T3", "ayer", "que es aod", "\n\n", "  ", "x" * 300, "null", "' or 1=1 --"]
PREFIXES = ["act:", "kb:", "rem:", "kb:fb:", "kb:pick:", "kb:att:", "kb:sug:", "rem:d:",
            "rem:done:", "rem:pp:", "rem:del:", "rem:ag:", "rem:fu:", "act:rst:", "act:line:",
            "act:undo:", "zz:", "", "rem:list:", "kb:cat:", "kb:e:"]


def _fuzz_text(rnd: random.Random) -> str | None:
    if rnd.random() < 0.05:
        return None
    parts = [rnd.choice(COMMANDS)] if rnd.random() < 0.6 else []
    parts += [rnd.choice(PIECES) for _ in range(rnd.randint(0, 5))]
    text = " ".join(parts)
    if rnd.random() < 0.03:
        text = "palabra " * 700  # longer than a Telegram message
    return text


def _fuzz_data(rnd: random.Random) -> str:
    tail = ":".join(rnd.choice(["1", "2", "0", "x", "²", "99999999999999999999", "-1", "",
                                "20261215", "date", "l", "7", "plazos", "convenios", "🙂"])
                    for _ in range(rnd.randint(0, 4)))
    return (rnd.choice(PREFIXES) + tail)[:64]


def _fuzz_update(rnd: random.Random, users: list[int], groups: list[int]) -> dict[str, Any]:
    user = rnd.choice(users)
    chat = rnd.choice(groups) if rnd.random() < 0.3 else user
    if rnd.random() < 0.35:
        return callback(_fuzz_data(rnd), user_id=user, chat_id=chat,
                        message_id=rnd.randint(1, 50))
    update = message(_fuzz_text(rnd), user_id=user, chat_id=chat)
    roll = rnd.random()
    if roll < 0.08:
        update["edited_message"] = update.pop("message")
        update["edited_message"]["edit_date"] = update["edited_message"]["date"]
    elif roll < 0.12:
        del update["message"]["from"]
    elif roll < 0.18:
        update["message"]["photo"] = [{"file_id": "F", "file_unique_id": "f", "width": 1,
                                       "height": 1}]
    return update


async def _in_process(settings_kwargs: dict[str, Any], folder: Path, updates: list[dict],
                      seed_data: bool = False) -> tuple[FakeTelegram, Any, list[BaseException]]:
    """Feed ``updates`` to the real Application; return the recorder, services and errors."""
    from telegram import Update

    from bot.access import Person
    from bot.app import build_application
    from bot.config import Settings
    from bot.refusal import Refusal
    from bot.services import build_services
    from handlers import replies
    from tests.support.fake_telegram import RecordingRequest

    replies.RETRY_PAUSES = (0.0, 0.0, 0.0)
    settings = Settings(telegram={"token": TOKEN}, storage={"database": folder / "f.db"},
                        knowledge={"path": ROOT / "knowledge"},
                        office={"group_chat_id": OFFICE_GROUP},
                        # the group rate limit (20/min) would make the fuzz wait, not test
                        reminders={"group_messages_per_minute": 100_000}, **settings_kwargs)
    services = build_services(settings)
    if seed_data:
        staff = Person(STAFF_BASE, "Ana")
        services.activities.log("2 SECRETO-ACT reunión con APC", person=staff, chat_id=1,
                                message_id=1, guided=False)
        from datetime import date, datetime

        from bot.reminders.models import DeadlineDraft

        services.reminders.deadlines.add(
            DeadlineDraft(title="SECRETO-PLAZO", due_date=date(2099, 12, 15),
                          owner_id=staff.id), by=staff.id, by_name=staff.name,
            at=datetime.now(settings.office.tz))
    fake = FakeTelegram()
    application = build_application(services, request=RecordingRequest(fake))
    errors: list[BaseException] = []

    async def count(update: object, context: Any) -> None:
        if not isinstance(context.error, Refusal):  # an answer: handlers.common.on_error
            errors.append(context.error)

    application.add_error_handler(count)
    async with application:
        for update in updates:
            await application.process_update(Update.de_json(update, application.bot))
    return fake, services, errors


def run_fuzz(n: int, seed: int, folder: Path) -> dict[str, Any]:
    rnd = random.Random(seed)
    users = [ADMIN, STAFF_BASE, LIAISON_BASE, 555_555]
    groups = [OFFICE_GROUP, -100777]
    updates = [_fuzz_update(rnd, users, groups) for _ in range(n)]
    started = time.monotonic()
    fake, _, errors = asyncio.run(_in_process(
        {"access": {"admins": [ADMIN], "staff": [STAFF_BASE], "liaisons": [LIAISON_BASE]}},
        folder, updates))
    taps = {u["callback_query"]["id"] for u in updates if "callback_query" in u}
    answered = {str(c.params.get("callback_query_id")) for c in fake.sent("answerCallbackQuery")}
    kinds = Counter(type(e).__name__ for e in errors)
    return {"updates": n, "taps": len(taps), "taps_unanswered": len(taps - answered),
            "unhandled_exceptions": len(errors), "exception_kinds": dict(kinds),
            "seconds": round(time.monotonic() - started, 1)}


def run_outsiders(seed: int, folder: Path) -> dict[str, Any]:
    """A stranger, a revoked staff member (had entries, no longer in the config) and an
    unknown group try every command and button: no row written, no secret read."""
    rnd = random.Random(seed)
    stranger, revoked, unknown_group = 555_555, STAFF_BASE, -100777
    updates = []
    for user, chat in ((stranger, stranger), (revoked, revoked), (ADMIN, unknown_group),
                       (revoked, OFFICE_GROUP)):
        for command in COMMANDS:
            updates.append(message(f"{command} {rnd.choice(PIECES)}", user_id=user,
                                   chat_id=chat))
        for prefix in PREFIXES:
            updates.append(callback(prefix + "1:1", user_id=user, chat_id=chat))
        updates.append(message("que es aod", user_id=user, chat_id=chat))
    tables = ["activities", "deadlines", "agreements", "questions", "feedback",
              "flows"]

    async def scenario():
        return await _in_process({"access": {"admins": [ADMIN], "staff": [],
                                             "liaisons": [LIAISON_BASE]}},
                                 folder, [], seed_data=True)

    fake, services, _ = asyncio.run(scenario())
    before = {t: services.db[t].count for t in tables if services.db[t].exists()}
    fake2, services2, errors = asyncio.run(_in_process(
        {"access": {"admins": [ADMIN], "staff": [], "liaisons": [LIAISON_BASE]}},
        folder, updates))
    after = {t: services2.db[t].count for t in before}
    outsiders = {stranger, revoked, unknown_group, OFFICE_GROUP}
    secrets = [c for c in fake2.sent() if c.chat_id in outsiders and "SECRETO" in c.text]
    return {"updates": len(updates), "rows_written": sum(after[t] - before[t] for t in before),
            "secrets_read": len(secrets), "left_unknown_group":
                any(c.method == "leaveChat" and c.chat_id == unknown_group for c in fake2.calls),
            "unhandled_exceptions": len(errors)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=200)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--fault-rate", type=float, default=0.2)
    parser.add_argument("--fuzz", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", nargs="*",
                        default=["kill", "flaky", "timeouts", "fuzz", "outsiders"])
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for name in args.only:
            folder = base / name
            folder.mkdir()
            if name == "kill":
                results[name] = run_process_scenario(args.updates, args.kills, 0.0, args.seed,
                                                     folder)
            elif name == "flaky":
                results[name] = run_process_scenario(args.updates, 0, args.fault_rate,
                                                     args.seed, folder)
            elif name == "timeouts":
                results[name] = run_process_scenario(args.updates, 0, args.fault_rate,
                                                     args.seed, folder,
                                                     statuses=(500, 502, 429, 0))
            elif name == "fuzz":
                results[name] = run_fuzz(args.fuzz, args.seed, folder)
            elif name == "outsiders":
                results[name] = run_outsiders(args.seed, folder)
            print(f"{name}: {json.dumps(results[name], ensure_ascii=False)}", flush=True)


if __name__ == "__main__":
    main()
