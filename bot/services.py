"""The core services, built once and shared by Telegram, the console, the CLI and tests.

Nothing here imports ``telegram``: handlers read an update, call one of these
services and format the reply.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlite_utils

from bot.activities.service import ActivityService
from bot.config import Settings
from bot.db import open_database
from bot.embeddings import Embedder, load_embedder
from bot.knowledge.qa import QuestionService
from bot.knowledge.store import KnowledgeBase, load_knowledge
from bot.reminders.service import ReminderService

log = logging.getLogger(__name__)

SERVICES_KEY = "services"  # where the Telegram application keeps them (``bot_data``)


def services_in(bot_data: Mapping[str, Any]) -> Services:
    """The services a Telegram application carries in its ``bot_data``."""
    return bot_data[SERVICES_KEY]


@dataclass
class Services:
    """Everything a handler may call. ``now`` is the office clock (tests replace it)."""

    settings: Settings
    db: sqlite_utils.Database
    knowledge: KnowledgeBase
    qa: QuestionService
    now: Callable[[], datetime] = field(default=lambda: datetime.now().astimezone())
    activities: ActivityService = field(default=None)  # type: ignore[assignment]
    reminders: ReminderService = field(default=None)  # type: ignore[assignment]

    def today(self):
        return self.now().date()


def _embedder(settings: Settings) -> Embedder | None:
    """The embedding model, unless the configuration turns it off (then say so once)."""
    if not settings.knowledge.semantic:
        log.info("knowledge.semantic is false: searching by words only")
        return None
    return load_embedder()


def build_services(
    settings: Settings,
    *,
    db: sqlite_utils.Database | None = None,
    now: Callable[[], datetime] | None = None,
    cache: sqlite_utils.Database | None = None,
) -> Services:
    """Open the database, load the knowledge base and wire the services together.

    ``cache`` keeps the embeddings of the knowledge base (default: the database).
    """
    tz = settings.office.tz
    clock = now or (lambda: datetime.now(tz))
    database = db if db is not None else open_database(settings.storage.database)
    knowledge = load_knowledge(settings.knowledge.path)
    qa = QuestionService(knowledge, database, now=clock, embedder=_embedder(settings),
                         cache=cache)
    services = Services(settings=settings, db=database, knowledge=knowledge, qa=qa, now=clock)
    services.activities = ActivityService(settings, database, now=clock)
    services.reminders = ReminderService(settings, database, now=clock,
                                         activities=services.activities)
    return services
