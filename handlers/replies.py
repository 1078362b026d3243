"""Small helpers every handler uses to reach the services and answer."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import ForceReply, Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.refusal import Refusal
from bot.replies import Reply
from bot.sending import keyboard
from bot.services import Services, services_in
from bot.texts import common as texts
from bot.textsplit import split_message

Buttons = Sequence[Sequence[tuple[str, str]]]


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The services, for handlers not yet on :class:`handlers.kit.Context` (``.services``)."""
    return services_in(context.application.bot_data)


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


async def show(update: Update, answer: Reply) -> None:
    """Send ``answer`` (nothing when it has no text); a question in a group asks for a
    reply, so the bot can see the answer."""
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


async def refuse(update: Update, error: Refusal) -> None:
    """Say what was wrong and how to fix it (the refusal's own Spanish message)."""
    await reply(update, str(error))
