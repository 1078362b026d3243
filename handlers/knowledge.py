"""Questions and answers: /pregunta, free text, /guias, buttons, /pendientes."""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.inbox import INBOX_KEY
from bot.knowledge.qa import Answer
from bot.knowledge.service import KnowledgeService
from bot.texts import knowledge as texts
from handlers.access import admin_only
from handlers.kit import Context
from handlers.replies import answer_press, reply, show

COMMANDS = texts.COMMANDS


async def _answer(update: Update, context: Context, question: str) -> None:
    service = KnowledgeService(context.services)
    user = update.effective_user
    user_id = user.id if user else None
    chat_id = update.effective_chat.id if update.effective_chat else None
    asked: list[Answer] = []

    def record() -> int:
        asked.append(service.ask(question, user_id=user_id, chat_id=chat_id,
                                 user_name=user.full_name if user else ""))
        return asked[0].question_id or 0

    inbox = context.application.bot_data.get(INBOX_KEY)
    if inbox is None:
        record()
        answer = asked[0]
    else:  # the same message handled again after a crash is recorded once
        question_id, first = inbox.once("question", record)
        answer = asked[0] if first else service.asked_again(question, question_id,
                                                            user_id=user_id, chat_id=chat_id)
    await show(update, service.reply(answer))


async def ask_command(update: Update, context: Context) -> None:
    """/pregunta <texto>."""
    question = " ".join(context.args or []).strip()
    if not question:
        await reply(update, texts.EMPTY_QUESTION)
        return
    await _answer(update, context, question)


async def private_text(update: Update, context: Context) -> None:
    """In private chat any plain text is a question."""
    await _answer(update, context, update.effective_message.text or "")


async def group_text(update: Update, context: Context) -> None:
    """In groups, only messages that mention the bot or reply to it are questions."""
    message = update.effective_message
    username = context.bot.username or ""
    text = message.text or ""
    mention = f"@{username}".lower()
    replied_to_bot = (message.reply_to_message is not None
                      and message.reply_to_message.from_user is not None
                      and message.reply_to_message.from_user.id == context.bot.id)
    if mention not in text.lower() and not replied_to_bot:
        return
    question = re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE).strip()
    if question:
        await _answer(update, context, question)


async def guides(update: Update, context: Context) -> None:
    """/guias: the categories, as buttons."""
    await show(update, KnowledgeService(context.services).guides())


@admin_only
async def pending(update: Update, context: Context) -> None:
    """/pendientes: what Enlace could not answer, most asked first."""
    await show(update, KnowledgeService(context.services).pending())


async def on_button(update: Update, context: Context) -> None:
    """Every ``kb:`` button: open an entry or category, pick, rate, attach."""
    query = update.callback_query
    await answer_press(update, KnowledgeService(context.services).press(query.data or "",
                                                                         query.from_user.id))


def register(application: Application) -> None:
    application.add_handler(CommandHandler("pregunta", ask_command))
    application.add_handler(CommandHandler("guias", guides))
    application.add_handler(CommandHandler("pendientes", pending))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^kb:"))
    new_only = filters.UpdateType.MESSAGE  # an edit is not a new question (handlers.fallback)
    application.add_handler(MessageHandler(
        new_only & filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, private_text))
    application.add_handler(MessageHandler(
        new_only & filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS, group_text))
