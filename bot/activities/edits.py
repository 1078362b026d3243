"""``/editar``: which fields a correction changes.

    /editar [#]42 línea 3 fecha ayer aliados #APC #GOAL dependencia Planeación
    /editar 42 texto Reunión con la APC sobre la convocatoria
    /editar 42 <a whole new quick-log text>

"texto" takes the rest of the message; the other fields end where the next
one starts. "aliados ninguno" / "dependencia ninguna" clear them.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

from bot.activities.models import Activity, EntryError
from bot.activities.names import hashtags
from bot.activities.parse import Vocabulary, check_line, parse_entry
from bot.dates import DateError, find_when
from bot.folding import fold
from bot.texts import activities as texts

_EDIT_FIELD = re.compile(
    r"(?:^|\s)(?P<field>l[ií]nea|fecha|d[ií]a|texto|aliados?|socios?|dependencia|dep)\s*:?\s*",
    re.IGNORECASE,
)
_NONE_WORDS = {"ninguno", "ninguna", "nada", "-", "sin", "ningun", "borrar", "quitar"}


def edit_changes(activity: Activity, args: str, *, vocab: Vocabulary,
                 now: datetime) -> dict[str, Any]:
    """The changes ``args`` asks for (column -> value); the caller validates and stores them."""
    fields = list(_EDIT_FIELD.finditer(args))
    if not fields or fields[0].start() > 0 and args[:fields[0].start()].strip():
        # A whole new text: keep what it does not say.
        draft = parse_entry(args, vocab=vocab, now=now, line=None)
        changes: dict[str, Any] = {"text": draft.text}
        if draft.day_given:
            changes["day"] = draft.day
        if draft.line is not None and not draft.candidates:
            changes["line"] = draft.line  # given explicitly, not guessed
        if draft.partners:
            changes["partners"] = draft.partners
        if draft.department:
            changes["department"] = draft.department
        return changes
    changes = {}
    for i, match in enumerate(fields):
        name = fold(match.group("field"))
        end = len(args) if name == "texto" or i + 1 == len(fields) else fields[i + 1].start()
        value = args[match.end():end].strip()
        if name == "texto":
            changes["text"] = _tidy_text(value)
            break
        changes.update(_edit_field(name, value, vocab, now))
    return changes

def _edit_field(name: str, value: str, vocab: Vocabulary, now: datetime) -> dict[str, Any]:
    if name == "linea":
        if not (value.isascii() and value.isdigit() and len(value) < 4):
            raise EntryError(texts.EDIT_LINE_NUMBER)
        return {"line": check_line(int(value), vocab.lines)}
    if name in {"fecha", "dia"}:
        try:
            when = find_when(value, now=now, prefer="past") if value else None
        except DateError as exc:
            raise EntryError(texts.BAD_DATE.format(problem=html.escape(exc.problem))) from None
        if when is None:
            raise EntryError(texts.BAD_DATE.format(problem=texts.NO_DATE_FOUND.format(
                text=html.escape(value))))
        return {"day": when.day}
    if name.startswith(("aliado", "socio")):
        if fold(value) in _NONE_WORDS:
            return {"partners": []}
        tagged, rest = hashtags(value)
        loose = [p.strip() for p in re.split(r"[,;]|\s+y\s+", rest) if p.strip()]
        names = [vocab.partners.canonical(n) for n in [*tagged, *loose]]
        if not names:
            raise EntryError(texts.EDIT_PARTNERS)
        return {"partners": names}
    # dependencia
    if fold(value) in _NONE_WORDS:
        return {"department": None}
    if not value:
        raise EntryError(texts.EMPTY_DEPARTMENT)
    return {"department": vocab.departments.canonical(value)}


def _tidy_text(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text).strip()
    return text[0].upper() + text[1:] if text[:1].islower() else text
