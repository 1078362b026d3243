"""The office's time zone and the moment the tests live in: Wednesday 18 November 2026,
10:00 in Bogotá (the ``clock`` fixture starts there too)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

BOGOTA = ZoneInfo("America/Bogota")
NOW = datetime(2026, 11, 18, 10, 0, tzinfo=BOGOTA)
