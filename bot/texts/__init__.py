"""Every text a person reads, in Spanish, kept together for review and translation.

One module per topic (``common``, ``knowledge``, ``kb_check``, ``activities``,
``reminders``, ``dates``, ``cli``, ``config``, ``startup``, …); code imports the
constants and formats them with ``.format``. ``tests/test_texts_in_one_place.py``
fails on a Spanish sentence left anywhere else.
Texts sent to Telegram are HTML (the bot's default parse mode): any value that
came from a person must be passed through :func:`html.escape` first.
"""
