"""Who may do what, and where: roles come from the config, never from the chat.

Admins manage everything (deadlines, agreements, everyone's activities,
unanswered questions); staff log activities and manage deadlines; liaisons
ask questions and read lists. ``access.liaisons`` empty means anyone who
writes to the bot may ask the knowledge base, no more: reading deadlines and
agreements needs a role given in the config.

The bot works in private chats and in the office group(s) only
(:func:`allowed_group`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from bot.config import AccessSettings, Settings


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
    if user_id in access.liaisons:
        return Role.LIAISON
    return Role.NONE


def can_ask(user_id: int | None, access: AccessSettings) -> bool:
    """Ask the knowledge base: anyone with a role, or anyone at all if no liaison is listed."""
    if user_id is None:
        return False
    return role_of(user_id, access) >= Role.LIAISON or not access.liaisons


def can_read(user_id: int | None, access: AccessSettings) -> bool:
    """Read deadlines and agreements: a role given in the config (liaison or more)."""
    return role_of(user_id, access) >= Role.LIAISON


def can_log(user_id: int | None, access: AccessSettings) -> bool:
    """Staff and admins record activities, deadlines and agreements."""
    return role_of(user_id, access) >= Role.STAFF


def is_admin(user_id: int | None, access: AccessSettings) -> bool:
    return role_of(user_id, access) is Role.ADMIN


def office_groups(settings: Settings, extra: Iterable[int] = ()) -> set[int]:
    """The groups the bot works in: the office group, ``access.groups`` and ``extra``
    (groups that became supergroups, recorded when Telegram said so)."""
    groups = set(settings.access.groups) | set(extra)
    if settings.office.group_chat_id is not None:
        groups.add(settings.office.group_chat_id)
    return groups


def allowed_group(chat_id: int, settings: Settings, extra: Iterable[int] = ()) -> bool:
    return chat_id in office_groups(settings, extra)
