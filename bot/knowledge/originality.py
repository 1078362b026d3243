"""Check that knowledge entries are written in our own words.

The knowledge base is curated from public documents whose text we may not
copy: facts, names and figures carry over, sentences do not. The rule is
mechanical so it can be enforced by a test: no entry may share a run of
``RUN_LENGTH`` or more consecutive words with any source document. Words are
compared case- and accent-insensitively, ignoring punctuation, because a copy
with different accents or commas is still a copy.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.texts import knowledge as texts

RUN_LENGTH = 12

_WORD = re.compile(r"[a-z0-9ñ]+")


def words(text: str) -> list[str]:
    """Lower-case, accent-free words of ``text``; ñ is kept apart from n."""
    text = text.lower().replace("ñ", "\0")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _WORD.findall(text.replace("\0", "ñ"))


def shingles(tokens: list[str], n: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """Every run of ``n`` consecutive words."""
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@dataclass(frozen=True)
class CopiedRun:
    """A run of words an entry shares with a source."""

    entry: Path
    source: Path
    text: str


def source_index(source_dir: Path) -> dict[tuple[str, ...], Path]:
    """Map every run of words in the source documents to the document."""
    index: dict[tuple[str, ...], Path] = {}
    for path in sorted(source_dir.glob("*.txt")):
        for run in shingles(words(path.read_text(encoding="utf-8"))):
            index.setdefault(run, path)
    return index


def copied_runs(
    entry_text: str, entry: Path, index: dict[tuple[str, ...], Path]
) -> list[CopiedRun]:
    """Runs of ``entry_text`` found in the sources, merged into maximal spans."""
    tokens = words(entry_text)
    found: list[CopiedRun] = []
    i = 0
    while i <= len(tokens) - RUN_LENGTH:
        run = tuple(tokens[i : i + RUN_LENGTH])
        if run not in index:
            i += 1
            continue
        end = i + RUN_LENGTH
        while end < len(tokens) and tuple(tokens[end - RUN_LENGTH + 1 : end + 1]) in index:
            end += 1
        found.append(CopiedRun(entry, index[run], " ".join(tokens[i:end])))
        i = end
    return found


def check_tree(knowledge_dir: Path, source_dir: Path) -> list[CopiedRun]:
    """All copied runs in every Markdown entry under ``knowledge_dir``."""
    index = source_index(source_dir)
    problems: list[CopiedRun] = []
    for path in sorted(knowledge_dir.rglob("*.md")):
        problems.extend(copied_runs(path.read_text(encoding="utf-8"), path, index))
    return problems


def main(argv: list[str]) -> int:
    """``python -m bot.knowledge.originality KNOWLEDGE_DIR SOURCES_DIR``."""
    knowledge_dir = Path(argv[0]) if argv else Path("knowledge")
    source_dir = Path(argv[1]) if len(argv) > 1 else Path("../shared/sources")
    problems = check_tree(knowledge_dir, source_dir)
    for p in problems:
        print(texts.COPIED_RUN.format(entry=p.entry, source=p.source.name, text=p.text))
    print(texts.COPIED_TOTAL.format(n=len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
