"""The JSON shape of an answer, for ``enlace ask --json`` and anyone scripting Enlace."""

from __future__ import annotations

from typing import Any

from bot.knowledge.qa import Answer
from bot.knowledge.render import markdown_to_html, plain_text, small_talk_text
from bot.knowledge.store import Entry


def entry_text(entry: Entry) -> str:
    """Title, body and source in plain text: what a person reads."""
    sources = "; ".join(s.cite() for s in entry.sources)
    return f"{entry.title}\n\n{entry.body}\n\nFuente: {sources}"


def lead_text(entry: Entry) -> str:
    """Title, lead and source in plain text: the short answer a phone shows first."""
    sources = "; ".join(s.cite() for s in entry.sources)
    return f"{entry.title}\n\n{entry.lead}\n\nFuente: {sources}"


def passage_text(passage: str | None) -> str:
    """The lines under the lead that the question is about, as plain text ("" if none)."""
    return plain_text(markdown_to_html(passage)) if passage else ""


def answer_as_json(answer: Answer) -> dict[str, Any]:
    """``{"question", "outcome", "entry_id", "title", "confidence", "text", "lead",
    "passage", "alternatives"}``; ``text`` is the whole entry, ``lead`` the short
    answer, ``passage`` the lines past the lead the question is about ("" if none).

    Small talk is reported as ``none`` (nothing from the knowledge base was
    claimed) with the friendly reply as its text.
    """
    entry = answer.entry if answer.outcome in {"answer", "clarify"} else None
    lead = ""
    if answer.outcome == "answer" and entry is not None:
        text = entry_text(entry)
        lead = lead_text(entry)
    elif answer.outcome == "greeting":
        text = lead = plain_text(small_talk_text(answer.small_talk))
    else:
        text = ""
    return {
        "question": answer.question,
        "outcome": "none" if answer.outcome == "greeting" else answer.outcome,
        "entry_id": entry.id if entry else None,
        "title": entry.title if entry else None,
        "confidence": answer.confidence,
        "text": text,
        "lead": lead,
        "passage": passage_text(answer.passage) if lead and answer.live is None else "",
        "alternatives": [
            {"entry_id": c.entry.id, "title": c.entry.title, "confidence": c.confidence}
            for c in answer.alternatives
        ],
    }
