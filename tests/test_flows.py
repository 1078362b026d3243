"""The one flow engine: conversations in progress survive a restart and the upgrade that
moved them into the ``flows`` table."""

from __future__ import annotations

import json

import sqlite_utils

from bot.access import Person
from bot.db import open_database
from bot.flows import Conversations, Flow, Step
from bot.schema import migrations
from tests.conftest import STAFF_ID, send
from tests.support.chat import data_of, last
from tests.support.clock import NOW
from tests.support.updates import callback, message

ASK = Flow("ask", {"name": Step(answer=lambda data, text, now: {**data, "name": text},
                                then="done"), "done": Step()})
OTHER = Flow("other", {"x": Step(typed=True)})


def test_a_conversation_survives_a_restart_and_closes_once(tmp_path):
    path = tmp_path / "flows.db"
    talk = Conversations(open_database(path), [ASK], lambda: NOW)
    state, started = talk.start("ask", Person(STAFF_ID, "Ana"), chat_id=5, step="name",
                                data={}, origin="5:1")
    assert started
    again, started = talk.start("ask", Person(STAFF_ID, "Ana"), chat_id=5, step="name",
                                data={}, origin="5:1")  # the same command redelivered
    assert (again.id, started) == (state.id, False)

    reborn = Conversations(open_database(path), [ASK], lambda: NOW)  # a restart
    waiting = reborn.waiting_for_text(5, STAFF_ID)
    assert waiting is not None and waiting.step == "name"
    reborn.go(waiting, "done", {"name": "GOAL"})
    assert reborn.waiting_for_text(5, STAFF_ID) is None  # "done" takes buttons only
    assert reborn.close(state.id, saved_id=7) and not reborn.close(state.id)  # once


def test_each_feature_cancels_only_its_own(tmp_path):
    db = open_database(tmp_path / "flows.db")
    mine = Conversations(db, [ASK], lambda: NOW)
    theirs = Conversations(db, [OTHER], lambda: NOW)
    ana = Person(STAFF_ID, "Ana")
    theirs.start("other", ana, chat_id=5, step="x", data={})
    mine.start("ask", ana, chat_id=5, step="name", data={})
    assert mine.cancel(5, STAFF_ID) == 1
    assert theirs.waiting_for_text(5, STAFF_ID) is not None


def test_drafts_of_the_old_tables_are_moved_into_flows(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    migrations.apply(db, stop_before="m005_chat_moves_and_flows")
    stamp = NOW.isoformat(timespec="seconds")
    db["reminder_drafts"].insert({
        "kind": "deadline", "chat_id": STAFF_ID, "user_id": STAFF_ID, "user_name": "Ana",
        "step": "due", "data": json.dumps({"title": "Informe al concejo"}),
        "created_at": stamp, "updated_at": stamp})
    db["activity_drafts"].insert({
        "chat_id": STAFF_ID, "user_id": STAFF_ID, "user_name": "Ana", "step": "text",
        "mode": "guided", "line": 3, "partners": "[]", "evidence": "[]",
        "origin_message_id": 40, "last_message_id": 40, "created_at": stamp,
        "updated_at": stamp})
    migrations.apply(db)
    rows = {row["flow"]: row for row in db["flows"].rows}
    assert set(rows) == {"deadline", "activity"}
    assert json.loads(rows["deadline"]["data"]) == {"title": "Informe al concejo"}
    assert json.loads(rows["activity"]["data"])["line"] == 3
    assert "reminder_drafts" not in db.table_names()
    assert "activity_drafts" not in db.table_names()


async def test_a_guided_log_and_a_deadline_flow_live_side_by_side(app, fake, services):
    await send(app, message("/registrar", user_id=STAFF_ID))
    await send(app, message("/plazo Informe al concejo el 15 de diciembre", user_id=STAFF_ID))
    card = last(fake)
    assert services.activities.guided.draft_of(STAFF_ID, STAFF_ID) is not None  # not closed
    await send(app, message("/cancelar", user_id=STAFF_ID))  # the activity log's, first
    assert services.activities.guided.draft_of(STAFF_ID, STAFF_ID) is None
    assert services.reminders.has_draft(STAFF_ID, STAFF_ID)
    await send(app, callback(data_of(card, "✅ Guardar"), user_id=STAFF_ID))
    assert services.db["deadlines"].count == 1
