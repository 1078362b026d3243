"""Reading what people type: a /plazo line, titles, due dates, agreement words and ends.

Each function gives back a value or raises :class:`InputError` with a Spanish
message that says what was wrong and how to write it; nothing here stores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from bot.config import ActionLine
from bot.dates import DateError, Duration, find_when, format_when, parse_duration, parse_when
from bot.folding import fold
from bot.reminders.models import (
    CADENCES,
    KINDS,
    STATUSES,
    AgreementDraft,
    DeadlineDraft,
    InputError,
)
from bot.texts import reminders as texts

MAX_TITLE = 200
MAX_NOTES = 1000
MAX_TEXT = 500
NO_NOTES = {"-", "—", "ninguna"}


# ----------------------------------------------------------------------------- deadlines


def clean_title(text: str) -> str:
    title = re.sub(r"\s+", " ", text or "").strip(" \t\n-–—:;,.")
    if not title:
        raise InputError(texts.TITLE_MISSING)
    if len(title) > MAX_TITLE:
        raise InputError(texts.TITLE_TOO_LONG.format(length=len(title), limit=MAX_TITLE))
    return title


def check_due(due_date: date, due_time: time | None, now: datetime) -> None:
    """A deadline must not be in the past (today without an hour is fine)."""
    if due_date < now.date():
        raise InputError(texts.DUE_PASSED)
    if due_date == now.date() and due_time is not None and due_time <= now.time().replace(
            tzinfo=None):
        raise InputError(texts.HOUR_PASSED.format(hour=f"{due_time:%H:%M}"))


def check_line(line: int | None, lines: Sequence[ActionLine]) -> None:
    if line is not None and line not in {item.number for item in lines}:
        numbers = ", ".join(str(item.number) for item in lines)
        raise InputError(texts.LINE_UNKNOWN.format(line=line, numbers=numbers))


def validate_deadline(draft: DeadlineDraft, now: datetime,
                      lines: Sequence[ActionLine]) -> DeadlineDraft:
    """The draft ready to store, or :class:`InputError` saying what is missing or wrong."""
    title = clean_title(draft.title)
    if draft.due_date is None:
        raise InputError(texts.DUE_MISSING)
    check_due(draft.due_date, draft.due_time, now)
    check_line(draft.line, lines)
    if len(draft.notes) > MAX_NOTES:
        raise InputError(texts.NOTES_TOO_LONG.format(limit=MAX_NOTES))
    return replace(draft, title=title, notes=draft.notes.strip())


def read_notes(text: str) -> str:
    """Notes typed in the flow; «-» leaves them empty."""
    return "" if text.strip() in NO_NOTES else text.strip()[:MAX_NOTES]


_LINE = re.compile(r"(?:^|\s)(?:l[ií]nea|linea|l)\s*(?P<n>\d{1,2})\b", re.IGNORECASE)
_URL = re.compile(r"https?://\S+")
_NOTES = re.compile(r"\s(?:\||notas?:|nota:)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedCommand:
    draft: DeadlineDraft
    date_found: bool


def parse_command(text: str, *, now: datetime, lines: Sequence[ActionLine]) -> ParsedCommand:
    """Read "/plazo Convocatoria KUSANONE el 15 de diciembre a las 10 línea 4 | notas".

    Notes go after "|" or "notas:", links anywhere become notes, "línea N" picks
    the line. The date is found with :func:`bot.dates.find_when` (future).
    Raises :class:`InputError` for an invalid date or a title too long for a card;
    a missing date or title is left empty for the guided flow to ask.
    """
    body = f" {text.strip()} "
    notes = ""
    split = _NOTES.search(body)
    if split:
        body, notes = body[: split.start()], body[split.end():].strip()
    links = _URL.findall(body)
    body = _URL.sub(" ", body)
    if links:
        notes = " ".join([*links, notes]).strip()
    line = None
    match = _LINE.search(body)
    if match:
        line = int(match.group("n"))
        body = body[: match.start()] + " " + body[match.end():]
    try:
        when = find_when(body, now=now, prefer="future")
    except DateError as exc:
        raise InputError(str(exc)) from None
    if when is not None:
        body = when.rest
    title = re.sub(r"\s+", " ", body).strip(" \t\n-–—:;,.")
    if title:
        title = clean_title(title)  # a title too long for one card is refused here
    if len(notes) > MAX_NOTES:
        raise InputError(texts.NOTES_TOO_LONG.format(limit=MAX_NOTES))
    draft = DeadlineDraft(title=title, line=line, notes=notes)
    if when is not None:
        draft = draft.with_when(when)
    check_line(line, lines)
    return ParsedCommand(draft=draft, date_found=when is not None)


def owner_from_text(draft: DeadlineDraft | AgreementDraft,
                    text: str) -> DeadlineDraft | AgreementDraft:
    """An owner typed: a Telegram user number, or just a name (no private reminders)."""
    value = text.strip().lstrip("@")
    if not value:
        raise InputError(texts.OWNER_MISSING)
    if value.isascii() and value.isdigit() and len(value) <= 15:
        return replace(draft, owner_id=int(value), owner_name="")
    return replace(draft, owner_id=None, owner_name=value[:80])


# ----------------------------------------------------------------------------- agreements


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]+", " ", fold(text)).strip()


_KIND_WORDS = {
    "mou": "mou", "memorando": "mou", "memorando de entendimiento": "mou",
    "memorandum": "mou", "memorando de entendimiento mou": "mou", "convenio": "convenio",
    "hermanamiento": "hermanamiento", "ciudad hermana": "hermanamiento",
    "hermanas": "hermanamiento", "carta": "carta", "carta de intencion": "carta",
    "loi": "carta", "otro": "otro", "acuerdo": "otro",
}
_CADENCE_WORDS = {
    "none": "none", "ninguno": "none", "ninguna": "none", "no": "none", "sin": "none",
    "sin seguimiento": "none", "": "none", "mensual": "mensual", "cada mes": "mensual",
    "trimestral": "trimestral", "cada 3 meses": "trimestral", "cada tres meses": "trimestral",
    "semestral": "semestral", "cada 6 meses": "semestral", "cada seis meses": "semestral",
    "anual": "anual", "cada ano": "anual",
}
_STATUS_WORDS = {
    "negociacion": "negociacion", "en negociacion": "negociacion", "borrador": "negociacion",
    "vigente": "vigente", "activo": "vigente", "firmado": "vigente", "vencido": "vencido",
    "terminado": "terminado", "finalizado": "terminado", "cerrado": "terminado",
}


def read_kind(text: str) -> str:
    found = _KIND_WORDS.get(_key(text)) or (_key(text) if _key(text) in KINDS else None)
    if found is None:
        raise InputError(texts.KIND_INVALID)
    return found


def read_cadence(text: str) -> str:
    found = _CADENCE_WORDS.get(_key(text))
    if found is None:
        raise InputError(texts.CADENCE_INVALID)
    return found


def read_status(text: str) -> str:
    found = _STATUS_WORDS.get(_key(text))
    if found is None:
        raise InputError(texts.STATUS_INVALID)
    return found


def read_partner(text: str) -> str:
    partner = re.sub(r"\s+", " ", text).strip()
    if not partner:
        raise InputError(texts.PARTNER_MISSING)
    return partner[:200]


def read_end(text: str, signed_on: date | None,
             now: datetime) -> tuple[date | None, Duration | None]:
    """An end written as a date ("15/12/2028") or a duration ("2 años")."""
    norm = fold(text).strip()
    if re.search(r"\d|\b(un|una|dos|tres|cuatro|cinco|seis|diez)\b", norm) and re.search(
            r"\b(anos?|mes(es)?|semanas?|dias?)\b", norm) and not re.search(
            r"\b(de|del)\s+\d{4}\b|/|\bfin\b", norm):
        try:
            return None, parse_duration(norm.removeprefix("hasta").strip())
        except DateError as exc:
            raise InputError(str(exc)) from None
    try:
        when = parse_when(re.sub(r"^\s*(hasta|vence|termina)\s+(el\s+)?", "", text,
                                 flags=re.IGNORECASE), now=now, prefer="future")
    except DateError as exc:
        raise InputError(texts.END_HOW.format(problem=exc.problem)) from None
    if signed_on is not None and when.day <= signed_on:
        raise InputError(texts.END_BEFORE_SIGNED)
    return when.day, None


def read_signed(text: str, ends_on: date | None, now: datetime) -> date:
    """A signing date: not in the future, and before the end when there is one."""
    signed = parse_when(text, now=now, prefer="past").day
    if signed > now.date():
        raise InputError(texts.SIGNED_IN_FUTURE)
    if ends_on is not None and ends_on <= signed:
        raise InputError(texts.SIGNED_AFTER_END.format(end=format_when(ends_on, None)))
    return signed


def validate_agreement(draft: AgreementDraft) -> AgreementDraft:
    partner = read_partner(draft.partner)
    if len(draft.partner) > 200 or len(draft.object) > MAX_TEXT or len(draft.notes) > MAX_TEXT:
        raise InputError(texts.AG_TEXT_TOO_LONG)
    kind = draft.kind or "otro"
    if kind not in KINDS:
        raise InputError(texts.KIND_INVALID)
    cadence = draft.cadence or "none"
    if cadence not in CADENCES:
        raise InputError(texts.CADENCE_INVALID)
    status = draft.status or ("vigente" if draft.signed_on else "negociacion")
    if status not in STATUSES:
        raise InputError(texts.STATUS_INVALID)
    end = draft.end_date()
    if end is not None and draft.signed_on is not None and end <= draft.signed_on:
        raise InputError(texts.END_BEFORE_SIGNED)
    return replace(draft, partner=partner, kind=kind, cadence=cadence, status=status,
                   ends_on=end, object=draft.object.strip(), notes=draft.notes.strip())
