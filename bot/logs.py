"""Logging set-up that can never print the bot token.

python-telegram-bot and httpx put the token in request URLs; httpx logs each
request at INFO. We silence httpx below WARNING and, as a second guard, a
filter on every handler replaces the token wherever it appears.
"""

from __future__ import annotations

import logging

REDACTED = "<token>"


class RedactToken(logging.Filter):
    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secret:
            return True
        message = record.getMessage()
        if self.secret in message:
            record.msg = message.replace(self.secret, REDACTED)
            record.args = ()
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if self.secret in text:
                record.exc_text = text.replace(self.secret, REDACTED)
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
