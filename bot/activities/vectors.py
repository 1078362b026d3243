"""Vectors of activity texts for the line chooser, computed once per text and model: kept
in memory for the process and (optionally) in the database, so that years of activities
are not embedded again after a restart. Without the embedding model, hashed word stems
stand in (:class:`StemVectors`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

import numpy as np

from bot.embeddings import Embedder
from bot.knowledge.text import stem, words


class StemVectors:
    """The lexical-only stand-in for an embedder: hashed word stems, unit length."""

    name = "stems-hash-v1"
    dim = 2048

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in words(text):
                if len(token) > 2:
                    digest = hashlib.blake2b(stem(token).encode(), digest_size=4).digest()
                    out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)

    passages = queries


VectorStore = tuple[Callable[[str, list[str]], dict[str, bytes]],
                    Callable[[str, dict[str, bytes]], None]]
_MEMORY: dict[tuple[str, str], np.ndarray] = {}  # (model, text key) -> vector, process-wide


def text_key(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()


T = TypeVar("T")


class PerText(Generic[T]):
    """What ``compute`` gives for a text, computed once per text (by :func:`text_key`).

    With a ``budget``, a call computes at most that many texts not seen before; the
    others come back None and count from a later call, so the first choices after a
    restart with years of activities do not pause for seconds.
    """

    def __init__(self, compute: Callable[[str], T]) -> None:
        self._compute = compute
        self._done: dict[str, T] = {}

    def __call__(self, texts: Sequence[str], budget: int | None = None) -> list[T | None]:
        out: list[T | None] = []
        for text in texts:
            key = text_key(text)
            if key not in self._done and (budget is None or budget > 0):
                self._done[key] = self._compute(text)
                budget = None if budget is None else budget - 1
            out.append(self._done.get(key))
        return out


class Vectors:
    """Vectors of texts, computed once: kept in memory and (optionally) in the database,
    so the activities of years are not embedded again after a restart."""

    def __init__(self, embedder: Embedder, store: VectorStore | None = None) -> None:
        self.embedder = embedder
        self.store = store

    def of(self, texts: Sequence[str], *, budget: int | None = None) -> np.ndarray:
        """One row per text. With a ``budget``, at most that many texts not seen before are
        embedded now, and the rows of the others are left as zeros (they count next time)."""
        model = self.embedder.name
        keys = [text_key(t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if (model, k) not in _MEMORY))
        if missing and self.store is not None:
            for key, blob in self.store[0](model, missing).items():
                _MEMORY[(model, key)] = np.frombuffer(blob, dtype=np.float32)
            missing = [k for k in missing if (model, k) not in _MEMORY]
        if budget is not None:
            missing = missing[:budget]
        if missing:
            todo = set(missing)
            wanted = {k: t for k, t in zip(keys, texts, strict=True) if k in todo}
            order = list(wanted)
            matrix = self.embedder.queries([wanted[k] for k in order])  # notes vs notes
            fresh = {k: np.asarray(matrix[i], dtype=np.float32) for i, k in enumerate(order)}
            _MEMORY.update({(model, k): v for k, v in fresh.items()})
            if self.store is not None:
                self.store[1](model, {k: v.tobytes() for k, v in fresh.items()})
        if not keys:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        blank = np.zeros(self.embedder.dim, dtype=np.float32)
        return np.stack([_MEMORY.get((model, k), blank) for k in keys])
