"""Answering questions: search, decide, remember.

Every question is recorded with its outcome, so the office can see what
liaisons ask, what Enlace could not answer (``/pendientes``) and how answers
were rated. An admin can attach an unanswered question to an entry; it
becomes one more phrasing of that entry at once (kept in the database until a
curator moves it into the Markdown file, see ``enlace kb phrasings``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

import sqlite_utils

from bot.embeddings import Embedder
from bot.folding import fold
from bot.knowledge.facts import fact_question, missing_fact, unknown_name
from bot.knowledge.hybrid import HybridIndex
from bot.knowledge.live import LiveFacts, live_facts
from bot.knowledge.registry import Registry
from bot.knowledge.search import Candidate
from bot.knowledge.store import Entry, KnowledgeBase
from bot.knowledge.text import content_words

CLARIFY_SHOWN = 3

Outcome = Literal["answer", "clarify", "none", "greeting"]

_GREETING = re.compile(
    r"^(hola|holi|buen[oa]s?( dias| tardes| noches)?|saludos|hey|que mas|quiubo|que hubo)"
    r"[\s!.,]*(enlace|bot|como (esta|estas|va|vas)|que tal)?[\s!.,?]*$"
)
_THANKS = re.compile(
    r"^((muchas|mil|muchisimas)? ?gracias|ok|okey|vale|listo|perfecto|excelente|chevere|"
    r"super|genial|entendido|dale|de una|bueno)( gracias| muchas gracias| muy amable)?"
    r"[\s!.,]*$"
)
_BYE = re.compile(r"^(chao|adios|hasta luego|nos vemos|bye)[\s!.,]*$")


@dataclass(frozen=True)
class Answer:
    """What Enlace concluded about one question."""

    question: str
    outcome: Outcome
    entry: Entry | None = None
    confidence: float = 0.0
    alternatives: list[Candidate] = field(default_factory=list)
    question_id: int | None = None
    small_talk: str | None = None  # "greeting" | "thanks" | "bye"
    live: str | None = None  # facts from the registry (HTML), when the question is about them
    missing: str | None = None  # the kind of fact asked for that the best entry lacks
    passage: str | None = None  # lines past the entry's lead that the question is about


@dataclass(frozen=True)
class PendingQuestion:
    """Unanswered questions that read the same, grouped."""

    text: str
    count: int
    last_asked: str
    question_ids: list[int]
    askers: list[str]


def small_talk_kind(text: str) -> str | None:
    """"greeting", "thanks" or "bye" when the message is only that."""
    folded = " ".join(re.findall(r"[a-z]+", fold(text)))
    if _GREETING.match(folded):
        return "greeting"
    if _THANKS.match(folded):
        return "thanks"
    if _BYE.match(folded):
        return "bye"
    return None


def _named_words(entry: Entry) -> set[str]:
    """The words an entry is about: its title's and its phrasings'."""
    return set(content_words(" ".join([entry.title, *entry.questions])))


def _words(text: str) -> str:
    """A message's words, folded, without punctuation: "¿Cómo saco el pasaporte?" is
    "como saco el pasaporte"."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def normalize_question(text: str) -> str:
    """The grouping key for unanswered questions: sorted content words."""
    return " ".join(sorted(set(content_words(text))))


