"""How sure Enlace is that an entry answers a question: a logistic model fitted on data.

The evidence for the top-ranked entry is a handful of numbers (features):
how close the question's meaning is to the entry (cosine of embeddings) and
how far ahead of the runner-up, how much of the question's words the entry
covers, its BM25F score against the best, whether the lexical and the
semantic rankings agree, how many words the knowledge base has never seen.
A logistic regression turns them into the probability that the entry is the
right one. Its weights are fitted by ``python -m bot.knowledge.calibrate``
on the knowledge base itself (each entry's phrasings asked with that entry's
phrasings held out, then with the entry removed: a question whose answer is
missing) plus out-of-scope questions, and stored in ``confidence.json`` next
to this module, with the thresholds that give "answer" only where the fit
was right at least 95 % of the time.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

WEIGHTS_FILE = Path(__file__).with_name("confidence.json")

# The ranker orders a question's shortlisted entries (see :func:`.hybrid.rerank`);
# the decision model says how likely the first of them is right.
RANK_FEATURES = ("cosine", "cosine_margin", "lexical_share", "coverage", "lexical_confidence",
                 "fused_margin", "agree", "unknown_share", "passage_cosine", "lexical_rank",
                 "dense_rank", "english", "query_words", "title_coverage", "body_cosine",
                 "body_margin")
HYBRID_FEATURES = ("cosine", "cosine_margin", "lexical_share", "coverage", "lexical_confidence",
                   "fused_margin", "agree", "unknown_share", "passage_cosine", "english",
                   "query_words", "title_coverage", "rank_p", "rank_margin", "lexical_rank",
                   "dense_rank", "body_cosine", "body_margin")


@dataclass(frozen=True)
class ConfidenceModel:
    """A fitted logistic regression over named features, with its decision thresholds."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    answer_at: float
    clarify_at: float

    def probability(self, values: dict[str, float]) -> float:
        x = np.array([values[f] for f in self.features], dtype=float)
        z = float(((x - self.mean) / self.scale) @ self.weights + self.bias)
        return float(1.0 / (1.0 + np.exp(-z)))

    def as_json(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(),
                "scale": self.scale.tolist(), "weights": self.weights.tolist(),
                "bias": self.bias, "answer_at": self.answer_at, "clarify_at": self.clarify_at}

    @classmethod
    def from_json(cls, data: dict) -> ConfidenceModel:
        return cls(tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]),
                   np.array(data["weights"]), float(data["bias"]), float(data["answer_at"]),
                   float(data["clarify_at"]))


def fit(x: np.ndarray, y: np.ndarray, features: tuple[str, ...], *,
        weights: np.ndarray | None = None, l2: float = 1e-2, steps: int = 3000,
        rate: float = 0.5) -> ConfidenceModel:
    """Weighted logistic regression by gradient descent on standardised features (numpy)."""
    weights = np.ones(len(y)) if weights is None else weights / weights.mean()
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    w = np.zeros(z.shape[1])
    b = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w + b)))
        grad = (p - y) * weights
        w -= rate * (z.T @ grad / len(y) + l2 * w)
        b -= rate * float(grad.mean())
    return ConfidenceModel(features, mean, scale, w, b, answer_at=0.5, clarify_at=0.25)


def threshold_for(probabilities: np.ndarray, right: np.ndarray, precision: float,
                  weights: np.ndarray | None = None) -> float:
    """The lowest threshold above which at least ``precision`` of the answers were right."""
    weights = np.ones(len(right)) if weights is None else weights
    order = np.argsort(-probabilities)
    hits = np.cumsum(right[order] * weights[order])
    shares = hits / np.cumsum(weights[order])
    ok = np.nonzero(shares >= precision)[0]
    if len(ok) == 0:
        return 1.0
    # The largest prefix still precise enough; its last probability is the threshold.
    return float(probabilities[order][ok[-1]])


@cache
def load_models(path: Path = WEIGHTS_FILE) -> dict[str, ConfidenceModel]:
    """The fitted models by name (``{"rank": …, "hybrid": …}``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: ConfidenceModel.from_json(model) for name, model in data.items()}
