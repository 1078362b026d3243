"""Activity log on Telegram: /registrar (quick or step by step), evidence and the log's
buttons. Lists and corrections are in :mod:`handlers.activity_lists`; the summary, the
CSV and the report in :mod:`handlers.activity_files`.

Each handler reads the update, calls one :class:`bot.activities.service.ActivityService`
method and sends what :mod:`bot.activities.render` makes of the result. The
service commits before it returns, so every confirmation is about stored data. A
:class:`bot.refusal.Refusal` (a line that does not exist, a date that cannot be read) is
not caught here: the error handler answers it once (:func:`handlers.common.on_error`).
"""

from __future__ import annotations

import logging

from telegram import Bot, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.access import Person
from bot.activities import render
from bot.activities.buttons import press
from bot.activities.models import Activity, Attached, Evidence, Logged, Step
from bot.activities.service import ActivityService
from bot.ids import parse_id
from bot.services import Services
from bot.texts import activities as texts
from bot.texts import common as common_texts
from handlers import activity_files, activity_lists, kit
from handlers.access import staff_only
from handlers.kit import Context, InProgress
from handlers.replies import answer_press, reply, show

log = logging.getLogger(__name__)

COMMANDS = texts.COMMANDS
REGISTRAR_CAPTION = r"^/registrar(?:@\w+)?(?:\s|$)"


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


def _is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE


# -- /registrar ---------------------------------------------------------------------------


@staff_only
async def registrar(update: Update, context: Context) -> None:
    """/registrar [línea] [fecha] texto [#aliados]; alone, it asks step by step."""
    service = context.services.activities
    message = update.effective_message
    chat = update.effective_chat
    person = kit.person(update)
    text = kit.args(message)
    evidence = [e for e in (evidence_of(message), _replied_evidence(message)) if e is not None]
    if update.edited_message is not None:
        followed = service.edited(text, person=person, chat_id=chat.id,
                                  message_id=message.message_id)
        if followed is not None:
            await show(update, render.edited_reply(followed.activity, service.lines,
                                                    from_message=True))
            return
    outcome = service.log(text, person=person, chat_id=chat.id,
                          message_id=message.message_id,
                          evidence=evidence, guided=_is_private(update),
                          sent_at=message.date)
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
    await show(update, render.outcome_reply(
        outcome, service.lines, evidence_minutes=service.settings.activities.evidence_minutes))


@staff_only
async def guided_text(update: Update, context: Context) -> None:
    """A message typed during a guided log: the line (a number) or what happened."""
    service = context.services.activities
    message = update.effective_message
    chat = update.effective_chat
    person = kit.person(update)
    guided = service.guided
    draft = guided.draft_of(chat.id, person.id)
    if draft is None:
        return
    text = (message.text or message.caption or "").strip()
    evidence = evidence_of(message)
    if draft.step == "line":
        line = parse_id(text)
        if line is None:
            if evidence is not None:  # keep the photo; the line is still to choose
                draft = guided.give_evidence(evidence, person=person, chat_id=chat.id).draft
            await show(update, render.step_reply(Step(draft), service.lines))
            return
        outcome = guided.choose_line(person=person, chat_id=chat.id,
                                     origin=draft.origin_message_id, line=line,
                                     message_id=message.message_id)
    elif not text and evidence is not None:
        outcome = guided.give_evidence(evidence, person=person, chat_id=chat.id)
    else:
        outcome = guided.give_text(text, person=person, chat_id=chat.id,
                                   message_id=message.message_id,
                                   evidence=[evidence] if evidence else [],
                                   sent_at=message.date)
    await _show_outcome(update, service, outcome, context.bot)


@staff_only
async def cancel(update: Update, context: Context) -> None:
    """/cancelar during a log: nothing of it is stored."""
    context.services.activities.guided.cancel(chat_id=update.effective_chat.id,
                                    user_id=update.effective_user.id)
    await reply(update, common_texts.CANCELLED)


async def evidence_alone(update: Update, context: Context) -> None:
    """A photo, document or location with no command: evidence for the log just made."""
    service = context.services.activities
    user = update.effective_user
    if user is None or not service.can_log(Person(user.id)):
        if _is_private(update):  # a liaison's photo: say what the bot understands
            await reply(update, common_texts.MEDIA_NOT_UNDERSTOOD)
        return
    message = update.effective_message
    evidence = evidence_of(message)
    if evidence is None:
        return
    outcome = service.attach(evidence, person=kit.person(update), chat_id=update.effective_chat.id)
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
async def button(update: Update, context: Context) -> None:
    query = update.callback_query
    service = context.services.activities
    pressed = press(service, query.data or "", kit.person(update), update.effective_chat.id)
    await answer_press(update, pressed)
    await keep_photos(context.bot, service, pressed.saved)


def _in_guided_log(services: Services, chat_id: int, user_id: int) -> bool:
    """A step-by-step log open in that chat (not a quick one waiting for its line)."""
    draft = services.activities.guided.draft_of(chat_id, user_id)
    return draft is not None and draft.mode == "guided"


def register(application: Application) -> None:
    new_only = filters.UpdateType.MESSAGE
    media = filters.PHOTO | filters.Document.ALL | filters.VIDEO | filters.LOCATION
    registrar_caption = filters.CaptionRegex(REGISTRAR_CAPTION)
    in_guided_log = InProgress(application, "in_guided_log", _in_guided_log)
    has_draft = InProgress(application, "has_activity_draft",
                           lambda services, chat, user: services.activities.guided.draft_of(
                               chat, user) is not None)
    application.add_handler(CommandHandler("registrar", registrar))
    application.add_handler(MessageHandler(media & registrar_caption, registrar))
    application.add_handler(CommandHandler("cancelar", cancel, filters=has_draft))
    application.add_handler(MessageHandler(
        new_only & in_guided_log & ((filters.TEXT & ~filters.COMMAND) | filters.CAPTION),
        guided_text))
    application.add_handler(MessageHandler(new_only & media & ~registrar_caption,
                                           evidence_alone))
    application.add_handler(CallbackQueryHandler(button, pattern=r"^act:"))
    activity_lists.register(application)
    activity_files.register(application)

