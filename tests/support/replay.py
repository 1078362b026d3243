"""Handle one update twice, as the start-up replay does after a crash that struck between
its effects and "done" (the inbox row left unfinished)."""

from __future__ import annotations

from telegram import Update


async def twice(app, services, update: dict) -> None:
    """Handle ``update``, "crash" before it is marked done, and handle it again."""
    parsed = Update.de_json(update, app.bot)
    inbox = app.bot_data["inbox"]
    inbox.receive(parsed.update_id, parsed.to_dict())
    await app.update_processor.process_update(parsed, app.process_update(parsed))
    with services.db.conn:  # the crash: effects committed, "done" never written
        services.db.execute("update inbox set done_at = null where update_id = ?",
                            [parsed.update_id])
    parsed = Update.de_json(update, app.bot)
    await app.update_processor.process_update(parsed, app.process_update(parsed))
    assert inbox.is_done(parsed.update_id)
