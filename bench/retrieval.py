"""Retrieval benchmark on an independent set: Enlace against two plain baselines, same run.

The questions are ``../shared/eval/preguntas.jsonl`` (180 in-scope, six kinds:
long, colloquial, typo, short, paraphrase, english) and
``../shared/eval/fuera-de-alcance.jsonl`` (50 out-of-scope), written from the
source documents by people who never saw ``knowledge/``. A question has no
"expected entry": each carries ``expect_any`` keyword groups, and an answer is
**correct** when every group has one variant in the text the person can read,
accent- and case-insensitively (see ``../shared/eval/README.md``). The text
judged is the entry's *full* text (title + body): the reply shows the lead and
a "📖 Ver completo" button opens the rest, the same measure as the issue's.

Per engine and kind it prints: *answered correctly* (outcome "answer" and the
answer satisfies every group), *right first* (the top-ranked entry satisfies
them, whatever the outcome), *confident wrong* (answered, not correct), the
share of out-of-scope questions *not* answered, and p50/p95 time per question
end to end (embedding of the question included). Then a reliability table for
Enlace (confidence bucket -> share of answers whose top entry is correct), and
the timings again with synthetic entries added (``--synthetic``).

The baselines (plain bm25s, plain rapidfuzz) have no confidence of their own:
they "answer" above a score threshold, reported at the threshold that is best
for them on this set (flattering to them).

    python bench/retrieval.py [--eval ../shared/eval] [--synthetic 10000] [--show-misses]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bm25s  # noqa: E402
import numpy as np  # noqa: E402
import Stemmer  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from bot.db import open_database  # noqa: E402
from bot.embeddings import load_embedder  # noqa: E402
from bot.folding import fold  # noqa: E402
from bot.knowledge.expectations import full_text, load_eval, satisfies  # noqa: E402
from bot.knowledge.qa import QuestionService  # noqa: E402
from bot.knowledge.store import Entry, KnowledgeBase, Source, load_knowledge  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
KINDS = ["long", "colloquial", "typo", "short", "paraphrase", "english"]


@dataclass(frozen=True)
class Ranking:
    """What an engine said: entries best first, the outcome and its confidence."""

    ids: list[str]
    outcome: str  # answer | clarify | none
    confidence: float


Engine = Callable[[str], Ranking]


def enlace_engine(kb: KnowledgeBase, cache: Path | str = ":memory:", embedder: object = None
                  ) -> tuple[Engine, QuestionService]:
    """Enlace as ``enlace ask`` runs it; ``cache`` holds the embedding cache (warm start)."""
    qa = QuestionService(kb, open_database(cache), now=lambda: None,  # type: ignore[arg-type]
                         embedder=embedder)

    def rank(question: str) -> Ranking:
        answer = qa.decide(question)
        ids = [answer.entry.id] if answer.entry is not None else []
        ids += [c.entry.id for c in answer.alternatives if c.entry.id not in ids]
        return Ranking(ids, answer.outcome, answer.confidence)

    return rank, qa


def rapidfuzz_engine(kb: KnowledgeBase) -> Engine:
    """Plain fuzzy matching of the question against titles and phrasings."""
    choices: list[str] = []
    owners: list[str] = []
    for entry in kb.entries.values():
        for text in [entry.title, *entry.questions]:
            choices.append(fold(text))
            owners.append(entry.id)

    def rank(question: str) -> Ranking:
        hits = process.extract(fold(question), choices, scorer=fuzz.token_set_ratio, limit=15)
        ids: list[str] = []
        for _, _, index in hits:
            if owners[index] not in ids:
                ids.append(owners[index])
        score = hits[0][1] / 100 if hits else 0.0
        return Ranking(ids[:3], "answer", score)

    return rank


def bm25_engine(kb: KnowledgeBase) -> Engine:
    """Plain bm25s (Spanish Snowball stemmer and stopwords) over each entry's whole text."""
    entries = list(kb.entries.values())
    stemmer = Stemmer.Stemmer("spanish")
    corpus = [fold(" ".join([e.title, *e.questions, *e.tags, e.body])) for e in entries]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords="es", stemmer=stemmer, show_progress=False),
                    show_progress=False)

    def rank(question: str) -> Ranking:
        tokens = bm25s.tokenize([fold(question)], stopwords="es", stemmer=stemmer,
                                show_progress=False)
        if not tokens.vocab:
            return Ranking([], "none", 0.0)
        docs, scores = retriever.retrieve(tokens, k=min(3, len(entries)), show_progress=False)
        ids = [entries[int(d)].id for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
        return Ranking(ids, "answer" if ids else "none", float(scores[0][0]) if ids else 0.0)

    return rank


@dataclass
class Run:
    """One engine's raw outcomes on the set, before any threshold."""

    rows: list[tuple[str, Ranking, bool, bool]]  # kind, ranking, top-1 correct, in scope
    times: list[float]


def run(engine: Engine, kb: KnowledgeBase, questions: list[dict], out: list[dict],
        misses: list[str] | None = None) -> Run:
    texts = {entry_id: full_text(entry) for entry_id, entry in kb.entries.items()}
    rows: list[tuple[str, Ranking, bool, bool]] = []
    times: list[float] = []
    for item in questions:
        start = time.perf_counter()
        ranking = engine(item["question"])
        times.append(time.perf_counter() - start)
        right = bool(ranking.ids) and satisfies(texts[ranking.ids[0]], item["expect_any"])
        rows.append((item["kind"], ranking, right, True))
        if misses is not None and not (right and ranking.outcome == "answer"):
            misses.append(f"  {item['id']} {item['kind']:<10} {ranking.outcome:<7} "
                          f"{ranking.confidence:.2f} {'ok ' if right else 'BAD'} "
                          f"{ranking.ids[:3]} {item['question'][:90]!r}")
    for item in out:
        start = time.perf_counter()
        ranking = engine(item["question"])
        times.append(time.perf_counter() - start)
        rows.append((item["kind"], ranking, False, False))
        if misses is not None and ranking.outcome == "answer":
            misses.append(f"  {item['id']} OOS {item['kind']:<6} answered {ranking.confidence:.2f}"
                          f" {ranking.ids[:1]} {item['question'][:90]!r}")
    return Run(rows, times)


def figures(result: Run, threshold: float | None = None) -> dict[str, float]:
    """Shares over the run; with ``threshold``, "answer" means confidence >= threshold."""
    def answered(r: Ranking) -> bool:
        if threshold is None:
            return r.outcome == "answer"
        return bool(r.ids) and r.confidence >= threshold

    inside = [(k, r, ok) for k, r, ok, scope in result.rows if scope]
    outside = [r for _, r, _, scope in result.rows if not scope]
    found: dict[str, float] = {
        "right_first": sum(ok for _, _, ok in inside) / len(inside),
        "correct": sum(ok and answered(r) for _, r, ok in inside) / len(inside),
        "clarify": sum(r.outcome == "clarify" for _, r, _ in inside) / len(inside)
        if threshold is None else 0.0,
        "confident_wrong": sum(answered(r) and not ok for _, r, ok in inside) / len(inside),
        "oos_not_answered": sum(not answered(r) for r in outside) / len(outside),
        "p50_ms": 1000 * statistics.median(result.times),
        "p95_ms": 1000 * statistics.quantiles(result.times, n=20)[-1],
    }
    for kind in KINDS:
        rows = [(r, ok) for k, r, ok in inside if k == kind]
        if rows:
            found[kind] = sum(ok and answered(r) for r, ok in rows) / len(rows)
    return found


def best_threshold(result: Run) -> float:
    """The threshold maximising correct answers + out-of-scope refused (a baseline's best)."""
    values = sorted({r.confidence for _, r, _, _ in result.rows})
    def merit(t: float) -> float:
        f = figures(result, t)
        return f["correct"] + f["oos_not_answered"]
    return max(values, key=merit) if values else 0.0


def report(results: dict[str, dict[str, float]]) -> None:
    head = (f"{'engine':<22}{'correct':>8}{'right1':>8}{'clarify':>8}{'conf.wrong':>11}"
            f"{'OOS ok':>8}{'p50 ms':>8}{'p95 ms':>8}")
    print(head)
    for name, f in results.items():
        print(f"{name:<22}{f['correct']:>8.3f}{f['right_first']:>8.3f}{f['clarify']:>8.3f}"
              f"{f['confident_wrong']:>11.3f}{f['oos_not_answered']:>8.3f}"
              f"{f['p50_ms']:>8.1f}{f['p95_ms']:>8.1f}")
    print("\nanswered correctly, by kind")
    print(f"{'engine':<22}" + "".join(f"{k:>11}" for k in KINDS))
    for name, f in results.items():
        print(f"{name:<22}" + "".join(f"{f.get(k, 0.0):>11.3f}" for k in KINDS))


def reliability(result: Run, edges: tuple[float, ...] = (0, .3, .5, .7, .8, .9, .95, 1.01)
                ) -> None:
    """Confidence bucket -> how often the top entry was right (out-of-scope counts as wrong)."""
    buckets: dict[int, list[bool]] = defaultdict(list)
    answered: dict[int, int] = defaultdict(int)
    for _, r, ok, _ in result.rows:
        if not r.ids:
            continue
        b = next(i for i in range(len(edges) - 1) if r.confidence < edges[i + 1])
        buckets[b].append(ok)
        answered[b] += r.outcome == "answer"
    print("\nreliability (Enlace): confidence -> share whose top entry is right")
    print(f"{'bucket':<14}{'n':>5}{'right':>8}{'answered':>10}")
    for i in range(len(edges) - 1):
        rows = buckets.get(i, [])
        if rows:
            print(f"[{edges[i]:.2f}, {min(edges[i + 1], 1):.2f}){'':<2}{len(rows):>5}"
                  f"{sum(rows) / len(rows):>8.2f}{answered[i]:>10}")


def synthetic(kb: KnowledgeBase, count: int, seed: int = 7) -> KnowledgeBase:
    """``kb`` plus ``count`` generated entries built from its own vocabulary."""
    rng = random.Random(seed)
    vocabulary = sorted({w for e in kb.entries.values() for w in fold(e.body).split()
                         if w.isalpha() and len(w) > 3})
    entries = dict(kb.entries)
    for i in range(count):
        def text(n: int) -> str:
            return " ".join(rng.choices(vocabulary, k=n))
        entries[f"synthetic-{i}"] = Entry(
            id=f"synthetic-{i}", title=text(6), category="conceptos",
            questions=[text(7) for _ in range(5)], tags=text(4).split(),
            sources=[Source(document="sintético")], reviewed=date(2026, 1, 1), body=text(180),
        )
    return KnowledgeBase(entries=entries, categories=kb.categories, synonyms=kb.synonyms)


class RandomKnowledgeVectors:
    """The real model for questions; random unit vectors for the knowledge texts.

    Embedding 60 000 synthetic texts would take many minutes and say nothing
    about query time, which depends only on the size of the matrix searched.
    Knowledge texts are embedded in batches when the index is built, a question
    alone at query time: a batch gets random vectors, a single text the real
    model. (So the synthetic run measures time, not accuracy.)
    """

    def __init__(self, real) -> None:  # noqa: ANN001 - any Embedder
        self.real, self.name, self.dim = real, real.name + "+synthetic", real.dim
        self._rng = np.random.default_rng(7)

    def queries(self, texts):  # noqa: ANN001, ANN201
        return self.real.queries(texts) if len(texts) == 1 else self.passages(texts)

    def passages(self, texts):  # noqa: ANN001, ANN201
        rows = self._rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder of the eval set")
    parser.add_argument("--synthetic", type=int, default=10_000)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--cache", type=Path, default=ROOT / ".work" / "embeddings.db",
                        help="SQLite file for the embedding cache (warm after the first run)")
    parser.add_argument("--lexical", action="store_true", help="without the embedding model")
    args = parser.parse_args()
    embedder = None if args.lexical else load_embedder()

    kb = load_knowledge(ROOT / "knowledge")
    questions, out = load_eval(args.eval)
    print(f"{len(kb.entries)} entries, {len(questions)} in-scope and {len(out)} out-of-scope "
          f"questions from {args.eval}")
    start = time.perf_counter()
    enlace, qa = enlace_engine(kb, args.cache, embedder)
    print(f"Enlace ready in {1000 * (time.perf_counter() - start):.0f} ms "
          f"(embedder: {getattr(qa, 'embedder_name', None) or 'none'})")
    enlace("warm up")
    misses: list[str] = []
    runs = {"enlace": run(enlace, kb, questions, out, misses if args.show_misses else None),
            "bm25s": run(bm25_engine(kb), kb, questions, out),
            "rapidfuzz": run(rapidfuzz_engine(kb), kb, questions, out)}
    results = {"enlace": figures(runs["enlace"])}
    for name in ("bm25s", "rapidfuzz"):
        threshold = best_threshold(runs[name])
        results[f"{name} (t={threshold:.2f})"] = figures(runs[name], threshold)
    print()
    report(results)
    reliability(runs["enlace"])
    if misses:
        print("\nEnlace misses (outcome, confidence, top entry right?, top 3, question):")
        print("\n".join(misses))
    if args.synthetic:
        big = synthetic(kb, args.synthetic)
        start = time.perf_counter()
        fake = RandomKnowledgeVectors(embedder) if embedder is not None else None
        enlace_big, _ = enlace_engine(big, ":memory:", fake)
        print(f"\nEnlace over {len(big.entries)} entries built in "
              f"{time.perf_counter() - start:.1f} s")
        f = figures(run(enlace_big, big, questions, out))
        print(f"with {args.synthetic} synthetic entries: p50 {f['p50_ms']:.1f} ms, "
              f"p95 {f['p95_ms']:.1f} ms per question")


if __name__ == "__main__":
    main()
