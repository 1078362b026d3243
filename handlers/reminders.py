"""Deadlines, agreements and reminders on Telegram: /plazo, /plazos, /convenio, /convenios
and their buttons.

Every decision (what a text means, what is owed, what a message says) is made
by :class:`bot.reminders.service.ReminderService`; this module reads updates and
sends what the service returns. Reminders are delivered by :mod:`bot.sending`.
"""

from __future__ import annotations

import logging

from telegram import Message, MessageEntity, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import access
from bot.access import Person
from bot.sending import start_reminders, wake
from bot.texts import common as common_texts
from bot.texts import reminders as texts
from handlers import kit
from handlers.access import known_only, requires
from handlers.kit import Context, InProgress
from handlers.replies import answer_press, reply, show

log = logging.getLogger(__name__)

COMMANDS = texts.COMMANDS


#: Creating and changing deadlines and agreements: staff and admins (liaisons may read).
staff_only = requires(access.can_log, lambda user_id: texts.ACCESS_STAFF)


def _wake(context: Context) -> None:
    """Data changed: let the sender recompute its next exact wake-up."""
    wake(context.application)


# ----------------------------------------------------------------------------- commands


@staff_only
async def plazo(update: Update, context: Context) -> None:
    """/plazo [título y fecha]: echo what was understood, with buttons, before saving."""
    message = update.effective_message
    text, owner = _owner_hint(message)
    answer = context.services.reminders.new_deadline(
        kit.person(update), chat_id=update.effective_chat.id, text=text,
        origin=f"{message.chat_id}:{message.message_id}", owner=owner)
    await show(update, answer)


def _owner_hint(message: Message) -> tuple[str, Person | None]:
    """The command's text, and its owner when named: replying to someone's message, or a
    mention of a person without username (Telegram then sends who it is)."""
    text = kit.args(message)
    for entity, value in message.parse_entities([MessageEntity.TEXT_MENTION]).items():
        if entity.user is not None and not entity.user.is_bot:
            return text.replace(value, " ").strip(), Person(entity.user.id,
                                                            entity.user.full_name)
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and not replied.from_user.is_bot:
        return text, Person(replied.from_user.id, replied.from_user.full_name)
    return text, None


@known_only
async def plazos(update: Update, context: Context) -> None:
    await show(update, context.services.reminders.listing("plazos", kit.person(update)))


@staff_only
async def convenio(update: Update, context: Context) -> None:
    message = update.effective_message
    answer = context.services.reminders.new_agreement(
        kit.person(update), chat_id=update.effective_chat.id, text=kit.args(message),
        origin=f"{message.chat_id}:{message.message_id}")
    await show(update, answer)


@known_only
async def convenios(update: Update, context: Context) -> None:
    await show(update, context.services.reminders.listing("convenios", kit.person(update)))


async def cancel(update: Update, context: Context) -> None:
    """/cancelar during /plazo or /convenio: nothing of it is stored."""
    context.services.reminders.cancel(kit.person(update), update.effective_chat.id)
    await reply(update, common_texts.CANCELLED)


async def on_text(update: Update, context: Context) -> None:
    """Text typed as the answer to one of the flow's questions."""
    message = update.effective_message
    answer = context.services.reminders.on_text(kit.person(update), update.effective_chat.id,
                                                message.text or "",
                                                message_id=message.message_id)
    if answer is not None:
        await show(update, answer)
        _wake(context)


@staff_only
async def on_button(update: Update, context: Context) -> None:
    query = update.callback_query
    chat_id = query.message.chat.id if query.message is not None else query.from_user.id
    await answer_press(update, context.services.reminders.on_button(
        kit.person(update), query.data or "", chat_id=chat_id))
    _wake(context)


def register(application: Application) -> None:
    new_only = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("plazo", plazo, filters=new_only))
    application.add_handler(CommandHandler("plazos", plazos, filters=new_only))
    application.add_handler(CommandHandler("convenio", convenio, filters=new_only))
    application.add_handler(CommandHandler("convenios", convenios, filters=new_only))
    has_flow = InProgress(application, "has_reminder_flow",
                          lambda services, chat, user: services.reminders.has_draft(chat, user))
    awaits_text = InProgress(  # a replayed answer is still ours (and changes nothing)
        application, "awaiting_reminder_text",
        lambda services, chat, user, message_id: services.reminders.awaiting_message(
            chat, user, message_id), with_message_id=True)
    application.add_handler(CommandHandler("cancelar", cancel, filters=has_flow))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^rem:"))
    application.add_handler(MessageHandler(
        new_only & filters.TEXT & ~filters.COMMAND & awaits_text, on_text))


async def on_startup(application: Application) -> None:
    await start_reminders(application)
