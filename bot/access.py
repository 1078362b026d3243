"""Who may do what: roles come from the config, never from the chat.

Admins manage everything (deadlines, agreements, everyone's activities,
unanswered questions); staff log activities and manage deadlines; liaisons
ask questions and read lists. ``access.liaisons`` empty means anyone who
writes to the bot may ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from bot.config import AccessSettings


@dataclass(frozen=True)
class Person:
    """Who is acting: a Telegram user id and the name to show in records."""

    id: int
    name: str = ""


class Role(IntEnum):
    """Ordered so that ``role >= Role.STAFF`` reads as "staff or more"."""

    NONE = 0
    LIAISON = 1
    STAFF = 2
    ADMIN = 3


def role_of(user_id: int | None, access: AccessSettings) -> Role:
    """The highest role ``user_id`` holds."""
    if user_id is None:
        return Role.NONE
    if user_id in access.admins:
        return Role.ADMIN
    if user_id in access.staff:
        return Role.STAFF
    if not access.liaisons or user_id in access.liaisons:
        return Role.LIAISON
    return Role.NONE


def can_ask(user_id: int | None, access: AccessSettings) -> bool:
    return role_of(user_id, access) >= Role.LIAISON


def can_log(user_id: int | None, access: AccessSettings) -> bool:
    """Staff and admins record activities, deadlines and agreements."""
    return role_of(user_id, access) >= Role.STAFF


def is_admin(user_id: int | None, access: AccessSettings) -> bool:
    return role_of(user_id, access) is Role.ADMIN
