"""Activity log: staff record what they did against the office's action lines,
and Enlace turns the records into summaries, charts, a CSV and the quarterly
*informe de gestión* draft.

Nothing in this package imports ``telegram``; :mod:`handlers.activities` is the
Telegram face and :class:`bot.activities.service.ActivityService` the door.
"""
