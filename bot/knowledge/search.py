"""Retrieval over the knowledge base: field-weighted BM25 with Spanish analysis.

Why this shape:

- **BM25F** (one BM25 score from weighted per-field term frequencies): a word
  in a title or an alternate phrasing says far more about what an entry answers
  than the same word deep in the body.
- **Synonyms and acronyms** are folded into a shared token on both sides, so
  "aod" finds "ayuda oficial al desarrollo" and back.
- **Typo correction**: a query word that is not in the knowledge vocabulary is
  replaced by its closest vocabulary word (rapidfuzz), if close enough or one
  that sounds the same (see :mod:`.spelling`).
- **Confidence** combines how much of the question the best entry covers
  (idf-weighted), how close the question is to one of its phrasings, and how
  far it is ahead of the runner-up; words the knowledge base has never seen
  pull confidence down, which is what keeps out-of-scope questions from
  getting a confident answer.

Scoring is vectorised with numpy (postings as arrays), so a query costs a few
array additions even with 10 000 entries.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from bot.folding import fold
from bot.knowledge.english import asks_what_not, spanish_words
from bot.knowledge.spelling import SYNONYM_PREFIX, Corrector, SynonymMatcher
from bot.knowledge.store import Entry
from bot.knowledge.text import (
    analyze,
    content_words,
    english_stopwords,
    is_english,
    stem,
    stopwords,
)
from bot.knowledge.text import words as split_words

FIELD_WEIGHTS = {"title": 2.5, "questions": 2.0, "tags": 1.5, "body": 1.0}
FIELD_B = {"title": 0.3, "questions": 0.5, "tags": 0.3, "body": 0.75}
K1 = 1.2

# Words people add to a question that say nothing about its subject.
FILLER = frozenset(fold(w) for w in """
    oiga oigan hola buenas buenos dias tardes noches porfa favor gracias necesito
    necesitamos quiero quisiera queria saber sabe sabes explicar explique expliqueme explicame
    cuenteme cuentame dime digame diga ayuda ayudeme ayudame duda pregunta tema informacion
    sumerce parce mano profe doctora doctor senor senora jefe jefa resumen resumido breve
    rapido entender entiendo significa significado define consiste
    hablame hableme mostrar muestreme muestrame ver listar lista cuales favor pues bueno
    ok okay vale listo cierto verdad alguien sabe hay tenemos tiene tienen toca hace
    """.split())

BODY_ONLY_CREDIT = 0.6
COVERAGE_WEIGHT = 0.6
AMBIGUITY_PENALTY = 0.3
AMBIGUITY_PENALTY_SHORT = 0.45
SHORT_QUERY = 1
DECISIVE_LEAD = 0.3
GUESSED_CREDIT = 0.65
UNKNOWN_WEIGHT = 1.0
NO_HEAD_FACTOR = 0.6
SPELLING_SHARE = 0.5
# Document-naming terms (see SearchIndex._terms_of_documents): held by this share of
# one document's entries (with at least this many), by less than that share of others.
DOCUMENT_MIN_ENTRIES = 5
DOCUMENT_TERM_INSIDE = 0.75
DOCUMENT_TERM_OUTSIDE = 0.1
DOCUMENT_TERM_WEIGHT = 0.3


@dataclass(frozen=True)
class Candidate:
    """A ranked entry with the evidence behind its rank."""

    entry: Entry
    score: float
    confidence: float
    passage: str | None = None  # the lines past the lead the question is about (hybrid only)


@dataclass(frozen=True)
class LexicalHits:
    """A question as the lexical index understood it, and every entry's BM25F score."""

    scores: np.ndarray
    terms: list[str]
    words: list[str]
    unknown: list[str]
    guessed: set[str]
    corrections: dict[str, str]
    english: bool = False
    wording: str = ""  # the question's folded words, function words included


@dataclass(frozen=True)
class SearchResult:
    candidates: list[Candidate]
    terms: list[str]
    unknown: list[str]
    corrections: dict[str, str]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


