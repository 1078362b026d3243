"""The Telegram application as configured: defaults, commands, modes, and no token in logs."""

import logging

import pytest
from pydantic import SecretStr
from telegram.constants import ParseMode
from telegram.ext import AIORateLimiter, Application

from bot import app as app_module
from bot.logs import RedactToken, setup_logging


def test_application_uses_html_office_timezone_and_base_url(services):
    services.settings.telegram.base_url = "http://127.0.0.1:8081/bot"
    application = app_module.build_application(services)
    assert application.bot.defaults.parse_mode == ParseMode.HTML
    assert str(application.bot.defaults.tzinfo) == "America/Bogota"
    assert application.bot.base_url.startswith("http://127.0.0.1:8081/bot")
    assert isinstance(application.bot.rate_limiter, AIORateLimiter)


def test_every_command_has_a_spanish_description():
    commands = app_module.bot_commands()
    names = [c.command for c in commands]
    assert {"start", "ayuda", "pregunta", "guias", "pendientes"} <= set(names)
    assert len(names) == len(set(names))
    assert all(c.description and c.description[0].isupper() for c in commands)


def test_webhook_mode_serves_a_webhook(services, monkeypatch):
    calls = {}
    monkeypatch.setattr(Application, "run_webhook",
                        lambda self, **kw: calls.setdefault("webhook", kw))
    monkeypatch.setattr(Application, "run_polling",
                        lambda self, **kw: calls.setdefault("polling", kw))
    telegram = services.settings.telegram
    telegram.mode, telegram.webhook_port = "webhook", 9000
    telegram.webhook_url = "https://x.gov.co/t"
    telegram.webhook_secret = SecretStr("s3cret-_value")
    app_module.run(services)
    assert "polling" not in calls
    assert calls["webhook"]["webhook_url"] == "https://x.gov.co/t"
    assert calls["webhook"]["port"] == 9000
    assert calls["webhook"]["url_path"] == "t"
    assert calls["webhook"]["secret_token"] == "s3cret-_value"


def test_webhook_mode_never_serves_without_a_secret(services, monkeypatch):
    calls = {}
    monkeypatch.setattr(Application, "run_webhook",
                        lambda self, **kw: calls.setdefault("webhook", kw))
    telegram = services.settings.telegram
    telegram.mode, telegram.webhook_url = "webhook", "https://x.gov.co/t"
    with pytest.raises(ValueError):
        app_module.run(services)
    assert not calls


def test_polling_is_the_default(services, monkeypatch):
    calls = {}
    monkeypatch.setattr(Application, "run_polling",
                        lambda self, **kw: calls.setdefault("polling", kw))
    app_module.run(services)
    assert "callback_query" in calls["polling"]["allowed_updates"]


def test_the_token_is_redacted_from_every_log_line(capsys):
    token = "987654:SUPER-SECRET"
    setup_logging(token)
    log = logging.getLogger("httpx-like")
    log.warning("POST https://api.telegram.org/bot%s/getUpdates", token)
    try:
        raise RuntimeError(f"failed calling /bot{token}/sendMessage")
    except RuntimeError:
        log.exception("send failed")
    err = capsys.readouterr().err
    assert token not in err and "<token>" in err
    for handler in logging.getLogger().handlers:
        for f in list(handler.filters):
            if isinstance(f, RedactToken):
                handler.removeFilter(f)
