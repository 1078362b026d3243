"""Deadlines, agreements and reminders on Telegram: /plazo, /plazos, /convenio, /convenios,
their buttons, and the sender that delivers reminders.

Every decision (what a text means, what is owed, what a message says) is made
by :class:`bot.reminders.service.ReminderService`. This module reads updates,
sends what the service returns, and tells it what Telegram answered.

The sender: the JobQueue is only a clock. A repeating tick (``reminders.tick_seconds``)
plus a one-off wake-up at the exact time of the next reminder ask the service
which (reminder, chat) pairs are owed now and send them in order, group first.
Each request is journaled in the outbox as it leaves and as Telegram answers
(:func:`_journal_requests`, :mod:`bot.reminders.outbox`). On "429 retry after"
the rate limiter waits as asked (twice at most), then the tick stops and a
retry is scheduled after the wait; on a network error or a 5xx it retries with
a growing pause (never more than a tick); a permanent refusal (the owner never
opened a chat with the bot) is recorded so it is not retried forever.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from contextvars import ContextVar
from datetime import timedelta

from telegram import ForceReply, Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.access import Person
from bot.reminders.render import Shown
from bot.reminders.service import Outgoing, ReminderService
from bot.texts import common as common_texts
from bot.texts import reminders as texts
from handlers.access import known_only
from handlers.replies import keyboard, reply, services_of

log = logging.getLogger(__name__)

COMMANDS = [
    ("plazo", "Anotar una fecha límite (ej. /plazo Informe al concejo el 15/12)"),
    ("plazos", "Ver los plazos abiertos, del más próximo al más lejano"),
    ("convenio", "Registrar un convenio o memorando, paso a paso"),
    ("convenios", "Ver convenios, vencimientos y seguimientos"),
]

SENDER_KEY = "reminder_sender"
MAX_BACKOFF = 60.0
RETRY_AFTER_WAITS = 2


def _service(context: ContextTypes.DEFAULT_TYPE) -> ReminderService:
    return services_of(context).reminders


def _person(update: Update) -> Person:
    user = update.effective_user
    assert user is not None
    return Person(id=user.id, name=user.full_name)


def _args(message: Message) -> str:
    text = message.text or ""
    parts = text.split(None, 1)
    return parts[1] if len(parts) > 1 else ""


async def _show(update: Update, shown: Shown) -> None:
    """Send ``shown``; a question in a group asks for a reply so the bot can see it."""
    if not shown.text:
        return
    chat = update.effective_chat
    user = update.effective_user
    in_group = chat is not None and chat.type != ChatType.PRIVATE
    if shown.prompt and in_group and user is not None:
        # Privacy mode only lets the bot see replies to it: ask the person (named, so
        # the selective reply box opens for them alone) to answer this message.
        if not shown.buttons:
            await chat.send_message(f"{user.mention_html()}: {shown.text}",
                                    reply_markup=ForceReply(selective=True),
                                    disable_web_page_preview=True)
            return
        await reply(update, f"{user.mention_html()}: {shown.text}\n{texts.REPLY_HINT}",
                    shown.buttons)
        return
    await reply(update, shown.text, shown.buttons)


def _wake(context: ContextTypes.DEFAULT_TYPE) -> None:
    """Data changed: let the sender recompute its next exact wake-up."""
    sender = context.application.bot_data.get(SENDER_KEY)
    if sender is not None:
        sender.reschedule()


# ----------------------------------------------------------------------------- commands


async def plazo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/plazo [título y fecha]: echo what was understood, with buttons, before saving."""
    message = update.effective_message
    text, owner = _owner_hint(message)
    shown = _service(context).plazo(
        _person(update), chat_id=update.effective_chat.id, text=text,
        origin=f"{message.chat_id}:{message.message_id}", owner=owner)
    await _show(update, shown)


def _owner_hint(message: Message) -> tuple[str, Person | None]:
    """The command's text, and its owner when named: replying to someone's message, or a
    mention of a person without username (Telegram then sends who it is)."""
    text = _args(message)
    for entity, value in message.parse_entities([MessageEntity.TEXT_MENTION]).items():
        if entity.user is not None and not entity.user.is_bot:
            return text.replace(value, " ").strip(), Person(entity.user.id,
                                                            entity.user.full_name)
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and not replied.from_user.is_bot:
        return text, Person(replied.from_user.id, replied.from_user.full_name)
    return text, None


