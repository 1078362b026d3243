"""Deadlines for tests: stored directly, as if confirmed earlier."""

from __future__ import annotations

from datetime import date, time

from bot.reminders.models import DeadlineDraft
from bot.services import Services

STAFF_ID = 200  # as in tests/conftest.py


def add_deadline(services: Services, due: date, clock: time | None = None,
                 title: str = "Informe", owner: int | None = STAFF_ID,
                 by: int = STAFF_ID) -> int:
    deadline, _ = services.reminders.deadlines.add(
        DeadlineDraft(title=title, due_date=due, due_time=clock, owner_id=owner,
                      owner_name="Ana" if owner else ""),
        by=by, by_name="Ana", at=services.now())
    return deadline.id


def deadlines(services: Services) -> list[dict]:
    return list(services.db.query("SELECT * FROM deadlines ORDER BY id"))
