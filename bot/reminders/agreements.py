"""Agreements (convenios, MoU, hermanamientos): the model, its follow-up cadence, storage.

An agreement carries two kinds of dates that matter: its end (a cascade of
expiry reminders before it) and its follow-ups (one each period of its
cadence, counted from the signing date). Follow-ups done are stored one per
period, so a second tap on "Seguimiento hecho" records nothing new.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

import sqlite_utils

from bot.dates import DateError, Duration, add_months, parse_duration
from bot.folding import fold
from bot.reminders.deadlines import InputError

KINDS: dict[str, str] = {
    "mou": "Memorando de entendimiento (MoU)",
    "convenio": "Convenio",
    "hermanamiento": "Hermanamiento",
    "carta": "Carta de intención",
    "otro": "Otro",
}
CADENCES: dict[str, int] = {"none": 0, "mensual": 1, "trimestral": 3, "semestral": 6,
                            "anual": 12}
CADENCE_NAMES = {"none": "sin seguimiento periódico", "mensual": "mensual",
                 "trimestral": "trimestral", "semestral": "semestral", "anual": "anual"}
STATUSES: dict[str, str] = {
    "negociacion": "en negociación",
    "vigente": "vigente",
    "vencido": "vencido",
    "terminado": "terminado",
}
MAX_TEXT = 500


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
        raise InputError("Tipo de convenio no válido. Use: mou (memorando de entendimiento), "
                         "convenio, hermanamiento, carta (de intención) u otro.")
    return found


def read_cadence(text: str) -> str:
    found = _CADENCE_WORDS.get(_key(text))
    if found is None:
        raise InputError("Seguimiento no válido. Use: ninguno, mensual, trimestral, "
                         "semestral o anual.")
    return found


def read_status(text: str) -> str:
    found = _STATUS_WORDS.get(_key(text))
    if found is None:
        raise InputError("Estado no válido. Use: en negociación, vigente, vencido o terminado.")
    return found


@dataclass(frozen=True)
class Agreement:
    id: int
    partner: str
    kind: str
    object: str
    signed_on: date | None
    ends_on: date | None
    duration: Duration | None
    cadence: str
    owner_id: int | None
    owner_name: str
    status: str
    notes: str
    created_at: datetime
    armed_at: datetime

    def effective_status(self, today: date) -> str:
        """``vigente`` past its end date reads as ``vencido`` without anyone editing it."""
        if self.status == "vigente" and self.ends_on is not None and self.ends_on < today:
            return "vencido"
        return self.status

    @property
    def kind_name(self) -> str:
        return KINDS.get(self.kind, self.kind)

    def anchor(self) -> date:
        """Where follow-up periods are counted from."""
        return self.signed_on or self.created_at.date()

    def followup_dates(self, until: date) -> list[date]:
        """Every follow-up date after the anchor up to ``until`` (and the end date).

        Each is ``anchor + k × period`` computed from the anchor, so 31 January
        monthly gives 28 February, then 31 March (no drift to the 28th).
        """
        months = CADENCES.get(self.cadence, 0)
        if not months:
            return []
        last = min(until, self.ends_on) if self.ends_on else until
        dates: list[date] = []
        k = 1
        while True:
            try:
                day = add_months(self.anchor(), k * months)
            except DateError:
                break
            if day > last:
                break
            dates.append(day)
            k += 1
        return dates


@dataclass(frozen=True)
class AgreementDraft:
    partner: str = ""
    kind: str | None = None
    object: str = ""
    signed_on: date | None = None
    ends_on: date | None = None
    duration: Duration | None = None
    cadence: str | None = None
    owner_id: int | None = None
    owner_name: str = ""
    status: str | None = None
    notes: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "partner": self.partner, "kind": self.kind, "object": self.object,
            "signed_on": self.signed_on.isoformat() if self.signed_on else None,
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "duration": [self.duration.months, self.duration.days] if self.duration else None,
            "cadence": self.cadence, "owner_id": self.owner_id, "owner_name": self.owner_name,
            "status": self.status, "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AgreementDraft:
        duration = data.get("duration")
        return cls(
            partner=data.get("partner") or "", kind=data.get("kind"),
            object=data.get("object") or "",
            signed_on=date.fromisoformat(data["signed_on"]) if data.get("signed_on") else None,
            ends_on=date.fromisoformat(data["ends_on"]) if data.get("ends_on") else None,
            duration=Duration(*duration) if duration else None,
            cadence=data.get("cadence"), owner_id=data.get("owner_id"),
            owner_name=data.get("owner_name") or "", status=data.get("status"),
            notes=data.get("notes") or "",
        )

    def end_date(self) -> date | None:
        """The end: written, or signing date + duration."""
        if self.ends_on is not None:
            return self.ends_on
        if self.duration is not None and self.signed_on is not None:
            return self.duration.after(self.signed_on)
        return None


def read_end(text: str, signed_on: date | None, now: datetime) -> tuple[date | None,
                                                                      Duration | None]:
    """An end written as a date ("15/12/2028") or a duration ("2 años")."""
    from bot.dates import parse_when

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
        raise InputError(
            f"{exc.problem} Escriba la fecha de fin («15/12/2028») o la duración "
            "(«2 años», «18 meses»)."
        ) from None
    if signed_on is not None and when.day <= signed_on:
        raise InputError("La fecha de fin debe ser posterior a la firma.")
    return when.day, None


def validate(draft: AgreementDraft) -> AgreementDraft:
    partner = re.sub(r"\s+", " ", draft.partner).strip()
    if not partner:
        raise InputError("Falta la contraparte del convenio, por ejemplo «GOAL» o "
                         "«Alcaldía de Pittsburgh».")
    if len(partner) > 200 or len(draft.object) > MAX_TEXT or len(draft.notes) > MAX_TEXT:
        raise InputError("El texto es muy largo (máximo 500 caracteres).")
    kind = draft.kind or "otro"
    if kind not in KINDS:
        raise InputError("Tipo de convenio no válido.")
    cadence = draft.cadence or "none"
    if cadence not in CADENCES:
        raise InputError("Seguimiento no válido.")
    status = draft.status or ("vigente" if draft.signed_on else "negociacion")
    if status not in STATUSES:
        raise InputError("Estado no válido.")
    end = draft.end_date()
    if end is not None and draft.signed_on is not None and end <= draft.signed_on:
        raise InputError("La fecha de fin debe ser posterior a la firma.")
    return replace(draft, partner=partner, kind=kind, cadence=cadence, status=status,
                   ends_on=end, object=draft.object.strip(), notes=draft.notes.strip())


# ----------------------------------------------------------------------------- storage

_COLUMNS = ("id, partner, kind, object, signed_on, ends_on, duration_months, duration_days, "
            "cadence, owner_id, owner_name, status, notes, created_at, armed_at")


def _row(row: Sequence[Any]) -> Agreement:
    (id_, partner, kind, obj, signed_on, ends_on, months, days, cadence, owner_id, owner_name,
     status, notes, created_at, armed_at) = row
    duration = Duration(months or 0, days or 0) if (months or days) else None
    return Agreement(
        id=id_, partner=partner, kind=kind, object=obj or "",
        signed_on=date.fromisoformat(signed_on) if signed_on else None,
        ends_on=date.fromisoformat(ends_on) if ends_on else None, duration=duration,
        cadence=cadence, owner_id=owner_id, owner_name=owner_name or "", status=status,
        notes=notes or "", created_at=datetime.fromisoformat(created_at),
        armed_at=datetime.fromisoformat(armed_at),
    )


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


class AgreementStore:
    """The ``agreements`` and ``agreement_followups`` tables."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, draft: AgreementDraft, *, by: int | None, at: datetime,
            source: str = "telegram", origin: str | None = None) -> tuple[Agreement, bool]:
        if origin is not None:
            row = self.db.execute(f"SELECT {_COLUMNS} FROM agreements WHERE origin = ?",
                                  [origin]).fetchone()
            if row:
                return _row(row), False
        stamp = _stamp(at)
        duration = draft.duration
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO agreements (partner, kind, object, signed_on, ends_on, "
                "duration_months, duration_days, cadence, owner_id, owner_name, status, notes, "
                "created_by, created_at, updated_at, armed_at, source, origin) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [draft.partner, draft.kind, draft.object, _iso(draft.signed_on),
                 _iso(draft.ends_on), duration.months if duration else None,
                 duration.days if duration else None, draft.cadence, draft.owner_id,
                 draft.owner_name, draft.status, draft.notes, by, stamp, stamp, stamp, source,
                 origin],
            )
            new_id = cursor.lastrowid
        found = self.get(new_id)
        assert found is not None
        return found, True

    def get(self, agreement_id: int) -> Agreement | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM agreements WHERE id = ? AND deleted_at IS NULL",
            [agreement_id]).fetchone()
        return _row(row) if row else None

    def all(self) -> list[Agreement]:
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM agreements WHERE deleted_at IS NULL ORDER BY partner, id"
        ).fetchall()
        return [_row(r) for r in rows]

    def update(self, agreement_id: int, *, at: datetime, **fields: Any) -> bool:
        """Change fields (status, ends_on, cadence, owner…); dates re-arm its reminders."""
        allowed = {"status", "ends_on", "signed_on", "cadence", "owner_id", "owner_name",
                   "notes", "object"}
        assert set(fields) <= allowed, fields
        values = {k: (_iso(v) if isinstance(v, date) else v) for k, v in fields.items()}
        values["updated_at"] = _stamp(at)
        if set(fields) & {"status", "ends_on", "signed_on", "cadence"}:
            values["armed_at"] = _stamp(at)
        assignments = ", ".join(f"{k} = ?" for k in values)
        with self.db.atomic():
            cursor = self.db.execute(
                f"UPDATE agreements SET {assignments} WHERE id = ? AND deleted_at IS NULL",
                [*values.values(), agreement_id],
            )
            return cursor.rowcount == 1

    def delete(self, agreement_id: int, *, at: datetime) -> bool:
        with self.db.atomic():
            cursor = self.db.execute(
                "UPDATE agreements SET deleted_at = ?, updated_at = ? "
                "WHERE id = ? AND deleted_at IS NULL", [_stamp(at), _stamp(at), agreement_id])
            return cursor.rowcount == 1

    # -- follow-ups ----------------------------------------------------------
    def followups_done(self) -> dict[int, set[date]]:
        done: dict[int, set[date]] = {}
        for agreement_id, period_on in self.db.execute(
                "SELECT agreement_id, period_on FROM agreement_followups").fetchall():
            done.setdefault(agreement_id, set()).add(date.fromisoformat(period_on))
        return done

    def record_followup(self, agreement_id: int, period_on: date, *, by: int | None,
                        by_name: str, at: datetime, note: str = "") -> bool:
        """True if recorded now, False if that period was already done."""
        with self.db.atomic():
            cursor = self.db.execute(
                "INSERT INTO agreement_followups (agreement_id, period_on, done_at, done_by, "
                "done_by_name, note) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(agreement_id, period_on) DO NOTHING",
                [agreement_id, period_on.isoformat(), _stamp(at), by, by_name, note],
            )
            return cursor.rowcount == 1

    def set_followup_activity(self, agreement_id: int, period_on: date, activity_id: int) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE agreement_followups SET activity_id = ? "
                "WHERE agreement_id = ? AND period_on = ?",
                [activity_id, agreement_id, period_on.isoformat()])

    def last_followup(self, agreement_id: int) -> date | None:
        row = self.db.execute(
            "SELECT MAX(done_at) FROM agreement_followups WHERE agreement_id = ?",
            [agreement_id]).fetchone()
        return datetime.fromisoformat(row[0]).date() if row and row[0] else None
