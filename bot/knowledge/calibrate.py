"""Fit the confidence models (``confidence.json``) on the knowledge base itself.

    python -m bot.knowledge.calibrate [--cache data/enlace.db]

Training examples, each the evidence for the top-ranked entry of a search and
whether that entry was the right one:

- **held out**: each entry in turn loses half of its phrasings (title, tags,
  text and the other half stay), and each of those phrasings is asked; right if
  the entry still comes first (left out when a related entry or one from the
  same source section comes first: it may well answer it, and counting it
  wrong taught the model that real, answerable questions are doubtful). This
  is a question worded differently from anything indexed, about an entry that
  has phrasings, as every entry has.
- **entry removed**: the same phrasings asked with the entry gone altogether:
  whatever comes first is wrong (left out when it is a related entry or one
  from the same source section, which may well answer it). This is the near
  out-of-scope question.
- **out of scope**: ``bench/questions/*out_of_scope.txt``.
- **curators' questions**: ``bench/questions/*.jsonl`` with the entry that
  answers them; right when it comes first.
- **independent questions**: sets in the eval format (:data:`EVAL_SETS`),
  written from the sources by people who never saw ``knowledge/``; right when
  the entry's text holds every key fact (as the benchmark judges). Their
  out-of-scope questions count as out of scope. They teach the fit how people
  really ask (a long message's cosine is lower, an English one shares no
  word), which the curated phrasings under-represent. The figures these sets
  then give are in-sample: only a set kept out of the fit measures.

Every question gives one row per entry of its shortlist (the fused ranking's
best :data:`.hybrid.RERANK`). Two models are fitted: the **ranker** on all
rows (which candidate is the answer: it re-orders the shortlist), and the
**decision** model on the row the ranker puts first (how often that first
candidate is right). ``--reuse`` refits on the rows saved by the last run.

Then the "answer" threshold is the
lowest fitted probability above which at least ``PRECISION`` of these answers
were right. "Clarify" (up to three options) starts where the questions left
between it and "answer" still had the right entry first at least
``CLARIFY_SHARE`` of the time; below that the options are mostly noise (most
are questions the knowledge base cannot answer), so the reply is "no
encontré" with the categories.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from bot.db import open_database
from bot.embeddings import load_embedder
from bot.knowledge.confidence import (
    HYBRID_FEATURES,
    RANK_FEATURES,
    WEIGHTS_FILE,
    fit,
    threshold_for,
)
from bot.knowledge.expectations import full_text, load_eval, satisfies
from bot.knowledge.facts import fact_question, missing_fact, unknown_name
from bot.knowledge.focus import embedding_text, focus
from bot.knowledge.hybrid import RERANK, DenseIndex, families, shortlist
from bot.knowledge.search import SearchIndex
from bot.knowledge.store import Entry, load_knowledge
from bot.knowledge.text import respelled

ROOT = Path(__file__).resolve().parent.parent.parent
FOLDS = 2  # an entry's phrasings are asked half at a time, with that half held out
# Precision of "answer" over the fit's weighted mix, which is harder than real use: most of
# its answerable rows are the knowledge base's own phrasings asked with half of them held
# out. Left-one-set-out on the seven independent sets (bench/crossfit.py), 0.93 here gives
# answers right 0.953 of the time on them, out-of-scope questions counted as wrong, and
# 0.941 of the in-scope questions answered correctly (0.95 here: 0.959 and 0.923).
PRECISION = 0.93
MISSING_SHARE = 0.25  # share of asked questions whose answer is not in the knowledge base
CLARIFY_SHARE = 0.4
# Share of the answerable examples' weight given to the curators' questions: written the
# way people ask (long, colloquial, misspelt, English), they are far fewer than the
# knowledge base's own phrasings, which are short and close to their siblings.
CURATED_SHARE = 0.5
# Share of the answerable examples' weight given to the independent sets' questions.
EVAL_SHARE = 0.5
EVAL_SETS = (ROOT.parent / "shared" / "eval",
             *sorted(p for p in (ROOT / "bench" / "eval-sets").glob("*") if p.is_dir()))


def examples(cache: Path, eval_sets: tuple[Path, ...] = EVAL_SETS) -> list[dict]:
    """One row per shortlisted entry (see :func:`.hybrid.shortlist`) of every question asked.

    Rows of one question share a ``group``; ``right`` says whether the row's
    entry is the answer, ``skip`` marks an entry that may answer it too (related,
    same section): not fitted on, and a question whose best is one is not counted.
    """
    kb = load_knowledge(ROOT / "knowledge")
    entries = list(kb.entries.values())
    embedder = load_embedder()
    if embedder is None:
        sys.exit("The embedding model is not installed: cannot fit the hybrid model.")
    db = open_database(cache)
    phrasings = [[e.title, *e.questions] for e in entries]
    dense = DenseIndex(entries, phrasings, embedder, db)
    owner = dense.owner
    full = SearchIndex(entries, kb.synonyms)
    rows: list[dict] = []
    family_of: dict[tuple[str, ...], list[np.ndarray]] = {}
    groups = iter(range(10**9))

    def record(index: SearchIndex, question: str,
               vectors: tuple[np.ndarray, np.ndarray, np.ndarray],
               right: frozenset[str], source: str, asked_id: str | None = None,
               skip_top: frozenset[str] = frozenset(), eval_set: str | None = None) -> None:
        cosines, passages, bodies = vectors
        hits = index.lexical(focus(question))
        if not (hits.terms or hits.unknown):
            return
        key = tuple(e.id for e in index.entries)
        if key not in family_of:
            family_of[key] = families(index.entries)
        group = next(groups)
        question_part = fact_question(question)  # as QuestionService.decide checks it
        for i, values in shortlist(index, hits, cosines, passages, family_of[key],
                                   bodies=bodies):
            entry_id = index.entries[i].id
            entry = index.entries[i]
            family = [index.entries[j].id for j in family_of[key][i]]
            # Refused whatever its confidence: the entry lacks the kind of fact asked.
            refused = bool(missing_fact(question_part, f"{entry.title}\n{entry.body}",
                                        hits.corrections)
                           or unknown_name(question_part, hits.unknown))
            rows.append(values | {"right": float(entry_id in right), "family": family,
                                  "skip": entry_id in skip_top, "group": group,
                                  "source": source, "top": entry_id, "asked": asked_id,
                                  "question": question, "refused": refused,
                                  "set": eval_set})

    overlapping = {e.id: overlaps(e, entries) for e in entries}
    for n, entry in enumerate(entries):
        print(f"\r{n + 1}/{len(entries)} {entry.id:<60}", end="", file=sys.stderr, flush=True)
        first = int(np.nonzero(owner == n)[0][0])  # its title; its questions follow
        removed_index = SearchIndex([e for e in entries if e.id != entry.id], kb.synonyms)
        for fold in range(FOLDS):
            asked = [i for i in range(len(entry.questions)) if i % FOLDS == fold]
            kept = [q for i, q in enumerate(entry.questions) if i % FOLDS != fold]
            held = [e if e.id != entry.id
                    else e.model_copy(update={"questions": kept or [e.title]}) for e in entries]
            held_index = SearchIndex(held, kb.synonyms)
            skip = np.zeros(len(owner), dtype=bool)
            skip[[first + 1 + i for i in asked]] = True
            for i in asked:
                vector = dense.phrasings[first + 1 + i]
                cosines = dense.cosines(vector, skip_rows=skip)
                passages = dense.passage_cosines(vector)
                bodies = dense.body_cosines(vector, passages)
                record(held_index, entry.questions[i], (cosines, passages, bodies),
                       frozenset({entry.id}), "held", skip_top=overlapping[entry.id])
                record(removed_index, entry.questions[i],
                       (np.delete(cosines, n), np.delete(passages, n), np.delete(bodies, n)),
                       frozenset(), "removed", entry.id, skip_top=overlapping[entry.id])
    print(file=sys.stderr)
    out_of_scope = [line.strip() for path in sorted((ROOT / "bench" / "questions")
                                                    .glob("*out_of_scope.txt"))
                    for line in path.read_text(encoding="utf-8").splitlines()
                    if line.strip() and not line.startswith("#")]
    curated = [json.loads(line) for path in sorted((ROOT / "bench" / "questions").glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {e.id: full_text(e) for e in entries}
    independent: list[tuple[str, frozenset[str], str]] = []
    for folder in eval_sets:
        if not folder.is_dir():
            print(f"no eval set at {folder}: fitted without it", file=sys.stderr)
            continue
        inside, outside = load_eval(folder)
        independent += [(item["question"], frozenset(
            i for i, text in texts.items() if satisfies(text, item["expect_any"])), folder.name)
            for item in inside]
        independent += [(item["question"], frozenset(), folder.name) for item in outside]
    # Embedded as search embeds them: respelled as the words were understood.
    asked = [embedding_text(respelled(q, full.lexical(focus(q)).corrections))
             for q in [*out_of_scope, *(row["q"] for row in curated),
                       *(q for q, _, _ in independent)]]
    vectors = embedder.queries(asked)
    def evidence(vector: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        passages = dense.passage_cosines(vector)
        return dense.cosines(vector), passages, dense.body_cosines(vector, passages)

    for question, vector in zip(out_of_scope, vectors, strict=False):
        record(full, question, evidence(vector), frozenset(), "out")
    start = len(out_of_scope)
    for row, vector in zip(curated, vectors[start:start + len(curated)], strict=True):
        record(full, row["q"], evidence(vector), frozenset({row["id"]}), "curated")
    start += len(curated)
    for (question, right, name), vector in zip(independent, vectors[start:], strict=True):
        record(full, question, evidence(vector), right, "eval" if right else "eval-out",
               eval_set=name)
    return rows


def prior_weights(rows: list[dict]) -> np.ndarray:
    """Weights giving questions without an answer (removed, out of scope) ``MISSING_SHARE``.

    Half the raw examples are "entry removed" ones; people mostly ask what the
    knowledge base covers, and the precision of "answer" depends on that mix.
    Among the answerable ones, the curators' questions get ``CURATED_SHARE`` of
    what is not the independent sets', which get ``EVAL_SHARE``.
    """
    source = np.array([r["source"] for r in rows])
    missing = np.isin(source, ["removed", "out", "eval-out"])
    weights = np.ones(len(rows))
    # Questions written as people write weigh as much as the knowledge base's
    # held-out phrasings, which are many and easier.
    shares = {"held": (1 - EVAL_SHARE) * (1 - CURATED_SHARE),
              "curated": (1 - EVAL_SHARE) * CURATED_SHARE, "eval": EVAL_SHARE}
    present = {name: share for name, share in shares.items() if (source == name).any()}
    total = sum(present.values())
    answerable = (~missing).sum()
    for name, share in present.items():
        mask = source == name
        weights[mask] = share / total * answerable / mask.sum()
    if missing.any() and (~missing).any():
        weights[missing] = (MISSING_SHARE / (1 - MISSING_SHARE) * weights[~missing].sum()
                            / missing.sum())
    return weights


def overlaps(entry: Entry, entries: list[Entry]) -> frozenset[str]:
    """Entries that may answer ``entry``'s questions too: related, or from the same section."""
    sections = {(s.document, s.section) for s in entry.sources}
    return frozenset(
        e.id for e in entries
        if e.id != entry.id and (e.id in entry.related or entry.id in e.related
                                 or sections & {(s.document, s.section) for s in e.sources}))


