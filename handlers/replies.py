"""Small helpers every handler uses to reach the services and answer."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Message, Update
from telegram.ext import ContextTypes

from bot.sending import keyboard
from bot.services import Services
from bot.textsplit import split_message

Buttons = Sequence[Sequence[tuple[str, str]]]


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    return context.application.bot_data["services"]


async def reply(update: Update, text: str, buttons: Buttons | None = None) -> Message:
    """Answer in the chat of ``update``, split at paragraphs; buttons go on the last piece."""
    chat = update.effective_chat
    assert chat is not None
    pieces = split_message(text)
    message: Message | None = None
    for i, piece in enumerate(pieces):
        markup = keyboard(buttons) if i == len(pieces) - 1 else None
        message = await chat.send_message(piece, reply_markup=markup,
                                          disable_web_page_preview=True)
    assert message is not None
    return message
