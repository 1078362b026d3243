"""Sending what is owed, with retries: the one path every reminder takes.

The engine knows nothing of Telegram: a :class:`Transport` sends one message
and raises one of the :class:`SendError` kinds below; ``bot/sending.py`` is the
Telegram transport. Per run, in order (group first, then owners):

- sent: recorded with its message id;
- :class:`Unreachable` (the person never opened the bot, the group is gone):
  recorded as undeliverable, never retried, and the others still go out;
- :class:`ChatMoved` (a group became a supergroup): the move is stored, the
  admins are told once, and everything owed is planned again, so the same
  message goes to the new id at once;
- :class:`RetryLater` (Telegram's "429 retry after") and :class:`SendFailed`
  (network, 5xx): the run stops and asks to be run again after the wait, or
  after a growing pause (never more than a tick).

A message over Telegram's limit (a long weekly digest) is split at paragraph
breaks (:func:`bot.textsplit.split_message`); only its last piece, the one with
the buttons, is journaled, so a failure part-way sends the whole again rather
than losing the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.delivery.owed import Outgoing, OutgoingJournal, OwedReminders
from bot.replies import Rows
from bot.texts import reminders as texts
from bot.textsplit import split_message

log = logging.getLogger(__name__)
MAX_BACKOFF = 60.0
MAX_PASSES = 4  # plans per run: the first, and one after each chat move


class SendError(Exception):
    """Telegram did not take the message."""


class RetryLater(SendError):
    """Telegram asked to wait ``seconds`` before sending anything more."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds:.0f} s")
        self.seconds = seconds


class Unreachable(SendError):
    """This chat can never be reached as it is; retrying would not help."""


class ChatMoved(SendError):
    """The chat has a new id (a group upgraded to a supergroup)."""

    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"moved to {new_chat_id}")
        self.new_chat_id = new_chat_id


class SendFailed(SendError):
    """A failure that may pass: network, timeout, Telegram's 5xx."""


class Journal(Protocol):
    """Told as the request leaves and as Telegram answers (see :mod:`bot.delivery.outbox`)."""

    def begin(self) -> None: ...
    def accepted(self) -> None: ...
    def retract(self) -> None: ...


class Transport(Protocol):
    async def send(self, chat_id: int, text: str, buttons: Rows, *,
                   journal: Journal | None = None) -> int:
        """Send one message; its id, or a :class:`SendError`."""
        ...


@dataclass(frozen=True)
class Run:
    sent: int
    retry_in: float | None = None  # seconds; None when nothing is left for later


class Sender:
    """Delivers owed reminders; the database decides what is owed, this only sends."""

    def __init__(self, owed: OwedReminders, transport: Transport, *, admins: Sequence[int],
                 tick_seconds: float) -> None:
        self.owed = owed
        self.transport = transport
        self.admins = list(admins)
        self.tick_seconds = tick_seconds
        self.failures = 0

    async def run(self) -> Run:
        """Send everything owed now."""
        sent = 0
        await self._announce_moves()
        for _ in range(MAX_PASSES):
            moved = False
            for out in self.owed.outgoing():
                try:
                    message_id = await self._send(out)
                except ChatMoved as exc:
                    self.owed.moved(out.chat_id, exc.new_chat_id)
                    moved = True
                    break
                except Unreachable as exc:
                    log.error("Reminder %s can never reach chat %s: %s", out.key, out.chat_id,
                              exc)
                    self.owed.undeliverable(out, str(exc))
                    continue
                except RetryLater as exc:
                    log.warning("Telegram asked to wait %.0f s before sending reminders",
                                exc.seconds)
                    return Run(sent, exc.seconds + 0.5)
                except SendFailed as exc:
                    self.failures += 1
                    wait = min(2.0 ** self.failures, MAX_BACKOFF, self.tick_seconds)
                    log.warning("Reminder %s to %s not sent (%s); retrying in %.0f s", out.key,
                                out.chat_id, exc, wait)
                    return Run(sent, wait)
                self.owed.sent(out, message_id)
                sent += 1
                log.info("Reminder %s sent to %s%s", out.key, out.chat_id,
                         " (late)" if out.delivery.late else "")
            if not moved:
                break
            await self._announce_moves()
        self.failures = 0
        return Run(sent)

    async def _send(self, out: Outgoing) -> int:
        pieces = split_message(out.reply.text)
        for piece in pieces[:-1]:
            await self.transport.send(out.chat_id, piece, [])
        return await self.transport.send(out.chat_id, pieces[-1], out.reply.buttons,
                                         journal=OutgoingJournal(self.owed, out))

    async def _announce_moves(self) -> None:
        """Tell the admins, once, that the group moved and the config is outdated."""
        for old, new in self.owed.wing.moves.unannounced():
            for admin in self.admins:
                try:
                    await self.transport.send(admin, texts.GROUP_MOVED.format(old=old, new=new),
                                              [])
                except SendError as exc:
                    log.warning("Could not tell admin %s that chat %s moved: %s", admin, old,
                                exc)
            self.owed.wing.moves.announced(old, at=self.owed.wing.now())