def band_threshold(probabilities: np.ndarray, right: np.ndarray, share: float, below: float,
                   weights: np.ndarray) -> float:
    """The lowest t where examples with t <= p < ``below`` are right ``share`` of the time.

    Unlike :func:`threshold_for`, the answered examples above ``below`` do not count:
    what matters for offering options is how often the ones offered are right.
    """
    band = probabilities < below
    for t in np.unique(probabilities[band]):
        chosen = band & (probabilities >= t)
        if np.average(right[chosen], weights=weights[chosen]) >= share:
            return float(t)
    return below


def best_of_groups(rows: list[dict], p: np.ndarray) -> list[int]:
    """For each question, the row the model puts first (skipped when it is an overlapping entry)."""
    best: dict[int, int] = {}
    for n, row in enumerate(rows):
        g = row["group"]
        if g not in best or p[n] > p[best[g]]:
            best[g] = n
    # A question the fact checks refuse (see :func:`.facts.missing_fact`) is never
    # answered, whatever its confidence: it says nothing of where "answer" should start.
    return [n for n in best.values()
            if not rows[n]["skip"] and not rows[n].get("refused", False)]


def add_rank_evidence(rows: list[dict], p_rank: np.ndarray) -> None:
    """``rank_p`` and ``rank_margin`` on every row, as :func:`.hybrid.rerank` adds them."""
    by_group: dict[int, list[int]] = {}
    for n, row in enumerate(rows):
        by_group.setdefault(row["group"], []).append(n)
    for members in by_group.values():
        for n in members:
            family = set(rows[n]["family"])
            rivals = [p_rank[m] for m in members
                      if m != n and rows[m]["top"] not in family]
            rows[n]["rank_p"] = float(p_rank[n])
            rows[n]["rank_margin"] = float(p_rank[n] - max(rivals, default=0.0))


