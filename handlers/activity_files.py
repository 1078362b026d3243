"""The activity log's outputs on Telegram: /resumen (with its chart), /exportar (CSV)
and /informe (the Word draft), built off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import AsyncIterator

from telegram import InputFile, Update
from telegram.constants import ChatAction
from telegram.ext import Application, CommandHandler, filters

from bot.activities import render
from bot.activities.chart import activity_chart
from bot.texts import activities as texts
from handlers import kit
from handlers.access import private_only, staff_only
from handlers.kit import Context
from handlers.replies import reply, show

log = logging.getLogger(__name__)
ACTION_EVERY = 4.5  # seconds; Telegram shows a chat action for about 5


@contextlib.asynccontextmanager
async def chat_action(update: Update, action: str) -> AsyncIterator[None]:
    """Keep "subiendo documento…" (or another action) visible while the body runs."""
    chat = update.effective_chat

    async def keep_showing() -> None:
        while True:
            with contextlib.suppress(Exception):  # a lost chat action must not stop the work
                await chat.send_action(action)
            await asyncio.sleep(ACTION_EVERY)

    task = asyncio.create_task(keep_showing())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@staff_only
@private_only
async def summary(update: Update, context: Context) -> None:
    """/resumen [periodo]: counts by line, person and partner, and the bar chart."""
    service = context.services.activities
    period = service.period(kit.args(update.effective_message))
    counted = service.summary(period)
    await show(update, render.summary_reply(counted, today=service.now().date()))
    if not counted.total:
        return
    async with chat_action(update, ChatAction.UPLOAD_PHOTO):
        png = await asyncio.to_thread(activity_chart, counted)
    await update.effective_chat.send_photo(
        InputFile(io.BytesIO(png), filename=f"actividades-{period.slug}.png"),
        caption=texts.CHART_CAPTION.format(period=period.label))


@staff_only
@private_only
async def export(update: Update, context: Context) -> None:
    """/exportar [periodo] [borradas]: every field, CSV (admins may include deleted ones)."""
    service = context.services.activities
    person = kit.person(update)
    args = kit.args(update.effective_message)
    include_deleted = any(w in args.lower() for w in ("borradas", "eliminadas"))
    for word in ("borradas", "eliminadas", "con"):
        args = " ".join(w for w in args.split() if w.lower() != word)
    if include_deleted and not service.is_admin(person):
        await reply(update, texts.DELETED_ADMIN_ONLY)
        return
    period = service.period(args)
    name, data, count = service.export(period, include_deleted=include_deleted)
    if not count:
        await reply(update, texts.EXPORT_EMPTY.format(period=period.label))
        return
    async with chat_action(update, ChatAction.UPLOAD_DOCUMENT):
        await update.effective_chat.send_document(
            InputFile(io.BytesIO(data), filename=name),
            caption=texts.EXPORT_CAPTION.format(count=count, period=period.label))


@staff_only
@private_only
async def report(update: Update, context: Context) -> None:
    """/informe [trimestre]: the DOCX draft; by default the last complete quarter."""
    service = context.services.activities
    job = service.report_job(kit.args(update.effective_message))
    async with chat_action(update, ChatAction.UPLOAD_DOCUMENT):
        try:  # off the event loop: other people keep being answered meanwhile
            data, caption = await asyncio.to_thread(lambda: (job.build(),
                                                             render.report_caption(job)))
        except Exception:  # a broken draft must not look like "nothing happened"
            log.exception("Could not build the report for %s", job.summary.period.slug)
            await reply(update, texts.REPORT_FAILED)
            return
        await update.effective_chat.send_document(
            InputFile(io.BytesIO(data), filename=job.filename), caption=caption)


def register(application: Application) -> None:
    for name, callback in [("resumen", summary), ("exportar", export), ("informe", report)]:
        application.add_handler(CommandHandler(name, callback, filters=filters.UpdateType.MESSAGE))
