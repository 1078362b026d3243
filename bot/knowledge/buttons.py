"""What each ``kb:`` button does, for Telegram and the console alike.

Callback data: ``kb:cats`` categories; ``kb:cat:<slug>`` one category;
``kb:e:<key>`` an entry; ``kb:full:<key>`` an entry's whole text;
``kb:pick:<question>:<key>`` a choice after "¿Te refieres a…?"; ``kb:nope:<question>``
none of those; ``kb:fb:<question>:<±1>`` feedback; ``kb:sug:<question>`` and
``kb:att:<question>:<key>`` (admins) attach an unanswered question to an entry.
Every reply is a new message (:attr:`bot.replies.Delivery.SEND`): the answer a button was
pressed on stays to be read.
"""

from __future__ import annotations

import html
from typing import Protocol

import sqlite_utils

from bot import access
from bot.config import Settings
from bot.knowledge import render
from bot.knowledge.models import KnowledgeBase
from bot.knowledge.qa import QuestionService
from bot.replies import Delivery, Pressed, Reply
from bot.texts import common as common_texts
from bot.texts import knowledge as texts


class Services(Protocol):
    """What the buttons need of the office's services (:class:`bot.services.Services`
    fits): named here so this feature does not import the layer above it."""

    settings: Settings
    db: sqlite_utils.Database
    knowledge: KnowledgeBase
    qa: QuestionService


def press(services: Services, data: str, user_id: int) -> Pressed:
    kind, _, rest = data.removeprefix("kb:").partition(":")
    try:
        if kind in {"fb", "pick"} and not _may_answer_for(services, rest, user_id):
            return Pressed(toast=common_texts.NOT_YOUR_QUESTION)
        if kind == "fb":
            question_id, _, vote = rest.partition(":")
            ok = services.qa.feedback(int(question_id), user_id, int(vote))
            return Pressed(toast=texts.THANKS_FOR_FEEDBACK if ok else texts.FEEDBACK_GONE)
        if kind in {"sug", "att"}:
            if not access.is_admin(user_id, services.settings.access):
                return Pressed(toast=common_texts.ADMIN_ONLY)
            return Pressed(reply=_attach(services, kind, rest, user_id), delivery=Delivery.SEND)
        return Pressed(reply=_browse(services, kind, rest), delivery=Delivery.SEND)
    except ValueError:  # malformed data from an old or forged button
        return Pressed(toast=common_texts.EXPIRED_BUTTON)


def _may_answer_for(services: Services, rest: str, user_id: int) -> bool:
    """👍/👎 and "¿Te refieres a…?" belong to who asked (or an admin)."""
    question_id = int(rest.partition(":")[0])
    if not question_id or access.is_admin(user_id, services.settings.access):
        return True
    row = services.db.execute("select user_id from questions where id = ?",
                              [question_id]).fetchone()
    return row is not None and row[0] in (None, user_id)


def _browse(services: Services, kind: str, rest: str) -> Reply:
    knowledge = services.knowledge
    if kind == "cats":
        return render.categories_reply(knowledge)
    if kind == "cat":
        return render.category_reply(knowledge, rest)
    if kind == "nope":
        return render.not_found_reply(knowledge)
    if kind == "pick":
        question_id, _, key = rest.partition(":")
        entry = render.find_by_key(knowledge, key)
        if entry is not None:
            if int(question_id):
                services.qa.chose(int(question_id), entry.id)
            return render.entry_reply(entry, knowledge, int(question_id) or None)
    if kind in {"e", "full"}:
        entry = render.find_by_key(knowledge, rest)
        if entry is not None:
            return render.entry_reply(entry, knowledge, full=kind == "full")
    return Reply(texts.UNKNOWN_ENTRY)


def _attach(services: Services, kind: str, rest: str, admin_id: int) -> Reply:
    question_id_text, _, key = rest.partition(":")
    question_id = int(question_id_text)
    question = services.qa.question_text(question_id) or ""
    if kind == "sug":
        return render.suggestions_reply(question_id, question,
                                        services.qa.suggestions(question_id))
    entry = render.find_by_key(services.knowledge, key)
    attached = services.qa.attach(question_id, entry.id, admin_id) if entry else None
    if attached is None:
        return Reply(texts.UNKNOWN_ENTRY)
    return Reply(texts.ATTACHED.format(text=html.escape(question),
                                              title=html.escape(attached.title)))
