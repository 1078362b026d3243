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
import re
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image as DocxImage
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docxtpl import DocxTemplate, InlineImage
from rapidfuzz import fuzz

from bot.activities import tidy
from bot.activities.chart import activity_chart, month_label
from bot.activities.models import Activity
from bot.activities.names import key_of
from bot.activities.summary import Summary, summarize
from bot.activities.template import DEFAULT as DEFAULT_TEMPLATE
from bot.config import (
    DEFAULT_ACTIVITIES_INTRO,
    DEFAULT_CLOSING,
    DEFAULT_INTRODUCTION,
    DEFAULT_OBJECTIVE,
    DEFAULT_SIGNED_ON,
)
from bot.dates import MONTHS
from bot.folding import fold
from bot.texts import report as texts

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_NAMED_PARTNERS = 8
MAX_LISTED = 15  # short notes listed one by one in the review section
SHORT_TEXT = 20  # characters: a note this short needs completing before it goes out
SAME_TEXT = 90  # rapidfuzz ratio of two notes of one day and partners: the same activity
PHOTO_WIDTH = Cm(7)
TABLE_MARK = "{{ counts_table }}"
_DIGITS = re.compile(r"\d+")


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
class Duplicate:
    kept: Activity
    dropped: Activity


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


# -- duplicates -------------------------------------------------------------------------


def deduplicate(summary: Summary) -> tuple[Summary, list[Duplicate]]:
    """``summary`` without likely duplicates, and the duplicates found."""
    kept: list[Activity] = []
    duplicates: list[Duplicate] = []
    by_day: dict[tuple[date, frozenset[str]], list[tuple[str, Activity]]] = {}
    for activity in sorted(summary.activities, key=lambda a: (a.day, a.id)):
        partners = frozenset(key_of(p) for p in activity.partners)
        text = " ".join(fold(activity.text).split())
        twins = by_day.setdefault((activity.day, partners), [])
        same = next((a for t, a in twins if _same_text(t, text)), None)
        if same is not None:
            duplicates.append(Duplicate(same, activity))
            continue
        twins.append((text, activity))
        kept.append(activity)
    if not duplicates:
        return summary, []
    return summarize(kept, summary.lines, summary.period), duplicates


def _same_text(a: str, b: str) -> bool:
    """Near-identical notes; "Actividad 1" and "Actividad 7" are two activities."""
    return _DIGITS.findall(a) == _DIGITS.findall(b) and fuzz.ratio(a, b) >= SAME_TEXT


# -- the review ---------------------------------------------------------------------------


