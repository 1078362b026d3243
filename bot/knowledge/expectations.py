"""Independent question sets and how an answer to one of them is judged.

The sets in ``../shared/eval`` (and others in its format) were written from
the source documents by people who never saw ``knowledge/``: each question
carries ``expect_any`` keyword groups instead of an expected entry, because
any entry whose text holds the key facts answers it. The benchmark measures
on them; the confidence fit learns from some of them how people really ask
(long messages, English, paraphrases), which the knowledge base's own
phrasings do not show.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from bot.knowledge.store import Entry


def normalise(text: str) -> str:
    """The eval set's reference normalisation: NFKD, no marks, lower case, one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


def full_text(entry: Entry) -> str:
    """What the person can read: title, body (lead + "Ver completo") and sources, without
    the Markdown emphasis marks the reply renders as bold ("Mapa de **actores**" reads
    "Mapa de actores")."""
    sources = "; ".join(s.cite() for s in entry.sources)
    return normalise(_EMPHASIS.sub("", f"{entry.title}\n{entry.body}\n{sources}"))


_EMPHASIS = re.compile(r"\*\*|__|`")


def satisfies(text: str, groups: list[list[str]]) -> bool:
    """Whether ``text`` (already :func:`normalise`-d) has a variant of every group."""
    return all(any(normalise(v) in text for v in group) for group in groups)


def load_eval(folder: Path) -> tuple[list[dict], list[dict]]:
    """The in-scope questions and the out-of-scope ones of a set in the eval format."""
    def rows(name: str) -> list[dict]:
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    return rows("preguntas.jsonl"), rows("fuera-de-alcance.jsonl")
