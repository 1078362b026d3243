"""Deadlines and agreements: the flows that write them, what can be done to them, and
how they read. Rooms: models, parse, store, render, the flows (``*_flow.py``), the
actions (``*_actions.py``), buttons, and the service facade. Which reminders they owe,
and sending them, is :mod:`bot.delivery`.

Nothing in this package imports ``telegram``.
"""
