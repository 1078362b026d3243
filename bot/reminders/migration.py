"""The SQL for the deadline, agreement and reminder tables.

:func:`bot.schema.m003_reminders` calls :func:`create_tables` once; a released
migration is never edited, so a later change is a new migration that alters
these tables, not an edit here.

Only facts are stored: deadlines, agreements, follow-ups done, and which
reminder (by its stable key) reached which chat. Which reminders *should*
exist is derived from the facts every time (:mod:`bot.reminders.plan`), so
the scheduler holds no state that a crash could lose.
"""

from __future__ import annotations

from sqlite_utils import Database


def create_tables(db: Database) -> None:
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
