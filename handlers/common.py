"""/start, /ayuda and the error handler."""

from __future__ import annotations

import html
import logging

from telegram import Update
from telegram.ext import Application, CommandHandler

from bot.access import Role, role_of
from bot.texts import common as texts
from handlers.kit import Context
from handlers.replies import reply

log = logging.getLogger(__name__)

COMMANDS = [
    ("start", "Empezar y ver qué puedo hacer"),
    ("ayuda", "Qué hago, con ejemplos"),
]


def _for_role(update: Update, context: Context, text: str, staff: str,
              admin: str) -> str:
    """``text``, plus what staff and admins may also do, for the person who asked."""
    user = update.effective_user
    role = role_of(user.id if user else None, context.services.settings.access)
    if role >= Role.STAFF:
        text += staff
    if role is Role.ADMIN:
        text += admin
    return text


async def start(update: Update, context: Context) -> None:
    name = html.escape(update.effective_user.first_name if update.effective_user else "")
    office = html.escape(context.services.settings.office.name)
    welcome = texts.WELCOME.format(name=name, office=office)
    await reply(update, _for_role(update, context, welcome, texts.WELCOME_STAFF,
                                  texts.WELCOME_ADMIN))


async def help_command(update: Update, context: Context) -> None:
    await reply(update, _for_role(update, context, texts.HELP, texts.HELP_STAFF,
                                  texts.HELP_ADMIN))


async def on_error(update: object, context: Context) -> None:
    """Log the traceback; tell the person, without internals, that it failed."""
    log.error("Error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await update.effective_chat.send_message(texts.ERROR)
        except Exception:  # the network may be what failed
            log.warning("Could not tell the user about the error")


def register(application: Application) -> None:
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("ayuda", help_command))
    application.add_handler(CommandHandler("help", help_command))
