"""How well activities find their action line (and their partners) with no number typed.

Measured on labelled field notes (``actividades.jsonl`` in ``../shared/eval`` by default,
or in each ``--eval DIR``: notes written apart from this project, each with its line and
partners), for the line chooser that learns (:mod:`bot.activities.lines`) and, in the
same run, for the keyword guesser it replaced (the baseline, kept below as it was, with
its keyword lists):

- right line chosen without asking, silently wrong, asked;
- when it asks: the right line among the first two buttons;
- partners exactly right (names compared as the recogniser writes them).

Figures are given overall and on the notes marked ``ambiguous``. ``--fit`` fits the
chooser's blend and decision (keyword weight, blend of the two views, weight of the lead
over the second line, threshold) on all the labelled data at hand: the config's own seed
examples, each held out in turn with its near copies, and the notes of every ``--eval``
set. It prints the constants and, since figures on the notes one fitted on flatter, also
cross-validated figures (each set's notes in folds: fit on the other folds and the other
sets, score the held-out fold) and, with two or more sets, each set held out whole.

    python bench/lines.py [--eval DIR ...] [--lexical] [--fit] [--learn] [--show-errors]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
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
    logit,
)
from bot.activities.models import Draft, EntryError  # noqa: E402
from bot.activities.names import NameIndex  # noqa: E402
from bot.activities.parse import Vocabulary, parse_entry  # noqa: E402
from bot.activities.partners import combine, missions, seed_partners  # noqa: E402
from bot.config import ActionLine, Settings  # noqa: E402
from bot.embeddings import load_embedder  # noqa: E402
from bot.knowledge.text import stem, words  # noqa: E402

NOTES = "actividades.jsonl"
EVAL = ROOT.parent / "shared" / "eval"
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
    try:
        return parse_entry(text, vocab=vocab, now=NOW, read_line=False, line=1)
    except EntryError as refused:
        # /registrar refuses a span of days ("25-28 ago") and asks for one date; the person
        # sends the note again with the first day, and that is the note measured here
        one_day = DAY_SPAN.sub(r"\1", text)
        if one_day == text:
            raise
        print(f"  refused as typed, measured with one date: {str(refused).splitlines()[0]}")
        return parse_entry(one_day, vocab=vocab, now=NOW, read_line=False, line=1)


DAY_SPAN = re.compile(r"\b(\d{1,2})\s*[-–]\s*\d{1,2}\b(?!\s*[/.-]\s*\d)")


def same_partners(found: list[str], expected: list[str], index: NameIndex) -> bool:
    """Same organisations: names compared as the recogniser writes them, a mission by its
    country as :func:`missions` names it (the "Consulado Honorario de Alemania" is the
    "Consulado de Alemania" the recogniser writes for "cónsul honorario de Alemania"), a
    city by its hall (sets label "Rosario" or "Alcaldía de Rosario" for the same partner)."""
    from bot.activities.names import key_of, tokens

    def organisation(name: str) -> str:
        if tokens(name)[:1] in (["embajada"], ["consulado"]) and missions(name):
            name = missions(name)[0]
        return key_of(index.canonical(name))

    # A foreign city as a partner is its city hall, whichever the label writes.
    halls = {key_of(p).removeprefix("alcaldiade"): p for p in found
             if tokens(p)[:2] == ["alcaldia", "de"]}
    expected = [halls.get(key_of(p), p) for p in expected]
    return {organisation(p) for p in found} == {organisation(p) for p in expected}


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


# Silent mistakes allowed in the fit, on average over the sources of labelled notes (the
# seeds and each evaluation set), and at most on any one of them: a margin under the
# issue's 5 %, since the unseen notes will not be the ones fitted on (with 4 % / 5 % the
# cross-validated figures went over 5 % on the seeds).
MAX_WRONG = 0.035
MAX_WRONG_EACH = 0.045
# When it asks, the right line among the first two buttons at least this often on every
# source (the target).
MIN_TOP2 = 0.95
# A held-out seed leaves out with it every seed this close to it (e5 cosine): the same
# report item written once as a sentence and once as a field note would otherwise answer
# for each other (real notes are further from the seeds than that: median 0.91).
NEAR_COPY = 0.92
# The grid the fit searches: the weight of the word-stem view and the threshold on the
# decision score (log-odds). The rest of the blend (nearest examples vs regression, the
# keyword weight, the weight of the lead over the second line) stays as the seeds alone
# fitted it: searching it too, with about 300 labelled notes, chose very different blends
# from one subset to the next, and a set held out then got 3.5-10 % silent mistakes;
# with these two constants alone, cross-validated and held-out figures agree.
SHARES = [0.15]
KEYWORD_WEIGHTS = [1.5]
MARGINS = [2.0]
WORD_WEIGHTS = [0.0, 0.3, 0.5, 0.7]
THRESHOLDS = np.round(np.arange(-2.0, 16.0, 0.1), 1)
FOLDS = 5


@dataclass
class Evidence:
    """Each note's four views of the lines, kept apart so that the blend can be fitted:
    log-probabilities of the nearest examples, of the regression and of the word stems
    (naive Bayes), and the keyword evidence."""

    name: str
    near: np.ndarray  # notes x lines
    learnt: np.ndarray
    keywords: np.ndarray
    stems: np.ndarray
    truth: np.ndarray  # index of the right line

    def subset(self, keep: np.ndarray) -> Evidence:
        return Evidence(self.name, self.near[keep], self.learnt[keep], self.keywords[keep],
                        self.stems[keep], self.truth[keep])


def _views(chooser: LineChooser, text: str, pool: list[Example]) -> tuple[list, ...]:
    numbers = [line.number for line in chooser.lines]
    chooser._regression = Regression()  # a cold fit per note: no warm start across notes
    seen = chooser.embedded(text, pool)
    near, learnt = chooser._nearest(seen), chooser._learnt(seen)
    kw = chooser.keyword_evidence(text, pool)
    stems = chooser.word_evidence(text, pool)
    return tuple([view[n] for n in numbers] for view in (near, learnt, kw, stems))


def _evidence(name: str, views: list[tuple[list, ...]], truth: list[int]) -> Evidence:
    near, learnt, kws, stems = (np.array([v[i] for v in views]) for i in range(4))
    return Evidence(name, np.log(near + 1e-9), np.log(learnt + 1e-9), kws,
                    np.log(stems + 1e-9), np.array(truth))


def seed_evidence(chooser: LineChooser) -> Evidence:
    """Leave-one-out over the config's seed examples, each with its near copies."""
    seeds = chooser.seeds()
    vectors = chooser.vectors.of([e.text for e in seeds])
    numbers = [line.number for line in chooser.lines]
    views, truth = [], []
    for i, example in enumerate(seeds):
        if _is_purpose(example, chooser):
            continue
        keep = vectors @ vectors[i] < NEAR_COPY
        keep[i] = False
        views.append(_views(chooser, example.text, [e for e, k in zip(seeds, keep, strict=True)
                                                    if k]))
        truth.append(numbers.index(example.line))
    return _evidence("seeds (leave-one-out)", views, truth)


