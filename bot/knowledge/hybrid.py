"""Hybrid retrieval: BM25F (words) fused with sentence embeddings (meaning).

Words find the exact names a liaison types (KUSANONE, Gumi, FDN) and survive
typos through correction; embeddings find the entry when the question shares
no word with it: a paraphrase, a long message, a question in English. The two
rankings are fused by reciprocal rank fusion (each list contributes
``1 / (K + rank)``), which needs no tuning of one score against the other.
Whether to answer is then decided by the fitted :mod:`bot.knowledge.confidence`
model, not by the fused score itself.

Each entry is represented in meaning space by its title with the start of its
lead (a passage) and by each of its phrasings (questions): the entry's cosine
is the best of them. Long messages are reduced to their question first
(:func:`bot.knowledge.focus.focus`), and their asking sentences alone are
searched too (the surer reading wins). Where no embedder is available, search
runs on words alone with the words-only confidence of :mod:`.search` (fitting
it the same way left it answering almost nothing: without meaning, the
evidence cannot tell a near-duplicate entry from the right one). The best
entry comes with the lines of its body the question is about, for the reply to
show under the lead (:func:`bot.knowledge.windows.closest_passage`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
import sqlite_utils

from bot.embeddings import Embedder
from bot.knowledge.confidence import ConfidenceModel, load_models
from bot.knowledge.focus import asked, embedding_text, focus
from bot.knowledge.prepared import database_file, prepared_index
from bot.knowledge.search import Candidate, LexicalHits, SearchIndex, SearchResult
from bot.knowledge.store import Entry
from bot.knowledge.text import respelled
from bot.knowledge.vectors import cached_vectors
from bot.knowledge.windows import closest_passage, window_lines, window_text

log = logging.getLogger(__name__)

RRF_K = 60
# The confidence model re-ranks this many of the fused list's best: it weighs the
# evidence (a large lexical lead for a rare name, a close meaning) that ranks alone lose.
RERANK = 3
# Differences smaller than these are ties when ranking (see :func:`rank_of`).
LEXICAL_TIE = 0.02
COSINE_TIE = 0.005
# Without the model (no wheel for the platform, or knowledge.semantic = false) the
# words-only confidence of :class:`SearchIndex` decides, with its own thresholds.
LEXICAL_ANSWER_AT = 0.55
LEXICAL_CLARIFY_AT = 0.3
PASSAGE_WORDS = 60


def passage_text(entry: Entry) -> str:
    """What stands for an entry's content in meaning space: title and start of the lead."""
    lead = entry.summary.replace("**", "").split()
    return f"{entry.title}. {' '.join(lead[:PASSAGE_WORDS])}"


