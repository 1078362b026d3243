"""What the office takes away: summary counts, the chart, the CSV and the DOCX report."""

import csv
import io
import json
import time
from datetime import date

import docx
import pytest

from bot.activities.chart import activity_chart
from bot.activities.export import activities_csv
from bot.activities.models import Activity, Evidence
from bot.activities.periods import quarter
from bot.activities.report import ReportInfo, build_report
from bot.activities.summary import summarize
from bot.config import DEFAULT_ACTION_LINES
from tests.support.clock import NOW

T3 = quarter(2026, 3)


def activity(id_, day, line, text, *, who="Ana", partners=(), deleted=False, **kw):
    return Activity(id=id_, day=day, line=line, text=text, user_id=200 if who == "Ana" else 201,
                    user_name=who, created_at=NOW, partners=tuple(partners),
                    deleted_at=NOW if deleted else None, **kw)


SAMPLE = [
    activity(1, date(2026, 7, 3), 1, "Reunión de seguimiento al plan de trabajo",
             partners=["APC", "Gobernación de Santander"]),
    activity(2, date(2026, 8, 12), 4, "Visita a Granjas de Provenza", who="Luis",
             partners=["ONU-Hábitat", "ACNUR"], department="Secretaría de Planeación",
             evidence=(Evidence("photo", "PH", 5), Evidence("location", None, 6, latitude=7.1,
                                                             longitude=-73.1))),
    activity(3, date(2026, 9, 30), 2, "Postulación de CLOBI al Investment Summit",
             partners=["ProColombia", "APC"]),
    activity(4, date(2026, 8, 1), 3, "=cmd|' /C calc'!A0 taller"),  # a CSV-injection attempt
    activity(5, date(2026, 8, 2), 5, "Borrada", deleted=True),
    activity(6, date(2026, 10, 1), 5, "Fuera del trimestre"),
]


def test_summary_counts_by_line_person_partner_and_month():
    s = summarize(SAMPLE, DEFAULT_ACTION_LINES, T3)
    assert s.total == 4  # deleted and out-of-period ones are not counted
    assert s.by_line == {1: 1, 2: 1, 3: 1, 4: 1, 5: 0}
    assert s.by_person == [("Ana", 3), ("Luis", 1)]
    assert s.by_partner[0] == ("APC", 2)
    assert s.months == [(2026, 7), (2026, 8), (2026, 9)]
    assert s.by_month[(2026, 8)] == {1: 0, 2: 0, 3: 1, 4: 1, 5: 0}


def test_chart_is_a_png():
    png = activity_chart(summarize(SAMPLE, DEFAULT_ACTION_LINES, T3))
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000


def test_csv_has_every_field_opens_in_excel_and_is_safe():
    data = activities_csv(SAMPLE, DEFAULT_ACTION_LINES)
    assert data.startswith("\ufeff".encode())  # Excel reads the accents right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(SAMPLE)
    visit = rows[1]
    assert visit["fecha"] == "2026-08-12" and visit["línea"] == "4"
    assert visit["nombre de la línea"] == "Cooperación nacional e internacional"
    assert visit["aliados"] == "ONU-Hábitat; ACNUR"
    assert visit["dependencia"] == "Secretaría de Planeación"
    assert json.loads(visit["evidencias"])[0] == {"kind": "photo", "file_id": "PH",
                                                  "message_id": 5}
    assert rows[3]["actividad"].startswith("'=")  # never run as a formula
    assert rows[4]["eliminada"]


def read_report(data: bytes):
    document = docx.Document(io.BytesIO(data))
    return document, [(p.style.name, p.text) for p in document.paragraphs]


def test_report_reads_like_the_offices_quarterly_report():
    s = summarize(SAMPLE, DEFAULT_ACTION_LINES, T3)
    data = build_report(s, ReportInfo(office="Oficina de Asuntos Internacionales",
                                      entity="Alcaldía de Bucaramanga"),
                        chart_png=activity_chart(s), now=NOW)
    document, paragraphs = read_report(data)
    texts = [t for _, t in paragraphs]
    headings = [t for style, t in paragraphs if style.startswith(("Heading", "Title"))]
    assert headings[0] == "INFORME DE GESTIÓN JULIO – SEPTIEMBRE 2026"
    assert "INTRODUCCIÓN" in headings
    line_headings = [h for h in headings if h[:2] in {"1.", "2.", "3.", "4.", "5."}]
    assert line_headings == [f"{line.number}. {line.name.upper()}" for line in
                             DEFAULT_ACTION_LINES]
    assert "OFICINA DE ASUNTOS INTERNACIONALES" in texts[0]
    intro = texts[texts.index("INTRODUCCIÓN") + 1]
    assert "honorable Concejo Municipal" in intro and "julio y septiembre de 2026" in intro
    # Activities under their line, with date and partners, in date order.
    cooperation = paragraphs.index(("Heading 2", "4. COOPERACIÓN NACIONAL E INTERNACIONAL"))
    visit = next(t for t in texts[cooperation:] if "Granjas de Provenza" in t)
    assert visit.startswith("12 de agosto de 2026: Visita a Granjas de Provenza.")
    assert "Aliados: ONU-Hábitat, ACNUR" in visit and "1 foto, 1 ubicación" in visit
    assert not any("Borrada" in t or "Fuera del trimestre" in t for t in texts)
    communication = paragraphs.index(
        ("Heading 2", "5. COMUNICACIÓN INSTITUCIONAL Y PROMOCIÓN TERRITORIAL"))
    assert "No se registraron actividades" in texts[communication + 1]
    # The table of counts per line (and month), with totals.
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Línea de acción", "Jul", "Ago", "Sep",
                                                     "Total"]
    assert [c.text for c in table.rows[4].cells][-1] == "1"  # line 4
    assert [c.text for c in table.rows[-1].cells] == ["Total", "1", "2", "1", "4"]
    assert len(document.inline_shapes) == 1  # the chart
    assert any(t.startswith("El informe anterior se firma") for t in texts)


def test_report_of_an_empty_period_is_still_a_complete_draft():
    s = summarize([], DEFAULT_ACTION_LINES, T3)
    document, paragraphs = read_report(build_report(
        s, ReportInfo(office="OFAI"), chart_png=None, now=NOW))
    assert sum("No se registraron actividades" in t for _, t in paragraphs) == 5
    assert len(document.inline_shapes) == 0


def test_control_characters_in_a_text_do_not_break_the_document():
    s = summarize([activity(1, date(2026, 7, 3), 1, "Acta\x0b con \x01 basura")],
                  DEFAULT_ACTION_LINES, T3)
    _, paragraphs = read_report(build_report(s, ReportInfo(office="OFAI"), chart_png=None,
                                             now=NOW))
    assert any("Acta con  basura" in t for _, t in paragraphs)


@pytest.mark.parametrize("n", [1000])
def test_a_busy_quarter_builds_quickly(n):
    many = [activity(i, date(2026, 7 + i % 3, 1 + i % 28), 1 + i % 5, f"Actividad {i}",
                     partners=["APC", f"Aliado {i % 40}"]) for i in range(n)]
    started = time.perf_counter()
    s = summarize(many, DEFAULT_ACTION_LINES, T3)
    data = build_report(s, ReportInfo(office="OFAI"), chart_png=activity_chart(s), now=NOW)
    elapsed = time.perf_counter() - started
    _, paragraphs = read_report(data)
    assert sum(1 for style, _ in paragraphs if style == "List Bullet") == n
    assert elapsed < 10, elapsed
