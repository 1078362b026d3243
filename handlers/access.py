"""The door: people who are not in the config get a polite refusal with their id."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, ApplicationHandlerStop, TypeHandler

from bot import access
from bot.config import AccessSettings
from bot.replies import toast
from bot.texts import common as texts
from handlers.kit import Context
from handlers.replies import reply

COMMANDS: list[tuple[str, str]] = []

Handler = Callable[[Update, Context], Awaitable[object]]


async def guard(update: Update, context: Context) -> None:
    """Stop updates from unknown users before any feature sees them."""
    services = context.services
    user = update.effective_user
    if user is None or access.can_ask(user.id, services.settings.access):
        return
    chat = update.effective_chat
    if update.callback_query is not None:
        await update.callback_query.answer()
    if chat is not None and chat.type == ChatType.PRIVATE:
        await reply(update, texts.UNKNOWN_USER.format(
            office=services.settings.office.name, user_id=user.id))
    raise ApplicationHandlerStop


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


def register(application: Application) -> None:
    application.add_handler(TypeHandler(Update, guard), group=-1)
