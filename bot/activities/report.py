"""The *informe de gestión* draft, as a Word document (python-docx).

Modelled on the office's own quarterly reports to the city council (e.g. the
July–September 2021 report of the OFAI of Bucaramanga): a cover title with
office and period, an introduction, the action lines, the activities of the
period grouped by line (date, what, partners), a table of counts per line and
month, the chart, and the closing with the signature block. It is a draft:
staff rewrite the prose; what Enlace guarantees is that no recorded activity
is forgotten and every count is right.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from bot.activities.chart import activity_chart, month_label
from bot.activities.summary import Summary
from bot.dates import MONTHS

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_NAMED_PARTNERS = 8


@dataclass(frozen=True)
class ReportInfo:
    """Who writes the report and to whom (from ``[activities]`` and ``[office]``)."""

    office: str
    entity: str = ""
    recipient: str = "honorable Concejo Municipal"
    signer: str = ""
    signer_role: str = "Jefe de la Oficina de Asuntos Internacionales"


@dataclass(frozen=True)
class ReportJob:
    """Everything a report needs, gathered from the database; :meth:`build` runs anywhere
    (a worker thread: it touches neither the database nor the bot)."""

    summary: Summary
    info: ReportInfo
    now: datetime

    @property
    def filename(self) -> str:
        return f"informe-gestion-{self.summary.period.slug}.docx"

    def build(self) -> bytes:
        chart = activity_chart(self.summary) if self.summary.total else None
        return build_report(self.summary, self.info, chart_png=chart, now=self.now)


def build_report(summary: Summary, info: ReportInfo, *, chart_png: bytes | None,
                 now: datetime) -> bytes:
    """The .docx bytes for ``summary``'s period."""
    doc = Document()
    _page_setup(doc)
    _styles(doc)
    period = summary.period
    today = now.date()
    doc.core_properties.title = f"Informe de gestión {period.label}"
    doc.core_properties.subject = "Informe de gestión"
    doc.core_properties.author = info.office
    doc.core_properties.language = "es-CO"
    doc.core_properties.created = now.replace(tzinfo=None)

    _cover(doc, summary, info)
    _introduction(doc, summary, info, today)
    _lines(doc, summary, info)
    _activities(doc, summary, info)
    _figures(doc, summary, chart_png)
    _closing(doc, info, today)
    _footer(doc, summary, now)

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# -- sections ---------------------------------------------------------------------------


def _cover(doc, summary: Summary, info: ReportInfo) -> None:
    for text in filter(None, [info.office.upper(), info.entity.upper()]):
        paragraph = doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(_clean(text))
        run.bold = True
        run.font.size = Pt(13)
    title = doc.add_heading(f"INFORME DE GESTIÓN {summary.period.title}", level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _introduction(doc, summary: Summary, info: ReportInfo, today: date) -> None:
    doc.add_heading("INTRODUCCIÓN", level=1)
    period = summary.period
    doc.add_paragraph(
        f"En el presente informe se da a conocer al {_clean(info.recipient)} las actividades "
        f"que {_span(period)} desarrolló la {_clean(info.office)}, organizadas según sus "
        "líneas de acción."
    )
    active = [n for n, count in summary.by_line.items() if count]
    if summary.total:
        text = (f"En el periodo {_registered(summary.total)} en {len(active)} de las "
                f"{len(summary.lines)} líneas de acción")
        if summary.by_partner:
            text += (f", con la participación de "
                     f"{_count(len(summary.by_partner), 'entidad aliada', 'entidades aliadas')}")
        doc.add_paragraph(text + ".")
    else:
        doc.add_paragraph("En el periodo no se registraron actividades en Enlace.")
    if not period.complete(today):
        doc.add_paragraph(
            f"El periodo aún no ha terminado: este borrador incluye las actividades registradas "
            f"hasta el {_long(today)}."
        ).runs[0].italic = True


def _lines(doc, summary: Summary, info: ReportInfo) -> None:
    doc.add_heading(f"LÍNEAS DE ACCIÓN DE LA {_clean(info.office).upper()}", level=1)
    for line in summary.lines:
        doc.add_paragraph(f"{line.number}. {_clean(line.name).upper()}", style="List Paragraph")


def _activities(doc, summary: Summary, info: ReportInfo) -> None:
    period = summary.period
    doc.add_heading(
        f"ACTIVIDADES REALIZADAS {_span(period).upper()} SEGÚN LÍNEA DE ACCIÓN", level=1)
    when = f"durante el {period.quarter_name}" if period.quarter_name else _span(period)
    doc.add_paragraph(
        f"A continuación se presentan las actividades desarrolladas por la "
        f"{_clean(info.office)} {when}, diferenciadas por línea de acción."
    )
    for line in summary.lines:
        doc.add_heading(f"{line.number}. {_clean(line.name).upper()}", level=2)
        items = sorted((a for a in summary.activities if a.line == line.number),
                       key=lambda a: (a.day, a.id))
        if not items:
            doc.add_paragraph("No se registraron actividades de esta línea en el periodo."
                              ).runs[0].italic = True
            continue
        partners = _partners_of(items)
        lead = f"En el periodo {_registered(len(items))} de esta línea"
        if len(partners) == 1:
            lead += f", con {_clean(partners[0])}"
        elif partners:
            lead += f", con entidades como {_enumerate(partners)}"
        doc.add_paragraph(lead + ".")
        for activity in items:
            paragraph = doc.add_paragraph(style="List Bullet")
            paragraph.add_run(f"{_long(activity.day)}: ").bold = True
            paragraph.add_run(_sentence(activity.text))
            details = []
            if activity.partners:
                details.append("Aliados: " + ", ".join(_clean(p) for p in activity.partners))
            if activity.department:
                details.append("Dependencia: " + _clean(activity.department))
            if activity.evidence:
                details.append(_evidence(activity))
            if details:
                run = paragraph.add_run(" " + ". ".join(details) + ".")
                run.italic = True
                run.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _figures(doc, summary: Summary, chart_png: bytes | None) -> None:
    doc.add_heading("RESUMEN EN CIFRAS", level=1)
    by_month = " y mes" if _by_month(summary) else ""
    doc.add_paragraph(f"Número de actividades registradas por línea de acción{by_month}, "
                      f"{summary.period.label}.")
    _counts_table(doc, summary)
    if chart_png:
        doc.add_picture(io.BytesIO(chart_png), width=Cm(16))
        doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption = doc.add_paragraph(
            f"Gráfico 1. Actividades por línea de acción y mes, {summary.period.label}.")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.runs[0].italic = True
    if summary.by_partner:
        doc.add_paragraph(
            "Entidades aliadas del periodo (número de actividades): "
            + ", ".join(f"{_clean(name)} ({n})" for name, n in summary.by_partner) + "."
        )


def _counts_table(doc, summary: Summary) -> None:
    months = summary.months if _by_month(summary) else []
    years = {y for y, _ in months}
    header = ["Línea de acción",
              *[month_label(y, m, len(years) > 1).capitalize() for y, m in months], "Total"]
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, "D9E2F3")
    for line in summary.lines:
        values = [summary.by_month.get(m, {}).get(line.number, 0) for m in months]
        _row(table, [f"{line.number}. {_clean(line.name)}", *values,
                     summary.line_total(line.number)])
    totals = [sum(summary.by_month.get(m, {}).values()) for m in months]
    row = _row(table, ["Total", *totals, summary.total])
    for cell in row.cells:
        cell.paragraphs[0].runs[0].bold = True
    table.columns[0].width = Cm(7.5)
    for row in table.rows:
        row.cells[0].width = Cm(7.5)


