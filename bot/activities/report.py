"""The *informe de gestión* draft: the office's Word template filled with the period's work.

The template (``templates/informe.docx``, rebuilt by :mod:`bot.activities.template`, or
the office's own via ``[activities] report_template``) is an ordinary Word document
with Jinja placeholders (docxtpl). It follows the office's quarterly reports to the
city council: title, introduction, general objective, each line with its purpose,
the line's activities grouped under the partners (or departments) they share, the
line × month table, the chart, the closing and the signature.

What Enlace adds and guarantees: every recorded activity appears once; likely
duplicates (same day, same partners, near-identical text) are left out of the text
and the figures and listed for review; texts are tidied for the document
(:mod:`bot.activities.tidy`) without changing what is stored; evidence photos kept
locally are embedded under their activity; the table fits the text block; the
footer numbers pages with a real PAGE field; the file's properties name the office.
"""

from __future__ import annotations

import io
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image as DocxImage
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage

from bot.activities import tidy
from bot.activities.chart import activity_chart
from bot.activities.duplicates import Duplicate, deduplicate
from bot.activities.models import Activity
from bot.activities.names import key_of
from bot.activities.report_layout import (
    TABLE_MARK,
    by_month,
    clean,
    counts_table,
    long_date,
    set_properties,
    text_block,
)
from bot.activities.summary import Summary
from bot.activities.template import DEFAULT as DEFAULT_TEMPLATE
from bot.config import (
    DEFAULT_ACTIVITIES_INTRO,
    DEFAULT_CLOSING,
    DEFAULT_INTRODUCTION,
    DEFAULT_OBJECTIVE,
    DEFAULT_SIGNED_ON,
)
from bot.dates import MONTHS
from bot.texts import report as texts

MAX_NAMED_PARTNERS = 8
MAX_LISTED = 15  # short notes listed one by one in the review section
SHORT_TEXT = 20  # characters: a note this short needs completing before it goes out
PHOTO_WIDTH = Cm(7)


@dataclass(frozen=True)
class ReportInfo:
    """Who writes the report, to whom, and the fixed texts (``[activities]``, ``[office]``)."""

    office: str
    entity: str = ""
    recipient: str = "honorable Concejo Municipal"
    signer: str = ""
    signer_role: str = texts.DEFAULT_SIGNER_ROLE
    introduction: tuple[str, ...] = tuple(DEFAULT_INTRODUCTION)
    objective: str = DEFAULT_OBJECTIVE
    activities_intro: str = DEFAULT_ACTIVITIES_INTRO
    closing: tuple[str, ...] = tuple(DEFAULT_CLOSING)
    signed_on: str = DEFAULT_SIGNED_ON
    website: str = ""
    template: Path | None = None
    partner_names: tuple[str, ...] = ()  # "Name|alias|…": spellings and long names
    knowledge_path: Path | None = None  # place names the guides capitalise
    evidence_dir: Path | None = None  # where photos logged as evidence are kept


@dataclass(frozen=True)
class Review:
    """What the office should look at before sending the draft."""

    notes: list[str] = field(default_factory=list)
    duplicates: int = 0
    short: int = 0
    signer_missing: bool = False
    empty_lines: int = 0


@dataclass(frozen=True)
class ReportJob:
    """Everything a report needs, gathered from the database; :meth:`build` runs anywhere
    (a worker thread: it touches neither the database nor the bot)."""

    summary: Summary
    info: ReportInfo
    now: datetime
    fallback_from: str | None = None  # the empty quarter /informe skipped, if it did

    @property
    def filename(self) -> str:
        return f"informe-gestion-{self.summary.period.slug}.docx"

    @cached_property
    def _prepared(self) -> tuple[Summary, list[Duplicate]]:
        return deduplicate(self.summary)

    def prepared(self) -> tuple[Summary, list[Duplicate]]:
        """The summary without likely duplicates, and those duplicates (computed once)."""
        return self._prepared

    @property
    def review(self) -> Review:
        counted, duplicates = self.prepared()
        return review_of(counted, duplicates, self.info)

    def build(self) -> bytes:
        counted, duplicates = self.prepared()
        chart = activity_chart(counted) if counted.total else None
        return build_report(counted, self.info, chart_png=chart, now=self.now,
                            duplicates=duplicates)


