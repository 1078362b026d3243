"""Deadlines and agreement follow-ups: reminders that are never lost and never doubled.

The truth lives in SQLite: deadlines, agreements, follow-ups done and, per
reminder key and chat, whether Telegram accepted the message. Which reminders
should exist is derived from those facts (:mod:`bot.reminders.plan`); the
JobQueue in :mod:`handlers.reminders` is only the clock that asks
:class:`bot.reminders.service.ReminderService` what is owed now.

Nothing in this package imports ``telegram``.
"""
