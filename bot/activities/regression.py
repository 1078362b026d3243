"""The softmax regression the line chooser blends with the nearest examples: a small
multinomial logistic regression over every labelled activity's vector, which learns which
directions of the embedding space tell the lines apart (see :mod:`bot.activities.lines`)."""

from __future__ import annotations

import hashlib

import numpy as np


class SoftmaxModel:
    """A fitted multinomial logistic regression on centred, re-normalised vectors."""

    def __init__(self, mean: np.ndarray, weights: np.ndarray, bias: np.ndarray) -> None:
        self.mean, self.weights, self.bias = mean, weights, bias

    def features(self, vectors: np.ndarray) -> np.ndarray:
        centred = np.atleast_2d(vectors) - self.mean
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        return REGRESSION_SCALE * centred / np.where(norms == 0, 1.0, norms)

    def predict(self, vector: np.ndarray) -> np.ndarray:
        logits = (self.features(vector) @ self.weights + self.bias)[0]
        weights = np.exp(logits - logits.max())
        return weights / weights.sum()


REGRESSION_SCALE = 5.0  # length of the centred vectors (a fixed step size then suits all)
REGRESSION_C = 1.0  # inverse strength of the L2 penalty
REGRESSION_STEPS = 300  # full-batch gradient steps from zero
# Steps from the last fit when examples change: one new activity moves the optimum little,
# and the choice runs while the person waits (20 steps: ~90 ms with 1 000 saved, not ~260).
WARM_STEPS = 20


class Regression:
    """Fits the softmax regression, and fits it again only when the examples change
    (warm-started from the last fit, so a new saved activity costs little).

    A few lines of numpy rather than scikit-learn: the model is tiny (a few thousand
    examples, 384 dimensions, five lines) and scikit-learn would bring scipy along."""

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._model: SoftmaxModel | None = None

    def fitted(self, vectors: np.ndarray, labels: np.ndarray, weights: np.ndarray,
               classes: int) -> SoftmaxModel:
        key = (vectors.shape, hashlib.sha1(vectors.tobytes() + labels.tobytes()
                                           + weights.tobytes()).hexdigest())
        if key == self._key and self._model is not None:
            return self._model
        warm = self._model if (self._model is not None
                               and self._model.weights.shape[1] == classes) else None
        self._model = fit_softmax(vectors, labels, weights, classes, warm=warm)
        self._key = key
        return self._model


def fit_softmax(vectors: np.ndarray, labels: np.ndarray, weights: np.ndarray, classes: int,
                warm: SoftmaxModel | None = None) -> SoftmaxModel:
    """Weighted multinomial logistic regression with an L2 penalty, by gradient descent."""
    dim = vectors.shape[1]
    model = SoftmaxModel(vectors.mean(axis=0) if len(vectors) else np.zeros(dim),
                         np.zeros((dim, classes)), np.zeros(classes))
    if not len(vectors):
        return model
    if warm is not None:
        model.weights, model.bias = warm.weights.copy(), warm.bias.copy()
    x = model.features(vectors)
    target = np.eye(classes)[labels]
    share = weights / weights.sum()
    penalty = 1.0 / (REGRESSION_C * len(vectors))
    for _ in range(REGRESSION_STEPS if warm is None else WARM_STEPS):
        logits = x @ model.weights + model.bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = (probs - target) * share[:, None]
        model.weights -= 0.5 * (x.T @ grad + penalty * model.weights)
        model.bias -= 0.5 * grad.sum(axis=0)
    return model
