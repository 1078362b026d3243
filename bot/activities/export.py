"""Every field of every activity in a period, as a CSV a spreadsheet opens correctly.

UTF-8 with a byte-order mark, so Excel shows "Cooperación" and not
"CooperaciÃ³n"; one row per activity; partners joined with "; "; evidence
as JSON (kind and Telegram file id). Cells that a spreadsheet would run as a
formula (starting with = + - @) get a leading apostrophe (OWASP's advice
against CSV injection).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from bot.activities.lines import line_by_number
from bot.activities.models import Activity
from bot.config import ActionLine
from bot.texts import report as texts

HEADER = texts.CSV_HEADER


def activities_csv(activities: Sequence[Activity], lines: Sequence[ActionLine], *,
                   delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for a in activities:
        line = line_by_number(a.line, lines)
        writer.writerow([_safe(v) for v in [
            a.id,
            a.day.isoformat(),
            a.line,
            line.name if line else "",
            a.text,
            "; ".join(a.partners),
            a.department or "",
            a.user_name,
            a.user_id,
            "" if a.chat_id is None else a.chat_id,
            "" if a.message_id is None else a.message_id,
            json.dumps([e.to_json() for e in a.evidence], ensure_ascii=False) if a.evidence
            else "",
            a.created_at.isoformat(),
            a.updated_at.isoformat() if a.updated_at else "",
            a.deleted_at.isoformat() if a.deleted_at else "",
            "" if a.deleted_by is None else a.deleted_by,
            a.source,
        ]])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _safe(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
