"""Bulk loading of deadlines and agreements from CSV (``enlace import FILE``).

All or nothing: every row is checked first, each bad row is reported by its
line number in the file, and nothing is stored if any row is bad. Loading the
same file twice stores nothing new (each row has a fingerprint).

Columns (header row required; names are case- and accent-insensitive; comma
or semicolon separated; UTF-8, with or without Excel's BOM):

deadlines (plazos)
    titulo (required), fecha (required: 2026-12-15, 15/12/2026, "15 de diciembre"…),
    hora (optional, 17:00), linea (optional action line number),
    responsable_id (optional Telegram user number), responsable (optional name), notas.

agreements (convenios)
    contraparte (required), tipo (mou, convenio, hermanamiento, carta, otro),
    objeto, firma (date signed, empty if not yet), fin (end date) or duracion ("2 años"),
    seguimiento (ninguno, mensual, trimestral, semestral, anual),
    estado (en negociación, vigente, vencido, terminado; default: vigente if signed),
    responsable_id, responsable, notas.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bot.config import ActionLine
from bot.dates import DateError, parse_when
from bot.folding import fold
from bot.refusal import Refusal
from bot.reminders.models import AgreementDraft, DeadlineDraft, InputError
from bot.reminders.parse import (
    read_cadence,
    read_end,
    read_kind,
    read_status,
    validate_agreement,
    validate_deadline,
)
from bot.reminders.store import AgreementStore, DeadlineStore
from bot.texts import imports as texts

DEADLINE_COLUMNS = ["titulo", "fecha", "hora", "linea", "responsable_id", "responsable", "notas"]
AGREEMENT_COLUMNS = ["contraparte", "tipo", "objeto", "firma", "fin", "duracion", "seguimiento",
                     "estado", "responsable_id", "responsable", "notas"]
_ALIASES = {"title": "titulo", "date": "fecha", "due": "fecha", "time": "hora",
            "line": "linea", "owner_id": "responsable_id", "owner": "responsable",
            "notes": "notas", "partner": "contraparte", "kind": "tipo", "type": "tipo",
            "object": "objeto", "signed": "firma", "signed_on": "firma", "end": "fin",
            "ends_on": "fin", "duration": "duracion", "cadence": "seguimiento",
            "status": "estado"}


@dataclass
class ImportResult:
    kind: str  # plazos | convenios
    created: int = 0
    existing: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def report(self, path: Path | str) -> str:
        """The Spanish summary printed by ``enlace import``."""
        if self.errors:
            lines = [texts.NOTHING_LOADED.format(path=path, count=len(self.errors))]
            lines += [texts.ROW_ERROR.format(row=row, message=message)
                      for row, message in self.errors]
            return "\n".join(lines)
        text = texts.LOADED.format(count=self.created, kind=self.kind, path=path)
        if self.existing:
            text += texts.ALREADY_LOADED.format(count=self.existing)
        return text


class ImportFileError(Refusal):
    """The file as a whole can not be read (missing, no header, unknown columns)."""


def _column(name: str) -> str:
    key = re.sub(r"[^a-z_]", "", fold(name).strip().replace(" ", "_"))
    return _ALIASES.get(key, key)


def read_rows(path: Path) -> tuple[str, list[tuple[int, dict[str, str]]]]:
    """The kind of file ("plazos" or "convenios") and its rows with line numbers."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(texts.CANNOT_READ.format(path=path,
                                                      reason=exc.strerror or exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if not text.strip():
        raise ImportFileError(texts.EMPTY.format(path=path))
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_column(name) for name in next(reader)]
    if "contraparte" in header:
        kind, known, required = "convenios", AGREEMENT_COLUMNS, ["contraparte"]
    elif "titulo" in header:
        kind, known, required = "plazos", DEADLINE_COLUMNS, ["titulo", "fecha"]
    else:
        raise ImportFileError(texts.UNKNOWN_KIND.format(
            path=path, deadlines=", ".join(DEADLINE_COLUMNS),
            agreements=", ".join(AGREEMENT_COLUMNS)))
    unknown = [name for name in header if name and name not in known]
    if unknown:
        raise ImportFileError(texts.UNKNOWN_COLUMNS.format(
            path=path, unknown=", ".join(unknown), known=", ".join(known)))
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFileError(texts.MISSING_COLUMN.format(path=path, missing=", ".join(missing)))
    rows = []
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        values = {name: (record[i].strip() if i < len(record) else "")
                  for i, name in enumerate(header) if name}
        rows.append((line, values))
    return kind, rows