def review_of(summary: Summary, duplicates: Sequence[Duplicate], info: ReportInfo) -> Review:
    notes = [texts.REVIEW_DUPLICATE.format(
        dup=d.dropped.id, kept=d.kept.id, day=_long(d.dropped.day),
        partners=", ".join(d.dropped.partners) or "sin aliados",
        text=_clean(_short(d.dropped.text))) for d in duplicates]
    short = [a for a in summary.activities if len(a.text.strip()) < SHORT_TEXT]
    notes += [texts.REVIEW_SHORT.format(id=a.id, day=_long(a.day), line=a.line,
                                        text=_clean(a.text)) for a in short[:MAX_LISTED]]
    if len(short) > MAX_LISTED:
        notes.append(texts.REVIEW_MORE_SHORT.format(n=len(short) - MAX_LISTED))
    if info.evidence_dir is not None:
        for a in summary.activities:
            missing = [e for e in a.evidence if e.kind == "photo" and not _photo_path(e, info)]
            if missing:
                notes.append(texts.REVIEW_PHOTO_MISSING.format(id=a.id, day=_long(a.day),
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
    block = _text_block(template)
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
    _counts_table(document, summary, block)
    _properties(document, summary, info, now)
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
    fill = {"office": _clean(info.office), "recipient": _clean(info.recipient),
            "entity": _clean(info.entity), "span": _span(period),
            "website": _clean(info.website)}
    intro = [_format(p, fill) for p in info.introduction]
    if not summary.total:
        intro.append(texts.NO_ACTIVITIES)
    names = _Names(info)
    lines = []
    for line in summary.lines:
        items = sorted((a for a in summary.activities if a.line == line.number),
                       key=lambda a: (a.day, a.id))
        lines.append({
            "number": line.number, "name": _clean(line.name),
            "name_upper": _clean(line.name).upper(), "purpose": _clean(line.purpose),
            "lead": _lead(items) if items else "",
            "groups": _groups(items, names, info),
        })
    review = review_of(summary, duplicates, info)
    partial = None if period.complete(today) else texts.PARTIAL.format(day=_long(today))
    return {
        "office_upper": _clean(info.office).upper(), "entity": _clean(info.entity),
        "entity_upper": _clean(info.entity).upper(), "period_title": period.title,
        "span_upper": _span(period).upper(), "introduction": intro, "partial_note": partial,
        "objective": _format(info.objective, fill),
        "activities_intro": _format(info.activities_intro, fill), "lines": lines,
        "figures_intro": texts.FIGURES_INTRO.format(
            by_month=texts.BY_MONTH if _by_month(summary) else "", period=period.label),
        "chart_caption": texts.CHART_CAPTION.format(period=period.label),
        "partners_sentence": texts.PARTNERS_SENTENCE.format(names=", ".join(
            f"{_clean(n)} ({k})" for n, k in summary.by_partner)) if summary.by_partner else "",
        "closing": [_format(p, fill) for p in info.closing],
        "signed_on": _format(info.signed_on, {**fill, "day": str(today.day),
                                              "month": MONTHS[today.month - 1],
                                              "year": str(today.year)}),
        "signer": _clean(info.signer) or texts.SIGNER_MISSING,
        "signer_role": _clean(info.signer_role), "website": _clean(info.website),
        "review": review.notes,
        "footer": texts.FOOTER.format(day=_long(today), records=(
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
            key, title = "p:" + key_of(partner), names.title(_clean(partner))
        elif activity.department:
            key, title = "d:" + key_of(activity.department), _clean(activity.department)
        else:
            key, title = "", texts.OTHER_ACTIVITIES
        buckets.setdefault(key, []).append(activity)
        titles.setdefault(key, title)
    order = sorted(buckets, key=lambda k: (k == "", -len(buckets[k]), buckets[k][0].day, k))
    return [{"title": titles[k], "entries": [_item(a, names, info) for a in buckets[k]]}
            for k in order]


def _item(activity: Activity, names: _Names, info: ReportInfo) -> dict:
    text = tidy.sentence(_clean(activity.text), names=activity.partners, places=names.places)
    details = []
    if activity.partners:
        details.append(texts.PARTNERS.format(names=", ".join(_clean(p)
                                                             for p in activity.partners)))
    if activity.department:
        details.append(texts.DEPARTMENT.format(name=_clean(activity.department)))
    if activity.evidence:
        details.append(texts.EVIDENCE.format(what=_evidence(activity)))
    photos = [p for e in activity.evidence if e.kind == "photo"
              for p in [_photo_path(e, info)] if p]
    return {"day": _long(activity.day), "text": text,
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
        lead += texts.LINE_LEAD_ONE.format(partner=_clean(partners[0]))
    elif partners:
        lead += texts.LINE_LEAD_MANY.format(partners=_enumerate(partners))
    return lead + "."


# -- the table, sized to the text block ---------------------------------------------------


def _text_block(template: DocxTemplate) -> Emu:
    section = template.docx.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    return Emu(int(width))


def _counts_table(document, summary: Summary, block: Emu) -> None:
    """Put the line × month table where the template has ``{{ counts_table }}``."""
    anchor = next((p for p in document.paragraphs if p.text.strip() == TABLE_MARK), None)
    if anchor is None:
        return
    months = summary.months if _by_month(summary) else []
    years = {y for y, _ in months}
    header = [texts.TABLE_LINE,
              *[month_label(y, m, len(years) > 1).capitalize() for y, m in months],
              texts.TABLE_TOTAL]
    rows = [header]
    for line in summary.lines:
        rows.append([f"{line.number}. {_clean(line.name)}",
                     *[str(summary.by_month.get(m, {}).get(line.number, 0)) for m in months],
                     str(summary.line_total(line.number))])
    rows.append([texts.TABLE_TOTAL,
                 *[str(sum(summary.by_month.get(m, {}).values())) for m in months],
                 str(summary.total)])
    table = document.add_table(rows=len(rows), cols=len(header))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    number_width = Cm(1.5)
    first = Emu(int(block) - int(number_width) * (len(header) - 1) - int(Cm(0.1)))
    widths = [first, *[number_width] * (len(header) - 1)]
    _fixed_layout(table, sum(int(w) for w in widths))
    for i, width in enumerate(widths):
        table.columns[i].width = width
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = widths[c]
            cell.text = value
            paragraph = cell.paragraphs[0]
            if c:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if r == 0 or r == len(rows) - 1:
                paragraph.runs[0].bold = True
            if r == 0:
                _shade(cell, "D9E2F3")
    anchor._p.addprevious(table._tbl)
    for run in anchor.runs:  # the anchor stays, empty: a space between table and chart
        run.text = ""


def _fixed_layout(table, total: int) -> None:
    """Fixed column widths and borders, whatever styles the office's template has
    (children in the order the WordprocessingML schema requires: Word is strict)."""
    properties = table._tbl.tblPr
    properties.get_or_add_tblLayout().set(qn("w:type"), "fixed")
    width = properties.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        properties.insert_element_before(width, *_AFTER_TBLW)
    width.set(qn("w:w"), str(total // 635))  # EMU -> twentieths of a point
    width.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "808080")
        borders.append(border)
    properties.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar",
                                     "w:tblLook", "w:tblCaption", "w:tblDescription")


_AFTER_TBLW = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
               "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


def _shade(cell, color: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color)
    cell._tc.get_or_add_tcPr().append(shading)


def _properties(document, summary: Summary, info: ReportInfo, now: datetime) -> None:
    """Title, author (the office) and dates, instead of python-docx's defaults."""
    stamp = now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now
    props = document.core_properties
    props.title = f"Informe de gestión {summary.period.label}"
    props.subject = "Informe de gestión"
    props.author = _clean(info.office)
    props.last_modified_by = _clean(info.office)
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.language = "es-CO"
    props.keywords = f"informe de gestión; {summary.period.slug}"
    props.comments = texts.FOOTER.format(day=_long(now.date()), records=str(summary.total))
    props.category = "Informe"


# -- helpers ----------------------------------------------------------------------------


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(text: str, values: dict[str, str]) -> str:
    """A configured text with its placeholders filled (an unknown one is left as written)."""
    try:
        return _clean(string.Formatter().vformat(text, (), _Blank(values)))
    except (ValueError, IndexError):
        return _clean(text)


def _by_month(summary: Summary) -> bool:
    """A column per month only when there are a few months to show."""
    return 1 < len(summary.months) <= 6


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
        return texts.SPAN_DAY.format(day=_long(s))
    return texts.SPAN_DAYS.format(first=_long(s), last=_long(e))


def _long(d: date) -> str:
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def _enumerate(names: list[str]) -> str:
    names = [_clean(n) for n in names]
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


def _clean(text: str) -> str:
    """Text Word can store: no control characters (a pasted one would corrupt the file)."""
    return _CONTROL.sub("", text or "")
