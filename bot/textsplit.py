"""Split long replies so each piece fits in one Telegram message."""

from __future__ import annotations

TELEGRAM_LIMIT = 4096


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at paragraph breaks where possible.

    A paragraph longer than ``limit`` is cut at line breaks, then at spaces, and
    only as a last resort in the middle of a word, so no text is ever lost.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    current = ""
    for block in _blocks(text, limit):
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
        else:
            pieces.append(current)
            current = block
    if current:
        pieces.append(current)
    return pieces


def _blocks(text: str, limit: int) -> list[str]:
    """Paragraphs, each already short enough."""
    blocks: list[str] = []
    for paragraph in text.split("\n\n"):
        blocks.extend(_cut(paragraph, limit, ["\n", " "]))
    return [b for b in blocks if b.strip()]


def _cut(text: str, limit: int, separators: list[str]) -> list[str]:
    if len(text) <= limit:
        return [text]
    if not separators:
        return [text[i : i + limit] for i in range(0, len(text), limit)]
    sep, rest = separators[0], separators[1:]
    out: list[str] = []
    current = ""
    for part in text.split(sep):
        candidate = f"{current}{sep}{part}" if current else part
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            out.append(current)
        if len(part) > limit:
            out.extend(_cut(part, limit, rest))
            current = ""
        else:
            current = part
    if current:
        out.append(current)
    return out
