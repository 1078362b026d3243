"""Reading the knowledge files: one Markdown entry (YAML front matter + body), the
category names and the synonym groups. Nothing stops at the first problem: each one is
collected as a :class:`Problem` with its file and line, for ``enlace kb check``.
"""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import yaml
from pydantic import ValidationError

from bot.knowledge.models import Entry, KnowledgeBase, Problem, body_line
from bot.texts import kb_check as texts


def read_entry(path: Path, root: Path, kb: KnowledgeBase) -> Entry | None:
    """The entry in ``path``, or None; its problems (also for a valid entry in the wrong
    folder or file) go to ``kb.problems``."""
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
            line = body_line(path) if key == "body" else line_of(path, key)
            message = (texts.EMPTY_ANSWER if key == "body"
                       else texts.BAD_FIELD.format(where=where, problem=_describe(error)))
            kb.problems.append(Problem(path, line, message))
        return None
    folder = path.parent.relative_to(root).parts[0] if path.parent != root else ""
    if kb.categories and entry.category not in kb.categories:
        kb.problems.append(Problem(path, line_of(path, "category"),
                                   texts.UNKNOWN_CATEGORY.format(
                                       category=entry.category,
                                       categories=', '.join(kb.categories))))
    elif folder and folder != entry.category:
        kb.problems.append(Problem(path, line_of(path, "category"),
                                   texts.CATEGORY_NOT_FOLDER.format(category=entry.category,
                                                                    folder=folder)))
    if path.stem != entry.id:
        kb.problems.append(Problem(path, line_of(path, "id"),
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


def read_categories(path: Path, problems: list[Problem]) -> dict[str, str]:
    """``categorias.yml``: folder name -> the name a person reads."""
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


def read_synonyms(path: Path, problems: list[Problem]) -> list[list[str]]:
    """``sinonimos.yml``: groups of two or more forms that mean the same."""
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


def line_of(path: Path | None, key: str) -> int:
    """Line number of ``key:`` in the front matter (1 if absent)."""
    if path is None:
        return 0
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.match(line):
            return number
    return 1


def _nth_item_line(path: Path, n: int) -> int:
    items = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if line.startswith("-")]
    return items[n] if n < len(items) else 1


def _yaml_line(exc: Exception) -> int:
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 2 if mark is not None else 1  # +1 base, +1 for the opening ---
