"""What every handler uses: the typed context that carries the services, who is acting,
the text after a command, and a filter for "this person has something in progress"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from telegram import Message, Update
from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, filters

from bot.access import Person
from bot.services import Services, services_in


class Context(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """PTB's context with the services every handler calls (instead of ``bot_data``)."""

    @property
    def services(self) -> Services:
        return services_in(self.application.bot_data)


#: Given to ``ApplicationBuilder.context_types`` so every handler receives a :class:`Context`.
CONTEXT_TYPES = ContextTypes(context=Context)


def person(update: Update) -> Person:
    """Who sent the update (handlers run only for updates that have a sender)."""
    user = update.effective_user
    assert user is not None
    return Person(id=user.id, name=user.full_name)


def args(message: Message) -> str:
    """Everything after the command, line breaks kept (a caption counts as text)."""
    text = message.text or message.caption or ""
    parts = text.split(None, 1)
    if parts and parts[0].startswith("/"):
        return parts[1] if len(parts) > 1 else ""
    return text


class InProgress(filters.MessageFilter):
    """True for a message whose sender has something in progress in that chat, as
    ``test(services, chat_id, user_id)`` says (a guided log, a /plazo waiting for text…);
    ``with_message_id``: ``test`` also takes the message id (to recognise a message it
    already took, handled again after a crash)."""

    def __init__(self, application: Application, name: str,
                 test: Callable[..., bool], *, with_message_id: bool = False) -> None:
        super().__init__(name=name)
        self.application = application
        self.test = test
        self.with_message_id = with_message_id

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        services = services_in(self.application.bot_data)
        if self.with_message_id:
            return self.test(services, message.chat.id, message.from_user.id,
                             message.message_id)
        return self.test(services, message.chat.id, message.from_user.id)
