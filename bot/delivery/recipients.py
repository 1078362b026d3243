"""Who gets a reminder: the office group first, then the owner privately.

The digest goes to the group only. With no group and no owner on Telegram the
admins get it, rather than nobody.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.delivery.plan import Due
from bot.reminders.render import owner_label
from bot.texts import reminders as texts


def recipients(due: Due, group: int | None, admins: Sequence[int]) -> list[int]:
    if due.kind == "digest":
        return [group] if group else list(admins)
    chats = [group] if group else []
    if due.owner_id and due.owner_id > 0 and due.owner_id != group:
        chats.append(due.owner_id)
    return chats or list(admins)


def where(due: Due, owner_name: str, group: int | None, admins: Sequence[int]) -> str:
    """Who will get a reminder, in words."""
    chats = recipients(due, group, admins)
    owner = owner_label(owner_name, due.owner_id)
    if group in chats and len(chats) > 1:
        return texts.WHERE_GROUP_AND_OWNER.format(owner=owner)
    if group in chats:
        return texts.WHERE_GROUP
    if due.owner_id in chats:
        return texts.WHERE_OWNER.format(owner=owner)
    return texts.WHERE_ADMINS
