"""Turn answers and entries into replies: HTML text plus buttons, still free of Telegram.

The Telegram handlers, the terminal console and the tests all show the same
reply; buttons are (label, callback data) pairs that each front end presents
its own way. Callback data must fit Telegram's 64 bytes, so entries are named
by a short stable key rather than their id.
"""

from __future__ import annotations

import hashlib
import html
import re

from bot.knowledge.models import Entry, KnowledgeBase
from bot.knowledge.qa import Answer, PendingQuestion
from bot.knowledge.search import Candidate
from bot.replies import Reply, Rows
from bot.texts import knowledge as texts

MAX_LABEL = 60


def entry_key(entry_id: str) -> str:
    """8 hex characters that stand for an entry in callback data."""
    return hashlib.sha1(entry_id.encode()).hexdigest()[:8]


def find_by_key(knowledge: KnowledgeBase, key: str) -> Entry | None:
    """The entry a button's key names; a key of a merged-away entry finds its successor."""
    found = next((e for e in knowledge.entries.values() if entry_key(e.id) == key), None)
    if found is None:
        old = next((old for old in knowledge.replaced if entry_key(old) == key), None)
        found = knowledge.get(old) if old else None
    return found


def short(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s*(.+)$", re.MULTILINE)
_BULLET = re.compile(r"^(\s*)[-*+]\s+", re.MULTILINE)


def markdown_to_html(markdown: str) -> str:
    """The small Markdown subset entries use, as Telegram HTML (text escaped first)."""
    text = html.escape(markdown, quote=False)
    text = _HEADING.sub(r"<b>\1</b>", text)
    text = _BULLET.sub(r"\1• ", text)
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _ITALIC.sub(r"<i>\1</i>", text)
    text = _CODE.sub(r"<code>\1</code>", text)
    return _LINK.sub(r'<a href="\2">\1</a>', text)


_TAG = re.compile(r"<[^>]+>")


def plain_text(markup: str) -> str:
    """Telegram HTML as plain text, for the terminal and JSON."""
    return html.unescape(_TAG.sub("", markup))


def sources_line(entry: Entry) -> str:
    return texts.SOURCE.format(sources=html.escape("; ".join(s.cite() for s in entry.sources)))


def entry_reply(entry: Entry, knowledge: KnowledgeBase, question_id: int | None = None,
                full: bool = False, passage: str | None = None) -> Reply:
    """An entry: title, its lead (or, with ``full``, the whole text), source, buttons.

    On a phone a wall of text hides the answer: the lead comes first and
    "📖 Ver completo" opens the rest. When the question is about lines further
    down (``passage``), they come under the lead. Then related entries and 👍/👎.
    """
    shown = entry.body if full else entry.lead
    text = f"<b>{html.escape(entry.title)}</b>\n\n{markdown_to_html(shown)}\n\n"
    if passage and not full:
        text += texts.PASSAGE.format(passage=markdown_to_html(passage)) + "\n\n"
    text += sources_line(entry)
    buttons: Rows = []
    if not full and entry.has_more:
        buttons.append([(texts.FULL_BUTTON, f"kb:full:{entry_key(entry.id)}")])
    buttons += [
        [(texts.RELATED_BUTTON.format(title=short(knowledge.entries[r].title)),
          f"kb:e:{entry_key(r)}")]
        for r in entry.related[:3] if r in knowledge.entries
    ]
    if question_id is not None:
        buttons.append([(texts.HELPFUL, f"kb:fb:{question_id}:1"),
                        (texts.NOT_HELPFUL, f"kb:fb:{question_id}:-1")])
    return Reply(text, buttons)


def small_talk_text(kind: str | None) -> str:
    """The short reply to a greeting, a thank-you or a goodbye."""
    return {"thanks": texts.THANKS, "bye": texts.BYE}.get(kind or "", texts.GREETING)


def answer_reply(answer: Answer, knowledge: KnowledgeBase) -> Reply:
    """What to say for an :class:`Answer`, whatever its outcome."""
    if answer.outcome == "greeting":
        return Reply(small_talk_text(answer.small_talk))
    if answer.live is not None:
        return live_reply(answer, knowledge)
    if answer.outcome == "answer" and answer.entry is not None:
        return entry_reply(answer.entry, knowledge, answer.question_id, passage=answer.passage)
    if answer.outcome == "clarify":
        qid = answer.question_id or 0
        rows = [[(short(c.entry.title), f"kb:pick:{qid}:{entry_key(c.entry.id)}")]
                for c in answer.alternatives]
        rows.append([(texts.CLARIFY_NONE_OF_THESE, f"kb:nope:{qid}")])
        if answer.missing:
            return Reply(texts.MISSING_FACT.format(what=html.escape(answer.missing)), rows)
        return Reply(texts.CLARIFY, rows)
    return not_found_reply(knowledge)


def live_reply(answer: Answer, knowledge: KnowledgeBase) -> Reply:
    """Registry facts first; the knowledge entry, if one matches, as background."""
    text = answer.live or ""
    buttons: Rows = []
    entry = answer.entry
    if entry is not None:
        text += texts.LIVE_BACKGROUND.format(title=html.escape(entry.title),
                                             lead=markdown_to_html(entry.lead))
        buttons.append([(texts.FULL_BUTTON, f"kb:full:{entry_key(entry.id)}")])
    if answer.question_id is not None:
        buttons.append([(texts.HELPFUL, f"kb:fb:{answer.question_id}:1"),
                        (texts.NOT_HELPFUL, f"kb:fb:{answer.question_id}:-1")])
    return Reply(text, buttons)


def not_found_reply(knowledge: KnowledgeBase) -> Reply:
    """The honest "no encontré", with categories to browse."""
    return Reply(texts.NOT_FOUND, category_buttons(knowledge))


def category_buttons(knowledge: KnowledgeBase) -> Rows:
    present = {e.category for e in knowledge.entries.values()}
    return [[(name, f"kb:cat:{slug}")] for slug, name in knowledge.categories.items()
            if slug in present]


def categories_reply(knowledge: KnowledgeBase) -> Reply:
    return Reply(texts.CATEGORIES, category_buttons(knowledge))


def category_reply(knowledge: KnowledgeBase, category: str) -> Reply:
    entries = knowledge.in_category(category)
    rows: Rows = [[(short(e.title), f"kb:e:{entry_key(e.id)}")] for e in entries]
    rows.append([(texts.BACK_TO_CATEGORIES, "kb:cats")])
    name = html.escape(knowledge.category_name(category))
    return Reply(texts.CATEGORY.format(name=name, count=len(entries)), rows)


def pending_reply(pending: list[PendingQuestion]) -> Reply:
    """``/pendientes``: grouped unanswered questions with a button each to attach it."""
    if not pending:
        return Reply(texts.PENDING_EMPTY)
    lines = [texts.PENDING_HEADER]
    rows: Rows = []
    for n, group in enumerate(pending, start=1):
        lines.append(texts.PENDING_LINE.format(
            n=n, text=html.escape(short(group.text, 120)), count=group.count,
            times="vez" if group.count == 1 else "veces", last=group.last_asked[:10]))
        rows.append([(texts.PENDING_BUTTON.format(n=n, text=short(group.text, 50)),
                      f"kb:sug:{group.question_ids[-1]}")])
    lines.append(texts.PENDING_HINT)
    return Reply("\n".join(lines), rows)


def suggestions_reply(question_id: int, question: str, suggestions: list[Candidate]) -> Reply:
    if not suggestions:
        return Reply(texts.ATTACH_NO_SUGGESTIONS.format(text=html.escape(question)))
    rows = [[(short(c.entry.title), f"kb:att:{question_id}:{entry_key(c.entry.id)}")]
            for c in suggestions]
    return Reply(texts.ATTACH_CHOOSE.format(text=html.escape(question)), rows)