def note_evidence(name: str, rows: list[dict], settings: Settings,
                  chooser: LineChooser) -> Evidence:
    """An evaluation set's notes, read as /registrar reads them, against the seeds alone."""
    index = partner_index(settings)
    numbers = [line.number for line in chooser.lines]
    views = []
    for row in rows:
        draft = parsed(row["text"], settings, index)
        views.append(_views(chooser, " ".join([draft.text, *draft.partners]), chooser.seeds()))
    return _evidence(name, views, [numbers.index(row["line"]) for row in rows])


@dataclass
class Outcome:
    """What a choice of constants does on one source: per threshold, the share chosen
    right, chosen wrong, and (when asking) the right line in the first two buttons."""

    right: np.ndarray
    wrong: np.ndarray
    top2: np.ndarray


def _blend(ev: Evidence, params: Params) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each note's decision score (as :func:`decision`), and whether the likeliest line is
    right and whether the right line is among the first two."""
    logits = params.nearest * ev.near + (1 - params.nearest) * ev.learnt \
        + params.keyword_weight * ev.keywords + params.words * ev.stems
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    order = np.argsort(-probs, axis=1)
    ranked = np.take_along_axis(probs, order[:, :2], axis=1)
    first_p = np.clip(ranked[:, 0], 1e-12, 1 - 1e-12)
    score = np.log(first_p / (1 - first_p)) \
        + params.margin * np.log((ranked[:, 0] + 1e-12) / (ranked[:, 1] + 1e-12))
    return score, order[:, 0] == ev.truth, (order[:, :2] == ev.truth[:, None]).any(axis=1)


def outcome(ev: Evidence, share: float, weight: float, margin: float,
            stems: float) -> Outcome:
    blend = Params(0.0, weight, 0, 0.0, 0.0, share, margin, stems)
    score, first, two = _blend(ev, blend)
    chosen = score[None, :] >= THRESHOLDS[:, None]  # thresholds x notes
    asked = ~chosen
    n_asked = asked.sum(axis=1)
    top2 = np.where(n_asked > 0, (asked & two).sum(axis=1) / np.maximum(n_asked, 1), 1.0)
    return Outcome((chosen & first).mean(axis=1), (chosen & ~first).mean(axis=1), top2)


def choose_constants(sources: list[Evidence], base: Params) -> tuple[Params, dict]:
    """The blend, keyword weight, lead weight and threshold that choose right without
    asking as often as possible (on average over ``sources``, each counting the same)
    while silent mistakes stay under ``MAX_WRONG`` on average and ``MAX_WRONG_EACH`` on
    each source, and the asks offer the right line first or second ``MIN_TOP2`` of the
    time on each source. Among equals: the more careful threshold, then less lead weight."""
    best: tuple | None = None
    careful: tuple | None = None  # when nothing meets the limits: the fewest mistakes
    for share, weight, margin, stems in itertools.product(SHARES, KEYWORD_WEIGHTS, MARGINS,
                                                          WORD_WEIGHTS):
        outs = [outcome(ev, share, weight, margin, stems) for ev in sources]
        right = np.mean([o.right for o in outs], axis=0)
        wrong = np.mean([o.wrong for o in outs], axis=0)
        # The first-two-buttons share is held on average: on one set a threshold that asks
        # two or three notes gives 67 or 50 % for a single miss.
        ok = (wrong <= MAX_WRONG) & np.all([o.wrong <= MAX_WRONG_EACH for o in outs], axis=0) \
            & (np.mean([o.top2 for o in outs], axis=0) >= MIN_TOP2)
        least = int(np.lexsort((-right, wrong))[0])
        if careful is None or (wrong[least], -right[least]) < careful[0]:
            careful = ((wrong[least], -right[least]),
                       (share, weight, margin, stems, float(THRESHOLDS[least])))
        for t in np.flatnonzero(ok):
            rank = (round(float(right[t]), 6), float(THRESHOLDS[t]), -margin)
            if best is None or rank > best[0]:
                best = (rank, (share, weight, margin, stems, float(THRESHOLDS[t])))
    assert careful is not None
    share, weight, margin, stems, threshold = (best or careful)[1]
    confident = round(float(1 / (1 + np.exp(-threshold))), 4)
    params = Params(base.temperature, weight, base.top_k, confident, 0.0, share, margin, stems)
    return params, {"share": share, "weight": weight, "margin": margin, "words": stems,
                    "threshold": threshold}


def score(ev: Evidence, params: Params) -> tuple[int, int, int, int]:
    """(chosen right, chosen wrong, asked, asked with the right line in the first two)."""
    dec, first, two = _blend(ev, params)
    chosen = dec >= logit(params.confident) - 1e-9
    return (int((chosen & first).sum()), int((chosen & ~first).sum()), int((~chosen).sum()),
            int((~chosen & two).sum()))


def _figures(name: str, counts: tuple[int, int, int, int], n: int) -> str:
    right, wrong, asked, top2 = counts
    two = f"{100 * top2 / asked:5.1f}%" if asked else "    -"
    return (f"  {name:<44} right {100 * right / n:5.1f}%  wrong {100 * wrong / n:5.1f}%  "
            f"asked {100 * asked / n:5.1f}%  top2|ask {two}")


def fit(chooser: LineChooser, sources: list[Evidence]) -> Params:
    """Fits the constants on every source, and says honestly how well such a fit does on
    notes it has not seen: for each source, ``FOLDS``-fold cross-validation (fit on the
    other folds and the other sources, score the held-out fold) and, with two or more
    evaluation sets, the whole source held out (fit on the others only)."""
    params, chosen = choose_constants(sources, chooser.params)
    print(f"fitted on {', '.join(f'{ev.name} ({len(ev.truth)})' for ev in sources)}: "
          f"{chosen} -> {params}")
    for ev in sources:
        print(_figures(f"{ev.name}, fitted on it too", score(ev, params), len(ev.truth)))
    for i, ev in enumerate(sources):
        folds = np.arange(len(ev.truth)) % FOLDS
        total = np.zeros(4, dtype=int)
        for k in range(FOLDS):
            others = [s for j, s in enumerate(sources) if j != i]
            fold_params, _ = choose_constants([*others, ev.subset(folds != k)], chooser.params)
            total += score(ev.subset(folds == k), fold_params)
        print(_figures(f"{ev.name}, {FOLDS}-fold cross-validated", tuple(total), len(ev.truth)))
        others = [s for j, s in enumerate(sources) if j != i]
        if len(others) >= 2:  # the seeds and at least one other set to fit on
            held, _ = choose_constants(others, chooser.params)
            print(_figures(f"{ev.name}, held out (fit on the others)", score(ev, held),
                           len(ev.truth)))
    return params


def _is_purpose(example: Example, chooser: LineChooser) -> bool:
    return any(example.text.startswith(f"{line.name}.") for line in chooser.lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lexical", action="store_true", help="without the embedding model")
    parser.add_argument("--fit", action="store_true", help="re-fit the constants first")
    parser.add_argument("--learn", action="store_true",
                        help="also: each note, once labelled, becomes an example for the next")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--eval", action="append", type=Path, metavar="DIR",
                        help=f"a folder holding {NOTES} (repeatable; default ../shared/eval)")
    args = parser.parse_args()
    settings = Settings()
    embedder = None if args.lexical else load_embedder()
    chooser = LineChooser(settings.action_lines, embedder)
    mode = "lexical" if chooser.lexical else "e5"
    print(f"mode: {mode} ({chooser.vectors.embedder.name}); constants {PARAMS[mode]}")
    sets = {folder: read_notes(folder) for folder in args.eval or [EVAL]}
    if args.fit:
        sources = [seed_evidence(chooser)]
        sources += [note_evidence(folder.name if folder.name != "eval" else "shared/eval",
                                  rows, settings, chooser) for folder, rows in sets.items()]
        chooser.params = fit(chooser, sources)
    for folder, rows in sets.items():
        print(f"\n== {folder / NOTES} ({len(rows)} notes)")
        evaluate(rows, settings, chooser, learn=False, show_errors=args.show_errors)
        if args.learn:
            print("\nlearning as it goes (each labelled note becomes an example):")
            evaluate(rows, settings, chooser, learn=True, show_errors=args.show_errors)


def read_notes(folder: Path) -> list[dict]:
    """The labelled field notes of an evaluation folder (``actividades.jsonl``)."""
    path = folder / NOTES
    if not path.is_file():
        raise SystemExit(f"no {NOTES} in {folder}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


if __name__ == "__main__":
    main()
