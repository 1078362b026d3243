"""Retrieval benchmark: Enlace's engine against two baselines, in the same run.

Questions: ``bench/questions/*.jsonl`` (``{"q", "id"}``: realistic liaison
questions with the entry that answers them) and
``bench/questions/*out_of_scope.txt`` (questions the knowledge base must not
claim to answer). Files named ``eval-*`` were written from the source
documents by people who had not seen the entries' phrasings nor the engine.
Prints, per engine: top-1 and top-3 accuracy on in-scope questions, the share
answered confidently and correctly, the share of out-of-scope questions with no
confident answer, and p50/p95 time per question; then the timings again with 10 000 synthetic
entries added. Ratios against the baselines are what to compare across
machines, not the absolute milliseconds.

    python bench/retrieval.py [--synthetic 10000] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import bm25s  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402

from bot.db import open_database  # noqa: E402
from bot.knowledge.qa import QuestionService  # noqa: E402
from bot.knowledge.store import Entry, KnowledgeBase, Source, load_knowledge  # noqa: E402
from bot.knowledge.text import fold  # noqa: E402

QUESTIONS = ROOT / "bench" / "questions"


@dataclass(frozen=True)
class Ranking:
    ids: list[str]
    confident: bool


Engine = Callable[[str], Ranking]


def load_questions(pattern: str = "*.jsonl") -> tuple[list[tuple[str, str]], list[str]]:
    """In-scope (question, expected id) pairs from files matching ``pattern``, and out-of-scope.

    ``eval-*.jsonl`` were written from the source documents by people who did
    not see the entries' phrasings: the honest held-out set. The others were
    written by the entries' curators.
    """
    in_scope = [
        (row["q"], row["id"])
        for path in sorted(QUESTIONS.glob(pattern))
        for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        if row
    ]
    out = [line.strip() for path in sorted(QUESTIONS.glob("*out_of_scope.txt"))
           for line in path.read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith("#")]
    return in_scope, out


def enlace_engine(kb: KnowledgeBase) -> Engine:
    qa = QuestionService(kb, open_database(":memory:"), now=lambda: None)  # type: ignore[arg-type]

    def rank(question: str) -> Ranking:
        answer = qa.decide(question)
        ids = [c.entry.id for c in qa.index.search(question, limit=3).candidates]
        if answer.outcome == "answer" and answer.entry is not None:
            ids = [answer.entry.id] + [i for i in ids if i != answer.entry.id]
        return Ranking(ids, answer.outcome == "answer")

    return rank


def rapidfuzz_engine(kb: KnowledgeBase, threshold: float = 70) -> Engine:
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
        return Ranking(ids[:3], bool(hits) and hits[0][1] >= threshold)

    return rank


def bm25_engine(kb: KnowledgeBase) -> Engine:
    """Plain BM25 (bm25s) over each entry's whole text, no Spanish analysis."""
    entries = list(kb.entries.values())
    corpus = [fold(" ".join([e.title, *e.questions, *e.tags, e.body])) for e in entries]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus, stopwords=None, show_progress=False),
                    show_progress=False)

    def rank(question: str) -> Ranking:
        tokens = bm25s.tokenize([fold(question)], stopwords=None, show_progress=False)
        if not tokens.vocab:
            return Ranking([], False)
        docs, scores = retriever.retrieve(tokens, k=min(3, len(entries)), show_progress=False)
        ids = [entries[int(d)].id for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
        return Ranking(ids, bool(ids))

    return rank


def measure(engine: Engine, in_scope: list[tuple[str, str]], out: list[str],
            misses: list[str] | None = None) -> dict[str, float]:
    top1 = top3 = rejected = answered = 0
    times: list[float] = []
    for question, expected in in_scope:
        start = time.perf_counter()
        ranking = engine(question)
        times.append(time.perf_counter() - start)
        top1 += bool(ranking.ids) and ranking.ids[0] == expected
        top3 += expected in ranking.ids[:3]
        answered += ranking.confident and ranking.ids[0] == expected
        if misses is not None and (not ranking.ids or ranking.ids[0] != expected):
            misses.append(f"  MISS {question!r}: want {expected}, got {ranking.ids[:3]} "
                          f"conf={ranking.confident}")
    for question in out:
        start = time.perf_counter()
        ranking = engine(question)
        times.append(time.perf_counter() - start)
        rejected += not ranking.confident
        if misses is not None and ranking.confident:
            misses.append(f"  OOS-ANSWERED {question!r}: {ranking.ids[:1]}")
    return {
        "top1": top1 / len(in_scope), "top3": top3 / len(in_scope),
        "answered": answered / len(in_scope),
        "oos_rejected": rejected / len(out) if out else 1.0,
        "p50_ms": 1000 * statistics.median(times),
        "p95_ms": 1000 * statistics.quantiles(times, n=20)[-1],
    }


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


def report(title: str, results: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"{'engine':<12}{'top-1':>8}{'top-3':>8}{'answered':>10}{'OOS ok':>8}"
          f"{'p50 ms':>9}{'p95 ms':>9}")
    for name, r in results.items():
        print(f"{name:<12}{r['top1']:>8.3f}{r['top3']:>8.3f}{r['answered']:>10.3f}"
              f"{r['oos_rejected']:>8.3f}"
              f"{r['p50_ms']:>9.3f}{r['p95_ms']:>9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=10_000)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()

    kb = load_knowledge(ROOT / "knowledge")
    in_scope, out = load_questions()
    held_out, _ = load_questions("eval-*.jsonl")
    print(f"{len(kb.entries)} entries, {len(in_scope)} in-scope questions "
          f"({len(held_out)} of them held out), {len(out)} out-of-scope questions")
    misses: list[str] = []
    start = time.perf_counter()
    enlace = enlace_engine(kb)
    print(f"Enlace index built in {1000 * (time.perf_counter() - start):.1f} ms")
    engines = {"enlace": enlace, "rapidfuzz": rapidfuzz_engine(kb), "bm25s": bm25_engine(kb)}
    report("Real knowledge base, all questions", {
        name: measure(engine, in_scope, out, misses if args.show_misses and name == "enlace"
                      else None)
        for name, engine in engines.items()
    })
    report("Real knowledge base, held-out questions only (eval-*.jsonl)", {
        name: measure(engine, held_out, out) for name, engine in engines.items()
    })
    if misses:
        print("\n".join(misses))
    if args.synthetic:
        big = synthetic(kb, args.synthetic)
        start = time.perf_counter()
        enlace_big = enlace_engine(big)
        print(f"\nEnlace index over {len(big.entries)} entries built in "
              f"{time.perf_counter() - start:.1f} s")
        report(f"With {args.synthetic} synthetic entries added", {
            "enlace": measure(enlace_big, in_scope, out),
            "rapidfuzz": measure(rapidfuzz_engine(big), in_scope, out),
            "bm25s": measure(bm25_engine(big), in_scope, out),
        })


if __name__ == "__main__":
    main()
