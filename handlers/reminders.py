"""Deadlines, agreements and reminders on Telegram: /plazo, /plazos, /convenio, /convenios
and their buttons.

Every decision (what a text means, what is owed, what a message says) is made
by :class:`bot.reminders.service.ReminderService`; this module reads updates and
sends what the service returns. Reminders are delivered by :mod:`bot.sending`.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import ForceReply, Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.access import Person
from bot.reminders.service import ReminderService
from bot.replies import Reply
from bot.sending import keyboard, start_reminders, wake
from bot.texts import common as common_texts
from bot.texts import reminders as texts
from handlers.replies import reply, services_of

log = logging.getLogger(__name__)

COMMANDS = [
    ("plazo", "Anotar una fecha límite (ej. /plazo Informe al concejo el 15/12)"),
    ("plazos", "Ver los plazos abiertos, del más próximo al más lejano"),
    ("convenio", "Registrar un convenio o memorando, paso a paso"),
    ("convenios", "Ver convenios, vencimientos y seguimientos"),
]

def _service(context: ContextTypes.DEFAULT_TYPE) -> ReminderService:
    return services_of(context).reminders


def _person(update: Update) -> Person:
    user = update.effective_user
    assert user is not None
    return Person(id=user.id, name=user.full_name)


def _args(message: Message) -> str:
    text = message.text or ""
    parts = text.split(None, 1)
    return parts[1] if len(parts) > 1 else ""


async def _show(update: Update, answer: Reply) -> None:
    """Send ``answer``; a question in a group asks for a reply so the bot can see it."""
    if not answer.text:
        return
    chat = update.effective_chat
    user = update.effective_user
    in_group = chat is not None and chat.type != ChatType.PRIVATE
    if answer.prompt and in_group and user is not None:
        # Privacy mode only lets the bot see replies to it: ask the person (named, so
        # the selective reply box opens for them alone) to answer this message.
        if not answer.buttons:
            await chat.send_message(f"{user.mention_html()}: {answer.text}",
                                    reply_markup=ForceReply(selective=True),
                                    disable_web_page_preview=True)
            return
        await reply(update, f"{user.mention_html()}: {answer.text}\n{texts.REPLY_HINT}",
                    answer.buttons)
        return
    await reply(update, answer.text, answer.buttons)


def _wake(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Data changed: let the sender recompute its next exact wake-up."""
    wake(context.application)


# ----------------------------------------------------------------------------- commands


async def plazo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/plazo [título y fecha]: echo what was understood, with buttons, before saving."""
    message = update.effective_message
    text, owner = _owner_hint(message)
    answer = _service(context).new_deadline(
        _person(update), chat_id=update.effective_chat.id, text=text,
        origin=f"{message.chat_id}:{message.message_id}", owner=owner)
    await _show(update, answer)


def _owner_hint(message: Message) -> tuple[str, Person | None]:
    """The command's text, and its owner when named: replying to someone's message, or a
    mention of a person without username (Telegram then sends who it is)."""
    text = _args(message)
    for entity, value in message.parse_entities([MessageEntity.TEXT_MENTION]).items():
        if entity.user is not None and not entity.user.is_bot:
            return text.replace(value, " ").strip(), Person(entity.user.id,
                                                            entity.user.full_name)
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and not replied.from_user.is_bot:
        return text, Person(replied.from_user.id, replied.from_user.full_name)
    return text, None


async def plazos(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _show(update, _service(context).listing("plazos", _person(update)))


async def convenio(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    answer = _service(context).new_agreement(
        _person(update), chat_id=update.effective_chat.id, text=_args(message),
        origin=f"{message.chat_id}:{message.message_id}")
    await _show(update, answer)


async def convenios(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _show(update, _service(context).listing("convenios", _person(update)))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/cancelar during /plazo or /convenio: nothing of it is stored."""
    _service(context).cancel(_person(update), update.effective_chat.id)
    await reply(update, common_texts.CANCELLED)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Text typed as the answer to one of the flow's questions."""
    message = update.effective_message
    answer = _service(context).on_text(_person(update), update.effective_chat.id,
                                      message.text or "")
    if answer is not None:
        await _show(update, answer)
        _wake(context)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    message = query.message
    chat_id = message.chat.id if message is not None else query.from_user.id
    person = Person(query.from_user.id, query.from_user.full_name)
    answer = _service(context).on_button(person, query.data or "", chat_id=chat_id)
    try:  # what was pressed is already stored: a lost toast must not hide the reply
        await query.answer(answer.toast, show_alert=bool(answer.toast and len(answer.toast) > 40))
    except TelegramError as exc:
        log.warning("Could not answer a button press: %s", exc)
    if isinstance(message, Message):  # the message whose button was pressed
        with contextlib.suppress(TelegramError):  # unchanged, too old to edit, or network
            if answer.refresh is not None:  # a list: show it again, up to date
                fresh = _service(context).listing(answer.refresh, person)
                await message.edit_text(fresh.text, reply_markup=keyboard(fresh.buttons),
                                        disable_web_page_preview=True)
            elif answer.close_buttons:
                await message.edit_reply_markup(reply_markup=None)
    await _show(update, answer)
    _wake(context)


class _AwaitingText(filters.MessageFilter):
    """True for a message from someone whose /plazo or /convenio waits for typed text."""

    def __init__(self, application: Application) -> None:
        super().__init__(name="awaiting_reminder_text")
        self.application = application

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        service: ReminderService = self.application.bot_data["services"].reminders
        return service.awaiting_text(message.chat.id, message.from_user.id)


class _HasDraft(_AwaitingText):
    """True for a message from someone with a /plazo or /convenio open (for /cancelar)."""

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        service: ReminderService = self.application.bot_data["services"].reminders
        return service.has_draft(message.chat.id, message.from_user.id)


def register(application: Application) -> None:
    new_only = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("plazo", plazo, filters=new_only))
    application.add_handler(CommandHandler("plazos", plazos, filters=new_only))
    application.add_handler(CommandHandler("convenio", convenio, filters=new_only))
    application.add_handler(CommandHandler("convenios", convenios, filters=new_only))
    application.add_handler(CommandHandler("cancelar", cancel, filters=_HasDraft(application)))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^rem:"))
    application.add_handler(MessageHandler(
        new_only & filters.TEXT & ~filters.COMMAND & _AwaitingText(application), on_text))


async def on_startup(application: Application) -> None:
    await start_reminders(application)
