"""Activity lists and corrections on Telegram: /lineas, /actividades, /editar,
/deshacer, /recuperar.

A :class:`bot.refusal.Refusal` raised here (an unknown period, someone else's entry)
is answered once, by the error handler (:func:`handlers.common.on_error`)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.activities import render
from bot.ids import parse_id
from bot.inbox import INBOX_KEY
from bot.texts import activities as texts
from handlers import kit
from handlers.access import admin_only, private_only, staff_only
from handlers.kit import Context
from handlers.replies import reply, show


async def lines(update: Update, context: Context) -> None:
    await show(update, render.lines_reply(context.services.activities.lines))


@staff_only
@private_only
async def activities(update: Update, context: Context) -> None:
    service = context.services.activities
    person = kit.person(update)
    listing = service.recent(kit.args(update.effective_message), person)
    await show(update, render.listing_reply(listing, service.lines,
                                             is_admin=service.is_admin(person)))


@staff_only
async def edit(update: Update, context: Context) -> None:
    service = context.services.activities
    args = kit.args(update.effective_message)
    if not args.strip():
        await reply(update, texts.EDIT_HELP)
        return
    activity = service.edit(args, kit.person(update))
    await show(update, render.edited_reply(activity, service.lines))


@staff_only
async def undo(update: Update, context: Context) -> None:
    service = context.services.activities
    person = kit.person(update)
    inbox = context.application.bot_data.get(INBOX_KEY)
    # "the latest" is not idempotent: a replay after a crash must not undo another
    if inbox is None:
        activity, changed = service.undo_last(person), True
    else:
        activity_id, changed = inbox.once("undo", lambda: service.undo_last(person).id)
        activity = service.store.get(activity_id)
    await show(update, render.deleted_reply(activity, changed=changed,
                                             is_admin=service.is_admin(person)))


@admin_only
async def restore(update: Update, context: Context) -> None:
    """/recuperar 42 (admins): bring back a deleted entry."""
    service = context.services.activities
    number = parse_id(kit.args(update.effective_message).strip().lstrip("#"))
    if number is None:
        await reply(update, texts.RESTORE_HOW)
        return
    activity, changed = service.restore(number, kit.person(update))
    await show(update, render.restored_reply(activity, service.lines, changed=changed))


def register(application: Application) -> None:
    for name, callback in [("lineas", lines), ("actividades", activities), ("editar", edit),
                           ("deshacer", undo), ("recuperar", restore)]:
        application.add_handler(CommandHandler(name, callback, filters=filters.UpdateType.MESSAGE))