# -- the review ---------------------------------------------------------------------------


def review_of(summary: Summary, duplicates: Sequence[Duplicate], info: ReportInfo) -> Review:
    notes = [texts.REVIEW_DUPLICATE.format(
        dup=d.dropped.id, kept=d.kept.id, day=long_date(d.dropped.day),
        partners=", ".join(d.dropped.partners) or "sin aliados",
        text=clean(_short(d.dropped.text))) for d in duplicates]
    short = [a for a in summary.activities if len(a.text.strip()) < SHORT_TEXT]
    notes += [texts.REVIEW_SHORT.format(id=a.id, day=long_date(a.day), line=a.line,
                                        text=clean(a.text)) for a in short[:MAX_LISTED]]
    if len(short) > MAX_LISTED:
        notes.append(texts.REVIEW_MORE_SHORT.format(n=len(short) - MAX_LISTED))
    if info.evidence_dir is not None:
        for a in summary.activities:
            missing = [e for e in a.evidence if e.kind == "photo" and not _photo_path(e, info)]
            if missing:
                notes.append(texts.REVIEW_PHOTO_MISSING.format(id=a.id, day=long_date(a.day),
                                                               n=len(missing)))
    empty = [str(line.number) for line in summary.lines if not summary.line_total(line.number)]
    if empty and summary.total:
        notes.append(texts.REVIEW_EMPTY_LINES.format(lines=", ".join(empty)))
    if not info.signer:
        notes.append(texts.REVIEW_NO_SIGNER)
    return Review(notes, len(duplicates), len(short), not info.signer,
                  len(empty) if summary.total else 0)


# -- building -----------------------------------------------------------------------------


