"""The knowledge base, loaded from its folder: Markdown files with YAML front matter.

One file per entry under ``knowledge/<category>/``; category names in
``knowledge/categorias.yml``; acronyms and synonyms in
``knowledge/sinonimos.yml``. Loading never stops at the first problem:
every problem is collected with its file and line, so ``enlace kb check`` can
report them all and the bot can still serve the entries that are fine.

The types live in :mod:`bot.knowledge.models` (re-exported here, where most imports
name them) and the reading of each file in :mod:`bot.knowledge.parse`.
"""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.countries import with_country_forms
from bot.knowledge.models import LEAD_LIMIT, Entry, KnowledgeBase, Problem, Source
from bot.knowledge.parse import line_of, read_categories, read_entry, read_synonyms
from bot.texts import kb_check as texts

__all__ = ["LEAD_LIMIT", "Entry", "KnowledgeBase", "Problem", "Source", "load_knowledge"]

CATEGORIES_FILE = "categorias.yml"
SYNONYMS_FILE = "sinonimos.yml"


def load_knowledge(root: Path) -> KnowledgeBase:
    """Read every entry under ``root``; problems are collected, not raised."""
    root = Path(root)
    kb = KnowledgeBase()
    if not root.is_dir():
        kb.problems.append(Problem(root, 0, texts.NO_FOLDER))
        return kb
    kb.categories = read_categories(root / CATEGORIES_FILE, kb.problems)
    # A country's demonyms and epithets come with it (see bot.knowledge.countries).
    kb.synonyms = with_country_forms(read_synonyms(root / SYNONYMS_FILE, kb.problems))
    first_seen: dict[str, Path] = {}
    for path in sorted(root.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        entry = read_entry(path, root, kb)
        if entry is None:
            continue
        if entry.id in first_seen:
            kb.problems.append(Problem(
                path, line_of(path, "id"),
                texts.DUPLICATE_ID.format(id=entry.id, first=first_seen[entry.id])))
            continue
        first_seen[entry.id] = path
        kb.entries[entry.id] = entry
    _check_related(kb)
    _collect_replaced(kb)
    return kb


def _collect_replaced(kb: KnowledgeBase) -> None:
    """Map each merged-away id to the entry that replaces it; a live id cannot be replaced."""
    for entry in kb.entries.values():
        for old in entry.replaces:
            problem = None
            if old in kb.entries:
                problem = texts.REPLACES_LIVE.format(old=old)
            elif old in kb.replaced:
                problem = texts.REPLACES_TWICE.format(old=old, first=kb.replaced[old])
            if problem:
                kb.problems.append(Problem(entry.path or Path("?"),
                                           line_of(entry.path, "replaces"), problem))
            else:
                kb.replaced[old] = entry.id


def _check_related(kb: KnowledgeBase) -> None:
    for entry in kb.entries.values():
        for other in entry.related:
            if other not in kb.entries:
                kb.problems.append(Problem(entry.path or Path("?"),
                                           line_of(entry.path, "related"),
                                           texts.RELATED_MISSING.format(other=other)))
