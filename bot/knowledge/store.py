"""Knowledge entries: Markdown files with YAML front matter, validated with pydantic.

One file per entry under ``knowledge/<category>/``; category names in
``knowledge/categorias.yml``; acronyms and synonyms in
``knowledge/sinonimos.yml``. Loading never stops at the first problem:
every problem is collected with its file and line, so ``enlace kb check`` can
report them all and the bot can still serve the entries that are fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import frontmatter
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.texts import kb_check as texts

CATEGORIES_FILE = "categorias.yml"
LEAD_LIMIT = 600  # characters of the first paragraph a phone shows before "Ver completo"
SYNONYMS_FILE = "sinonimos.yml"
_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    document: str = Field(min_length=1)
    section: str | None = None

    @field_validator("section", mode="before")
    @classmethod
    def _section_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value

    def cite(self) -> str:
        return f"{self.document}, {self.section}" if self.section else self.document


class Entry(BaseModel):
    """One question-sized piece of knowledge."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    category: str = Field(min_length=1)
    questions: list[str] = Field(min_length=1)
    tags: list[str] = []
    sources: list[Source] = Field(min_length=1)
    related: list[str] = []
    reviewed: date
    body: str = Field(min_length=1)
    path: Path | None = None

    @field_validator("questions", "tags", "related", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        """YAML reads a tag like 2019 as a number; curators mean the text."""
        if isinstance(value, list):
            return [str(v) if isinstance(v, int | float) else v for v in value]
        return value

    @field_validator("body")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(texts.EMPTY_ANSWER)
        return value.strip()

    @property
    def summary(self) -> str:
        """The first paragraph: what a person on a phone reads first."""
        return self.body.split("\n\n", 1)[0]

    @property
    def lead(self) -> str:
        """The short answer (the first paragraph); the rest is behind "Ver completo"."""
        return self.summary

    @property
    def has_more(self) -> bool:
        """True when the body says more than its lead."""
        return self.body.strip() != self.lead.strip()


@dataclass(frozen=True)
class Problem:
    """Something wrong in the knowledge base, located for the curator."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class KnowledgeBase:
    """All valid entries, their categories and the synonym groups."""

    entries: dict[str, Entry] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    synonyms: list[list[str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def in_category(self, category: str) -> list[Entry]:
        return sorted(
            (e for e in self.entries.values() if e.category == category), key=lambda e: e.title
        )

    def category_name(self, category: str) -> str:
        return self.categories.get(category, category)

    def long_leads(self, limit: int = LEAD_LIMIT) -> list[Problem]:
        """Entries whose lead is too long for a phone screen (a warning for curators)."""
        return [Problem(e.path or Path("?"), _body_line(e.path) if e.path else 0,
                        texts.LONG_LEAD.format(length=len(e.lead), limit=limit))
                for e in self.entries.values() if len(e.lead) > limit]


def load_knowledge(root: Path) -> KnowledgeBase:
    """Read every entry under ``root``; problems are collected, not raised."""
    root = Path(root)
    kb = KnowledgeBase()
    if not root.is_dir():
        kb.problems.append(Problem(root, 0, texts.NO_FOLDER))
        return kb
    kb.categories = _load_categories(root / CATEGORIES_FILE, kb.problems)
    kb.synonyms = _load_synonyms(root / SYNONYMS_FILE, kb.problems)
    first_seen: dict[str, Path] = {}
    for path in sorted(root.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        entry = _load_entry(path, root, kb)
        if entry is None:
            continue
        if entry.id in first_seen:
            kb.problems.append(Problem(
                path, _line_of(path, "id"),
                texts.DUPLICATE_ID.format(id=entry.id, first=first_seen[entry.id])))
            continue
        first_seen[entry.id] = path
        kb.entries[entry.id] = entry
    _check_related(kb)
    return kb


def _load_entry(path: Path, root: Path, kb: KnowledgeBase) -> Entry | None:
    try:
        post = frontmatter.load(path)
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as exc:
        kb.problems.append(Problem(path, _yaml_line(exc),
                                   texts.UNREADABLE_HEADER.format(error=exc)))
        return None
    data = dict(post.metadata)
    data["body"] = post.content
    try:
        entry = Entry.model_validate({**data, "path": path})
    except ValidationError as exc:
        for error in exc.errors():
            key = str(error["loc"][0]) if error["loc"] else ""
            where = ".".join(str(p) for p in error["loc"])
            line = _body_line(path) if key == "body" else _line_of(path, key)
            message = (texts.EMPTY_ANSWER if key == "body"
                       else texts.BAD_FIELD.format(where=where, problem=_describe(error)))
            kb.problems.append(Problem(path, line, message))
        return None
    folder = path.parent.relative_to(root).parts[0] if path.parent != root else ""
    if kb.categories and entry.category not in kb.categories:
        kb.problems.append(Problem(path, _line_of(path, "category"),
                                   texts.UNKNOWN_CATEGORY.format(
                                       category=entry.category,
                                       categories=', '.join(kb.categories))))
    elif folder and folder != entry.category:
        kb.problems.append(Problem(path, _line_of(path, "category"),
                                   texts.CATEGORY_NOT_FOLDER.format(category=entry.category,
                                                                    folder=folder)))
    if path.stem != entry.id:
        kb.problems.append(Problem(path, _line_of(path, "id"),
                                   texts.WRONG_FILE_NAME.format(id=entry.id)))
    return entry


def _describe(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return texts.FIELD_MISSING
    if kind == "extra_forbidden":
        return texts.FIELD_UNKNOWN
    if kind == "string_pattern_mismatch":
        return texts.FIELD_BAD_ID
    if kind in {"too_short", "list_type"}:
        return texts.FIELD_EMPTY_LIST
    if kind.startswith("date"):
        return texts.FIELD_BAD_DATE
    return error["msg"]


def _check_related(kb: KnowledgeBase) -> None:
    for entry in kb.entries.values():
        for other in entry.related:
            if other not in kb.entries:
                kb.problems.append(Problem(entry.path or Path("?"),
                                           _line_of(entry.path, "related"),
                                           texts.RELATED_MISSING.format(other=other)))


def _load_categories(path: Path, problems: list[Problem]) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        problems.append(Problem(path, _yaml_line(exc), texts.BAD_YAML.format(error=exc)))
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(path, 1, texts.BAD_CATEGORIES))
        return {}
    return {str(k): str(v) for k, v in data.items()}


def _load_synonyms(path: Path, problems: list[Problem]) -> list[list[str]]:
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        problems.append(Problem(path, _yaml_line(exc), texts.BAD_YAML.format(error=exc)))
        return []
    groups: list[list[str]] = []
    for i, group in enumerate(data if isinstance(data, list) else [data]):
        if not isinstance(group, list) or len(group) < 2:
            problems.append(Problem(path, _nth_item_line(path, i),
                                    texts.BAD_SYNONYM_GROUP))
            continue
        groups.append([str(form) for form in group])
    return groups


def _line_of(path: Path | None, key: str) -> int:
    """Line number of ``key:`` in the front matter (1 if absent)."""
    if path is None:
        return 0
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def _body_line(path: Path) -> int:
    """First line after the closing ``---`` of the front matter."""
    lines = path.read_text(encoding="utf-8").splitlines()
    closing = [i for i, line in enumerate(lines) if line.strip() == "---"]
    return closing[1] + 2 if len(closing) > 1 else 1


def _nth_item_line(path: Path, n: int) -> int:
    items = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if line.startswith("-")]
    return items[n] if n < len(items) else 1


def _yaml_line(exc: Exception) -> int:
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 2 if mark is not None else 1  # +1 base, +1 for the opening ---