def build_report(summary: Summary, info: ReportInfo, *, chart_png: bytes | None,
                 now: datetime, duplicates: Sequence[Duplicate] | None = None) -> bytes:
    """The .docx bytes for ``summary``'s period (likely duplicates left out and listed)."""
    if duplicates is None:
        summary, duplicates = deduplicate(summary)
    template = DocxTemplate(str(info.template or DEFAULT_TEMPLATE))
    template.init_docx()
    block = text_block(template)
    values = context(summary, info, now, duplicates)
    values["chart"] = (InlineImage(template, io.BytesIO(chart_png), width=min(block, Cm(16)))
                       if chart_png else None)
    for line in values["lines"]:
        for group in line["groups"]:
            for item in group["entries"]:
                item["photos"] = [InlineImage(template, path, width=min(PHOTO_WIDTH, block))
                                  for path in item.pop("photo_paths")]
    values["counts_table"] = TABLE_MARK
    template.render(values, autoescape=True)
    document = template.docx
    counts_table(document, summary, block)
    set_properties(document, summary, info.office, now)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def context(summary: Summary, info: ReportInfo, now: datetime,
            duplicates: Sequence[Duplicate] = ()) -> dict:
    """What the template's placeholders receive.

    ``office_upper``, ``entity``, ``entity_upper``, ``period_title``, ``span_upper``,
    ``introduction`` (paragraphs), ``partial_note``, ``objective``, ``activities_intro``,
    ``lines`` (each: ``number``, ``name``, ``name_upper``, ``purpose``, ``lead``, ``groups``:
    each ``title`` and ``entries``: ``day``, ``text``, ``details``, ``photos``),
    ``figures_intro``, ``counts_table`` (where the table goes), ``chart``,
    ``chart_caption``, ``partners_sentence``, ``closing``, ``signed_on``, ``signer``,
    ``signer_role``, ``website``, ``review`` (notes), ``footer``.
    """
    period = summary.period
    today = now.date()
    fill = {"office": clean(info.office), "recipient": clean(info.recipient),
            "entity": clean(info.entity), "span": _span(period),
            "website": clean(info.website)}
    intro = [_format(p, fill) for p in info.introduction]
    if not summary.total:
        intro.append(texts.NO_ACTIVITIES)
    names = _Names(info)
    lines = []
    for line in summary.lines:
        items = sorted((a for a in summary.activities if a.line == line.number),
                       key=lambda a: (a.day, a.id))
        lines.append({
            "number": line.number, "name": clean(line.name),
            "name_upper": clean(line.name).upper(), "purpose": clean(line.purpose),
            "lead": _lead(items) if items else "",
            "groups": _groups(items, names, info),
        })
    review = review_of(summary, duplicates, info)
    partial = None if period.complete(today) else texts.PARTIAL.format(day=long_date(today))
    return {
        "office_upper": clean(info.office).upper(), "entity": clean(info.entity),
        "entity_upper": clean(info.entity).upper(), "period_title": period.title,
        "span_upper": _span(period).upper(), "introduction": intro, "partial_note": partial,
        "objective": _format(info.objective, fill),
        "activities_intro": _format(info.activities_intro, fill), "lines": lines,
        "figures_intro": texts.FIGURES_INTRO.format(
            by_month=texts.BY_MONTH if by_month(summary) else "", period=period.label),
        "chart_caption": texts.CHART_CAPTION.format(period=period.label),
        "partners_sentence": texts.PARTNERS_SENTENCE.format(names=", ".join(
            f"{clean(n)} ({k})" for n, k in summary.by_partner)) if summary.by_partner else "",
        "closing": [_format(p, fill) for p in info.closing],
        "signed_on": _format(info.signed_on, {**fill, "day": str(today.day),
                                              "month": MONTHS[today.month - 1],
                                              "year": str(today.year)}),
        "signer": clean(info.signer) or texts.SIGNER_MISSING,
        "signer_role": clean(info.signer_role), "website": clean(info.website),
        "review": review.notes,
        "footer": texts.FOOTER.format(day=long_date(today), records=(
            texts.RECORD_ONE if summary.total == 1
            else texts.RECORD_MANY.format(n=summary.total))),
    }


class _Names:
    """Partner spellings and long names, and the place names of the guides."""

    def __init__(self, info: ReportInfo) -> None:
        self.long: dict[str, str] = {}
        for entry in info.partner_names:
            parts = [p.strip() for p in entry.split("|") if p.strip()]
            written = [p for p in parts[1:] if " " in p and p != p.lower()
                       and len(p) > len(parts[0])]
            if parts and written:  # the fullest form: "Agencia Presidencial de Cooperación"
                self.long.setdefault(key_of(parts[0]), max(written, key=len))
        self.places = (tidy.proper_nouns(str(info.knowledge_path))
                       if info.knowledge_path else {})

    def title(self, partner: str) -> str:
        full = self.long.get(key_of(partner))
        return f"{partner} – {full}" if full else partner


def _groups(items: list[Activity], names: _Names, info: ReportInfo) -> list[dict]:
    """The line's activities under the partner they share most (else their department)."""
    shared = Counter(key_of(p) for a in items for p in a.partners)
    buckets: dict[str, list[Activity]] = {}
    titles: dict[str, str] = {}
    for activity in items:
        if activity.partners:
            partner = max(activity.partners,
                          key=lambda p: (shared[key_of(p)], -activity.partners.index(p)))
            key, title = "p:" + key_of(partner), names.title(clean(partner))
        elif activity.department:
            key, title = "d:" + key_of(activity.department), clean(activity.department)
        else:
            key, title = "", texts.OTHER_ACTIVITIES
        buckets.setdefault(key, []).append(activity)
        titles.setdefault(key, title)
    order = sorted(buckets, key=lambda k: (k == "", -len(buckets[k]), buckets[k][0].day, k))
    return [{"title": titles[k], "entries": [_item(a, names, info) for a in buckets[k]]}
            for k in order]


