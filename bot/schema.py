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
    every time (:mod:`bot.reminders.plan`), and ``reminder_deliveries`` says
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
def m007_line_learning(db: Database) -> None:
    """What the line chooser learns from: how each entry's line was set
    (``line_source``: typed | chosen | guessed | corrected | given), the two likeliest
    lines a waiting quick log offers first (``activity_drafts.candidates``), and the
    vectors of texts already embedded (``text_vectors``, by model and text hash) so a
    restart does not embed every activity again."""
    db["activities"].add_column("line_source", str)
    db["activity_drafts"].add_column("candidates", str)
    db["text_vectors"].create(
        {"model": str, "key": str, "vector": bytes},
        pk=("model", "key"),
    )
