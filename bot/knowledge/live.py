"""Live answers: questions about an agreement or a deadline the office tracks.

"¿cuándo vence el convenio con GOAL?", "¿ya se firmó con la UPB?", "¿qué
plazos hay esta semana?": the knowledge base tells what the GOAL memorandum
is about, but only the registry (``/convenios``, ``/plazos``) knows whether it
was signed, when it ends, who follows it up. A question is live when it names
a tracked partner (or a deadline) *and* asks about its state or dates; the
reply is the registry's facts, with the matching knowledge entry as background.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.dates import format_day, format_when
from bot.folding import fold
from bot.knowledge.registry import AgreementFacts, DeadlineFacts, Registry
from bot.knowledge.text import content_words, words
from bot.texts import knowledge as texts

# Asking about the state or the dates, not the content.
_STATE = frozenset("""
    vence vencio vencen vencer vencimiento vencido vigente vigencia firmo firmado firmada
    firmaron firma firmar firmamos estado va van termina terminar termino renovar renovacion
    seguimiento seguimientos responsable encargado lleva cuando fecha fechas dura hasta
    expira expire status signed sign expire expires expiry due deadline when
""".split())
_DEADLINES = frozenset("plazo plazos vencimientos pendientes deadlines entregas".split())
# Words of partner names that do not single a partner out.
_GENERIC = frozenset("""
    alcaldia universidad ciudad ciudades ong irlandesa gobierno municipio embajada
    corea sur cities finance facility group climate leadership agencia oficina de del la
    y el los las
""".split())


@dataclass(frozen=True)
class LiveFacts:
    """What the registry says about the question, ready to show (HTML)."""

    text: str
    topic: str  # a partner's name or "plazos", to find the background entry
    named: frozenset[str] = frozenset()  # the words naming that partner (none for plazos)


def partner_words(partner: str) -> set[str]:
    """The words that name a partner: "GOAL (ONG irlandesa)" -> {"goal"}."""
    return {w for w in content_words(partner) if w not in _GENERIC and len(w) > 2}


def live_facts(question: str, registry: Registry, today: date) -> LiveFacts | None:
    """The registry's answer to ``question``, or None when it is not about tracked items."""
    asked = set(words(question))
    if asked & _DEADLINES or (asked & {"vence", "vencen"} and not _named(asked, registry, today)):
        return _deadlines(question, registry.deadlines(), today)
    if not asked & _STATE:
        return None
    matches = _named(asked, registry, today)
    if not matches:
        return None
    return LiveFacts("\n\n".join(_agreement(a, today) for a in matches[:3]), matches[0].partner,
                     frozenset(partner_words(matches[0].partner)))


def _named(asked: set[str], registry: Registry, today: date) -> list[AgreementFacts]:
    return [a for a in registry.agreements(today) if partner_words(a.partner) & asked]


def _agreement(a: AgreementFacts, today: date) -> str:
    lines = [texts.LIVE_AGREEMENT_HEAD.format(partner=html.escape(a.partner),
                                               kind=html.escape(a.kind)),
             texts.LIVE_STATUS.format(status=texts.AGREEMENT_STATUS.get(a.status, a.status))]
    lines.append(texts.LIVE_SIGNED.format(day=format_day(a.signed_on)) if a.signed_on
                 else texts.LIVE_NOT_SIGNED)
    if a.ends_on:
        days = (a.ends_on - today).days
        lines.append((texts.LIVE_ENDS if days >= 0 else texts.LIVE_ENDED).format(
            day=format_day(a.ends_on), days=abs(days)))
    if a.next_followup:
        lines.append(texts.LIVE_NEXT_FOLLOWUP.format(day=format_day(a.next_followup)))
    if a.last_followup:
        lines.append(texts.LIVE_LAST_FOLLOWUP.format(day=format_day(a.last_followup)))
    lines.append(texts.LIVE_OWNER.format(owner=html.escape(a.owner_name))
                 if a.owner_name else texts.LIVE_NO_OWNER)
    return "\n".join(lines)


_WINDOWS = (
    (re.compile(r"\bhoy\b|\btoday\b"), 0),
    (re.compile(r"\bmanana\b|\btomorrow\b"), 1),
    (re.compile(r"\bsemana\b|\bweek\b"), 7),
    (re.compile(r"\bmes\b|\bmonth\b"), 31),
)


def _deadlines(question: str, deadlines: list[DeadlineFacts], today: date) -> LiveFacts:
    """Open deadlines within the window the question names (default: the next 14 days)."""
    folded = fold(question)
    horizon = next((days for pattern, days in _WINDOWS if pattern.search(folded)), 14)
    if re.search(r"\besta semana\b|\bthis week\b", folded):
        horizon = 6 - today.weekday()  # up to Sunday
    named = [d for d in deadlines if partner_words(d.title) & set(words(question))]
    shown = named or [d for d in deadlines if d.due_date <= today + timedelta(days=horizon)]
    if not shown:
        return LiveFacts(texts.LIVE_NO_DEADLINES.format(days=horizon), "plazos")
    lines = [texts.LIVE_DEADLINES_HEAD]
    for d in shown[:10]:
        days = (d.due_date - today).days
        when = format_when(d.due_date, d.due_time)
        left = (texts.LIVE_OVERDUE.format(days=-days) if days < 0
                else texts.LIVE_TODAY if days == 0
                else texts.LIVE_DAYS_LEFT.format(days=days))
        owner = texts.LIVE_DEADLINE_OWNER.format(owner=html.escape(d.owner_name)) \
            if d.owner_name else ""
        lines.append(texts.LIVE_DEADLINE_LINE.format(title=html.escape(d.title), when=when,
                                                     left=left, owner=owner))
    return LiveFacts("\n".join(lines), "plazos")
