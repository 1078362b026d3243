"""The one reply shape every feature returns, free of Telegram.

A feature's core answers with a :class:`Reply`: HTML text, rows of
``(label, callback data)`` buttons, and a few hints on how to deliver it.
``handlers/`` turn it into Telegram messages, the console prints it, tests
read it. Callback data is ``"<prefix>:<action>:<args>"`` and must fit
Telegram's 64 bytes; each feature owns one prefix (``act``, ``rem``, ``kb``…).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

Button = tuple[str, str]
TOAST_LIMIT = 200  # Telegram shows at most this much of a button's answer
Rows = list[list[Button]]


@dataclass
class Reply:
    """A message to show, and how the front end should deliver it."""

    text: str
    buttons: Rows = field(default_factory=list)
    prompt: bool = False  # asks the person to type (a forced reply in groups)
    toast: str | None = None  # the short answer to a button press
    close_buttons: bool = False  # remove the buttons of the message that was pressed
    refresh: str | None = None  # redraw the list that was pressed ("plazos", "convenios")


@dataclass(frozen=True)
class Pressed:
    """What a button press gives back: a short notice (toast) and/or the reply that
    replaces the pressed message."""

    toast: str | None = None
    reply: Reply | None = None
    saved: Any = None  # what the press saved, for the handler's after-work (an activity's photos)


def toast(text: str) -> str:
    """``text`` as a button's answer: plain text, at most 200 characters."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", text))
    return plain if len(plain) <= TOAST_LIMIT else plain[:TOAST_LIMIT - 1] + "…"
