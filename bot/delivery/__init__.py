"""Reminders that are never lost and never doubled: the one path they are sent by.

The truth lives in SQLite: deadlines, agreements, follow-ups done and, per
reminder key and chat, whether Telegram accepted the message. Which reminders
should exist is derived from those facts (:mod:`~bot.delivery.plan`), who gets
them from the office group, which follows Telegram's moves
(:mod:`~bot.delivery.recipients`, :mod:`~bot.delivery.chats`), what was sent is
the outbox (:mod:`~bot.delivery.outbox`), what is owed now is
:mod:`~bot.delivery.owed`, and :mod:`~bot.delivery.engine` sends it with retries
through a transport (Telegram's is :mod:`bot.sending`, the only part that
imports ``telegram``).
"""
