"""The SQL for the activity tables, kept next to the code that uses it.

:func:`bot.schema.m002_activities` calls :func:`create_tables` once; a released
migration is never edited, so a later schema change is a new migration that
adds to these tables, not an edit here.
"""

from __future__ import annotations

from sqlite_utils import Database


def create_tables(db: Database) -> None:
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
