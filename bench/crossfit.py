"""Leave one set out: what the confidence fit is worth on questions it never saw.

    python bench/crossfit.py [--sets NAME ...]

``python -m bot.knowledge.calibrate`` fits the answer/clarify decision on every
independent set, so the benchmark's figures on those sets are in-sample.
This script refits once per set with that set's rows left out (from the rows
the last calibration saved beside the cache, so nothing is embedded again) and
runs Enlace on the left-out set as ``bench/retrieval.py`` does: an honest
figure for each set, and their average over all of them, to compare choices
in the fit (features, shares, precision) without spending a sealed set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from unittest import mock

from retrieval import KINDS, enlace_engine, figures, run

from bot.embeddings import load_embedder
from bot.knowledge.calibrate import EVAL_SETS, fit_models
from bot.knowledge.confidence import HYBRID_FEATURES, RANK_FEATURES, ConfidenceModel
from bot.knowledge.expectations import load_eval
from bot.knowledge.store import load_knowledge

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("correct", "right_first", "clarify", "confident_wrong", "oos_not_answered", *KINDS)


def left_out(rows: list[dict], name: str) -> dict[str, ConfidenceModel]:
    """The ranker and decision models fitted without the rows of set ``name``."""
    kept = [r for r in rows if r.get("set") != name]
    fitted = fit_models(kept, RANK_FEATURES, HYBRID_FEATURES)
    return {key: ConfidenceModel.from_json(data) for key, data in fitted.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=ROOT / ".work" / "embeddings.db")
    parser.add_argument("--sets", nargs="*", help="set folder names (default: all)")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    rows = json.loads(args.cache.with_suffix(".rows.json").read_text(encoding="utf-8"))
    if not any(r.get("set") for r in rows):
        sys.exit("The saved rows name no set: run python -m bot.knowledge.calibrate first.")
    kb = load_knowledge(ROOT / "knowledge")
    embedder = load_embedder()
    folders = [f for f in EVAL_SETS if f.is_dir() and (not args.sets or f.name in args.sets)]
    print(f"{'set':<10}" + "".join(f"{c[:10]:>11}" for c in COLUMNS))
    totals: dict[str, float] = {}
    counts = {"right": 0.0, "answered": 0.0}  # over all sets: how often an answer is right
    for folder in folders:
        models = left_out(rows, folder.name)
        with mock.patch("bot.knowledge.hybrid.load_models", return_value=models):
            engine, _ = enlace_engine(kb, args.cache, embedder)
        questions, out = load_eval(folder)
        misses: list[str] = []
        result = run(engine, kb, questions, out, misses if args.show_misses else None)
        found = figures(result)
        counts["right"] += sum(ok and r.outcome == "answer" for _, r, ok, _ in result.rows)
        counts["answered"] += sum(r.outcome == "answer" for _, r, _, _ in result.rows)
        for column in COLUMNS:
            totals[column] = totals.get(column, 0.0) + found.get(column, 0.0) / len(folders)
        print(f"{folder.name:<10}" + "".join(f"{found.get(c, 0.0):>11.3f}" for c in COLUMNS),
              flush=True)
        if misses:
            print("\n".join(misses))
    print(f"{'average':<10}" + "".join(f"{totals[c]:>11.3f}" for c in COLUMNS))
    print(f"answers right (out-of-scope ones counted wrong), all sets: "
          f"{counts['right'] / max(counts['answered'], 1):.3f} of {counts['answered']:.0f}")


if __name__ == "__main__":
    main()
