"""How well activities find their action line (and their partners) with no number typed.

Measured on ``../shared/eval/actividades.jsonl`` (60 field notes written apart from
this project, each with its line and partners), for the line chooser that learns
(:mod:`bot.activities.lines`) and, in the same run, for the keyword guesser it
replaced (the baseline, kept below as it was, with its keyword lists):

- right line chosen without asking, silently wrong, asked;
- when it asks: the right line among the first two buttons;
- partners exactly right (names compared as the recogniser writes them).

Figures are given overall and on the notes marked ``ambiguous``. ``--fit`` re-fits
the chooser's constants by leave-one-out over the config's own purposes and seed
examples (never on the evaluation notes) and prints them.

    python bench/lines.py [--lexical] [--fit] [--learn] [--show-errors]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from bot.activities.lines import (  # noqa: E402
    PARAMS,
    Example,
    LineChooser,
    LineGuess,
    Params,
    Regression,
    decision,
    logit,
)
from bot.activities.models import Draft  # noqa: E402
from bot.activities.names import NameIndex  # noqa: E402
from bot.activities.parse import Vocabulary, parse_entry  # noqa: E402
from bot.activities.partners import combine, seed_partners  # noqa: E402
from bot.config import ActionLine, Settings  # noqa: E402
from bot.embeddings import load_embedder  # noqa: E402
from bot.knowledge.text import stem, words  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "actividades.jsonl"
NOW = datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("America/Bogota"))


# -- the baseline: the keyword guesser as it was before the chooser ------------------------

OLD_KEYWORDS = {
    1: ["diplomacia", "relacionamiento", "embajada", "consulado", "convenio", "memorando",
        "mou", "hermanamiento", "visita oficial", "delegacion"],
    2: ["inversion", "ied", "comercio", "exportacion", "procolombia", "inversionistas", "feria",
        "empresarios", "investment"],
    3: ["beca", "becas", "intercambio", "universidad", "cultural", "cultura", "idiomas",
        "estudiantes", "educacion"],
    4: ["cooperacion", "apc", "convocatoria", "proyecto", "ong", "onu", "cooperante", "taller",
        "capacitacion", "kusanone", "comixta"],
    5: ["comunicacion", "promocion", "marca", "redes sociales", "prensa", "marca region",
        "marca ciudad", "territorial"],
}
_GENERIC = {"nacional", "internacional", "institucional", "directa", "estrategico", "exterior",
            "extranjera"}


def old_guess(text: str, lines: list[ActionLine]) -> LineGuess:
    tokens = words(text)
    stems = [stem(t) for t in tokens]
    scores = {}
    for line in lines:
        weights: dict[tuple[str, ...], float] = {}
        for word in words(line.name):
            if len(word) >= 5 and word not in _GENERIC:
                weights[(word,)] = 0.5
        for keyword in OLD_KEYWORDS.get(line.number, []):
            weights[tuple(words(keyword))] = 1.0
        scores[line.number] = sum(w for key, w in weights.items() if _old_present(key, tokens,
                                                                                   stems))
    ranked = sorted(scores.values(), reverse=True)
    best, second = ranked[0], ranked[1]
    if best <= 0 or best - second < 0.5:
        return LineGuess(None, scores)
    return LineGuess(next(n for n, s in scores.items() if s == best), scores)


def _old_present(key, tokens, stems) -> bool:
    if len(key) > 1:
        size = len(key)
        wanted = [stem(k) for k in key]
        return any(stems[i:i + size] == wanted for i in range(len(stems) - size + 1)) or (
            fuzz.partial_ratio(" ".join(key), " ".join(tokens)) >= 95)
    (keyword,) = key
    if len(keyword) <= 3:
        return keyword in tokens
    if stem(keyword) in stems:
        return True
    return len(keyword) >= 5 and any(len(t) >= 5 and fuzz.ratio(t, keyword) >= 86
                                     for t in tokens)


# -- measuring -----------------------------------------------------------------------------


@dataclass
class Tally:
    n: int = 0
    right: int = 0
    wrong: int = 0
    asked: int = 0
    asked_top2: int = 0
    partners: int = 0

    def add(self, guess: LineGuess, truth: int, partners_ok: bool) -> None:
        self.n += 1
        self.partners += partners_ok
        if guess.line is None:
            self.asked += 1
            self.asked_top2 += truth in guess.candidates[:2]
        elif guess.line == truth:
            self.right += 1
        else:
            self.wrong += 1

    def row(self, name: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}%" if b else "    -"
        return (f"{name:<28} {self.n:>3}  {pct(self.right, self.n)}  {pct(self.wrong, self.n)}"
                f"  {pct(self.asked, self.n)}  {pct(self.asked_top2, self.asked)}"
                f"  {pct(self.partners, self.n)}")


HEADER = (f"{'':<28} {'n':>3}  {'right':>6}  {'wrong':>6}  {'asked':>6}  {'top2|ask':>6}"
          f"  {'partners':>6}")


def partner_index(settings: Settings) -> NameIndex:
    return NameIndex(combine(settings.activities.partners, seed_partners(settings.knowledge.path)))


def parsed(text: str, settings: Settings, index: NameIndex) -> Draft:
    """The note read as /registrar reads it (partners, text), without choosing a line."""
    vocab = Vocabulary(lines=settings.action_lines, partners=index,
                       departments=NameIndex(settings.activities.departments,
                                             single_words=False))
    return parse_entry(text, vocab=vocab, now=NOW, read_line=False, line=1)


def same_partners(found: list[str], expected: list[str], index: NameIndex) -> bool:
    from bot.activities.names import key_of
    return {key_of(index.canonical(p)) for p in found} == \
        {key_of(index.canonical(p)) for p in expected}


def evaluate(rows: list[dict], settings: Settings, chooser: LineChooser, *, learn: bool,
             show_errors: bool) -> None:
    lines = list(settings.action_lines)
    index = partner_index(settings)
    tallies = {key: Tally() for key in ("old all", "old ambiguous", "new all", "new ambiguous")}
    learned: list[Example] = []
    for row in rows:
        draft = parsed(row["text"], settings, index)
        found = draft.partners
        ok = same_partners(found, row["partners"], index)
        if show_errors and not ok:
            print(f"  partners {row['id']}: found {found} expected {row['partners']}")
        text = " ".join([draft.text, *found])  # what /registrar gives the chooser
        old = old_guess(text, lines)
        new = chooser.choose(text, learned)
        if show_errors and new.line != row["line"]:
            top = ", ".join(f"{n}:{new.scores[n]:.2f}" for n in new.candidates[:3])
            print(f"  line {row['id']}: chose {new.line} want {row['line']} ({top}) "
                  f"{row['text'][:70]}")
        for name, guess in (("old", old), ("new", new)):
            tallies[f"{name} all"].add(guess, row["line"], ok)
            if row.get("ambiguous"):
                tallies[f"{name} ambiguous"].add(guess, row["line"], ok)
        if learn:  # the office confirms (or corrects) every line: next notes learn from it
            learned.append(Example(row["text"], row["line"]))
    print(HEADER)
    labels = {"old": "keyword guesser (before)", "new": "line chooser"}
    for key, tally in tallies.items():
        name, subset = key.split()
        print(tally.row(f"{labels[name]} · {subset}"))


# Silent mistakes allowed in the leave-one-out fit. Our seed examples resemble each other
# more than real notes resemble them, so the fit keeps a margin under the 5 % target.
MAX_WRONG = 0.03
# When it asks, the right line among the first two buttons at least this often (the
# issue's target, kept on the seeds too).
MIN_TOP2 = 0.95
# A held-out seed leaves out with it every seed this close to it (e5 cosine): the same
# report item written once as a sentence and once as a field note would otherwise answer
# for each other (real notes are further from the seeds than that: median 0.91).
NEAR_COPY = 0.92
# Thresholds tried, as probabilities: finer near 1, where a decision that also weighs the
# lead over the second line puts them.
CONFIDENT_GRID = sorted({*np.round(np.arange(0.40, 0.96, 0.01), 2).tolist(),
                         *np.round(np.arange(0.96, 0.999, 0.001), 3).tolist()})


def fit(chooser: LineChooser) -> Params:
    """Leave-one-out over the config's seed examples (each with its near copies): the blend,
    keyword weight, weight of the lead over the second line and threshold that choose
    without asking as often as possible while silent mistakes stay under ``MAX_WRONG`` and
    the asks offer the right line among the first two buttons at least ``MIN_TOP2`` of
    the time."""
    seeds = chooser.seeds()
    vectors = chooser.vectors.of([e.text for e in seeds])
    held = [(i, e) for i, e in enumerate(seeds) if not _is_purpose(e, chooser)]
    numbers = [line.number for line in chooser.lines]
    near, learnt, kws, truth = [], [], [], []
    for i, example in held:
        keep = vectors @ vectors[i] < NEAR_COPY
        keep[i] = False
        pool = [e for e, k in zip(seeds, keep, strict=True) if k]
        chooser._regression = Regression()
        near.append([chooser.nearest(example.text, pool)[n] for n in numbers])
        learnt.append([chooser.regression(example.text, pool)[n] for n in numbers])
        kw = chooser.keyword_evidence(example.text, pool)
        kws.append([kw[n] for n in numbers])
        truth.append(numbers.index(example.line))
    near, learnt, kws = np.log(np.array(near) + 1e-9), np.log(np.array(learnt) + 1e-9), \
        np.array(kws)
    truth = np.array(truth)
    best: tuple[tuple[float, ...], Params, tuple[float, float, float]] | None = None
    for share, weight, margin in itertools.product([0.0, 0.15, 0.3, 0.5, 0.7, 1.0],
                                                   [0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0],
                                                   [0.0, 0.5, 1.0, 2.0]):
        logits = share * near + (1 - share) * learnt + weight * kws
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        order = np.argsort(-probs, axis=1)
        first = order[:, 0] == truth
        two = (order[:, :2] == truth[:, None]).any(axis=1)
        score = np.array([decision(dict(enumerate(p)), margin) for p in probs])
        for confident in CONFIDENT_GRID:
            chosen = score >= logit(confident)
            right, wrong = (chosen & first).mean(), (chosen & ~first).mean()
            top2 = two[~chosen].mean() if (~chosen).any() else 1.0
            params = Params(chooser.params.temperature, weight, chooser.params.top_k,
                            float(confident), 0.0, share, margin)
            if wrong > MAX_WRONG or top2 < MIN_TOP2:
                continue
            # most chosen right; among equals, the more careful threshold, then the
            # simpler decision (less weight on the lead)
            rank = (right, confident, -margin)
            if best is None or rank > best[0]:
                best = (rank, params, (right, wrong, top2))
    assert best is not None, "no constants meet the leave-one-out limits"
    right, wrong, top2 = best[2]
    print(f"fitted on {len(held)} seed examples (leave-one-out, near copies left out too): "
          f"right without asking {100 * right:.1f}%, silently wrong {100 * wrong:.1f}%, "
          f"right line in the first two buttons when asking {100 * top2:.1f}% -> {best[1]}")
    chooser._regression = Regression()
    return best[1]


def _is_purpose(example: Example, chooser: LineChooser) -> bool:
    return any(example.text.startswith(f"{line.name}.") for line in chooser.lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lexical", action="store_true", help="without the embedding model")
    parser.add_argument("--fit", action="store_true", help="re-fit the constants first")
    parser.add_argument("--learn", action="store_true",
                        help="also: each note, once labelled, becomes an example for the next")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    embedder = None if args.lexical else load_embedder()
    chooser = LineChooser(settings.action_lines, embedder)
    mode = "lexical" if chooser.lexical else "e5"
    print(f"mode: {mode} ({chooser.vectors.embedder.name}); constants {PARAMS[mode]}")
    if args.fit:
        chooser.params = fit(chooser)
    rows = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line]
    evaluate(rows, settings, chooser, learn=False, show_errors=args.show_errors)
    if args.learn:
        print("\nlearning as it goes (each labelled note becomes an example):")
        evaluate(rows, settings, chooser, learn=True, show_errors=args.show_errors)


if __name__ == "__main__":
    main()
