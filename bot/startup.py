"""Start-up checks that tell the truth: what is wrong, in Spanish, and how to fix it.

Used by ``enlace run`` (which refuses to start on a :class:`StartupProblem`) and
``enlace doctor``. Nothing here prints the token or imports ``telegram``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from bot.config import Settings
from bot.texts import startup as texts

TOKEN_SHAPE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{1,100}$")
WEBHOOK_SECRET_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class StartupProblem(Exception):
    """Enlace can not start; the message says why and how to fix it."""


@dataclass(frozen=True)
class Check:
    """One line of ``enlace doctor``: ``ok``, or what is wrong and how to fix it."""

    what: str
    ok: bool = True
    fix: str = ""
    warning: bool = False

    def __str__(self) -> str:
        if self.ok:
            return texts.DOCTOR_OK.format(what=self.what)
        template = texts.DOCTOR_WARN if self.warning else texts.DOCTOR_BAD
        return template.format(what=self.what, fix=self.fix)


def token_of(settings: Settings) -> str:
    return settings.telegram.token.get_secret_value() if settings.telegram.token else ""


def check_token_shape(settings: Settings) -> None:
    if not TOKEN_SHAPE.match(token_of(settings)):
        raise StartupProblem(texts.TOKEN_SHAPE)


def check_webhook(settings: Settings) -> None:
    """Webhook mode needs a public URL and a secret only Telegram knows."""
    telegram = settings.telegram
    if telegram.mode != "webhook":
        return
    if not telegram.webhook_url:
        raise StartupProblem(texts.WEBHOOK_NO_URL)
    if telegram.webhook_secret is None:
        raise StartupProblem(texts.WEBHOOK_NO_SECRET)
    if not WEBHOOK_SECRET_SHAPE.match(telegram.webhook_secret.get_secret_value()):
        raise StartupProblem(texts.WEBHOOK_BAD_SECRET)


def open_checked_database(path: Path) -> sqlite_utils.Database:
    """The database, opened and proven writable, or a :class:`StartupProblem`."""
    import sqlite3

    from bot.db import open_database

    try:
        db = open_database(path)
        with db.conn:
            db.execute("create table if not exists _write_check (x)")
            db.execute("drop table _write_check")
        return db
    except (OSError, sqlite3.Error) as exc:
        raise StartupProblem(texts.DATABASE.format(path=path, error=_reason(exc))) from None


def describe_database_error(settings: Settings, exc: BaseException) -> str:
    """A command other than `run` met a database it can not open or write."""
    return texts.DATABASE.format(path=settings.storage.database, error=_reason(exc))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return texts.REASON_PERMISSION
    if isinstance(exc, FileNotFoundError):
        return texts.REASON_NO_FOLDER
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return texts.REASON_FILE_IN_PATH
    return str(exc) or type(exc).__name__


def check_knowledge_folder(settings: Settings) -> None:
    if not Path(settings.knowledge.path).is_dir():
        raise StartupProblem(texts.NO_KNOWLEDGE_DIR.format(path=settings.knowledge.path))


def knowledge_report(settings: Settings, entries: int, problems: list) -> list[str]:
    """Lines to show about the knowledge base; raises if it has no valid entry."""
    if not entries:
        raise StartupProblem(texts.NO_ENTRIES.format(path=settings.knowledge.path))
    if not problems:
        return []
    return [texts.BAD_ENTRIES.format(count=len(problems))] + [f"  {p}" for p in problems]


def before_services(settings: Settings) -> sqlite_utils.Database:
    """Every check that needs no network, in the order a person would fix them."""
    check_token_shape(settings)
    check_webhook(settings)
    db = open_checked_database(settings.storage.database)
    check_knowledge_folder(settings)
    return db


def local_checks(settings: Settings, config_file: Path | None) -> list[Check]:
    """``enlace doctor``'s checks that need no network: config, token shape, webhook,
    access, database and knowledge base, each with what to fix."""
    from bot.inbox import Inbox
    from bot.knowledge.store import load_knowledge

    checks = [Check(texts.DOCTOR_CONFIG.format(where=config_file or texts.DOCTOR_CONFIG_DEFAULTS))]
    if not token_of(settings):
        checks.append(Check(texts.DOCTOR_NO_TOKEN, ok=False, fix=texts.DOCTOR_NO_TOKEN_FIX))
    elif (problem := _failure(check_token_shape, settings)) is not None:
        checks.append(problem)
    if settings.telegram.mode == "webhook":
        telegram = settings.telegram
        checks.append(_failure(check_webhook, settings) or Check(texts.DOCTOR_WEBHOOK.format(
            listen=telegram.webhook_listen, port=telegram.webhook_port, path=telegram.url_path)))
    if not settings.access.admins:
        checks.append(Check(texts.DOCTOR_NO_ADMINS, ok=False, warning=True,
                            fix=texts.DOCTOR_NO_ADMINS_FIX))
    if not settings.access.liaisons:
        checks.append(Check(texts.DOCTOR_ACCESS_OPEN, ok=False, warning=True,
                            fix=texts.DOCTOR_ACCESS_OPEN_FIX))
    try:
        db = open_checked_database(settings.storage.database)
        done, pending = Inbox(db).counts()
        checks.append(Check(texts.DOCTOR_DATABASE.format(
            path=settings.storage.database, done=done, pending=pending)))
    except StartupProblem as problem:
        checks.append(_problem(problem))
    try:
        check_knowledge_folder(settings)
        kb = load_knowledge(settings.knowledge.path)
        checks.append(Check(texts.DOCTOR_KNOWLEDGE.format(count=len(kb.entries),
                                                          path=settings.knowledge.path),
                            ok=bool(kb.entries), fix=texts.DOCTOR_KNOWLEDGE_FIX))
        checks += [Check(texts.DOCTOR_KNOWLEDGE_PROBLEM.format(problem=p), ok=False,
                         fix=texts.DOCTOR_KNOWLEDGE_FIX) for p in kb.problems]
    except StartupProblem as problem:
        checks.append(_problem(problem))
    return checks


def _failure(check: Callable[[Settings], None], settings: Settings) -> Check | None:
    try:
        check(settings)
    except StartupProblem as problem:
        return _problem(problem)
    return None


def _problem(problem: StartupProblem) -> Check:
    what, _, fix = str(problem).partition("\n")
    return Check(what, ok=False, fix=fix or texts.DOCTOR_SEE_EXAMPLE)