class SearchIndex:
    """An immutable index over entries; rebuild it when entries change."""

    def __init__(self, entries: Iterable[Entry], synonyms: Iterable[list[str]] = (),
                 extra_phrasings: dict[str, list[str]] | None = None) -> None:
        self.entries = list(entries)
        self.synonyms = SynonymMatcher(synonyms)
        self._synonym_terms = self.synonyms.terms_of
        self._words = self.synonyms.words | {
            w for e in self.entries for w in content_words(" ".join([e.title, *e.tags, e.body]))
        }
        self._speller = Corrector(self._words, stopwords() | FILLER)
        extra = extra_phrasings or {}
        phrasings = [[e.title] + [self._respell(q) for q in [*e.questions, *extra.get(e.id, [])]]
                     for e in self.entries]
        self._phrasings = [[" ".join(sorted(content_words(p))) for p in ps] for ps in phrasings]
        self._wordings = [[" ".join(split_words(p)) for p in ps] for ps in phrasings]
        self._phrasing_terms = [[set(self.synonyms.expand(analyze(p))) for p in ps]
                                for ps in phrasings]
        self._build([self._fields(e, ps[1:]) for e, ps in zip(self.entries, phrasings,
                                                               strict=True)])
        # Words only the phrasings use ("plata", "amarrada") are known words too.
        self._words |= {w for ps in phrasings for w in content_words(" ".join(ps))}
        self._speller = Corrector(self._words, stopwords() | FILLER)

    def _respell(self, phrasing: str) -> str:
        """A phrasing with its deliberate typos ("cooperasion") spelt right.

        Curators write typos into phrasings the way liaisons type; indexed as
        they are, a typo would become a "known" word and pull every question
        with that typo to one entry. Spelt right, the typo in a question is
        corrected like any other.
        """
        fixed = [w if w in self._words or w.isdigit() else (self.correct(w) or w)
                 for w in split_words(phrasing)]
        return " ".join(fixed)

    # -- building ----------------------------------------------------------------
    def _fields(self, entry: Entry, questions: list[str]) -> dict[str, list[str]]:
        return {
            "title": self.synonyms.expand(analyze(entry.title)),
            "questions": self.synonyms.expand(analyze(" . ".join(questions))),
            "tags": self.synonyms.expand(analyze(" . ".join(entry.tags))),
            "body": self.synonyms.expand(analyze(entry.body)),
        }

    def _build(self, fields: list[dict[str, list[str]]]) -> None:
        n = len(fields)
        avg = {f: (sum(len(d[f]) for d in fields) / n if n else 1.0) or 1.0 for f in FIELD_WEIGHTS}
        df: Counter[str] = Counter()
        pseudo_tf: list[dict[str, float]] = []
        for doc in fields:
            tf: dict[str, float] = defaultdict(float)
            for name, terms in doc.items():
                norm = 1 - FIELD_B[name] + FIELD_B[name] * len(terms) / avg[name]
                for term, count in Counter(terms).items():
                    tf[term] += FIELD_WEIGHTS[name] * count / norm
            pseudo_tf.append(tf)
            df.update(tf.keys())
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
        for doc_index, tf in enumerate(pseudo_tf):
            for term, value in tf.items():
                ids, weights = postings[term]
                ids.append(doc_index)
                weights.append(self.idf[term] * value * (K1 + 1) / (K1 + value))
        self._postings = {t: (np.array(i, dtype=np.int32), np.array(w)) for t, (i, w) in
                          postings.items()}
        self._doc_terms = [set(tf) for tf in pseudo_tf]
        self._head_terms = [set(d["title"]) | set(d["questions"]) | set(d["tags"]) for d in fields]
        self._title_terms = [set(d["title"]) for d in fields]
        self._document_terms = self._terms_of_documents()
        self._stems = set(self.idf)
        self._max_idf = max(self.idf.values(), default=1.0)

    def _terms_of_documents(self) -> frozenset[str]:
        """Terms that name a source document rather than a subject ("fcm", "bogota", "2019").

        A term most entries of one document hold, and few others, tells which
        document a question is about, not which of its entries: "según la guía
        de la FCM" should not pull the question to the two entries that happen
        to have "FCM" in their title.
        """
        members: dict[str, list[int]] = defaultdict(list)
        for i, entry in enumerate(self.entries):
            for document in {s.document for s in entry.sources}:
                members[document].append(i)
        found: set[str] = set()
        total = Counter(t for terms in self._doc_terms for t in terms)
        for inside in members.values():
            outside = len(self.entries) - len(inside)
            if len(inside) < DOCUMENT_MIN_ENTRIES or outside <= 0:
                continue
            counts = Counter(t for i in inside for t in self._doc_terms[i])
            found.update(t for t, n in counts.items()
                         if n / len(inside) >= DOCUMENT_TERM_INSIDE
                         and (total[t] - n) / outside < DOCUMENT_TERM_OUTSIDE)
        return frozenset(found)

    # -- querying ------------------------------------------------------------------
    def correct(self, word: str) -> str | None:
        """The vocabulary word ``word`` was probably meant to be, or None."""
        return self._speller.correct(word)

    def search(self, query: str, limit: int = 5) -> SearchResult:
        """Rank entries for ``query``, best first, each with a confidence in [0, 1]."""
        hits = self.lexical(query)
        scores, terms = hits.scores, hits.terms
        if not terms or not self.entries:
            return SearchResult([], terms, hits.unknown, hits.corrections)
        order = np.argsort(-scores)[:limit]
        ranked = [int(i) for i in order if scores[i] > 0]
        top = scores[ranked[0]] if ranked else 0.0
        second = scores[ranked[1]] if len(ranked) > 1 else 0.0
        candidates = [
            Candidate(self.entries[i], float(scores[i]),
                      self.confidence(i, hits, second if i == ranked[0] else top))
            for i in ranked
        ]
        candidates.sort(key=lambda c: (-c.confidence, -c.score))
        return SearchResult(candidates, terms, hits.unknown, hits.corrections)

    def lexical(self, query: str) -> LexicalHits:
        """BM25F scores of every entry for ``query``, with the words behind them."""
        words, corrections, unknown = self._understand(query)
        english = is_english(query)
        terms = self.synonyms.expand([stem(w) for w in words])
        guessed = {stem(w) for w in corrections.values()}
        scores = np.zeros(len(self.entries))
        present = {t for t in terms if t in self._postings}
        # With words about the subject, the words naming the document only count a little.
        naming = present & self._document_terms if present - self._document_terms else set()
        for term in present:
            ids, weights = self._postings[term]
            scores[ids] += weights * (DOCUMENT_TERM_WEIGHT if term in naming else 1.0)
        return LexicalHits(scores, terms, words, unknown, guessed, corrections, english,
                           " ".join(split_words(query)))

    def confidence(self, index: int, hits: LexicalHits, rival: float) -> float:
        """The hand-weighted lexical confidence of entry ``index`` (see :meth:`_confidence`)."""
        return self._confidence(index, hits.terms, hits.words, hits.unknown, hits.guessed,
                                float(hits.scores[index]), rival)

    def phrasing_match(self, index: int, hits: LexicalHits) -> float:
        """How closely the question is worded like one of entry ``index``'s phrasings (0-1).

        Function words count here ("qué es un…"): people ask the way the
        phrasings are written, and a question that is one of them, or a part
        of one, names that entry more surely than shared keywords do.
        """
        if not hits.wording:
            return 0.0
        return max((fuzz.token_set_ratio(hits.wording, p) for p in self._wordings[index]),
                   default=0.0) / 100

    def title_coverage(self, index: int, hits: LexicalHits) -> float:
        """Share of the question's (idf-weighted) words that entry ``index``'s title holds.

        The entry whose title names what is asked ("¿qué significa AOD?") is
        about it; one that only mentions it in its text (an overview listing
        every chapter) is not.
        """
        return self.coverage(index, hits, self._title_terms[index])

    def coverage(self, index: int, hits: LexicalHits, within: set[str] | None = None) -> float:
        """Share of the question's (idf-weighted) words that entry ``index`` contains."""
        doc_terms = self._doc_terms[index] if within is None else within
        base = [t for t in hits.terms if not t.startswith(SYNONYM_PREFIX)]
        synonyms = {t for t in hits.terms if t.startswith(SYNONYM_PREFIX)}
        covered = total = 0.0
        for term in base:
            weight = self.idf.get(term, self._max_idf)
            total += weight
            via = {s for s in synonyms if term in self._synonym_terms.get(s, ())}
            if term in doc_terms or via & doc_terms:
                covered += weight
        total += UNKNOWN_WEIGHT * self._max_idf * len(hits.unknown)
        return covered / total if total else 0.0

    def _understand(self, query: str) -> tuple[list[str], dict[str, str], list[str]]:
        """Content words of ``query``, misspellings corrected, unknown words set apart."""
        kept: list[str] = []
        corrections: dict[str, str] = {}
        unknown: list[str] = []
        english = is_english(query)
        english_stop = english_stopwords() if english else frozenset()
        spanish_stop = stopwords()
        if english and asks_what_not(split_words(query)):
            kept.append("no")  # the "no" of "qué no es", which the index keeps
        for word in content_words(query):
            # English function words would pull the question to the few English phrasings.
            if english and (translated := [w for w in spanish_words(word)
                                           if w not in spanish_stop]):
                kept.extend(w for w in translated
                            if w in self._words or stem(w) in self._stems)
                continue
            if word in FILLER or word in english_stop:
                continue
            if word in self._words or stem(word) in self._stems or word.isdigit():
                kept.append(word)
                continue
            if english:  # not misspelt Spanish, nor unknown: its shared names count
                continue
            if self._speller.function_word(word):
                continue
            fixed = self.correct(word)
            if fixed:
                corrections[word] = fixed
                kept.append(fixed)
            else:
                unknown.append(word)
        return kept, corrections, unknown

    def _confidence(self, index: int, terms: list[str], words: list[str], unknown: list[str],
                    guessed: set[str], score: float, rival: float) -> float:
        """How sure we are that entry ``index`` answers the question.

        A question word found in the entry's title, phrasings or tags counts
        fully; found only in the body it counts for less, and when none of the
        question's words is in those "aboutness" fields the entry merely
        mentions the subject, so confidence is scaled down. A word we had to
        guess by typo correction counts for less, and a word the knowledge base
        has never seen counts against: it is what out-of-scope questions have.
        """
        doc_terms, head = self._doc_terms[index], self._head_terms[index]
        base = [t for t in terms if not t.startswith(SYNONYM_PREFIX)]
        synonyms = {t for t in terms if t.startswith(SYNONYM_PREFIX)}
        covered = head_covered = total = 0.0
        for term in base:
            weight = self.idf.get(term, self._max_idf)
            total += weight
            credit = GUESSED_CREDIT if term in guessed else 1.0
            via = {s for s in synonyms if term in self._synonym_terms.get(s, ())}
            if term in head or via & head:
                covered += credit * weight
                head_covered += weight
            elif term in doc_terms or via & doc_terms:
                covered += credit * BODY_ONLY_CREDIT * weight
        total += UNKNOWN_WEIGHT * self._max_idf * len(unknown)
        coverage = covered / total if total else 0.0
        key = " ".join(sorted(words))
        spelling = max((fuzz.token_sort_ratio(key, p) for p in self._phrasings[index]),
                       default=0.0) / 100
        overlap = self._phrasing_overlap(index, set(terms))
        similarity = SPELLING_SHARE * spelling + (1 - SPELLING_SHARE) * overlap
        confidence = COVERAGE_WEIGHT * coverage + (1 - COVERAGE_WEIGHT) * similarity
        if head_covered == 0:
            confidence *= NO_HEAD_FACTOR
        # A close runner-up means the question fits several entries equally well;
        # a one- or two-word question ("memorando") says too little to choose.
        lead = 1.0 if rival <= 0 else max(0.0, (score - rival) / score) if score > 0 else 0.0
        penalty = AMBIGUITY_PENALTY if len(base) > SHORT_QUERY else AMBIGUITY_PENALTY_SHORT
        confidence *= 1 - penalty * (1 - min(1.0, lead / DECISIVE_LEAD))
        return round(max(0.0, min(1.0, confidence)), 3)

    def _phrasing_overlap(self, index: int, query: set[str]) -> float:
        """idf-weighted Dice overlap with the closest phrasing of entry ``index``.

        Comparing the question with each way the entry is asked, one at a
        time, rewards a question that matches one phrasing well over one that
        collects words scattered across many.
        """
        def mass(terms: set[str]) -> float:
            return sum(self.idf.get(t, self._max_idf) for t in terms)

        query_mass = mass(query)
        best = 0.0
        for phrasing in self._phrasing_terms[index]:
            total = query_mass + mass(phrasing)
            if total:
                best = max(best, 2 * mass(query & phrasing) / total)
        return best