class DenseIndex:
    """Unit vectors of every entry's passage and phrasings; an entry scores its best cosine."""

    def __init__(self, entries: Sequence[Entry], phrasings: Sequence[Sequence[str]],
                 embedder: Embedder, db: sqlite_utils.Database | None = None) -> None:
        self.embedder = embedder
        self.passages = cached_vectors(db, embedder, [passage_text(e) for e in entries],
                                       "passage")
        texts = [text for ps in phrasings for text in ps]
        self.owner = np.array([i for i, ps in enumerate(phrasings) for _ in ps], dtype=np.int64)
        self.phrasings = cached_vectors(db, embedder, texts, "query")
        self.size = len(entries)
        # Every entry has at least its title as a phrasing, and rows come entry by entry.
        self._starts = np.searchsorted(self.owner, np.arange(self.size))
        windows = [window_lines(e) for e in entries]
        self.window_owner = np.array([i for i, ws in enumerate(windows) for _ in ws],
                                     dtype=np.int64)
        # Kept as lines too: a reply shows the window a question is about.
        self.window_lines = [lines for ws in windows for lines in ws]
        self.windows = cached_vectors(db, embedder, [window_text(e.title, lines)
                                                     for e, ws in zip(entries, windows,
                                                                      strict=True)
                                                     for lines in ws], "passage")
        # Windows come entry by entry: one max per entry that has any (np.unique would
        # import numpy.ma, 50 ms of every start).
        self._windowed = np.array([i for i, ws in enumerate(windows) if ws], dtype=np.int64)
        self._window_starts = np.searchsorted(self.window_owner, self._windowed)

    def passage_cosines(self, vector: np.ndarray) -> np.ndarray:
        """Cosine with each entry's content (title and lead), phrasings aside."""
        return self.passages @ vector

    def body_cosines(self, vector: np.ndarray, passages: np.ndarray) -> np.ndarray:
        """Each entry's best cosine over its lead (``passages``) and its body's windows."""
        best = passages.copy()
        if len(self._windowed):
            sims = np.maximum.reduceat(self.windows @ vector, self._window_starts)
            best[self._windowed] = np.maximum(best[self._windowed], sims)
        return best

    def query(self, text: str) -> np.ndarray:
        return self.embedder.queries([text])[0]

    def passage(self, index: int, question: str, vector: np.ndarray) -> str | None:
        """The lines of entry ``index`` past its lead that ``question`` is about, if any."""
        start, end = np.searchsorted(self.window_owner, [index, index + 1])
        if start == end:
            return None
        return closest_passage(self.window_lines[start:end], question,
                               self.windows[start:end] @ vector,
                               float(self.passages[index] @ vector))

    def cosines(self, vector: np.ndarray, skip_rows: np.ndarray | None = None,
                skip_entries: np.ndarray | None = None,
                passages: np.ndarray | None = None) -> np.ndarray:
        """Each entry's best cosine with ``vector`` (``skip_*``: held out, for calibration;
        ``passages``: :meth:`passage_cosines` when already computed)."""
        best = self.passage_cosines(vector) if passages is None else passages
        sims = self.phrasings @ vector
        if skip_rows is not None:
            sims = np.where(skip_rows, -1.0, sims)
        best = np.maximum(best, np.maximum.reduceat(sims, self._starts))
        if skip_entries is not None:
            best = np.where(skip_entries, -1.0, best)
        return best


def ranks(scores: np.ndarray) -> np.ndarray:
    """1 for the best score, 2 for the next…"""
    order = np.argsort(-scores, kind="stable")
    positions = np.empty(len(scores), dtype=np.int64)
    positions[order] = np.arange(1, len(scores) + 1)
    return positions


def rank_of(scores: np.ndarray, index: int, tolerance: float = 0.0) -> int:
    """1 + how many entries score clearly above entry ``index`` (one pass, no sort).

    Scores within ``tolerance`` of the entry's count as a tie: which of two
    entries is 0.5 % ahead in words says nothing about which one is meant.
    """
    return 1 + int(np.count_nonzero(scores > scores[index] + tolerance))


def fuse(lexical: np.ndarray, cosines: np.ndarray | None) -> np.ndarray:
    """Reciprocal rank fusion; an entry with no word in common gets nothing from the words."""
    fused = np.where(lexical > 0, 1.0 / (RRF_K + ranks(lexical)), 0.0)
    if cosines is not None:
        fused = fused + 1.0 / (RRF_K + ranks(cosines))
    return fused


def families(entries: Sequence[Entry]) -> list[np.ndarray]:
    """For each entry, the other entries that may answer its questions too.

    Related entries and entries from the same section of the same source are
    one family (an overview and its detail, two halves of one section). A
    family member as runner-up does not make the question ambiguous: either
    answers it, so the margin that matters is to the best entry outside it.
    """
    by_section: dict[tuple[str, str], list[int]] = {}
    for i, entry in enumerate(entries):
        for source in entry.sources:
            if source.section:
                by_section.setdefault((source.document, source.section), []).append(i)
    position = {e.id: i for i, e in enumerate(entries)}
    linked: list[set[int]] = [set() for _ in entries]
    for i, entry in enumerate(entries):
        for other in entry.related:
            j = position.get(other)
            if j is not None and j != i:
                linked[i].add(j)
                linked[j].add(i)
    for members in by_section.values():
        if len(members) > 1:
            for i in members:
                linked[i].update(j for j in members if j != i)
    return [np.array(sorted(s), dtype=np.int64) for s in linked]


