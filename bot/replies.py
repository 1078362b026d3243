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
from dataclasses import dataclass, field, replace
from enum import Enum
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
    toast: str | None = None  # the short answer to a button press (reminders' actions)
    close_buttons: bool = False  # remove the buttons of the message that was pressed


class Delivery(Enum):
    """Where a button's reply goes: over the pressed message, or below it."""

    EDIT = "edit"  # the reply replaces the pressed message (text and buttons)
    SEND = "send"  # the reply is a new message; the pressed message stays


@dataclass(frozen=True)
class Pressed:
    """What a button press gives back; the one protocol of every feature's buttons.

    The rule, applied by one dispatcher (``handlers.replies.answer_press``) for every
    prefix, in this order:

    1. ``toast`` answers the press (Telegram's spinner stops; over 40 characters it is
       an alert the person closes). It is answered even when nothing else happens.
    2. ``delivery`` says where ``reply`` goes. :attr:`Delivery.EDIT`: it replaces the
       pressed message — a card that moves on (a step of a log, a line chosen, an
       entry undone); if Telegram can not edit it (too old), it is sent as a new
       message, and an edit that changes nothing is left alone.
       :attr:`Delivery.SEND`: it is a new message below, and the pressed message
       stays for reading (a knowledge answer, a list), except that ``redraw`` replaces
       it (a list drawn again, up to date) or ``close_buttons`` takes its buttons away
       (a card whose action is done). Failing to touch the pressed message never stops
       the reply.
    3. ``saved`` is what the press stored, for the handler's after-work (an
       activity's photos to download).
    """

    toast: str | None = None
    reply: Reply | None = None
    delivery: Delivery = Delivery.SEND
    close_buttons: bool = False  # SEND only: remove the pressed message's buttons
    redraw: Reply | None = None  # SEND only: what the pressed message becomes
    saved: Any = None

    def __post_init__(self) -> None:
        if self.delivery is Delivery.EDIT and (self.close_buttons or self.redraw):
            raise ValueError("an edited message is replaced whole: no close_buttons/redraw")

    @classmethod
    def from_reply(cls, reply: Reply, *, redraw: Reply | None = None) -> Pressed:
        """A :class:`Reply` that carries its own toast and ``close_buttons`` (as the
        reminders' actions answer) as a press: the reply, if it has text, goes below."""
        shown = replace(reply, toast=None, close_buttons=False) if reply.text else None
        return cls(toast=reply.toast, reply=shown, redraw=redraw,
                   close_buttons=reply.close_buttons and redraw is None)


def toast(text: str) -> str:
    """``text`` as a button's answer: plain text, at most 200 characters."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", text))
    return plain if len(plain) <= TOAST_LIMIT else plain[:TOAST_LIMIT - 1] + "…"
