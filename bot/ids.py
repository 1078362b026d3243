"""Numbers people and buttons send: only ASCII digits, only what SQLite can hold.

``"²".isdigit()`` is true and ``int("²")`` fails; a 20-digit id overflows
SQLite's 64-bit integers. Both used to crash a handler.
"""

from __future__ import annotations

import re

MAX_ID = 2**63 - 1
_OVERSIZED = re.compile(r"\d{19,}")


def parse_id(text: str) -> int | None:
    """``text`` as a non-negative id SQLite can store, or None."""
    text = text.strip()
    if not text or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= MAX_ID else None


def is_forged_payload(data: str) -> bool:
    """Button data no button of Enlace carries: a number too long, or non-ASCII digits."""
    if _OVERSIZED.search(data):
        return True
    return any(c.isdigit() and not c.isascii() for c in data)
