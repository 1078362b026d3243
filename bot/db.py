"""The one SQLite database Enlace keeps, opened through sqlite-utils.

WAL lets a reader (``enlace report`` from a terminal) work while the bot
writes; foreign keys are on so an entry can not point at something deleted.
The bot uses one connection from the event-loop thread only.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import sqlite_utils

from bot.schema import migrations


def open_database(path: Path | str) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` and bring its schema up to date.

    ``":memory:"`` gives a throw-away database, for tests and the console.
    """
    if str(path) == ":memory:":
        db = sqlite_utils.Database(memory=True)
    else:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite_utils.Database(path)
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    migrations.apply(db)
    return db


def stamp(moment: datetime) -> str:
    """How moments are stored: ISO 8601 to the second, with the UTC offset."""
    return moment.isoformat(timespec="seconds")
