"""Shared fixtures: settings on a temporary database, the services, and the real
python-telegram-bot ``Application`` talking to :class:`FakeTelegram` instead of the network.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.config import Settings
from bot.services import Services, build_services
from tests.support.clock import BOGOTA, NOW  # noqa: F401  (BOGOTA: kept for older imports)
from tests.support.fake_telegram import FakeBotApiServer, FakeTelegram, RecordingRequest
from tests.support.updates import GROUP_ID

# Property tests check what is read, not how fast: on a loaded 2-core CI machine the first
# example (lazy imports, dateparser's caches) can take far past hypothesis' 200 ms deadline.
hypothesis_settings.register_profile("enlace", deadline=None)
hypothesis_settings.load_profile("enlace")

ROOT = Path(__file__).resolve().parent.parent
# Embedding the whole knowledge base into each test's fresh database would take a minute
# per test: tests search by words unless they ask for the model (tests/test_hybrid.py
# does, with a cache kept across runs in .work/).
os.environ.setdefault("ENLACE_KNOWLEDGE__SEMANTIC", "false")

ADMIN_ID = 100
STAFF_ID = 200
LIAISON_ID = 300
STRANGER_ID = 400


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for an office with one admin, one staff member and one liaison."""
    return Settings(
        telegram={"token": "123456:TEST-TOKEN"},
        office={"name": "Oficina de Asuntos Internacionales", "group_chat_id": GROUP_ID},
        access={"admins": [ADMIN_ID], "staff": [STAFF_ID], "liaisons": [LIAISON_ID]},
        storage={"database": tmp_path / "enlace.db"},
        knowledge={"path": ROOT / "knowledge", "semantic": False},
    )


@pytest.fixture
def clock() -> list[datetime]:
    """The office clock; tests move it by replacing ``clock[0]``."""
    return [NOW]


@pytest.fixture
def services(settings: Settings, clock: list[datetime]) -> Services:
    return build_services(settings, now=lambda: clock[0])


@pytest.fixture
def fake() -> FakeTelegram:
    return FakeTelegram()


@pytest.fixture
def server():
    """The stand-in Bot API over HTTP on 127.0.0.1, for end-to-end tests."""
    with FakeBotApiServer() as running:
        yield running


@pytest.fixture
async def app(services: Services, fake: FakeTelegram) -> AsyncIterator[Application]:
    """The real Application, initialised, with Telegram replaced by ``fake``."""
    application = build_application(services, request=RecordingRequest(fake))
    async with application:
        yield application


async def send(application: Application, update: dict) -> None:
    """Process one update (a dict from ``tests.support.updates``) as if Telegram sent it."""
    await application.process_update(Update.de_json(update, application.bot))
