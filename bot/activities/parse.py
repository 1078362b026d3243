"""The quick-log grammar: one line of text becomes a :class:`Draft`.

    /registrar [línea] [fecha] texto [#Aliado …] [dependencia: Nombre]

- line: a leading number ("2 Reunión…", "L2", "línea 2:"), or "línea 2"
  anywhere; otherwise guessed from the words (:mod:`bot.activities.lines`);
- date: anywhere, read by :func:`bot.dates.find_when` looking back ("ayer",
  "lunes", "15/11", "2026-11-15"); default today;
- partners: ``#APC`` hashtags plus known partners named in the text;
- department: "dependencia: X" / "dep: X", or a known department named in the text.

Anything wrong raises :class:`EntryError` with a Spanish explanation; the
parser never stores anything, so a rejected text leaves no trace.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from bot.activities.lines import LineGuess, guess_line, line_by_number
from bot.activities.models import MAX_TEXT, Draft, EntryError
from bot.activities.named import named_partners
from bot.activities.names import HASHTAG, NameIndex, hashtags, key_of, merge, tokens
from bot.activities.partners import institutes_by_field, missions, tidy_name, unknown_acronyms
from bot.activities.tag_words import tag_words
from bot.config import ActionLine
from bot.dates import DateError, TwoDatesError, When, find_when, format_day, month_number
from bot.texts import activities as texts

OLDEST = date(2000, 1, 1)

_LEADING_LINE = re.compile(
    r"^\s*(?:l[ií]nea\s*|l(?=\d))?(?P<n>\d{1,2})(?![\d/]|[.\-]\d)(?P<sep>[.:)\-–—]?)(?=\s|$)\s*",
    re.IGNORECASE,
)
_LINE_ANYWHERE = re.compile(r"\(?\bl[ií]nea\s*(?P<n>\d{1,2})\b\)?[.:,]?", re.IGNORECASE)
_DEPARTMENT = re.compile(
    r"(?:^|[\s,;(])(?:dependencia|dep)\s*[:.]\s*(?P<name>[^;,\n#()]+)", re.IGNORECASE
)
_TIME_WORD = re.compile(r"^(?:am|pm|a\.\s?m|p\.\s?m|h|hs|hrs|horas)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    """What the parser knows: the lines, the partners and departments seen so far, and
    how to choose a line from the words (keywords alone when ``choose`` is None)."""

    lines: Sequence[ActionLine]
    partners: NameIndex
    departments: NameIndex
    choose: Callable[[str], LineGuess] | None = None


def parse_entry(raw: str, *, vocab: Vocabulary, now: datetime, line: int | None = None,
                read_line: bool = True) -> Draft:
    """Read a quick-log text. ``line`` fixes the line (guided log); ``read_line=False``
    keeps a leading number as part of the text."""
    text = (raw or "").strip()
    if not text:
        raise EntryError(texts.EMPTY)
    if len(text) > MAX_TEXT:
        raise EntryError(texts.TOO_LONG.format(count=len(text), limit=MAX_TEXT))

    given_line: int | None = None
    if read_line and line is None:
        given_line, text = _take_line(text, vocab.lines)

    masked, tags = _mask_hashtags(text)  # "#Mayo" or "#ANTEAYER" is a name, not a date
    day, day_given, masked, future = _take_date(masked, now)
    text = _unmask(masked, tags)
    department, text = _take_department(text, vocab.departments)
    tagged, text = hashtags(text)
    tagged, topics = _partner_tags(tagged, vocab.partners)
    text = _with_topics(text, topics)
    text = _tidy(text)
    if not text:
        raise EntryError(texts.ONLY_DETAILS)

    spelt = _UNIVERSITY.sub(r"\1Universidad ", text)  # "la U. de Santander"
    from_text = merge(named_partners(spelt, vocab.partners, vocab.departments),
                      (vocab.partners.canonical(m) for m in missions(text)),
                      institutes_by_field(text),
                      unknown_acronyms(text, lambda name: _known(vocab, name)))
    from_tags = [p for p in (_partner(vocab.partners, name) for name in tagged)
                 if not _repeated(p, from_text, vocab.partners)]
    partners = merge(from_tags, from_text)
    if department is None:
        found = vocab.departments.find(text)
        department = found[0] if found else None

    chosen = line if line is not None else given_line
    candidates: list[int] = []
    if chosen is None:
        words = " ".join([text, *partners])
        guess = vocab.choose(words) if vocab.choose else guess_line(words, vocab.lines)
        chosen, candidates = guess.line, guess.candidates
    return Draft(text=text, day=day, line=chosen, partners=partners, department=department,
                 candidates=candidates, day_given=day_given, future_date=_unmask(future, tags))


# "la U de Pamplona", "u. del Rosario": a university, as staff abbreviate it.
_UNIVERSITY = re.compile(r"(^|[\s(,;:])[Uu]\.?\s+(?=del?\s+\w)")


def _known(vocab: Vocabulary, name: str) -> bool:
    """A name the partners or departments already know (by any alias or a near typo)."""
    return any(index.canonical(name) != name or index.find(name)
               for index in (vocab.partners, vocab.departments))


# Concepts staff tag a note with, written like acronyms: a subject, not a partner.
TOPIC_ACRONYMS = frozenset({"ied", "aod", "ods", "odm", "mou", "tic", "cti", "rse", "pdm",
                             "pot"})
# First words that make a hashtag an organisation's name ("#EmbajadaSuiza", "#Fundacion_X").
_ORGANISATION_WORDS = ("embajada", "consulado", "universidad", "fundacion", "corporacion",
                       "camara", "ministerio", "agencia", "alcaldia", "gobernacion", "instituto",
                       "banco", "fondo", "asociacion", "federacion")


def _partner_tags(tagged: list[str], known: NameIndex) -> tuple[list[str], list[str]]:
    """The hashtags that name partners, and those that name a topic.

    Staff tag a note with its subject too ("#convocatorias", "#becas",
    "#intercambiocultural"): an everyday word is no organisation. A tag is a
    partner when the directory knows it, when it is written as an acronym
    ("#ACNUR") or as a name of several words ("#ONU_Hábitat"), or when it starts
    with an organisation word ("#EmbajadaSuiza").
    """
    partners: list[str] = []
    topics: list[str] = []
    for name in tagged:
        folded = key_of(name)
        named = folded not in TOPIC_ACRONYMS and (
            known.canonical(name) != name or bool(known.find(name))
            or bool(known.find(tag_words(name, known.words)))
            or (name.isupper() and len(name) <= 10) or " " in name
            or folded.startswith(_ORGANISATION_WORDS))
        (partners if named else topics).append(name)
    return partners, topics


def _repeated(tagged: str, named: list[str], known: NameIndex) -> bool:
    """A hashtag's partner the directory does not know, of the same kind as one the text
    names: the same partner tagged another way ("embajada de países bajos … #embajadaNL")."""
    heads = {tokens(p)[0] for p in named if tokens(p)}
    words = tokens(tag_words(tagged, known.words))
    return (known.canonical(tagged) == tagged and not known.find(tagged)
            and bool(words) and words[0] in heads)


def _with_topics(text: str, topics: list[str]) -> str:
    """``text`` with the topic tags a trailing block took away given back as words."""
    present = set(tokens(text))
    missing = [t for t in topics if key_of(t) not in present]
    return " ".join([text, *missing]) if missing else text


def _partner(known: NameIndex, name: str) -> str:
    """A hashtag's partner: its known spelling (also with its words run together:
    "#camaracomerciobga"), or (unknown) the name tidied."""
    canonical = known.canonical(name)
    if canonical != name:
        return canonical
    words = tokens(tag_words(name, known.words))
    spans = known.spans(" ".join(words))
    # the whole tag, but for where the partner sits ("#camaracomerciobga")
    whole = (len(words),) if words[-1:] != ["bga"] else (len(words), len(words) - 1)
    if len(spans) == 1 and spans[0][0] == 0 and spans[0][1] in whole:
        return spans[0][2]
    return known.canonical(tidy_name(name))


def check_line(number: int, lines: Sequence[ActionLine]) -> int:
    """``number`` if it is a configured line, else :class:`EntryError` listing the lines."""
    if line_by_number(number, lines) is None:
        raise EntryError(texts.UNKNOWN_LINE.format(number=number, lines=lines_list(lines)))
    return number


def lines_list(lines: Sequence[ActionLine]) -> str:
    return "\n".join(f"{line.number}. {html.escape(line.name)}" for line in lines)


def _take_line(text: str, lines: Sequence[ActionLine]) -> tuple[int | None, str]:
    match = _LEADING_LINE.match(text)
    if match:
        after = text[match.end():]
        next_word = after.split(maxsplit=2)
        looks_like_date = bool(next_word) and (
            month_number(next_word[0], fuzzy=False) is not None
            or (next_word[0].lower() in {"de", "del"} and len(next_word) > 1
                and month_number(next_word[1].strip(".,"), fuzzy=False) is not None)
        )
        looks_like_time = not match.group("sep") and bool(_TIME_WORD.match(after))
        if not looks_like_date and not looks_like_time:
            return check_line(int(match.group("n")), lines), after
    match = _LINE_ANYWHERE.search(text)
    if match:
        number = check_line(int(match.group("n")), lines)
        return number, (text[:match.start()] + " " + text[match.end():]).strip()
    return None, text


def _take_department(text: str, departments: NameIndex) -> tuple[str | None, str]:
    match = _DEPARTMENT.search(text)
    if not match:
        return None, text
    name = _tidy(match.group("name"))
    if not name:
        raise EntryError(texts.EMPTY_DEPARTMENT)
    rest = text[:match.start()] + (" " if match.start() else "") + text[match.end():]
    return departments.canonical(name), rest


def _take_date(text: str, now: datetime) -> tuple[date, bool, str, str]:
    """The activity's day, whether it was written, the text without it, and a future date
    left in the text (or "").

    A field note tells a story: "quedamos de enviar la propuesta la otra semana" names a
    future day that is not when the activity happened, and "visita del 25-28 ago" names
    several days. So a range counts from its first day and stays in the text, and a future
    date inside the sentence stays in the text while the activity keeps today's date. A
    future date that opens the note is what the person meant as its date: refused, so
    they can say what they meant (/plazo for what is still to come).
    """
    today = now.date()
    try:
        when = find_when(text, now=now, prefer="past")
    except TwoDatesError as exc:
        when = _range_start(text, now)
        schedule = _SCHEDULE.search(text)
        if when is None and schedule:
            return _date_beside_schedule(text, schedule.group(0), now)
        if when is None:
            raise EntryError(texts.BAD_DATE.format(problem=html.escape(exc.problem))) from None
        when = replace(when, rest=text)  # the range stays in the text
    except DateError as exc:
        raise EntryError(texts.BAD_DATE.format(problem=html.escape(exc.problem))) from None
    if when is None:
        return today, False, text, ""
    if when.day > today + timedelta(days=1):
        if _opens(text, when.matched):
            raise EntryError(texts.FUTURE_DATE.format(day=format_day(when.day),
                                                      written=html.escape(when.matched)))
        return today, False, text, when.matched
    if when.day < OLDEST:
        raise EntryError(texts.TOO_OLD.format(day=format_day(when.day)))
    return when.day, True, when.rest, ""


# "25-28 ago", "del 13 al 15 de julio", "3 y 4 de mayo": days of one month.
_DAY_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|–|al|a|y)\s*\d{1,2}(?=\s*(?:de\s+)?[^\W\d_])",
                        re.IGNORECASE)


# "martes y jueves", "de lunes a viernes": days of the week something recurs on.
_WEEKDAY = r"(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?)"
_SCHEDULE_MARK = "\u2063"  # an invisible separator holds the schedule's place
_SCHEDULE = re.compile(rf"\b{_WEEKDAY}\s*(?:,|y|e|a|al)\s*(?:los\s+)?{_WEEKDAY}\b",
                       re.IGNORECASE)


def _date_beside_schedule(text: str, schedule: str, now: datetime
                          ) -> tuple[date, bool, str, str]:
    """:func:`_take_date` of a note that also tells a weekly schedule ("clases martes y jueves").

    The schedule is when something recurs, not when the activity happened: it stays in
    the text, and the note's date is the one written elsewhere, or today.
    """
    day, given, rest, future = _take_date(text.replace(schedule, _SCHEDULE_MARK, 1), now)
    return day, given, rest.replace(_SCHEDULE_MARK, schedule, 1), future


def _range_start(text: str, now: datetime) -> When | None:
    """The first day of a range of days written in ``text``, or None."""
    if not _DAY_RANGE.search(text):
        return None
    try:
        return find_when(_DAY_RANGE.sub(r"\1", text, count=1), now=now, prefer="past")
    except DateError:
        return None


def _opens(text: str, matched: str) -> bool:
    """True when the date ``matched`` is the first thing in ``text`` (after "el", "para")."""
    at = text.lower().find(matched.lower())
    before = re.sub(r"\b(?:el|la|los|para|del?)\b", "", text[:at].lower())
    return at >= 0 and not before.strip(" ,.:;-–")


_MASK = re.compile("\ue000([\ue100-\uefff])")


def _mask_hashtags(text: str) -> tuple[str, list[str]]:
    """Hide hashtags behind private-use characters that no date pattern can match."""
    tags: list[str] = []

    def hide(match: re.Match[str]) -> str:
        tags.append(match.group(0))
        return "\ue000" + chr(0xE100 + len(tags) - 1)

    text = re.sub("[\ue000-\uefff]", "", text)  # no look-alike of a mask in the input
    return HASHTAG.sub(hide, text), tags


def _unmask(text: str, tags: list[str]) -> str:
    return _MASK.sub(lambda m: tags[ord(m.group(1)) - 0xE100], text)


def _tidy(text: str) -> str:
    """Single spaces (line breaks kept), no dangling separators, a capital first letter."""
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    text = "\n".join(line for line in lines if line).strip(" ,;:-–—\t\n")
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    if text[:1].islower():
        text = text[0].upper() + text[1:]
    return text