def features(index: int, lexical: SearchIndex, hits: LexicalHits, cosines: np.ndarray | None,
             fused: np.ndarray, passages: np.ndarray | None = None,
             family: np.ndarray | None = None,
             bodies: np.ndarray | None = None) -> dict[str, float]:
    """The evidence that entry ``index`` answers the question (see :mod:`.confidence`).

    Rivals are the entries outside ``index``'s ``family`` (see :func:`families`).
    Besides scores and margins: the entry's rank in each list (words and
    meaning each put the right entry near the top, rarely both at the same
    place), whether the question is in English (its words then count for less
    than its meaning) and how many words it has (one word says little).
    """
    scores = hits.scores
    outside = np.ones(len(scores), dtype=bool)
    outside[index] = False
    if family is not None and len(family):
        outside[family] = False
    others = np.nonzero(outside)[0]
    top_lex = float(scores.max()) if len(scores) else 0.0
    rival_lex = float(scores[others].max()) if len(others) else 0.0
    rival_fused = float(fused[others].max()) if len(others) else 0.0
    own = float(fused[index])
    seen = len(hits.words) + len(hits.unknown)
    values = {
        "lexical_share": float(scores[index]) / top_lex if top_lex > 0 else 0.0,
        "lexical_margin": ((float(scores[index]) - rival_lex) / float(scores[index])
                           if scores[index] > 0 else -1.0),
        "coverage": lexical.coverage(index, hits),
        "title_coverage": lexical.title_coverage(index, hits),
        "phrasing_match": lexical.phrasing_match(index, hits),
        "lexical_confidence": lexical.confidence(index, hits, rival_lex),
        "fused_margin": (own - rival_fused) / own if own > 0 else -1.0,
        "unknown_share": len(hits.unknown) / seen if seen else 1.0,
        "lexical_rank": (1.0 / rank_of(scores, index, LEXICAL_TIE * float(scores[index]))
                         if scores[index] > 0 else 0.0),
        "lexical_lead": max(-1.0, (float(scores[index]) - rival_lex) / top_lex)
        if top_lex > 0 else -1.0,
        "english": float(hits.english),
        "query_words": float(np.log1p(len(hits.wording.split()))),
    }
    if cosines is not None:
        rival_cos = float(cosines[others].max()) if len(others) else 0.0
        body = bodies if bodies is not None else passages if passages is not None else cosines
        values |= {
            "cosine": float(cosines[index]),
            "cosine_margin": float(cosines[index]) - rival_cos,
            # Words and meaning agree when each puts this entry or one of its family first.
            "agree": float(not outside[int(np.argmax(cosines))]
                           and not outside[int(np.argmax(scores))]),
            "passage_cosine": float(passages[index]) if passages is not None else 0.0,
            # The best of its lead and body windows, and how far ahead of the rivals' best.
            "body_cosine": float(body[index]),
            "body_margin": float(body[index]) - (float(body[others].max()) if len(others)
                                                 else 0.0),
            "dense_rank": 1.0 / rank_of(cosines, index, COSINE_TIE),
        }
    return values