@known_only
async def plazos(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _show(update, _service(context).list_deadlines(_person(update)))


async def convenio(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    shown = _service(context).convenio(
        _person(update), chat_id=update.effective_chat.id, text=_args(message),
        origin=f"{message.chat_id}:{message.message_id}")
    await _show(update, shown)


@known_only
async def convenios(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _show(update, _service(context).list_agreements(_person(update)))


async def cancel(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/cancelar during /plazo or /convenio: nothing of it is stored."""
    _service(context).cancel(_person(update), update.effective_chat.id)
    await reply(update, common_texts.CANCELLED)


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Text typed as the answer to one of the flow's questions."""
    message = update.effective_message
    shown = _service(context).on_text(_person(update), update.effective_chat.id,
                                      message.text or "")
    if shown is not None:
        await _show(update, shown)
        _wake(context)


@known_only
async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    message = query.message
    chat_id = message.chat.id if message is not None else query.from_user.id
    person = Person(query.from_user.id, query.from_user.full_name)
    shown = _service(context).on_button(person, query.data or "", chat_id=chat_id)
    try:  # what was pressed is already stored: a lost toast must not hide the reply
        await query.answer(shown.toast, show_alert=bool(shown.toast and len(shown.toast) > 40))
    except TelegramError as exc:
        log.warning("Could not answer a button press: %s", exc)
    if isinstance(message, Message):  # the message whose button was pressed
        with contextlib.suppress(TelegramError):  # unchanged, too old to edit, or network
            if shown.refresh is not None:  # a list: show it again, up to date
                fresh = _service(context).listing(shown.refresh, person)
                await message.edit_text(fresh.text, reply_markup=keyboard(fresh.buttons),
                                        disable_web_page_preview=True)
            elif shown.close_buttons:
                await message.edit_reply_markup(reply_markup=None)
    await _show(update, shown)
    _wake(context)


class _AwaitingText(filters.MessageFilter):
    """True for a message from someone whose /plazo or /convenio waits for typed text."""

    def __init__(self, application: Application) -> None:
        super().__init__(name="awaiting_reminder_text")
        self.application = application

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        service: ReminderService = self.application.bot_data["services"].reminders
        return service.awaiting_text(message.chat.id, message.from_user.id)


class _HasDraft(_AwaitingText):
    """True for a message from someone with a /plazo or /convenio open (for /cancelar)."""

    def filter(self, message: Message) -> bool:
        if message.from_user is None:
            return False
        service: ReminderService = self.application.bot_data["services"].reminders
        return service.has_draft(message.chat.id, message.from_user.id)


def register(application: Application) -> None:
    new_only = filters.UpdateType.MESSAGE
    application.add_handler(CommandHandler("plazo", plazo, filters=new_only))
    application.add_handler(CommandHandler("plazos", plazos, filters=new_only))
    application.add_handler(CommandHandler("convenio", convenio, filters=new_only))
    application.add_handler(CommandHandler("convenios", convenios, filters=new_only))
    application.add_handler(CommandHandler("cancelar", cancel, filters=_HasDraft(application)))
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^rem:"))
    application.add_handler(MessageHandler(
        new_only & filters.TEXT & ~filters.COMMAND & _AwaitingText(application), on_text))


# ----------------------------------------------------------------------------- the sender


# The reminder being sent by the current task, for the request journal below.
_SENDING: ContextVar[tuple[ReminderService, Outgoing] | None] = ContextVar(
    "reminder_being_sent", default=None)


def _journal_requests(request: BaseRequest) -> None:
    """Record each reminder's HTTP request in the outbox as it happens.

    Wraps ``request.do_request`` (the one call that goes to the network, made after
    the rate limiter let it through): just before it, the delivery is written as
    ``sending``; on a 200 answer as ``sent``, on any other answer or an error the
    row is removed so the pair is owed again. Requests that are not reminders pass
    through untouched. See :mod:`bot.reminders.outbox` for why.
    """
    if getattr(request, "_enlace_journal", False):
        return
    original = request.do_request

    async def do_request(*args, **kwargs):
        current = _SENDING.get()
        url = kwargs.get("url", args[0] if args else "")
        if current is None or not str(url).endswith("/sendMessage"):
            return await original(*args, **kwargs)
        service, out = current
        service.begin(out)
        try:
            status, payload = await original(*args, **kwargs)
        except BaseException:
            service.retract(out)
            raise
        if status == 200:
            service.accepted(out)
        else:
            service.retract(out)
        return status, payload

    request.do_request = do_request  # type: ignore[method-assign]
    request._enlace_journal = True  # type: ignore[attr-defined]


class ReminderSender:
    """Delivers owed reminders; the database decides what is owed, this only sends."""

    def __init__(self, application: Application) -> None:
        self.application = application
        self.lock = asyncio.Lock()
        self.failures = 0
        self.sent = 0
        _journal_requests(application.bot.request)

    @property
    def service(self) -> ReminderService:
        return self.application.bot_data["services"].reminders

    def start(self) -> None:
        settings = self.service.settings.reminders
        queue = self.application.job_queue
        assert queue is not None, "python-telegram-bot[job-queue] is required"
        queue.run_repeating(self._job, interval=settings.tick_seconds, first=0,
                            name="reminders-tick", job_kwargs={"max_instances": 5})

    async def _job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.tick()

    async def tick(self) -> int:
        """Send everything owed now; returns how many messages went out."""
        if self.lock.locked():
            return 0
        async with self.lock:
            sent = await self._send_owed()
        self.reschedule()
        return sent

    async def _send_owed(self) -> int:
        service = self.service
        bot = self.application.bot
        sent = 0
        for out in service.outgoing():
            try:
                # The rate limiter waits out up to RETRY_AFTER_WAITS "429 retry after"
                # answers itself (holding back every other send meanwhile).
                token = _SENDING.set((service, out))
                try:
                    message = await bot.send_message(
                        out.chat_id, out.shown.text, reply_markup=keyboard(out.shown.buttons),
                        disable_web_page_preview=True, rate_limit_args=RETRY_AFTER_WAITS)
                finally:
                    _SENDING.reset(token)
            except RetryAfter as exc:
                wait = _retry_after(exc)
                log.warning("Telegram asked to wait %.0f s before sending reminders", wait)
                self._retry_in(wait + 0.5)
                return sent
            except (Forbidden, BadRequest) as exc:
                log.error("Reminder %s can never reach chat %s: %s", out.key, out.chat_id, exc)
                service.mark_undeliverable(out, str(exc))
                continue
            except (NetworkError, TelegramError) as exc:  # 5xx, timeouts, connection errors
                self.failures += 1
                wait = min(2.0 ** self.failures, MAX_BACKOFF,
                           service.settings.reminders.tick_seconds)
                log.warning("Reminder %s to %s not sent (%s); retrying in %.0f s", out.key,
                            out.chat_id, exc, wait)
                self._retry_in(wait)
                return sent
            service.mark_sent(out, message.message_id)
            self._sent(out)
            sent += 1
        self.failures = 0
        return sent

    def _sent(self, out: Outgoing) -> None:
        self.sent += 1
        late = " (late)" if out.delivery.late else ""
        log.info("Reminder %s sent to %s%s", out.key, out.chat_id, late)

    def reschedule(self) -> None:
        """A one-off wake-up at the exact time of the next reminder."""
        queue = self.application.job_queue
        if queue is None or not queue.scheduler.running:
            return
        wake = self.service.next_wakeup()
        for job in queue.get_jobs_by_name("reminders-next"):
            job.schedule_removal()
        if wake is not None:
            queue.run_once(self._job, when=wake, name="reminders-next",
                           job_kwargs={"max_instances": 5, "misfire_grace_time": None})

    def _retry_in(self, seconds: float) -> None:
        queue = self.application.job_queue
        if queue is None or not queue.scheduler.running:
            return
        for job in queue.get_jobs_by_name("reminders-retry"):
            job.schedule_removal()
        queue.run_once(self._job, when=max(seconds, 0.5), name="reminders-retry",
                       job_kwargs={"max_instances": 5, "misfire_grace_time": None})


def _retry_after(exc: RetryAfter) -> float:
    """Seconds Telegram asked to wait (PTB 22 is moving this attribute to a timedelta)."""
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


async def on_startup(application: Application) -> None:
    """Start the clock: an immediate first tick sends what fell due while the bot was down."""
    sender = ReminderSender(application)
    application.bot_data[SENDER_KEY] = sender
    sender.service.settle_interrupted()
    sender.start()
    log.info("Reminders started (check every %s s)",
             sender.service.settings.reminders.tick_seconds)