class QuestionService:
    """Answers questions from a :class:`KnowledgeBase` and records them.

    With an ``embedder`` retrieval is hybrid (words and meaning, vectors cached
    in ``cache``, by default ``db``); without one it runs on words alone.
    """

    def __init__(self, knowledge: KnowledgeBase, db: sqlite_utils.Database,
                 now: Callable[[], datetime], embedder: Embedder | None = None,
                 cache: sqlite_utils.Database | None = None) -> None:
        self.knowledge = knowledge
        self.db = db
        self.now = now
        self.embedder = embedder
        self.cache = cache if cache is not None else db
        self.index = self._build_index()

    @property
    def embedder_name(self) -> str | None:
        return self.index.embedder_name

    def _build_index(self) -> HybridIndex:
        extra: dict[str, list[str]] = {}
        for row in self.db["phrasings"].rows:
            entry = self.knowledge.get(row["entry_id"])  # follows an entry merged since
            if entry is not None:
                extra.setdefault(entry.id, []).append(row["text"])
        # What curators and admins said an entry answers, word for word.
        self._phrasings = {
            entry.id: {_words(q) for q in [*entry.questions, *extra.get(entry.id, [])]}
            for entry in self.knowledge.entries.values()}
        return HybridIndex(self.knowledge.entries.values(), self.knowledge.synonyms, extra,
                           embedder=self.embedder, db=self.cache)

    def decide(self, text: str) -> Answer:
        """Search and pick an outcome, without recording anything."""
        kind = small_talk_kind(text)
        if kind:
            return Answer(text, "greeting", small_talk=kind)
        result = self.index.search(text)
        best = result.best
        if best is None or best.confidence < self.index.clarify_at:
            return Answer(text, "none", confidence=best.confidence if best else 0.0,
                          alternatives=result.candidates[:CLARIFY_SHOWN])
        # What the message asks, not its context: "el plan del próximo año" or a
        # secretaría's name in a self-introduction asks for no future date, no name.
        question = fact_question(text)
        # A phrasing of the entry (written by a curator, or attached by an admin from
        # /pendientes) is what the entry answers, whatever kind of fact it names.
        phrased = _words(text) in self._phrasings.get(best.entry.id, set())
        missing = None if phrased else (
            missing_fact(question, f"{best.entry.title}\n{best.entry.body}", result.corrections)
            or unknown_name(question, result.unknown))
        if best.confidence >= self.index.answer_at and missing is None:
            return Answer(text, "answer", best.entry, best.confidence,
                          alternatives=result.candidates[1 : 1 + CLARIFY_SHOWN],
                          passage=best.passage)
        if missing is not None:  # the right subject, not the fact asked: say so, offer it
            return Answer(text, "clarify", best.entry, best.confidence,
                          alternatives=result.candidates[:1], missing=missing)
        # Best first, at most three: the options the fused ranking puts on top.
        return Answer(text, "clarify", best.entry, best.confidence,
                      alternatives=result.candidates[:CLARIFY_SHOWN])

    def decide_live(self, text: str) -> Answer | None:
        """An answer from the registry of agreements and deadlines, or None.

        The knowledge entry that best matches (if any is likely) comes along
        as background: the registry says the state, the entry what it is about.
        """
        facts = live_facts(text, Registry(self.db), self.now().date())
        if facts is None:
            return None
        background = self._background(text, facts)
        return Answer(text, "answer", background.entry if background else None,
                      background.confidence if background else 0.0, live=facts.text)

    def _background(self, text: str, facts: LiveFacts) -> Candidate | None:
        """The knowledge entry about what the registry's facts are about, if one is likely.

        "¿cómo va el convenio con GOAL?" asks about a state, which many entries
        mention (the action line that lists every agreement among them); the
        entry meant is the one about the partner the registry named. So a
        candidate that names that partner in its title or phrasings is chosen,
        searching for the partner's own name when the question finds none.
        """
        def likely(query: str) -> list[Candidate]:
            return [c for c in self.index.search(query, limit=CLARIFY_SHOWN + 2).candidates
                    if c.confidence >= self.index.clarify_at]

        found = likely(text)
        if not facts.named:
            return found[0] if found else None
        naming = (c for c in found if facts.named & _named_words(c.entry))
        return next(naming, None) or next(
            (c for c in likely(facts.topic) if facts.named & _named_words(c.entry)), None)

    def ask(self, text: str, *, user_id: int | None = None, user_name: str = "",
            chat_id: int | None = None, record: bool = True, live: bool = False) -> Answer:
        """Answer ``text``; record it (unless small talk or ``record`` is False).

        ``live``: the person may see the registry (staff, admins), so a question
        about a tracked agreement or deadline is answered from it.
        """
        answer = (self.decide_live(text) if live else None) or self.decide(text)
        if answer.outcome == "greeting" or not record:
            return answer
        row = self.db["questions"].insert({
            "asked_at": self.now().isoformat(timespec="seconds"),
            "user_id": user_id,
            "user_name": user_name,
            "chat_id": chat_id,
            "text": text.strip()[:1000],
            "normalized": normalize_question(text),
            "outcome": answer.outcome,
            "entry_id": answer.entry.id if answer.entry else None,
            "confidence": answer.confidence,
            "resolved_entry_id": None,
        })
        return replace(answer, question_id=row.last_pk)

    def chose(self, question_id: int, entry_id: str) -> Entry | None:
        """The person picked ``entry_id`` from "¿Te refieres a…?"; remember it."""
        entry = self.knowledge.get(entry_id)
        if entry is not None and self._question(question_id) is not None:
            self.db["questions"].update(question_id, {"entry_id": entry.id})
        return entry

    def feedback(self, question_id: int, user_id: int, vote: int) -> bool:
        """Store 👍 (+1) or 👎 (-1); a second vote by the same person replaces the first."""
        question = self._question(question_id)
        if question is None or vote not in (1, -1):
            return False
        self.db["feedback"].upsert({
            "question_id": question_id, "user_id": user_id, "vote": vote,
            "entry_id": question["entry_id"],
            "created_at": self.now().isoformat(timespec="seconds"),
        }, pk=("question_id", "user_id"), alter=False)
        return True

    def pending(self, limit: int = 20) -> list[PendingQuestion]:
        """Unanswered questions not yet attached to an entry, most asked first."""
        rows = self.db.query(
            """
            select normalized, count(*) as n, max(asked_at) as last, group_concat(id) as ids,
                   group_concat(distinct coalesce(nullif(user_name, ''), user_id)) as who,
                   (select text from questions q2 where q2.normalized = q.normalized
                    order by asked_at desc limit 1) as text
            from questions q
            where outcome = 'none' and resolved_entry_id is null
            group by normalized order by n desc, last desc limit ?
            """,
            [limit],
        )
        return [
            PendingQuestion(r["text"], r["n"], r["last"],
                            [int(i) for i in str(r["ids"]).split(",")],
                            str(r["who"] or "").split(","))
            for r in rows
        ]

    def suggestions(self, question_id: int, limit: int = 3) -> list[Candidate]:
        """Entries an admin might attach an unanswered question to."""
        question = self._question(question_id)
        if question is None:
            return []
        return self.index.search(question["text"], limit=limit).candidates

    def attach(self, question_id: int, entry_id: str, admin_id: int) -> Entry | None:
        """Make the question a phrasing of ``entry_id``, effective immediately."""
        question = self._question(question_id)
        entry = self.knowledge.entries.get(entry_id)
        if question is None or entry is None:
            return None
        with self.db.atomic():
            self.db["phrasings"].insert({
                "entry_id": entry_id, "text": question["text"], "question_id": question_id,
                "added_by": admin_id, "added_at": self.now().isoformat(timespec="seconds"),
            }, ignore=True)
            self.db.execute(
                "update questions set resolved_entry_id = ? where normalized = ? "
                "and outcome = 'none' and resolved_entry_id is null",
                [entry_id, question["normalized"]],
            )
        self.index = self._build_index()
        return entry

    def added_phrasings(self) -> list[dict]:
        """Phrasings added from Telegram, for curators to move into the Markdown files."""
        return list(self.db["phrasings"].rows_where(order_by="entry_id, added_at"))

    def question_text(self, question_id: int) -> str | None:
        question = self._question(question_id)
        return question["text"] if question else None

    def _question(self, question_id: int) -> dict | None:
        rows = list(self.db["questions"].rows_where("id = ?", [question_id]))
        return rows[0] if rows else None