def _row(table, values: list) -> object:
    row = table.add_row()
    for i, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
        cell.text = str(value)
        if i:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    return row


def _closing(doc, info: ReportInfo, today: date) -> None:
    doc.add_paragraph()
    doc.add_paragraph(
        f"El informe anterior se firma a los {today.day} días del mes de "
        f"{MONTHS[today.month - 1]} de {today.year}."
    )
    doc.add_paragraph("Cordialmente,")
    doc.add_paragraph()
    signer = doc.add_paragraph()
    signer.add_run(_clean(info.signer) if info.signer else "[Nombre de quien firma]").bold = True
    doc.add_paragraph(_clean(info.signer_role))
    if info.entity:
        doc.add_paragraph(_clean(info.entity))


def _footer(doc, summary: Summary, now: datetime) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(
        f"Borrador generado por Enlace el {_long(now.date())} a partir de "
        f"{_count(summary.total, 'registro', 'registros')}. Página "
    )
    run.font.size = Pt(8)
    _page_number(paragraph)


# -- helpers ----------------------------------------------------------------------------


def _page_setup(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # carta, as in Colombia
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "es-CO")
    rpr.append(lang)  # Word spell-checks the draft in Spanish
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.name = "Arial"
    doc.styles["Title"].font.size = Pt(18)


def _shade(cell, color: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), color)
    cell._tc.get_or_add_tcPr().append(shading)


def _page_number(paragraph) -> None:
    run = paragraph.add_run()
    run.font.size = Pt(8)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run._r.append(field)


def _by_month(summary: Summary) -> bool:
    """A column per month only when there are a few months to show."""
    return 1 < len(summary.months) <= 6


def _span(period) -> str:
    """ "entre los meses de julio y septiembre de 2026", "durante el mes de julio de 2026"…"""
    s, e = period.start, period.end
    if period.kind == "all":
        return "desde el inicio del registro"
    if period.kind == "year":
        return f"durante el año {s.year}"
    if period.kind == "month":
        return f"durante el mes de {MONTHS[s.month - 1]} de {s.year}"
    if period._whole_months():
        if s.year == e.year:
            return f"entre los meses de {MONTHS[s.month - 1]} y {MONTHS[e.month - 1]} de {s.year}"
        return (f"entre {MONTHS[s.month - 1]} de {s.year} y {MONTHS[e.month - 1]} "
                f"de {e.year}")
    if s == e:
        return f"el {_long(s)}"
    return f"entre el {_long(s)} y el {_long(e)}"


def _long(d: date) -> str:
    return f"{d.day} de {MONTHS[d.month - 1]} de {d.year}"


def _registered(n: int) -> str:
    """ "se registró 1 actividad" / "se registraron 3 actividades"."""
    return "se registró 1 actividad" if n == 1 else f"se registraron {n} actividades"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _enumerate(names: list[str]) -> str:
    names = [_clean(n) for n in names]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " y " + names[-1]


def _partners_of(items) -> list[str]:
    """The line's partners, most frequent first, at most a handful for the lead sentence."""
    counts: dict[str, int] = {}
    for activity in items:
        for name in activity.partners:
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts, key=lambda n: (-counts[n], n.lower()))
    return ranked[:MAX_NAMED_PARTNERS]


def _evidence(activity) -> str:
    kinds = {"photo": ("foto", "fotos"), "document": ("documento", "documentos"),
             "video": ("video", "videos"), "location": ("ubicación", "ubicaciones")}
    counts: dict[str, int] = {}
    for item in activity.evidence:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    parts = [_count(n, *kinds.get(kind, (kind, kind))) for kind, n in counts.items()]
    return "Evidencia: " + ", ".join(parts)


def _sentence(text: str) -> str:
    text = _clean(text).strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _clean(text: str) -> str:
    """Text Word can store: no control characters (a pasted one would corrupt the file)."""
    return _CONTROL.sub("", text or "")