def _item(activity: Activity, names: _Names, info: ReportInfo) -> dict:
    text = tidy.sentence(clean(activity.text), names=activity.partners, places=names.places)
    details = []
    if activity.partners:
        details.append(texts.PARTNERS.format(names=", ".join(clean(p)
                                                             for p in activity.partners)))
    if activity.department:
        details.append(texts.DEPARTMENT.format(name=clean(activity.department)))
    if activity.evidence:
        details.append(texts.EVIDENCE.format(what=_evidence(activity)))
    photos = [p for e in activity.evidence if e.kind == "photo"
              for p in [_photo_path(e, info)] if p]
    return {"day": long_date(activity.day), "text": text,
            "details": (" " + ". ".join(details) + ".") if details else "",
            "photo_paths": photos}


def _photo_path(evidence, info: ReportInfo) -> str | None:
    """The kept copy of a photo, if it is there and is an image Word can show."""
    if not evidence.path or info.evidence_dir is None:
        return None
    path = info.evidence_dir / Path(evidence.path).name
    try:
        DocxImage.from_file(str(path))
    except (OSError, UnrecognizedImageError):
        return None
    return str(path)


def _lead(items: list[Activity]) -> str:
    registered = (texts.REGISTERED_ONE if len(items) == 1
                  else texts.REGISTERED_MANY.format(n=len(items)))
    lead = texts.LINE_LEAD.format(registered=registered)
    counts = Counter(p for a in items for p in a.partners)
    partners = sorted(counts, key=lambda n: (-counts[n], n.lower()))[:MAX_NAMED_PARTNERS]
    if len(partners) == 1:
        lead += texts.LINE_LEAD_ONE.format(partner=clean(partners[0]))
    elif partners:
        lead += texts.LINE_LEAD_MANY.format(partners=_enumerate(partners))
    return lead + "."


# -- helpers ----------------------------------------------------------------------------


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(text: str, values: dict[str, str]) -> str:
    """A configured text with its placeholders filled (an unknown one is left as written)."""
    try:
        return clean(string.Formatter().vformat(text, (), _Blank(values)))
    except (ValueError, IndexError):
        return clean(text)


def _span(period) -> str:
    """ "entre los meses de julio y septiembre de 2026", "durante el mes de julio de 2026"…"""
    s, e = period.start, period.end
    if period.kind == "all":
        return texts.SPAN_ALL
    if period.kind == "year":
        return texts.SPAN_YEAR.format(year=s.year)
    if period.kind == "month":
        return texts.SPAN_MONTH.format(month=MONTHS[s.month - 1], year=s.year)
    if period._whole_months():
        if s.year == e.year:
            return texts.SPAN_MONTHS.format(first=MONTHS[s.month - 1],
                                            last=MONTHS[e.month - 1], year=s.year)
        return texts.SPAN_MONTHS_YEARS.format(first=MONTHS[s.month - 1], first_year=s.year,
                                              last=MONTHS[e.month - 1], last_year=e.year)
    if s == e:
        return texts.SPAN_DAY.format(day=long_date(s))
    return texts.SPAN_DAYS.format(first=long_date(s), last=long_date(e))


def _enumerate(names: list[str]) -> str:
    names = [clean(n) for n in names]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " y " + names[-1]


def _evidence(activity: Activity) -> str:
    kinds = {"photo": ("foto", "fotos"), "document": ("documento", "documentos"),
             "video": ("video", "videos"), "location": ("ubicación", "ubicaciones")}
    counts: dict[str, int] = {}
    for item in activity.evidence:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    parts = [f"{n} {kinds.get(kind, (kind, kind))[0 if n == 1 else 1]}"
             for kind, n in counts.items()]
    return ", ".join(parts)


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
