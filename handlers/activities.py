"""Activity log on Telegram: /registrar (quick or step by step), evidence, /lineas,
/actividades, /editar, /deshacer, /recuperar, /resumen, /exportar, /informe.

Each handler reads the update, calls one :class:`bot.activities.service.ActivityService`
method and sends what :mod:`bot.activities.render` makes of the result. The
service commits before it returns, so every confirmation is about stored data.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import AsyncIterator

from telegram import Bot, InputFile, Message, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.access import Person
from bot.activities import render
from bot.activities.buttons import press
from bot.activities.chart import activity_chart
from bot.activities.models import Activity, Attached, EntryError, Evidence, Logged, Step
from bot.activities.service import ActivityService
from bot.texts import activities as texts
from bot.texts import common as common_texts
from handlers.access import admin_only, staff_only
from handlers.replies import keyboard, reply, services_of

log = logging.getLogger(__name__)

COMMANDS = [
    ("registrar", "Registrar una actividad (ej. /registrar 2 Reunión con APC)"),
    ("lineas", "Ver las líneas de acción"),
    ("actividades", "Ver las actividades registradas"),
    ("editar", "Corregir una actividad"),
    ("deshacer", "Eliminar su última actividad"),
    ("resumen", "Resumen y gráfico de un periodo"),
    ("exportar", "Descargar las actividades en CSV"),
    ("informe", "Borrador del informe de gestión (Word)"),
]

REGISTRAR_CAPTION = r"^/registrar(?:@\w+)?(?:\s|$)"
ACTION_EVERY = 4.5  # seconds; Telegram shows a chat action for about 5


def _service(context: ContextTypes.DEFAULT_TYPE) -> ActivityService:
    return services_of(context).activities


def _person(update: Update) -> Person:
    user = update.effective_user
    assert user is not None
    return Person(id=user.id, name=user.full_name)


def _args(message: Message) -> str:
    """Everything after the command, line breaks kept."""
    text = message.text or message.caption or ""
    parts = text.split(None, 1)
    if parts and parts[0].startswith("/"):
        return parts[1] if len(parts) > 1 else ""
    return text


def evidence_of(message: Message) -> Evidence | None:
    """The photo, document, video or location a message carries (Telegram's file id)."""
    if message.photo:
        return Evidence("photo", message.photo[-1].file_id, message.message_id)
    if message.document:
        return Evidence("document", message.document.file_id, message.message_id,
                        name=message.document.file_name)
    if message.video:
        return Evidence("video", message.video.file_id, message.message_id)
    if message.location:
        name = message.venue.title if message.venue else None
        return Evidence("location", None, message.message_id, name=name,
                        latitude=message.location.latitude,
                        longitude=message.location.longitude)
    return None


def _replied_evidence(message: Message) -> Evidence | None:
    """``/registrar …`` sent as a reply to one's own photo: that photo is the evidence."""
    original = message.reply_to_message
    if original is None or original.from_user is None or message.from_user is None:
        return None
    if original.from_user.id != message.from_user.id:
        return None
    return evidence_of(original)


async def _show(update: Update, shown: render.Reply) -> None:
    await reply(update, shown.text, shown.buttons)


async def _refuse(update: Update, error: EntryError) -> None:
    await reply(update, str(error))


def _is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


# -- /registrar ---------------------------------------------------------------------------


@staff_only
async def registrar(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/registrar [línea] [fecha] texto [#aliados]; alone, it asks step by step."""
    service = _service(context)
    message = update.effective_message
    chat = update.effective_chat
    person = _person(update)
    text = _args(message)
    evidence = [e for e in (evidence_of(message), _replied_evidence(message)) if e is not None]
    try:
        if update.edited_message is not None:
            followed = service.edited(text, person=person, chat_id=chat.id,
                                      message_id=message.message_id)
            if followed is not None:
                await _show(update, render.edited_reply(followed.activity, service.lines,
                                                        from_message=True))
                return
        outcome = service.log(text, person=person, chat_id=chat.id,
                              message_id=message.message_id,
                              evidence=evidence, guided=_is_private(update),
                              sent_at=message.date)
    except EntryError as error:
        await _refuse(update, error)
        return
    await _show_outcome(update, service, outcome, context.bot)


async def keep_photos(bot: Bot, service: ActivityService, activity: Activity | None) -> None:
    """Download the activity's evidence photos once (getFile) so the informe can show them;
    a failed download only leaves the photo out of the informe."""
    for file_id in service.photos_to_keep(activity) if activity is not None else []:
        try:
            content = await (await bot.get_file(file_id)).download_as_bytearray()
        except (TelegramError, RuntimeError) as error:
            log.warning("Could not download evidence photo of #%s: %s", activity.id, error)
            continue
        service.keep_photo(activity.id, file_id, bytes(content))  # ~100 KB: a quick write


async def _show_outcome(update: Update, service: ActivityService,
                        outcome: Logged | Step | Attached, bot: Bot | None = None) -> None:
    if bot is not None and isinstance(outcome, Logged | Attached):
        await keep_photos(bot, service, outcome.activity)
    if isinstance(outcome, Logged):
        await _show(update, render.logged_reply(
            outcome, service.lines, evidence_minutes=service.settings.activities.evidence_minutes))
    elif isinstance(outcome, Step):
        await _show(update, render.step_reply(outcome, service.lines))
    else:
        await _show(update, render.attached_reply(outcome))


class _InGuidedLog(filters.MessageFilter):
    """True for a message from someone with a step-by-step log open in that chat."""

    def __init__(self, application: Application) -> None:
        super().__init__(name="in_guided_log")
        self.application = application

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        service: ActivityService = self.application.bot_data["services"].activities
        draft = service.guided.draft_of(message.chat.id, message.from_user.id)
        return draft is not None and draft.mode == "guided"


class _HasDraft(filters.MessageFilter):
    """True for a message from someone with any log waiting in that chat (for /cancelar)."""

    def __init__(self, application: Application) -> None:
        super().__init__(name="has_activity_draft")
        self.application = application

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        service: ActivityService = self.application.bot_data["services"].activities
        return service.guided.draft_of(message.chat.id, message.from_user.id) is not None


@staff_only
async def guided_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A message typed during a guided log: the line (a number) or what happened."""
    service = _service(context)
    message = update.effective_message
    chat = update.effective_chat
    person = _person(update)
    guided = service.guided
    draft = guided.draft_of(chat.id, person.id)
    if draft is None:
        return
    text = (message.text or message.caption or "").strip()
    evidence = evidence_of(message)
    try:
        if draft.step == "line":
            if not text.isdigit():
                if evidence is not None:  # keep the photo; the line is still to choose
                    draft = guided.give_evidence(evidence, person=person, chat_id=chat.id).draft
                await _show(update, render.step_reply(Step(draft), service.lines))
                return
            outcome = guided.choose_line(person=person, chat_id=chat.id,
                                         origin=draft.origin_message_id, line=int(text),
                                         message_id=message.message_id)
        elif not text and evidence is not None:
            outcome = guided.give_evidence(evidence, person=person, chat_id=chat.id)
        else:
            outcome = guided.give_text(text, person=person, chat_id=chat.id,
                                       message_id=message.message_id,
                                       evidence=[evidence] if evidence else [],
                                       sent_at=message.date)
    except EntryError as error:
        await _refuse(update, error)
        return
    await _show_outcome(update, service, outcome, context.bot)


@staff_only
async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/cancelar during a log: nothing of it is stored."""
    _service(context).guided.cancel(chat_id=update.effective_chat.id,
                                    user_id=update.effective_user.id)
    await reply(update, common_texts.CANCELLED)


async def evidence_alone(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo, document or location with no command: evidence for the log just made."""
    service = _service(context)
    user = update.effective_user
    if user is None or not service.can_log(Person(user.id)):
        return
    message = update.effective_message
    evidence = evidence_of(message)
    if evidence is None:
        return
    outcome = service.attach(evidence, person=_person(update), chat_id=update.effective_chat.id)
    if outcome is None:
        if _is_private(update):
            await reply(update, texts.EVIDENCE_NOWHERE.format(
                minutes=service.settings.activities.evidence_minutes))
        return
    if isinstance(outcome, Step) and outcome.repeated:
        return
    await _show_outcome(update, service, outcome, context.bot)


# -- buttons --------------------------------------------------------------------------------


@staff_only
async def button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    service = _service(context)
    pressed = press(service, query.data or "", _person(update), update.effective_chat.id)
    await query.answer(pressed.toast)
    await keep_photos(context.bot, service, pressed.saved)
    if pressed.reply is None:
        return
    markup = keyboard(pressed.reply.buttons)
    try:
        await query.edit_message_text(pressed.reply.text, reply_markup=markup,
                                      disable_web_page_preview=True)
    except TelegramError as error:
        if isinstance(error, BadRequest) and "not modified" in str(error).lower():
            return
        log.info("Could not edit the message (%s); sending a new one", error)
        await _show(update, pressed.reply)


# -- lists, edits, undo ---------------------------------------------------------------------


async def lines(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _show(update, render.lines_reply(_service(context).lines))


@staff_only
async def activities(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    service = _service(context)
    person = _person(update)
    try:
        listing = service.recent(_args(update.effective_message), person)
    except EntryError as error:
        await _refuse(update, error)
        return
    await _show(update, render.listing_reply(listing, service.lines,
                                             is_admin=service.is_admin(person)))


@staff_only
async def edit(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    service = _service(context)
    args = _args(update.effective_message)
    if not args.strip():
        await reply(update, texts.EDIT_HELP)
        return
    try:
        activity = service.edit(args, _person(update))
    except EntryError as error:
        await _refuse(update, error)
        return
    await _show(update, render.edited_reply(activity, service.lines))


@staff_only
async def undo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    service = _service(context)
    person = _person(update)
    try:
        activity = service.undo_last(person)
    except EntryError as error:
        await _refuse(update, error)
        return
    await _show(update, render.deleted_reply(activity, changed=True,
                                             is_admin=service.is_admin(person)))


@admin_only
async def restore(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/recuperar 42 (admins): bring back a deleted entry."""
    service = _service(context)
    args = _args(update.effective_message).strip().lstrip("#")
    if not args.isdigit():
        await reply(update, texts.RESTORE_HOW)
        return
    try:
        activity, changed = service.restore(int(args), _person(update))
    except EntryError as error:
        await _refuse(update, error)
        return
    await _show(update, render.restored_reply(activity, service.lines, changed=changed))


# -- summary, export, report --------------------------------------------------------------


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
async def summary(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/resumen [periodo]: counts by line, person and partner, and the bar chart."""
    service = _service(context)
    try:
        period = service.period(_args(update.effective_message))
    except EntryError as error:
        await _refuse(update, error)
        return
    counted = service.summary(period)
    await _show(update, render.summary_reply(counted, today=service.now().date()))
    if not counted.total:
        return
    async with chat_action(update, ChatAction.UPLOAD_PHOTO):
        png = await asyncio.to_thread(activity_chart, counted)
    await update.effective_chat.send_photo(
        InputFile(io.BytesIO(png), filename=f"actividades-{period.slug}.png"),
        caption=texts.CHART_CAPTION.format(period=period.label))


@staff_only
async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/exportar [periodo] [borradas]: every field, CSV (admins may include deleted ones)."""
    service = _service(context)
    person = _person(update)
    args = _args(update.effective_message)
    include_deleted = any(w in args.lower() for w in ("borradas", "eliminadas"))
    for word in ("borradas", "eliminadas", "con"):
        args = " ".join(w for w in args.split() if w.lower() != word)
    if include_deleted and not service.is_admin(person):
        await reply(update, texts.DELETED_ADMIN_ONLY)
        return
    try:
        period = service.period(args)
    except EntryError as error:
        await _refuse(update, error)
        return
    name, data, count = service.export(period, include_deleted=include_deleted)
    if not count:
        await reply(update, texts.EXPORT_EMPTY.format(period=period.label))
        return
    async with chat_action(update, ChatAction.UPLOAD_DOCUMENT):
        await update.effective_chat.send_document(
            InputFile(io.BytesIO(data), filename=name),
            caption=texts.EXPORT_CAPTION.format(count=count, period=period.label))


@staff_only
async def report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/informe [trimestre]: the DOCX draft; by default the last complete quarter."""
    service = _service(context)
    try:
        job = service.report_job(_args(update.effective_message))
    except EntryError as error:
        await _refuse(update, error)
        return
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
    new_only = filters.UpdateType.MESSAGE
    media = filters.PHOTO | filters.Document.ALL | filters.VIDEO | filters.LOCATION
    registrar_caption = filters.CaptionRegex(REGISTRAR_CAPTION)
    in_guided_log = _InGuidedLog(application)
    application.add_handler(CommandHandler("registrar", registrar))
    application.add_handler(MessageHandler(media & registrar_caption, registrar))
    application.add_handler(CommandHandler("cancelar", cancel, filters=_HasDraft(application)))
    application.add_handler(MessageHandler(
        new_only & in_guided_log & ((filters.TEXT & ~filters.COMMAND) | filters.CAPTION),
        guided_text))
    application.add_handler(MessageHandler(new_only & media & ~registrar_caption,
                                           evidence_alone))
    application.add_handler(CallbackQueryHandler(button, pattern=r"^act:"))
    for name, callback in [("lineas", lines), ("actividades", activities), ("editar", edit),
                           ("deshacer", undo), ("recuperar", restore), ("resumen", summary),
                           ("exportar", export), ("informe", report)]:
        application.add_handler(CommandHandler(name, callback, filters=new_only))

