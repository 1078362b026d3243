"""How Enlace reads dates people write, measured on a corpus it was not written from.

The corpus is a date-parsing library's own test suite: Facebook Duckling's
Spanish time corpus (``Duckling/Time/ES/Corpus.hs``), each phrase with the
value it denotes relative to a reference time (Tuesday 2013-02-12 04:30).
Only the phrases that name one day, hour or minute are used (grains Day,
Hour, Minute; no intervals, weeks, months or years; no phrase naming a time
zone such as "CET", which Enlace does not convert).

Three readers, in the same run:

- one-line: ``/plazo Entregar informe <phrase>`` -- :func:`bot.dates.find_when`
  looking forward, as the one-line deadline command reads it. Right means the
  right value AND the title left is exactly "Entregar informe" (a date read
  in part, its tail left in the title, counts as wrong);
- guided: the phrase alone, as the ``/plazo`` step "¿para cuándo?" reads it
  (:func:`bot.dates.parse_when`);
- dateparser 1.x alone (``languages=["es"]``, future), the baseline.

Each answer is right, wrong, wrong by convention (a documented difference of
convention, listed in ``CONVENTIONS``) or refused. A refusal "with example"
is a :class:`bot.dates.DateError` whose text shows how to write the date.

    python bench/dates.py PATH/TO/Corpus.hs [--ahora 2013-02-12T04:30] [--show wrong]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.dates import DateError, find_when, parse_when  # noqa: E402
from bot.folding import fold  # noqa: E402

TZ = ZoneInfo("America/Bogota")
TITLE = "Entregar informe"

# Differences of convention, not errors: Enlace's choice is documented in README.
CONVENTIONS = {
    "reference-hour": "Duckling keeps the reference hour in 'en 7 días'; Enlace gives the day",
    "office-hours": "an hour 1-6 without am/pm is afternoon in an office (Duckling: next one)",
    "midnight": "'medianoche' is the end of the day (23:59), Duckling the next 00:00",
    "next-weekday": "'el próximo viernes' is the coming Friday (Duckling: next week's)",
}


@dataclass(frozen=True)
class Case:
    phrase: str
    day: date
    clock: time
    grain: str  # Day | Hour | Minute


def read_corpus(path: Path) -> list[Case]:
    """The single-day/hour/minute examples of a Duckling time corpus, deduplicated."""
    src = path.read_text(encoding="utf-8")
    src = re.sub(r"\{--.*?--\}", "", src, flags=re.S)  # block comments
    pattern = re.compile(
        r"examples\s*\(datetime\s*\((\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+),\s*(\d+)\)\s*"
        r"(Day|Hour|Minute)\)\s*\[(.*?)\]", re.S)
    cases: dict[str, Case] = {}
    for m in pattern.finditer(src):
        y, mo, d, h, mi, _ = (int(x) for x in m.groups()[:6])
        for phrase in re.findall(r'"([^"]*)"', m.group(8)):
            phrase = unicodedata.normalize("NFC", phrase)
            if re.search(r"\b(?:CET|UTC|GMT|EST|PST)\b", phrase):
                continue  # a time zone conversion, not a date form
            cases.setdefault(phrase, Case(phrase, date(y, mo, d), time(h, mi), m.group(7)))
    return list(cases.values())


@dataclass(frozen=True)
class Outcome:
    day: date | None = None
    clock: time | None = None
    leftover: str = ""  # date words left in the title (one-line path)
    refusal: str | None = None  # the Spanish refusal, or "" when nothing was found


def one_line(case: Case, now: datetime) -> Outcome:
    try:
        found = find_when(f"{TITLE} {case.phrase}", now=now, prefer="future")
    except DateError as exc:
        return Outcome(refusal=str(exc))
    if found is None:
        return Outcome(refusal="")
    left = fold(found.rest).replace(fold(TITLE), "", 1).strip(" ,.")
    return Outcome(found.day, found.time, leftover=left)


def guided(case: Case, now: datetime) -> Outcome:
    try:
        found = parse_when(case.phrase, now=now, prefer="future")
    except DateError as exc:
        return Outcome(refusal=str(exc))
    return Outcome(found.day, found.time)


def baseline(case: Case, now: datetime) -> Outcome:
    import dateparser

    result = dateparser.parse(case.phrase, languages=["es"], settings={
        "PREFER_DATES_FROM": "future", "RELATIVE_BASE": now.replace(tzinfo=None)})
    if result is None:
        return Outcome(refusal="")
    return Outcome(result.date(), result.time().replace(second=0, microsecond=0))


def judge(case: Case, out: Outcome, now: datetime) -> str:
    """right | convention:<name> | wrong | refused | refused+example | not-found."""
    if out.refusal == "":
        return "not-found"
    if out.refusal is not None:
        return "refused+example" if "«" in out.refusal and "Escriba" in out.refusal \
            or "ej." in out.refusal else "refused"
    if out.leftover:
        return "wrong"
    clock = out.clock
    if out.day == case.day and (
            case.grain == "Day"
            or (clock is not None and clock.hour == case.clock.hour
                and (case.grain == "Hour" or clock.minute == case.clock.minute))):
        return "right"
    if (case.grain == "Hour" and out.day == case.day and clock is None
            and case.clock.hour == now.hour):
        return "convention:reference-hour"
    if (out.day == case.day and clock is not None and case.grain != "Day"
            and abs(clock.hour - case.clock.hour) == 12
            and (case.grain == "Hour" or clock.minute == case.clock.minute)
            and not re.search(r"\b(?:pm|am|tarde|manana|noche|madrugada)\b", fold(case.phrase))):
        return "convention:office-hours"
    if (case.clock == time(0) and case.grain != "Day" and clock == time(23, 59)
            and out.day is not None and (case.day - out.day).days == 1):
        return "convention:midnight"
    if (out.day is not None and (case.day - out.day).days == 7 and case.grain == "Day"
            and re.search(r"\b(?:proximo|que viene|siguiente)\b", fold(case.phrase))):
        return "convention:next-weekday"
    return "wrong"


def show(out: Outcome) -> str:
    if out.refusal is not None:
        return "refused: " + (out.refusal.splitlines()[0] if out.refusal else "no date found")
    text = f"{out.day} {out.clock or ''}".strip()
    return text + (f"  [left in title: {out.leftover!r}]" if out.leftover else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="Duckling/Time/ES/Corpus.hs")
    parser.add_argument("--ahora", default="2013-02-12T04:30", help="reference time")
    parser.add_argument("--show", choices=["wrong", "refused", "all", "none"], default="none")
    args = parser.parse_args()
    now = datetime.fromisoformat(args.ahora).replace(tzinfo=TZ)
    cases = read_corpus(args.corpus)
    readers = {"one-line": one_line, "guided": guided, "dateparser": baseline}
    print(f"{len(cases)} phrases naming one day, hour or minute; reference {now:%a %Y-%m-%d %H:%M}")
    for name, read in readers.items():
        tally: Counter[str] = Counter()
        for case in cases:
            out = read(case, now)
            verdict = judge(case, out, now)
            tally[verdict.split(":")[0]] += 1
            if verdict.startswith("convention"):
                tally[verdict] += 1
            if args.show == "all" or (args.show == "wrong" and verdict == "wrong") or (
                    args.show == "refused" and verdict in {"refused", "refused+example",
                                                           "not-found"}):
                print(f"  {name:10} {verdict:26} {case.phrase!r:48} want {case.day} "
                      f"{case.clock:%H:%M} ({case.grain}) got {show(out)}")
        refused = tally["refused"] + tally["refused+example"] + tally["not-found"]
        detail = ", ".join(f"{k.split(':')[1]} {v}" for k, v in sorted(tally.items())
                           if k.startswith("convention:"))
        print(f"{name:10} right {tally['right']:3}  wrong {tally['wrong']:3}  "
              f"wrong by convention {tally['convention']:3}{f' ({detail})' if detail else ''}  "
              f"refused {refused:3} (with example {tally['refused+example']}, "
              f"no date found {tally['not-found']})")


if __name__ == "__main__":
    main()
