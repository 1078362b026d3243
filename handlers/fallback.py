"""Last resort replies: /cancelar with nothing in progress, commands nobody knows, edited
messages, what the bot can not read, and buttons nobody else answered.

Registered after every feature, so a feature's own /cancelar (active only while
that person has something in progress) always answers first.
"""

from __future__ import annotations

import contextlib
import html

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.texts import common as texts
from handlers.kit import Context
from handlers.replies import reply

COMMANDS = texts.FALLBACK_COMMANDS


async def nothing_to_cancel(update: Update, context: Context) -> None:
    await reply(update, texts.NOTHING_TO_CANCEL)


async def unknown_command(update: Update, context: Context) -> None:
    """A mistyped command in private chat ("/registar") gets pointed to /ayuda."""
    command = (update.effective_message.text or "").split()[0]
    await reply(update, texts.UNKNOWN_COMMAND.format(command=html.escape(command)))


async def edited(update: Update, context: Context) -> None:
    """An edit no feature follows (only /registrar's are): say it changes nothing."""
    await reply(update, texts.EDITED_IGNORED)


async def not_understood(update: Update, context: Context) -> None:
    """A photo, voice note or sticker in private: say what the bot reads."""
    await reply(update, texts.MEDIA_NOT_UNDERSTOOD)


async def unknown_button(update: Update, context: Context) -> None:
    """A button no feature knows (old, forged or from another version): stop the spinner."""
    with contextlib.suppress(TelegramError):
        await update.callback_query.answer(texts.EXPIRED_BUTTON)


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handler(CommandHandler("cancelar", nothing_to_cancel,
                                           filters=filters.UpdateType.MESSAGE))
    application.add_handler(MessageHandler(filters.UpdateType.EDITED_MESSAGE & private, edited))
    application.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & filters.COMMAND & private, unknown_command))
    application.add_handler(MessageHandler(
        filters.UpdateType.MESSAGE & private & ~filters.TEXT & ~filters.StatusUpdate.ALL,
        not_understood))
    application.add_handler(CallbackQueryHandler(unknown_button))