def _fingerprint(*parts: object) -> str:
    digest = hashlib.sha1("|".join(fold(str(p)) for p in parts).encode()).hexdigest()[:16]
    return f"csv:{digest}"


def _owner(values: dict[str, str]) -> tuple[int | None, str]:
    raw = values.get("responsable_id", "")
    if raw and not (raw.isascii() and raw.lstrip("-").isdigit() and len(raw) <= 15):
        raise InputError(texts.OWNER_ID_NOT_NUMBER.format(raw=raw))
    return (int(raw) if raw else None), values.get("responsable", "")


def deadline_from_row(values: dict[str, str], now: datetime,
                      lines: Sequence[ActionLine]) -> DeadlineDraft:
    if not values.get("titulo"):
        raise InputError(texts.TITLE_MISSING)
    if not values.get("fecha"):
        raise InputError(texts.DATE_MISSING)
    text = values["fecha"] + (f" {values['hora']}" if values.get("hora") else "")
    try:
        when = parse_when(text, now=now, prefer="future")
    except DateError as exc:
        raise InputError(texts.DATE_HOW.format(problem=exc.problem)) from None
    line_text = values.get("linea", "")
    if line_text and not (line_text.isascii() and line_text.isdigit() and len(line_text) < 4):
        raise InputError(texts.LINE_NOT_NUMBER.format(line=line_text))
    owner_id, owner_name = _owner(values)
    draft = DeadlineDraft(title=values["titulo"], due_date=when.day, due_time=when.time,
                          line=int(line_text) if line_text else None, owner_id=owner_id,
                          owner_name=owner_name, notes=values.get("notas", ""))
    return validate_deadline(draft, now, lines)


def agreement_from_row(values: dict[str, str], now: datetime) -> AgreementDraft:
    if not values.get("contraparte"):
        raise InputError(texts.PARTNER_MISSING)
    signed = None
    if values.get("firma"):
        try:
            signed = parse_when(values["firma"], now=now, prefer="past").day
        except DateError as exc:
            raise InputError(texts.SIGNED_HOW.format(problem=exc.problem)) from None
    ends_on = duration = None
    if values.get("fin") and values.get("duracion"):
        raise InputError(texts.END_OR_DURATION)
    if values.get("fin") or values.get("duracion"):
        ends_on, duration = read_end(values.get("fin") or values["duracion"], signed, now)
    owner_id, owner_name = _owner(values)
    draft = AgreementDraft(
        partner=values["contraparte"],
        kind=read_kind(values["tipo"]) if values.get("tipo") else "otro",
        object=values.get("objeto", ""), signed_on=signed, ends_on=ends_on, duration=duration,
        cadence=read_cadence(values.get("seguimiento", "")),
        status=read_status(values["estado"]) if values.get("estado") else None,
        owner_id=owner_id, owner_name=owner_name, notes=values.get("notas", ""))
    return validate_agreement(draft)


def import_file(path: Path, *, deadlines: DeadlineStore, agreements: AgreementStore,
                now: datetime, lines: Sequence[ActionLine]) -> ImportResult:
    """Check every row, then store them all in one transaction, or none."""
    kind, rows = read_rows(path)
    result = ImportResult(kind=kind)
    checked: list[tuple[str, object]] = []
    seen: dict[str, int] = {}
    make: Callable[[dict[str, str]], object]
    if kind == "plazos":
        def make(values):
            return deadline_from_row(values, now, lines)
    else:
        def make(values):
            return agreement_from_row(values, now)
    for line, values in rows:
        try:
            draft = make(values)
        except (InputError, DateError) as exc:
            result.errors.append((line, _one_line(str(exc))))
            continue
        if kind == "plazos":
            origin = _fingerprint(draft.title, draft.due_date, draft.due_time)
        else:
            origin = _fingerprint(draft.partner, draft.kind, draft.signed_on, draft.object)
        if origin in seen:
            result.errors.append((line, texts.REPEATED_ROW.format(row=seen[origin])))
            continue
        seen[origin] = line
        checked.append((origin, draft))
    if result.errors:
        return result
    db = deadlines.db
    with db.atomic():
        for origin, draft in checked:
            if kind == "plazos":
                _, created = deadlines.add(draft, by=None, by_name="", at=now, source="import",
                                           origin=origin)
            else:
                _, created = agreements.add(draft, by=None, at=now, source="import",
                                            origin=origin)
            if created:
                result.created += 1
            else:
                result.existing += 1
    return result


def _one_line(text: str) -> str:
    return " ".join(text.split())
