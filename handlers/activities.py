"""Telegram handlers for activities (to be built)."""

from __future__ import annotations

from telegram.ext import Application

COMMANDS: list[tuple[str, str]] = []


def register(application: Application) -> None:
    return None
