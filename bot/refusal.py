"""The one exception every refusal a person reads derives from.

A refusal is not a bug: it is the answer to input the bot cannot take (an
impossible date, an unknown line, a file with bad rows). ``str()`` is Spanish
plain text that says what was wrong and how to write it (it may quote what the
person wrote, so ``html.escape`` it before sending it in HTML mode). Handlers
do not catch it: the application's error handler (``handlers.common.on_error``) answers
every :class:`Refusal` once, with its message; nothing is stored.
"""

from __future__ import annotations


class Refusal(ValueError):
    """Rejected input; the message is Spanish (plain text) and says how to fix it.

    It derives from :class:`ValueError` so that older ``except ValueError``
    sites keep working while they move to ``except Refusal``.
    """
