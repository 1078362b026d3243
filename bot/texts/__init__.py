"""Every text a person reads, in Spanish, kept together for review and translation.

One module per feature (``common``, ``knowledge``, ``activities``,
``reminders``); code imports the constants and formats them with ``.format``.
Texts sent to Telegram are HTML (the bot's default parse mode): any value that
came from a person must be passed through :func:`html.escape` first.
"""
