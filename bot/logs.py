"""Logging set-up that can never print the bot token.

python-telegram-bot and httpx put the token in request URLs; httpx logs each
request at INFO. We silence httpx below WARNING and, as a second guard, a
filter on every handler replaces the token wherever it appears.
"""

from __future__ import annotations

import logging

REDACTED = "<token>"


def redact(text: str, secret: str) -> str:
    """``text`` with ``secret`` (and its part after the colon) replaced."""
    if not secret:
        return text
    text = text.replace(secret, REDACTED)
    _, _, tail = secret.partition(":")
    return text.replace(tail, REDACTED) if len(tail) >= 8 else text


class RedactToken(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secret:
            return True
        message = record.getMessage()
        cleaned = redact(message, self.secret)
        if cleaned != message:
            record.msg = cleaned
            record.args = ()
        if record.exc_info and type(record.exc_info[1]).__name__ == "InvalidToken":
            # `enlace run` explains a rejected token in Spanish; its traceback says nothing more
            record.exc_info, record.exc_text = None, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            cleaned = redact(text, self.secret)
            if cleaned != text:
                record.exc_text = cleaned
        return True


def setup_logging(token: str | None, level: int = logging.INFO) -> None:
    """Root logging to stderr, token redacted, chatty libraries quietened."""
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True
    )
    for name in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(name).setLevel(logging.WARNING)
    if token:
        for handler in logging.getLogger().handlers:
            handler.addFilter(RedactToken(token))
