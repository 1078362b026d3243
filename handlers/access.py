"""The door: by chat (private chats and the office groups only) and by person.

The bot leaves any other group after one polite line; an update with no person
behind it (no ``from``, an anonymous admin, a channel, another bot) goes no
further; people who are not in the config get a polite refusal with their id.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from bot import access
from bot.chats import AllowedChats
from bot.config import AccessSettings
from bot.delivery.chats import ChatMoves
from bot.ids import is_forged_payload
from bot.replies import toast
from bot.texts import common as texts
from handlers.kit import Context
from handlers.replies import reply

log = logging.getLogger(__name__)

COMMANDS: list[tuple[str, str]] = []

Handler = Callable[[Update, Context], Awaitable[object]]


async def guard(update: Update, context: Context) -> None:
    """Stop updates from other groups and unknown people before any feature sees them."""
    services = context.services
    chat = update.effective_chat
    if (chat is not None and chat.type != ChatType.PRIVATE
            and not _group_allowed(update, context)):
        await _leave(update, context)
        raise ApplicationHandlerStop
    if update.my_chat_member is not None:  # added to or removed from an office group
        raise ApplicationHandlerStop
    user = update.effective_user
    message = update.effective_message
    no_person = (user is None or user.is_bot
                 or (message is not None and message.sender_chat is not None))
    if no_person:
        await _answer_quietly(update)
        raise ApplicationHandlerStop
    query = update.callback_query
    if query is not None and is_forged_payload(query.data or ""):
        with contextlib.suppress(TelegramError):
            await query.answer(texts.EXPIRED_BUTTON)
        raise ApplicationHandlerStop
    if access.can_ask(user.id, services.settings.access):
        return
    await _answer_quietly(update)
    if chat is not None and chat.type == ChatType.PRIVATE:
        await reply(update, texts.UNKNOWN_USER.format(
            office=services.settings.office.name, user_id=user.id))
    raise ApplicationHandlerStop


def _group_allowed(update: Update, context: Context) -> bool:
    services = context.services
    chat = update.effective_chat
    known = AllowedChats(services.db)
    if access.allowed_group(chat.id, services.settings, known.ids()):
        return True
    message = update.effective_message
    old = message.migrate_from_chat_id if message is not None else None
    if old is not None and access.allowed_group(old, services.settings, known.ids()):
        log.warning("Office group %s became supergroup %s; staying there", old, chat.id)
        known.add(chat.id, f"migrated from {old}")
        ChatMoves(services.db).record(old, chat.id, at=services.now())  # reminders follow
        return True
    return False


async def _leave(update: Update, context: Context) -> None:
    """One polite line, then out; a group that removed the bot gets nothing."""
    chat = update.effective_chat
    member = update.my_chat_member
    if member is not None and member.new_chat_member.status in (
            ChatMemberStatus.LEFT, ChatMemberStatus.BANNED):
        return
    await _answer_quietly(update)
    log.info("Leaving group %s: not an office group", chat.id)
    with contextlib.suppress(TelegramError):
        await chat.send_message(texts.GROUP_NOT_ALLOWED.format(
            office=context.services.settings.office.name))
    with contextlib.suppress(TelegramError):
        await chat.leave()


async def _answer_quietly(update: Update) -> None:
    """A tapped button always stops spinning, even when nothing else happens."""
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()


def requires(allowed: Callable[[int, AccessSettings], bool],
             refusal: Callable[[int | None], str]) -> Callable[[Handler], Handler]:
    """The one access check, declared on the handler: it runs only for users ``allowed``
    lets through; others get ``refusal`` (as the button's answer, for a button)."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def wrapper(update: Update, context: Context) -> object:
            user = update.effective_user
            if user is not None and allowed(user.id, context.services.settings.access):
                return await handler(update, context)
            text = refusal(user.id if user else None)
            if update.callback_query is not None:
                await update.callback_query.answer(toast(text), show_alert=True)
                return None
            await reply(update, text)
            return None

        return wrapper

    return decorate


#: Staff and admins only; others are told their id, to ask the office for access.
staff_only = requires(access.can_log,
                           lambda user_id: texts.STAFF_ONLY.format(user_id=user_id or "?"))
#: Admins only.
admin_only = requires(access.is_admin, lambda user_id: texts.ADMIN_ONLY)
#: A role given in the config (liaison or more): reading deadlines and agreements.
known_only = requires(access.can_read,
                           lambda user_id: texts.KNOWN_ONLY.format(user_id=user_id or "?"))


def private_only(handler: Handler) -> Handler:
    """Exports, reports and activity lists: sent in the private chat only, never to a group
    where outside partners may read them."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> object:
        chat = update.effective_chat
        if chat is not None and chat.type == ChatType.PRIVATE:
            return await handler(update, context)
        await _answer_quietly(update)
        await reply(update, texts.PRIVATE_ONLY)
        return None

    return wrapper


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, guard), group=-1)
