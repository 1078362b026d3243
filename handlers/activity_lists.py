"""Activity lists and corrections on Telegram: /lineas, /actividades, /editar,
/deshacer, /recuperar."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.activities import render
from bot.activities.models import EntryError
from bot.texts import activities as texts
from handlers import kit
from handlers.access import admin_only, staff_only
from handlers.kit import Context
from handlers.replies import refuse, reply, show


async def lines(update: Update, context: Context) -> None:
    await show(update, render.lines_reply(context.services.activities.lines))


@staff_only
async def activities(update: Update, context: Context) -> None:
    service = context.services.activities
    person = kit.person(update)
    try:
        listing = service.recent(kit.args(update.effective_message), person)
    except EntryError as error:
        await refuse(update, error)
        return
    await show(update, render.listing_reply(listing, service.lines,
                                             is_admin=service.is_admin(person)))


@staff_only
async def edit(update: Update, context: Context) -> None:
    service = context.services.activities
    args = kit.args(update.effective_message)
    if not args.strip():
        await reply(update, texts.EDIT_HELP)
        return
    try:
        activity = service.edit(args, kit.person(update))
    except EntryError as error:
        await refuse(update, error)
        return
    await show(update, render.edited_reply(activity, service.lines))


@staff_only
async def undo(update: Update, context: Context) -> None:
    service = context.services.activities
    person = kit.person(update)
    try:
        activity = service.undo_last(person)
    except EntryError as error:
        await refuse(update, error)
        return
    await show(update, render.deleted_reply(activity, changed=True,
                                             is_admin=service.is_admin(person)))


@admin_only
async def restore(update: Update, context: Context) -> None:
    """/recuperar 42 (admins): bring back a deleted entry."""
    service = context.services.activities
    args = kit.args(update.effective_message).strip().lstrip("#")
    if not args.isdigit():
        await reply(update, texts.RESTORE_HOW)
        return
    try:
        activity, changed = service.restore(int(args), kit.person(update))
    except EntryError as error:
        await refuse(update, error)
        return
    await show(update, render.restored_reply(activity, service.lines, changed=changed))


def register(application: Application) -> None:
    for name, callback in [("lineas", lines), ("actividades", activities), ("editar", edit),
                           ("deshacer", undo), ("recuperar", restore)]:
        application.add_handler(CommandHandler(name, callback, filters=filters.UpdateType.MESSAGE))
