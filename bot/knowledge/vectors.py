"""Embeddings of knowledge texts, cached in SQLite so only what changed is embedded again.

Each text's vector is stored under ``sha256(model name, kind, text)``: editing a
phrasing embeds just that phrasing at the next start, and a new model never
reads an old model's vectors.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Literal

import numpy as np
import sqlite_utils

from bot.embeddings import Embedder

log = logging.getLogger(__name__)

Kind = Literal["query", "passage"]
BATCH = 32


def cache_key(model: str, kind: Kind, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{kind}\x00{text}".encode()).hexdigest()


def cached_vectors(db: sqlite_utils.Database | None, embedder: Embedder, texts: Sequence[str],
                   kind: Kind) -> np.ndarray:
    """One unit row per text, from the cache where present, embedding (and storing) the rest."""
    keys = [cache_key(embedder.name, kind, t) for t in texts]
    found: dict[str, np.ndarray] = {}
    if db is not None and keys:
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for key, dim, blob in db.execute(
                    f"select key, dim, vector from embeddings where key in ({marks})", chunk):
                if dim == embedder.dim:
                    found[key] = np.frombuffer(blob, dtype="<f4")
    missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in found))
    if missing:
        log.info("Embedding %d knowledge texts (%s)", len(missing), embedder.name)
        embed = embedder.queries if kind == "query" else embedder.passages
        now = datetime.now(UTC).isoformat(timespec="seconds")
        for start in range(0, len(missing), BATCH):
            batch = missing[start:start + BATCH]
            vectors = embed(batch)
            rows = []
            for text, vector in zip(batch, vectors, strict=True):
                key = cache_key(embedder.name, kind, text)
                found[key] = np.asarray(vector, dtype="<f4")
                rows.append({"key": key, "model": embedder.name, "dim": embedder.dim,
                             "vector": found[key].tobytes(), "created_at": now})
            if db is not None:
                db["embeddings"].upsert_all(rows, pk="key")
    if not keys:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.vstack([found[k] for k in keys]).astype(np.float32)
