"""Last resort replies: /cancelar with nothing in progress, and commands nobody knows.

Registered after every feature, so a feature's own /cancelar (active only while
that person has something in progress) always answers first.
"""

from __future__ import annotations

import html

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.texts import common as texts
from handlers.replies import reply

COMMANDS = [("cancelar", "Cancelar lo que esté en curso")]


async def nothing_to_cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await reply(update, texts.NOTHING_TO_CANCEL)


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A mistyped command in private chat ("/registar") gets pointed to /ayuda."""
    command = (update.effective_message.text or "").split()[0]
    await reply(update, texts.UNKNOWN_COMMAND.format(command=html.escape(command)))


async def unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A button no feature claims (an old or forged one): answered, so the client stops
    spinning, with a word on what to do."""
    await update.callback_query.answer(texts.EXPIRED_BUTTON)


def register(application: Application) -> None:
    application.add_handler(CommandHandler("cancelar", nothing_to_cancel))
    application.add_handler(MessageHandler(
        filters.COMMAND & filters.ChatType.PRIVATE, unknown_command))
    application.add_handler(CallbackQueryHandler(unknown_button))
