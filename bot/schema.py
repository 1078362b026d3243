"""The database schema, as numbered migrations (sqlite-utils ``Migrations``).

A migration, once released, is never edited: change the schema by adding the
next number. They run in order at start-up (:func:`bot.db.open_database`).
Timestamps are ISO 8601 strings with their UTC offset.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("enlace")


@migrations()
def m001_questions(db: Database) -> None:
    """Questions asked, their outcome, feedback, and phrasings added by admins."""
    db["questions"].create(
        {
            "id": int,
            "asked_at": str,
            "user_id": int,
            "user_name": str,
            "chat_id": int,
            "text": str,
            "normalized": str,
            "outcome": str,  # answer | clarify | none
            "entry_id": str,
            "confidence": float,
            "resolved_entry_id": str,  # set when an admin attaches it to an entry
        },
        pk="id",
    )
    db["questions"].create_index(["outcome", "resolved_entry_id"])
    db["feedback"].create(
        {
            "id": int,
            "question_id": int,
            "entry_id": str,
            "user_id": int,
            "vote": int,  # +1 / -1
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("question_id", "questions", "id")],
    )
    db["feedback"].create_index(["question_id", "user_id"], unique=True)
    db["phrasings"].create(
        {
            "id": int,
            "entry_id": str,
            "text": str,
            "question_id": int,
            "added_by": int,
            "added_at": str,
        },
        pk="id",
    )
    db["phrasings"].create_index(["entry_id", "text"], unique=True)


@migrations()
def m002_activities(db: Database) -> None:
    """``activities`` (one row per entry, soft-deleted), ``activity_history`` (every
    earlier version of an entry), ``activity_drafts`` (guided logs in progress, so a
    restart does not lose them) and ``activity_targets`` (which entry a photo sent
    "right after" belongs to)."""
    db["activities"].create(
        {
            "id": int,
            "created_at": str,
            "updated_at": str,
            "day": str,  # YYYY-MM-DD, office time zone
            "line": int,
            "text": str,
            "partners": str,  # JSON list of names
            "department": str,
            "user_id": int,
            "user_name": str,
            "chat_id": int,
            "message_id": int,
            "evidence": str,  # JSON list of {kind, file_id, ...}
            "deleted_at": str,
            "deleted_by": int,
            "source": str,  # telegram | guided | service | cli
        },
        pk="id",
        not_null={"created_at", "day", "line", "text", "user_id"},
        defaults={"partners": "[]", "evidence": "[]", "source": "telegram", "user_name": ""},
    )
    # A message Telegram delivers twice must give one entry (NULLs never collide).
    db["activities"].create_index(["chat_id", "message_id"], unique=True)
    db["activities"].create_index(["day"])
    db["activities"].create_index(["user_id", "id"])
    db["activity_history"].create(
        {
            "id": int,
            "activity_id": int,
            "changed_at": str,
            "changed_by": int,
            "action": str,  # edit | delete | restore | evidence
            "before": str,  # JSON of the row before the change
        },
        pk="id",
        foreign_keys=[("activity_id", "activities", "id")],
    )
    db["activity_history"].create_index(["activity_id"])
    db["activity_drafts"].create(
        {
            "chat_id": int,
            "user_id": int,
            "user_name": str,
            "step": str,  # line | text | evidence | confirm
            "mode": str,  # guided | quick
            "line": int,
            "text": str,
            "day": str,
            "partners": str,
            "department": str,
            "evidence": str,
            "origin_message_id": int,
            "last_message_id": int,
            "created_at": str,
            "updated_at": str,
        },
        pk=("chat_id", "user_id"),
    )
    db["activity_targets"].create(
        {"chat_id": int, "user_id": int, "activity_id": int, "at": str},
        pk=("chat_id", "user_id"),
    )


@migrations()
def m003_reminders(db: Database) -> None:
    """Deadlines, agreements, follow-ups done, reminder deliveries and flow drafts.

    Only facts are stored: which reminders *should* exist is derived from them
    every time (:mod:`bot.delivery.plan`), and ``reminder_deliveries`` says
    which reminder, by its stable key, reached which chat; so the scheduler
    holds no state a crash could lose.
    """
    db["deadlines"].create(
        {
            "id": int,
            "title": str,
            "due_date": str,  # YYYY-MM-DD, office time zone
            "due_time": str,  # HH:MM or NULL (no hour given)
            "line": int,  # action line number or NULL
            "owner_id": int,  # Telegram user id; NULL when only a name is known
            "owner_name": str,
            "notes": str,
            "status": str,  # open | done | deleted
            "created_by": int,
            "created_by_name": str,
            "created_at": str,
            "updated_at": str,
            # When the current due date was set: reminders before it are not owed.
            "armed_at": str,
            "closed_at": str,
            "closed_by": int,
            "source": str,  # telegram | import
            "origin": str,  # "chat:message" of the command, so a redelivery saves once
        },
        pk="id",
        not_null={"title", "due_date", "status", "created_at", "armed_at"},
        defaults={"status": "open", "notes": "", "owner_name": "", "source": "telegram"},
    )
    db["deadlines"].create_index(["status", "due_date"])
    db["deadlines"].create_index(["origin"], unique=True)

    db["agreements"].create(
        {
            "id": int,
            "partner": str,
            "kind": str,  # mou | convenio | hermanamiento | carta | otro
            "object": str,
            "signed_on": str,  # YYYY-MM-DD or NULL
            "ends_on": str,  # YYYY-MM-DD or NULL
            "duration_months": int,  # as written ("2 años" = 24), when given
            "duration_days": int,
            "cadence": str,  # none | mensual | trimestral | semestral | anual
            "owner_id": int,
            "owner_name": str,
            "status": str,  # negociacion | vigente | vencido | terminado
            "notes": str,
            "created_by": int,
            "created_at": str,
            "updated_at": str,
            "armed_at": str,
            "deleted_at": str,
            "source": str,
            "origin": str,
        },
        pk="id",
        not_null={"partner", "kind", "cadence", "status", "created_at", "armed_at"},
        defaults={"object": "", "notes": "", "owner_name": "", "cadence": "none",
                  "source": "telegram"},
    )
    db["agreements"].create_index(["origin"], unique=True)

    db["agreement_followups"].create(
        {
            "id": int,
            "agreement_id": int,
            "period_on": str,  # the follow-up date this answers (YYYY-MM-DD)
            "done_at": str,
            "done_by": int,
            "done_by_name": str,
            "note": str,
            "activity_id": int,  # the activity logged for it, when the log exists
        },
        pk="id",
        foreign_keys=[("agreement_id", "agreements", "id")],
    )
    db["agreement_followups"].create_index(["agreement_id", "period_on"], unique=True)

    # One row per (reminder key, chat): written right after Telegram accepted the
    # message (status "sent"), or when it never can be ("undeliverable").
    db["reminder_deliveries"].create(
        {
            "key": str,
            "chat_id": int,
            "status": str,  # sent | undeliverable
            "at": str,
            "fire_at": str,
            "late": int,
            "message_id": int,
            "detail": str,
        },
        pk=("key", "chat_id"),
    )
    # Keys that fell due together with a newer one for the same thing (after a
    # downtime): only the newest is sent, these are recorded as covered by it.
    db["reminder_superseded"].create(
        {"key": str, "by_key": str, "at": str},
        pk="key",
    )
    db["reminder_meta"].create({"name": str, "value": str}, pk="name")

    # Guided flows in progress (/plazo, /convenio, postpone to a typed date):
    # kept on disk so a restart loses nothing and a double tap saves once.
    db["reminder_drafts"].create(
        {
            "id": int,
            "kind": str,  # deadline | agreement | postpone
            "chat_id": int,
            "user_id": int,
            "user_name": str,
            "step": str,  # the field awaiting text, or "confirm"
            "data": str,  # JSON
            "origin": str,
            "created_at": str,
            "updated_at": str,
            "closed_at": str,
            "saved_id": int,
        },
        pk="id",
        defaults={"data": "{}"},
    )
    db["reminder_drafts"].create_index(["chat_id", "user_id", "closed_at"])
    db["reminder_drafts"].create_index(["origin"], unique=True)


@migrations()
def m004_inbox(db: Database) -> None:
    """Every Telegram update, stored before Telegram is told it was received.

    ``done_at`` is set once its handler has returned (its effects committed);
    rows without it are handled again at start-up (:mod:`bot.inbox`).
    ``inbox_effects`` remembers what a not naturally idempotent handler did for an
    update. ``allowed_chats`` holds groups let in besides the configured ones: a
    configured group that Telegram upgraded to a supergroup (new id).
    """
    db["inbox"].create(
        {"update_id": int, "received_at": str, "payload": str, "done_at": str},
        pk="update_id",
    )
    db["inbox"].create_index(["done_at"])
    # Effects that are not idempotent by themselves (/deshacer takes "the latest"),
    # recorded by update right after they commit, so a replay does not repeat them.
    db["inbox_effects"].create(
        {"update_id": int, "key": str, "value": str},
        pk=("update_id", "key"),
    )
    db["allowed_chats"].create(
        {"chat_id": int, "reason": str, "since": str},
        pk="chat_id",
    )


@migrations()
def m005_chat_moves_and_flows(db: Database) -> None:
    """``chat_moves``: a group Telegram upgraded to a supergroup has a new id. The
    office group follows it here (overriding ``office.group_chat_id``), so reminders
    keep reaching it after a restart; ``announced_at`` says the admins were told.

    ``flows``: every step-by-step conversation in progress (:mod:`bot.flows`), of
    every feature, in one table. The guided logs of ``activity_drafts`` and the
    drafts of ``reminder_drafts`` are moved into it, and those tables dropped.
    """
    db["chat_moves"].create(
        {"old_chat_id": int, "new_chat_id": int, "moved_at": str, "announced_at": str},
        pk="old_chat_id",
    )
    db["flows"].create(
        {
            "id": int,
            "flow": str,  # deadline | agreement | postpone | … | activity | activity_quick
            "chat_id": int,
            "user_id": int,
            "user_name": str,
            "step": str,
            "data": str,  # JSON: what has been written so far
            "origin": str,  # "chat:message" that began it, so a redelivery continues it
            "created_at": str,
            "updated_at": str,
            "closed_at": str,
            "saved_id": int,  # what it saved, when it saved something
        },
        pk="id",
        not_null={"flow", "chat_id", "user_id", "step", "created_at", "updated_at"},
        defaults={"data": "{}", "user_name": ""},
    )
    db["flows"].create_index(["chat_id", "user_id", "closed_at"])
    db["flows"].create_index(["origin"], unique=True)
    db.execute(
        "INSERT INTO flows (flow, chat_id, user_id, user_name, step, data, origin, created_at, "
        "updated_at, closed_at, saved_id) SELECT kind, chat_id, user_id, COALESCE(user_name, ''), "
        "step, COALESCE(data, '{}'), origin, created_at, updated_at, closed_at, saved_id "
        "FROM reminder_drafts ORDER BY id")
    db.execute(
        "INSERT INTO flows (flow, chat_id, user_id, user_name, step, data, created_at, "
        "updated_at) SELECT CASE mode WHEN 'quick' THEN 'activity_quick' ELSE 'activity' END, "
        "chat_id, user_id, COALESCE(user_name, ''), step, json_object("
        "'mode', mode, 'origin_message_id', origin_message_id, "
        "'last_message_id', last_message_id, 'line', line, 'text', text, 'day', day, "
        "'partners', json(COALESCE(partners, '[]')), 'department', department, "
        "'evidence', json(COALESCE(evidence, '[]'))), created_at, updated_at "
        "FROM activity_drafts")
    db["reminder_drafts"].drop()
    db["activity_drafts"].drop()


@migrations()
def m006_embedding_cache(db: Database) -> None:
    """Vectors of knowledge texts (entries, phrasings), keyed by a hash of model and text.

    Embedding every phrasing takes the model about a minute; kept here, a
    restart only embeds what changed, so start-up stays under a second.
    """
    db["embeddings"].create(
        {
            "key": str,  # sha256 of model name, kind and text
            "model": str,
            "dim": int,
            "vector": bytes,  # float32, little-endian, L2-normalised
            "created_at": str,
        },
        pk="key",
    )


@migrations()
def m007_line_learning(db: Database) -> None:
    """What the line chooser learns from: how each entry's line was set
    (``line_source``: typed | chosen | guessed | corrected | given), the two likeliest
    lines a waiting quick log offers first (kept in its conversation's data, in
    ``flows``). The vectors of activity texts share ``embeddings`` (m006) with the
    knowledge search, so a restart does not embed every activity again."""
    db["activities"].add_column("line_source", str)
