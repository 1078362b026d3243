"""What the knowledge base is made of: entries (a Markdown file each, validated with
pydantic), their sources, the loaded base, and the problems a curator must fix.

Reading the files is :mod:`bot.knowledge.parse`; loading a folder, :mod:`bot.knowledge.store`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.texts import kb_check as texts

LEAD_LIMIT = 600  # characters of the first paragraph a phone shows before "Ver completo"
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
    # Ids of entries merged into this one: old buttons, links and learned phrasings follow.
    replaces: list[str] = []
    reviewed: date
    body: str = Field(min_length=1)
    path: Path | None = None

    @field_validator("questions", "tags", "related", "replaces", mode="before")
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
    replaced: dict[str, str] = field(default_factory=dict)  # old id -> the entry it became

    def get(self, entry_id: str) -> Entry | None:
        """The entry ``entry_id`` names, following merges: a button on an old message, a
        phrasing an admin attached or a vote still reach the entry that holds its facts."""
        entry = self.entries.get(entry_id)
        if entry is None and entry_id in self.replaced:
            entry = self.entries.get(self.replaced[entry_id])
        return entry

    def in_category(self, category: str) -> list[Entry]:
        return sorted(
            (e for e in self.entries.values() if e.category == category), key=lambda e: e.title
        )

    def category_name(self, category: str) -> str:
        return self.categories.get(category, category)

    def long_leads(self, limit: int = LEAD_LIMIT) -> list[Problem]:
        """Entries whose lead is too long for a phone screen (a warning for curators)."""
        return [Problem(e.path or Path("?"), body_line(e.path) if e.path else 0,
                        texts.LONG_LEAD.format(length=len(e.lead), limit=limit))
                for e in self.entries.values() if len(e.lead) > limit]



def body_line(path: Path) -> int:
    """First line after the closing ``---`` of the front matter."""
    lines = path.read_text(encoding="utf-8").splitlines()
    closing = [i for i, line in enumerate(lines) if line.strip() == "---"]
    return closing[1] + 2 if len(closing) > 1 else 1
