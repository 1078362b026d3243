"""How every handler answers: one reply path (split, retried), one way to show a
:class:`bot.replies.Reply`, and one button dispatcher (:func:`answer_press`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings

from telegram import Chat, ForceReply, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError

from bot.refusal import Refusal
from bot.replies import Delivery, Pressed, Reply, Rows
from bot.sending import keyboard
from bot.texts import common as texts
from bot.textsplit import split_message

log = logging.getLogger(__name__)

#: Pauses between attempts at a reply Telegram did not take (5xx, timeout, 429).
RETRY_PAUSES = (0.3, 1.0, 2.0)
MAX_RETRY_AFTER = 30.0


class ReplyNotDelivered(Exception):
    """The handler's work is done (and committed); only its reply did not get through.

    The error handler sends ``pieces`` again instead of inviting the person to
    repeat what is already saved.
    """

    def __init__(self, chat_id: int, pieces: list[str], buttons: Rows | None,
                 cause: Exception) -> None:
        super().__init__(f"reply to {chat_id} not delivered: {cause}")
        self.chat_id, self.pieces, self.buttons, self.cause = chat_id, pieces, buttons, cause


async def reply(update: Update, text: str, buttons: Rows | None = None) -> Message:
    """Answer in the chat of ``update``, split at paragraphs; buttons go on the last piece.

    Every reply goes through here: split safely (:func:`bot.textsplit.split_message`)
    and retried a few times if Telegram fails; if it still fails,
    :class:`ReplyNotDelivered` says what is left to send.
    """
    chat = update.effective_chat
    assert chat is not None
    return await send_pieces(chat, split_message(text), buttons)


async def send_pieces(chat: Chat, pieces: list[str], buttons: Rows | None) -> Message:
    message: Message | None = None
    for i, piece in enumerate(pieces):
        markup = keyboard(buttons) if i == len(pieces) - 1 else None
        try:
            message = await _send_retrying(chat, piece, markup)
        except (NetworkError, RetryAfter) as exc:
            raise ReplyNotDelivered(chat.id, pieces[i:], buttons, exc) from exc
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


async def answer_press(update: Update, pressed: Pressed) -> None:
    """The one button dispatcher: deliver ``pressed`` as :class:`bot.replies.Pressed`
    says (toast, then the reply over or below the pressed message)."""
    query = update.callback_query
    assert query is not None
    toast_text = pressed.toast
    try:  # what was pressed is already stored: a lost toast must not hide the reply
        await query.answer(toast_text, show_alert=bool(toast_text and len(toast_text) > 40))
    except TelegramError as exc:
        log.warning("Could not answer a button press: %s", exc)
    message = query.message if isinstance(query.message, Message) else None
    answer = pressed.reply
    if pressed.delivery is Delivery.EDIT and answer is not None and message is not None:
        try:
            await message.edit_text(answer.text, reply_markup=keyboard(answer.buttons),
                                    disable_web_page_preview=True)
            return
        except TelegramError as error:
            if isinstance(error, BadRequest) and "not modified" in str(error).lower():
                return
            log.info("Could not edit the message (%s); sending a new one", error)
    elif message is not None and (pressed.redraw is not None or pressed.close_buttons):
        with contextlib.suppress(TelegramError):  # unchanged, too old to edit, or network
            if pressed.redraw is not None:
                await message.edit_text(pressed.redraw.text,
                                        reply_markup=keyboard(pressed.redraw.buttons),
                                        disable_web_page_preview=True)
            else:
                await message.edit_reply_markup(reply_markup=None)
    if answer is not None:
        await show(update, answer)


async def refuse(update: Update, error: Refusal) -> None:
    """Say what was wrong and how to fix it (the refusal's own Spanish message)."""
    await reply(update, str(error))


async def _send_retrying(chat: Chat, text: str, markup: InlineKeyboardMarkup | None) -> Message:
    """One piece; a 5xx, a timeout or a 429 is tried again after a pause (bounded)."""
    for pause in (*RETRY_PAUSES, None):
        try:
            return await chat.send_message(text, reply_markup=markup,
                                           disable_web_page_preview=True)
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            if pause is None or wait > MAX_RETRY_AFTER:
                raise
            await asyncio.sleep(wait)
        except NetworkError as exc:
            if pause is None:
                raise
            log.warning("Reply to %s failed (%s); trying again", chat.id, exc)
            await asyncio.sleep(pause)
    raise AssertionError("unreachable")


def retry_after_seconds(exc: RetryAfter) -> float:
    """Seconds Telegram asked to wait (PTB 22 is moving this attribute to a timedelta)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)
