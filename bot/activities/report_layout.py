"""The informe's Word layout that a template cannot hold: the line × month table sized
to the text block (fixed widths Word and LibreOffice both respect), shaded header cells,
and the document's properties (title, author = the office, dates)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docxtpl import DocxTemplate

from bot.activities.chart import month_label
from bot.activities.summary import Summary
from bot.dates import MONTHS
from bot.texts import report as texts

# -- the table, sized to the text block ---------------------------------------------------


def text_block(template: DocxTemplate) -> Emu:
    section = template.docx.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    return Emu(int(width))


def counts_table(document, summary: Summary, block: Emu) -> None:
    """Put the line × month table where the template has ``{{ counts_table }}``."""
    anchor = next((p for p in document.paragraphs if p.text.strip() == TABLE_MARK), None)
    if anchor is None:
        return
    months = summary.months if by_month(summary) else []
    years = {y for y, _ in months}
    header = [texts.TABLE_LINE,
              *[month_label(y, m, len(years) > 1).capitalize() for y, m in months],
              texts.TABLE_TOTAL]
    rows = [header]
    for line in summary.lines:
        rows.append([f"{line.number}. {clean(line.name)}",
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


def set_properties(document, summary: Summary, office: str, now: datetime) -> None:
    """Title, author (the office) and dates, instead of python-docx's defaults."""
    stamp = now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now
    props = document.core_properties
    props.title = f"Informe de gestión {summary.period.label}"
    props.subject = "Informe de gestión"
    props.author = clean(office)
    props.last_modified_by = clean(office)
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    props.language = "es-CO"
    props.keywords = f"informe de gestión; {summary.period.slug}"
    props.comments = texts.FOOTER.format(day=long_date(now.date()), records=str(summary.total))
    props.category = "Informe"


# -- shared with report.py -----------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TABLE_MARK = "{{ counts_table }}"


def by_month(summary: Summary) -> bool:
    """A column per month only when there are a few months to show."""
    return 1 < len(summary.months) <= 6


def long_date(d: date) -> str:
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def clean(text: str) -> str:
    """Text Word can store: no control characters (a pasted one would corrupt the file)."""
    return _CONTROL.sub("", text or "")