def fit_models(all_rows: list[dict], rank_names: tuple[str, ...],
               names: tuple[str, ...]) -> dict[str, dict]:
    """The ranker, fitted on every shortlisted entry; the decision, on each question's best.

    The ranker learns which of a question's candidates is the answer; the
    decision model, fitted only on the candidates the ranker puts first, says
    how often such a first candidate is right, and its thresholds are set there.
    """
    position: dict[int, int] = {}
    for row in all_rows:  # rows come in fused order within their question
        row["position"] = position[row["group"]] = position.get(row["group"], -1) + 1
    all_rows = [r for r in all_rows if r["position"] < RERANK]
    fitted = [r for r in all_rows if not r["skip"]]
    x = np.array([[r[f] for f in rank_names] for r in fitted])
    ranker = fit(x, np.array([r["right"] for r in fitted]), rank_names,
                 weights=prior_weights(fitted))
    p_rank = np.array([ranker.probability(r) for r in all_rows])
    add_rank_evidence(all_rows, p_rank)
    rows = [all_rows[n] for n in best_of_groups(all_rows, p_rank)]
    y = np.array([r["right"] for r in rows])
    weights = prior_weights(rows)
    model = fit(np.array([[r[f] for f in names] for r in rows]), y, names, weights=weights)
    p = np.array([model.probability(r) for r in rows])
    answer_at = threshold_for(p, y, PRECISION, weights)
    clarify_at = band_threshold(p, y, CLARIFY_SHARE, answer_at, weights)
    answered = p >= answer_at
    share = float(np.average(y[answered], weights=weights[answered])) if answered.any() else 0
    print(f"{len(rows)} questions ({len(fitted)} ranked rows), {y.mean():.2f} right first; "
          f"answer at {answer_at:.3f}: "
          f"{answered.mean():.2f} answered, {share:.3f} of them right (weighted); "
          f"clarify at {clarify_at:.3f}", file=sys.stderr)
    for source in sorted({r["source"] for r in rows}):
        mask = np.array([r["source"] == source for r in rows])
        print(f"  {source:<8} {mask.sum():>5} examples, {y[mask].mean():.2f} right first, "
              f"{answered[mask].mean():.2f} answered", file=sys.stderr)
    for name, fitted_model in (("ranker", ranker), ("decision", model)):
        print(f"  {name} weights: " + ", ".join(
            f"{f} {w:+.2f}" for f, w in zip(fitted_model.features, fitted_model.weights,
                                            strict=True)), file=sys.stderr)
    data = model.as_json()
    data["answer_at"], data["clarify_at"] = answer_at, min(clarify_at, answer_at)
    return {"rank": ranker.as_json(), "hybrid": data}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=ROOT / ".work" / "embeddings.db",
                        help="SQLite file holding the embedding cache")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    parser.add_argument("--reuse", action="store_true",
                        help="refit on the examples saved by the last run (next to the cache)")
    args = parser.parse_args()
    rows_file = args.cache.with_suffix(".rows.json")
    if args.reuse and rows_file.exists():
        rows = json.loads(rows_file.read_text(encoding="utf-8"))
    else:
        rows = examples(args.cache)
        rows_file.write_text(json.dumps(rows), encoding="utf-8")
    models = fit_models(rows, RANK_FEATURES, HYBRID_FEATURES)
    args.out.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
