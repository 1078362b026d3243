"""Build Telegram updates as dicts, the way Telegram sends them.

Tests feed these to ``Application.process_update`` (after
``Update.de_json``) or push them to the stand-in server's ``getUpdates``.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

_ids = itertools.count(1)
GROUP_ID = -100200300


def user(user_id: int, first_name: str = "Ana") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": first_name, "language_code": "es"}


def chat(chat_id: int) -> dict[str, Any]:
    if chat_id < 0:
        return {"id": chat_id, "type": "supergroup", "title": "Oficina"}
    return {"id": chat_id, "type": "private", "first_name": "Ana"}


def message(
    text: str | None, *, user_id: int = 111, chat_id: int | None = None,
    update_id: int | None = None, message_id: int | None = None, **extra: Any,
) -> dict[str, Any]:
    """A message update; ``/commands`` get their ``bot_command`` entity."""
    msg: dict[str, Any] = {
        "message_id": message_id or next(_ids),
        "date": int(time.time()),
        "chat": chat(user_id if chat_id is None else chat_id),
        "from": user(user_id),
    }
    if text is not None:
        key = "caption" if ("photo" in extra or "document" in extra) else "text"
        msg[key] = text
        if text.startswith("/"):
            length = len(text.split()[0])
            msg[key + "_entities" if key == "caption" else "entities"] = [
                {"type": "bot_command", "offset": 0, "length": length}
            ]
    msg.update(extra)
    return {"update_id": update_id or next(_ids), "message": msg}


def callback(
    data: str, *, user_id: int = 111, chat_id: int | None = None, message_id: int = 1,
    update_id: int | None = None,
) -> dict[str, Any]:
    """A button press on a message the bot sent earlier."""
    return {
        "update_id": update_id or next(_ids),
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(user_id),
            "chat_instance": "ci",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": chat(user_id if chat_id is None else chat_id),
                "from": {"id": 999000, "is_bot": True, "first_name": "Enlace"},
                "text": "…",
            },
        },
    }


def photo(caption: str | None = None, **kw: Any) -> dict[str, Any]:
    """A photo message (optionally with a caption such as ``/registrar …``)."""
    sizes = [{"file_id": "PHOTO-FILE-ID", "file_unique_id": "ph1", "width": 90, "height": 90}]
    return message(caption, photo=sizes, **kw)
