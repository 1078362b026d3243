"""/start, /ayuda and the error handler."""

from __future__ import annotations

import asyncio
import html
import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler

from bot.access import Role, role_of
from bot.sending import keyboard
from bot.texts import common as texts
from handlers.kit import Context
from handlers.replies import ReplyNotDelivered, reply

log = logging.getLogger(__name__)

RESEND_AFTER = 2.0  # seconds before sending a lost reply again

COMMANDS = texts.COMMANDS


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
    """Log the traceback; tell the person, without internals, what happened.

    Never "try again" for something already saved: when only the reply was lost
    (:class:`ReplyNotDelivered`) it is sent again; when Telegram failed some other
    send, the person is told that what was to be saved is saved.
    """
    error = context.error
    if isinstance(error, ReplyNotDelivered):
        log.warning("%s; sending it again", error)
        await asyncio.sleep(RESEND_AFTER)
        try:
            last = len(error.pieces) - 1
            for i, piece in enumerate(error.pieces):
                await context.bot.send_message(
                    error.chat_id, piece, disable_web_page_preview=True,
                    reply_markup=keyboard(error.buttons) if i == last else None)
        except TelegramError:
            log.error("The reply to %s is lost; what it confirms is saved", error.chat_id)
        return
    log.error("Error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        text = texts.ERROR_AFTER_SAVE if isinstance(error, TelegramError) else texts.ERROR
        try:
            await update.effective_chat.send_message(text)
        except Exception:  # the network may be what failed
            log.warning("Could not tell the user about the error")


def register(application: Application) -> None:
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("ayuda", help_command))
    application.add_handler(CommandHandler("help", help_command))
