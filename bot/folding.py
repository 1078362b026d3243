"""Case and accent folding, the one way every part of Enlace compares Spanish text.

People type without accents and with capitals at random; the knowledge base,
the date parser, the activity log and the reminders all compare text after
this folding, so "Línea", "linea" and "LÍNEA" are the same word everywhere.
"""

from __future__ import annotations

import re
import unicodedata

_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents or ñ: "Cooperación Técnica" -> "cooperacion tecnica"."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))
