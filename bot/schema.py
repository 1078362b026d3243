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
    """Activities logged against the action lines, their history, guided-log drafts."""
    from bot.activities.migration import create_tables

    create_tables(db)


@migrations()
def m003_reminders(db: Database) -> None:
    """Deadlines, agreements, follow-ups done, reminder deliveries and flow drafts."""
    from bot.reminders.migration import create_tables

    create_tables(db)
