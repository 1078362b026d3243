"""Wiring of the Telegram application: the only core module that imports ``telegram``.

Each feature lives in a ``handlers`` module with ``COMMANDS`` (name and Spanish
description, sent with ``setMyCommands``) and ``register(application)``. The
order of :data:`FEATURES` matters: the catch-all question handler of
``handlers.knowledge`` comes after the features so their conversations see text
first, and ``handlers.fallback`` (unknown commands, idle /cancelar) is last.
"""

from __future__ import annotations

import logging
from types import ModuleType

from telegram import BotCommand
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults
from telegram.request import BaseRequest

from bot.services import SERVICES_KEY, Services
from handlers import access, activities, common, fallback, knowledge, reminders
from handlers.kit import CONTEXT_TYPES

log = logging.getLogger(__name__)

FEATURES: list[ModuleType] = [access, common, activities, reminders, knowledge, fallback]


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
    token = settings.telegram.token.get_secret_value() if settings.telegram.token else ""
    builder = (
        ApplicationBuilder()
        .token(token)
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
    for feature in FEATURES:
        feature.register(application)
    application.add_error_handler(common.on_error)
    return application


async def _post_init(application: Application) -> None:
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
    """Serve until interrupted, by long polling (default) or webhook."""
    application = build_application(services)
    telegram = services.settings.telegram
    if telegram.mode == "webhook":
        application.run_webhook(
            listen=telegram.webhook_listen,
            port=telegram.webhook_port,
            webhook_url=telegram.webhook_url,
            secret_token=(
                telegram.webhook_secret.get_secret_value() if telegram.webhook_secret else None
            ),
            allowed_updates=["message", "callback_query", "edited_message"],
        )
    else:
        application.run_polling(
            poll_interval=telegram.poll_interval,
            allowed_updates=["message", "callback_query", "edited_message"],
        )
