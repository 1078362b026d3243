"""The Telegram side of delivery: the transport the engine sends through, and the
clock that runs it. Wiring, like :mod:`bot.app`: only it and ``handlers/`` import this.

The JobQueue is only a clock. A repeating tick (``reminders.tick_seconds``) plus a
one-off wake-up at the exact time of the next reminder run the engine
(:mod:`bot.delivery.engine`), which decides everything else. Each request is
journaled in the outbox as it leaves and as Telegram answers
(:func:`_journal_requests`, :mod:`bot.delivery.outbox`).
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Sequence
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, ContextTypes
from telegram.request import BaseRequest

from bot.delivery.engine import (
    ChatMoved,
    Journal,
    RetryLater,
    Run,
    Sender,
    SendFailed,
    Unreachable,
)
from bot.replies import Rows
from bot.services import services_in

log = logging.getLogger(__name__)

SENDER_KEY = "reminder_sender"
RETRY_AFTER_WAITS = 2  # "429 retry after" answers the rate limiter waits out itself

# The journal of the message being sent by the current task, for the request wrapper.
_SENDING: ContextVar[Journal | None] = ContextVar("message_being_sent", default=None)


def keyboard(rows: Sequence[Sequence[tuple[str, str]]] | None) -> InlineKeyboardMarkup | None:
    """Inline keyboard from rows of (label, callback_data)."""
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def _journal_requests(request: BaseRequest) -> None:
    """Record each journaled message's HTTP request as it happens.

    Wraps ``request.do_request`` (the one call that goes to the network, made after
    the rate limiter let it through): just before it, the delivery is written as
    ``sending``; on a 200 answer as ``sent``, on any other answer or an error the
    row is removed so the pair is owed again. Other requests pass through untouched.
    """
    if getattr(request, "_enlace_journal", False):
        return
    original = request.do_request

    async def do_request(*args: Any, **kwargs: Any) -> tuple[int, bytes]:
        journal = _SENDING.get()
        url = kwargs.get("url", args[0] if args else "")
        if journal is None or not str(url).endswith("/sendMessage"):
            return await original(*args, **kwargs)
        journal.begin()
        try:
            status, payload = await original(*args, **kwargs)
        except BaseException:
            journal.retract()
            raise
        if status == 200:
            journal.accepted()
        else:
            journal.retract()
        return status, payload

    request.do_request = do_request  # type: ignore[method-assign]
    request._enlace_journal = True  # type: ignore[attr-defined]


class TelegramTransport:
    """Sends one message through PTB, and says what Telegram's answer means."""

    def __init__(self, application: Application) -> None:
        self.bot = application.bot
        _journal_requests(self.bot.request)

    async def send(self, chat_id: int, text: str, buttons: Rows, *,
                   journal: Journal | None = None) -> int:
        token = _SENDING.set(journal)
        try:
            message = await self.bot.send_message(
                chat_id, text, reply_markup=keyboard(buttons), disable_web_page_preview=True,
                rate_limit_args=RETRY_AFTER_WAITS)
        except RetryAfter as exc:
            raise RetryLater(_retry_after(exc)) from exc
        except ChatMigrated as exc:
            raise ChatMoved(exc.new_chat_id) from exc
        except (Forbidden, BadRequest) as exc:
            raise Unreachable(str(exc)) from exc
        except TelegramError as exc:  # 5xx, timeouts, connection errors
            raise SendFailed(str(exc)) from exc
        finally:
            _SENDING.reset(token)
        return message.message_id


def _retry_after(exc: RetryAfter) -> float:
    """Seconds Telegram asked to wait (PTB 22 is moving this attribute to a timedelta)."""
    value = getattr(exc, "_retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class ReminderSender:
    """Runs the delivery engine on PTB's JobQueue."""

    def __init__(self, application: Application) -> None:
        self.application = application
        services = services_in(application.bot_data)
        settings = services.settings
        self.engine = Sender(services.reminders.delivery, TelegramTransport(application),
                             admins=settings.access.admins,
                             tick_seconds=settings.reminders.tick_seconds)
        self.lock = asyncio.Lock()
        self.sent = 0

    def start(self) -> None:
        queue = self.application.job_queue
        assert queue is not None, "python-telegram-bot[job-queue] is required"
        queue.run_repeating(self._job, interval=self.engine.tick_seconds, first=0,
                            name="reminders-tick", job_kwargs={"max_instances": 5})

    async def _job(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self.tick()

    async def tick(self) -> int:
        """Send everything owed now; returns how many messages went out."""
        if self.lock.locked():
            return 0
        async with self.lock:
            run: Run = await self.engine.run()
        self.sent += run.sent
        if run.retry_in is not None:
            self._once("reminders-retry", max(run.retry_in, 0.5))
        self.reschedule()
        return run.sent

    def reschedule(self) -> None:
        """A one-off wake-up at the exact time of the next reminder."""
        wake = self.engine.owed.next_wakeup()
        if wake is not None:
            self._once("reminders-next", wake)

    def _once(self, name: str, when: float | datetime) -> None:
        queue = self.application.job_queue
        if queue is None or not queue.scheduler.running:
            return
        for job in queue.get_jobs_by_name(name):
            job.schedule_removal()
        queue.run_once(self._job, when=when, name=name,
                       job_kwargs={"max_instances": 5, "misfire_grace_time": None})


def wake(application: Application) -> None:
    """Data changed: let the sender recompute its next exact wake-up."""
    sender = application.bot_data.get(SENDER_KEY)
    if isinstance(sender, ReminderSender):
        sender.reschedule()


async def start_reminders(application: Application) -> None:
    """Start the clock: an immediate first tick sends what fell due while the bot was down."""
    sender = ReminderSender(application)
    application.bot_data[SENDER_KEY] = sender
    sender.engine.owed.settle_interrupted()
    sender.start()
    log.info("Reminders started (check every %s s)", sender.engine.tick_seconds)
