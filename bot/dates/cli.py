"""`enlace fecha`: how Enlace reads each line, for curators and scripts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import TextIO

from bot.dates.find import find_when
from bot.dates.formatting import format_when
from bot.dates.models import DateError, Prefer
from bot.texts import dates as texts


def reference_time(value: str | None, tz: tzinfo) -> datetime:
    """``--ahora`` read as ISO, in the office time zone unless it names one; else now."""
    if not value:
        return datetime.now(tz)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise DateError(texts.CLI_BAD_NOW.format(value=value), "") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def read_line(text: str, now: datetime, prefer: Prefer) -> dict:
    """One line as the one-line ``/plazo`` (future) or ``/registrar`` (past) reads it."""
    record: dict = {"text": text, "date": None, "time": None, "rest": text, "error": None}
    try:
        found = find_when(text, now=now, prefer=prefer)
    except DateError as exc:
        record["error"] = str(exc)
        return record
    if found is not None:
        record.update(date=found.day.isoformat(),
                      time=found.time.strftime("%H:%M") if found.time else None,
                      rest=found.rest)
    return record


def run(lines: Iterable[str], out: TextIO, *, now: datetime, prefer: Prefer,
        as_json: bool) -> int:
    """Read every non-blank line; 1 when any was refused (scripts can tell), else 0."""
    refused = False
    for line in lines:
        text = line.strip()
        if not text:
            continue
        record = read_line(text, now, prefer)
        refused = refused or record["error"] is not None
        if as_json:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if record["error"]:
            out.write(texts.CLI_REFUSED.format(text=text, problem=record["error"].splitlines()[0])
                      + "\n")
            continue
        when = texts.CLI_NO_DATE
        if record["date"]:
            found = find_when(text, now=now, prefer=prefer)
            assert found is not None
            when = format_when(found.day, found.time)
        out.write(texts.CLI_LINE.format(text=text, when=when, rest=record["rest"]) + "\n")
        out.flush()
    return 1 if refused else 0