class HybridIndex:
    """Words and meaning together, with a fitted confidence; same ``search`` as SearchIndex."""

    def __init__(self, entries: Iterable[Entry], synonyms: Iterable[list[str]] = (),
                 extra_phrasings: dict[str, list[str]] | None = None,
                 embedder: Embedder | None = None,
                 db: sqlite_utils.Database | None = None) -> None:
        # Built once per knowledge text, then read back beside the cache (see .prepared).
        self.lexical = prepared_index(entries, synonyms, extra_phrasings, database_file(db))
        self.entries = self.lexical.entries
        self._position = {e.id: i for i, e in enumerate(self.entries)}
        extra = extra_phrasings or {}
        self.dense = None
        if embedder is not None:
            phrasings = [[e.title, *e.questions, *extra.get(e.id, [])] for e in self.entries]
            self.dense = DenseIndex(self.entries, phrasings, embedder, db)
        self.families = families(self.entries)
        models = load_models()
        self.model: ConfidenceModel | None = models["hybrid"] if self.dense else None
        self.ranker: ConfidenceModel | None = models["rank"] if self.dense else None

    @property
    def answer_at(self) -> float:
        return self.model.answer_at if self.model else LEXICAL_ANSWER_AT

    @property
    def clarify_at(self) -> float:
        return self.model.clarify_at if self.model else LEXICAL_CLARIFY_AT

    @property
    def embedder_name(self) -> str | None:
        return self.dense.embedder.name if self.dense else None

    def search(self, query: str, limit: int = 3) -> SearchResult:
        """Rank entries for ``query``, best first, each with a fitted confidence in [0, 1]."""
        text = focus(query)
        if self.dense is None:
            return self.lexical.search(text, limit)
        hits = self.lexical.lexical(text)
        if not self.entries or not (hits.terms or hits.unknown):
            return SearchResult([], hits.terms, hits.unknown, hits.corrections)
        vector = self.dense.query(embedding_text(respelled(query, hits.corrections)))
        passages = self.dense.passage_cosines(vector)
        cosines = self.dense.cosines(vector, passages=passages)
        bodies = self.dense.body_cosines(vector, passages)
        results = [self.rank(hits, cosines, passages, limit, bodies)]
        question = asked(query)
        if question is not None:
            # The context sentences may pull the words towards what they name (a
            # secretaría, a population) rather than what is asked: the asking
            # sentences alone are searched too, and the surer reading wins. Their
            # meaning stays the whole message's (one embedding per question).
            asked_hits = self.lexical.lexical(question)
            if asked_hits.terms or asked_hits.unknown:
                results.append(self.rank(asked_hits, cosines, passages, limit, bodies))
        found = max(results, key=strength)
        if not found.candidates:
            return found
        best = found.candidates[0]
        shown = self.dense.passage(self._position[best.entry.id], text, vector)
        return replace(found, candidates=[replace(best, passage=shown), *found.candidates[1:]])

    def rank(self, hits: LexicalHits, cosines: np.ndarray, passages: np.ndarray,
             limit: int = 3, bodies: np.ndarray | None = None) -> SearchResult:
        """Candidates from already computed evidence, best first."""
        assert self.model is not None and self.ranker is not None
        scored = rerank(self.ranker, self.lexical, hits, cosines, passages, self.families,
                        bodies)
        candidates = [Candidate(self.entries[i], p, round(self.model.probability(values), 3))
                      for i, p, values in scored[:limit]]
        return SearchResult(candidates, hits.terms, hits.unknown, hits.corrections)


def strength(result: SearchResult) -> float:
    """How sure a result is of its first entry (no entry: less than any)."""
    return result.best.confidence if result.best else -1.0


def shortlist(lexical: SearchIndex, hits: LexicalHits, cosines: np.ndarray | None,
              passages: np.ndarray | None, family_of: Sequence[np.ndarray],
              limit: int = RERANK,
              bodies: np.ndarray | None = None) -> list[tuple[int, dict[str, float]]]:
    """The fused ranking's best ``limit`` entries, each with its evidence (:func:`features`).

    The best entry in words comes too: one far ahead in words (a rare name,
    "caso Helsinki") may rank low in meaning, and fusing ranks alone would drop
    it before the ranker could weigh how far ahead it is.
    """
    fused = fuse(hits.scores, cosines)
    order = [int(i) for i in np.argsort(-fused)[:limit] if fused[i] > 0]
    if len(hits.scores) and hits.scores.max() > 0:
        best_words = int(np.argmax(hits.scores))
        if best_words not in order:
            order.append(best_words)
    return [(i, features(i, lexical, hits, cosines, fused, passages, family_of[i], bodies))
            for i in order]


def rerank(model: ConfidenceModel, lexical: SearchIndex, hits: LexicalHits,
           cosines: np.ndarray | None, passages: np.ndarray | None,
           family_of: Sequence[np.ndarray],
           bodies: np.ndarray | None = None) -> list[tuple[int, float, dict[str, float]]]:
    """The shortlist ordered by the fitted probability that each entry is the answer.

    Each entry's evidence gains the ranker's verdict (``rank_p``) and its lead
    over the best candidate outside its family (``rank_margin``), which the
    decision model weighs: a clear winner among the candidates is surer.
    """
    listed = shortlist(lexical, hits, cosines, passages, family_of, bodies=bodies)
    chances = {i: model.probability(values) for i, values in listed}
    scored = []
    for i, values in listed:
        family = set(family_of[i].tolist())
        rivals = [p for j, p in chances.items() if j != i and j not in family]
        values |= {"rank_p": chances[i], "rank_margin": chances[i] - max(rivals, default=0.0)}
        scored.append((i, chances[i], values))
    return sorted(scored, key=lambda s: -s[1])
