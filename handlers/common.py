"""/start, /ayuda and the error handler (the one place refusals and failures are answered)."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, CommandHandler

from bot.access import Role, role_of
from bot.refusal import Refusal
from bot.sending import keyboard
from bot.texts import common as texts
from handlers.kit import Context
from handlers.replies import ReplyNotDelivered, refuse, reply

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
    """The one place a handler's failure becomes a message to the person.

    - A :class:`bot.refusal.Refusal` (bad input: an impossible date, an unknown line,
      someone else's entry) is the answer: its Spanish text, sent once, and nothing was
      stored. Handlers do not catch refusals themselves; they let them rise to here.
    - Never "try again" for something already saved: when only the reply was lost
      (:class:`ReplyNotDelivered`) it is sent again; when Telegram failed some other
      send, the person is told that what was to be saved is saved.

    PTB awaits this handler inside the update's own handling, so the inbox marks the
    update done after it (once), and a replay after a crash answers the same way.
    """
    error = context.error
    if isinstance(error, Refusal):
        await _refused(update, error, context)
        return
    if isinstance(error, ReplyNotDelivered):
        await _resend(error, context)
        return
    log.error("Error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        text = texts.ERROR_AFTER_SAVE if isinstance(error, TelegramError) else texts.ERROR
        try:
            await update.effective_chat.send_message(text)
        except Exception:  # the network may be what failed
            log.warning("Could not tell the user about the error")


async def _refused(update: object, error: Refusal, context: Context) -> None:
    """Say what was wrong and how to fix it; a pressed button also stops spinning."""
    if not isinstance(update, Update) or update.effective_chat is None:
        log.warning("Refusal with no chat to answer: %s", error)
        return
    log.info("Refused update %s: %s", update.update_id, error)
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):  # may be answered already
            await update.callback_query.answer()
    try:
        await refuse(update, error)
    except ReplyNotDelivered as lost:
        await _resend(lost, context)


async def _resend(error: ReplyNotDelivered, context: Context) -> None:
    """Send a lost reply again, after a pause; if that fails too, log it (work is saved)."""
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


def register(application: Application) -> None:
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CommandHandler("ayuda", help_command))
    application.add_handler(CommandHandler("help", help_command))
