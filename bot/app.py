"""Wiring of the Telegram application: the only core module that imports ``telegram``.

Each feature lives in a ``handlers`` module with ``COMMANDS`` (name and Spanish
description, sent with ``setMyCommands``) and ``register(application)``. The
order of :data:`FEATURES` matters: the catch-all question handler of
``handlers.knowledge`` comes after the features so their conversations see text
first, and ``handlers.fallback`` (unknown commands, idle /cancelar) is last.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from types import ModuleType
from typing import Any

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseUpdateProcessor,
    Defaults,
)
from telegram.request import BaseRequest

from bot.access import office_groups
from bot.config import Settings
from bot.inbox import CURRENT_UPDATE, INBOX_KEY, Inbox
from bot.logs import redact
from bot.services import SERVICES_KEY, Services
from bot.startup import Check
from handlers import access, activities, common, fallback, knowledge, reminders
from handlers.kit import CONTEXT_TYPES

log = logging.getLogger(__name__)

FEATURES: list[ModuleType] = [access, common, activities, reminders, knowledge, fallback]
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
#: Updates handled at the same time (different chats only; one chat is always in order).
CONCURRENT_UPDATES = 16


class DurableQueue(asyncio.Queue):
    """The application's update queue, committing each update to the inbox first.

    Both ways updates arrive put them here before telling Telegram: the polling
    loop moves the ``getUpdates`` offset past an update only after ``put``
    returned, and the webhook answers 200 only after ``put`` returned. An update
    already in the inbox (sent again after a crash) is not queued twice.
    """

    def __init__(self, inbox: Inbox) -> None:
        super().__init__()
        self.inbox = inbox

    async def put(self, item: object) -> None:
        if isinstance(item, Update) and not self.inbox.receive(item.update_id, item.to_dict()):
            log.info("Update %s already received; not queued again", item.update_id)
            return
        await super().put(item)

    async def put_stored(self, update: Update) -> None:
        """Queue an update that is already in the inbox (replay at start-up)."""
        await super().put(update)


def _order_key(update: object) -> object:
    """Updates with the same key are handled one after the other, in arrival order."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
        return ("update", update.update_id)
    return ("other", id(update))


class InboxUpdateProcessor(BaseUpdateProcessor):
    """Handles updates of different chats concurrently, of one chat in order, and marks
    each one done in the inbox once its handler returned (its effects are committed).

    A slow /informe in one chat no longer holds back everyone else's questions, while
    a guided log's steps in one chat are still seen in the order they were typed.
    """

    def __init__(self, inbox: Inbox, max_concurrent_updates: int = CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self.inbox = inbox
        self._locks: dict[object, asyncio.Lock] = {}
        self._waiting: dict[object, int] = {}

    async def process_update(  # type: ignore[override]  # the chat lock comes before the slot
        self, update: object, coroutine: Awaitable[Any],
    ) -> None:
        key = _order_key(update)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock, self._semaphore:
                await self.do_process_update(update, coroutine)
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await coroutine
            return
        if self.inbox.is_done(update.update_id):
            coroutine.close()  # type: ignore[attr-defined]
            return
        token = CURRENT_UPDATE.set(update.update_id)
        try:
            await coroutine
        finally:
            CURRENT_UPDATE.reset(token)
        self.inbox.done(update.update_id)

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def bot_commands() -> list[BotCommand]:
    """The command menu, in the order a person discovers them."""
    return [BotCommand(name, description) for f in FEATURES for name, description in f.COMMANDS]


def build_application(
    services: Services,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
) -> Application:
    """A ready ``Application`` for ``services``; ``request`` replaces the network in tests."""
    settings = services.settings
    token = settings.telegram.token.get_secret_value().strip() if settings.telegram.token else ""
    inbox = Inbox(services.db)
    builder = (
        ApplicationBuilder()
        .token(token)
        .update_queue(DurableQueue(inbox))
        .concurrent_updates(InboxUpdateProcessor(inbox))
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.office.tz))
        .context_types(CONTEXT_TYPES)
        .rate_limiter(AIORateLimiter(group_max_rate=settings.reminders.group_messages_per_minute))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.telegram.base_url:
        base = settings.telegram.base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.removesuffix("/bot") + "/file/bot")
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    application = builder.build()
    application.bot_data[SERVICES_KEY] = services
    application.bot_data[INBOX_KEY] = inbox
    for feature in FEATURES:
        feature.register(application)
    application.add_error_handler(common.on_error)
    return application


async def replay_unfinished(application: Application) -> int:
    """Queue the updates a crash left unfinished, before any new one is fetched."""
    inbox: Inbox = application.bot_data[INBOX_KEY]
    queue = application.update_queue
    pending = inbox.pending()
    for payload in pending:
        try:
            update = Update.de_json(payload, application.bot)
        except Exception:  # unreadable: never block every later update behind it
            log.exception("Update %s in the inbox can not be read; skipped",
                          payload.get("update_id"))
            inbox.done(int(payload.get("update_id") or 0))
            continue
        if isinstance(queue, DurableQueue):
            await queue.put_stored(update)
        else:
            await queue.put(update)
    if pending:
        log.warning("Handling %d updates left unfinished by the last run", len(pending))
    inbox.prune()
    return len(pending)


async def _post_init(application: Application) -> None:
    await replay_unfinished(application)
    await application.bot.set_my_commands(bot_commands())
    for feature in FEATURES:
        start = getattr(feature, "on_startup", None)
        if start is not None:
            await start(application)
    log.info("Enlace is ready")


async def _post_shutdown(application: Application) -> None:
    for feature in FEATURES:
        stop = getattr(feature, "on_shutdown", None)
        if stop is not None:
            await stop(application)


def run(services: Services) -> None:
    """Serve until interrupted, by long polling (default) or webhook.

    Telegram's refusals at start (a rejected token, no network) become a
    :class:`~bot.startup.StartupProblem` in Spanish, never a traceback that
    could carry the token."""
    from telegram.error import InvalidToken, NetworkError

    from bot.startup import StartupProblem, token_of
    from bot.texts import startup as texts

    try:
        _serve(build_application(services), services.settings)
    except InvalidToken:
        raise StartupProblem(texts.TOKEN_REJECTED) from None
    except NetworkError as exc:
        error = redact(str(exc), token_of(services.settings))
        raise StartupProblem(texts.TELEGRAM_UNREACHABLE.format(error=error)) from None


def _serve(application: Application, settings: Settings) -> None:
    telegram = settings.telegram
    if telegram.mode == "webhook":
        if telegram.webhook_secret is None:  # checked at start-up; never serve without one
            raise ValueError("webhook mode needs telegram.webhook_secret")
        application.run_webhook(
            listen=telegram.webhook_listen,
            port=telegram.webhook_port,
            url_path=telegram.url_path,
            webhook_url=telegram.webhook_url,
            secret_token=telegram.webhook_secret.get_secret_value(),
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(
            poll_interval=telegram.poll_interval,
            allowed_updates=ALLOWED_UPDATES,
        )


async def probe_telegram(settings: Settings, token: str) -> list[Check]:
    """``enlace doctor``'s Telegram checks: the token (getMe), then each office group
    (getChat, getChatMember): reachable, not upgraded, and the bot may write there."""
    from telegram import Bot
    from telegram.error import InvalidToken, TelegramError

    from bot.texts import startup as texts

    kwargs = {}
    if settings.telegram.base_url:
        base = settings.telegram.base_url.rstrip("/")
        kwargs = {"base_url": base, "base_file_url": base.removesuffix("/bot") + "/file/bot"}
    bot = Bot(token, **kwargs)
    checks: list[Check] = []
    try:
        await bot.initialize()
    except InvalidToken:
        return [Check(texts.TOKEN_REJECTED.splitlines()[0], ok=False,
                      fix=texts.TOKEN_REJECTED.splitlines()[1])]
    except TelegramError as exc:
        what = texts.TELEGRAM_UNREACHABLE.format(error=redact(str(exc), token))
        return [Check(what, ok=False, fix="telegram.base_url")]
    try:
        checks.append(Check(texts.DOCTOR_TOKEN.format(username=bot.username)))
        groups = sorted(office_groups(settings))
        if not groups:
            checks.append(Check(texts.DOCTOR_GROUP_UNSET, ok=False, warning=True,
                                fix=texts.DOCTOR_GROUP_UNSET_FIX))
        for chat_id in groups:
            checks.append(await _probe_group(bot, chat_id))
    finally:
        with contextlib.suppress(Exception):
            await bot.shutdown()
    return checks


async def _probe_group(bot, chat_id: int) -> Check:
    from telegram.constants import ChatMemberStatus
    from telegram.error import ChatMigrated, TelegramError

    from bot.texts import startup as texts

    try:
        chat = await bot.get_chat(chat_id)
        member = await bot.get_chat_member(chat_id, bot.id)
    except ChatMigrated as exc:
        new_id = exc.new_chat_id
        return Check(texts.DOCTOR_GROUP_MIGRATED.format(chat_id=chat_id, new_id=new_id),
                     ok=False, fix=texts.DOCTOR_GROUP_MIGRATED_FIX.format(new_id=new_id))
    except TelegramError as exc:
        return Check(texts.DOCTOR_GROUP_MISSING.format(chat_id=chat_id, error=exc.message),
                     ok=False, fix=texts.DOCTOR_GROUP_MISSING_FIX)
    status = member.status
    writes = status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR,
                        ChatMemberStatus.MEMBER) or (
        status == ChatMemberStatus.RESTRICTED and getattr(member, "can_send_messages", False))
    if not writes:
        return Check(texts.DOCTOR_GROUP_MUTED.format(chat_id=chat_id, status=status),
                     ok=False, fix=texts.DOCTOR_GROUP_MUTED_FIX)
    return Check(texts.DOCTOR_GROUP_OK.format(chat_id=chat_id, title=chat.title or "",
                                              status=status))
