"""The informe's default Word template, written with python-docx so it can be rebuilt.

    python -m bot.activities.template [bot/activities/templates/informe.docx]

It is an ordinary .docx with Jinja placeholders (docxtpl): the office can open it
in Word or LibreOffice, put its letterhead, fonts and colours, move or reword the
fixed parts, and point ``[activities] report_template`` at its copy. What the
placeholders receive is documented in :func:`bot.activities.report.context`.

Page: letter (21.59 × 27.94 cm) with 2.5 cm margins, a 16.6 cm text block; the
footer carries a real PAGE field (begin/instrText/separate/end runs), which Word
and LibreOffice both number.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from bot.texts import report as texts

DEFAULT = Path(__file__).resolve().parent / "templates" / "informe.docx"


def write_template(path: Path = DEFAULT) -> Path:
    """Write the default template to ``path``."""
    doc = Document()
    _page(doc)
    _styles(doc)

    def para(text: str, style: str | None = None, *, center: bool = False, bold: bool = False,
             italic: bool = False) -> None:
        paragraph = doc.add_paragraph(style=style)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.italic = bold or None, italic or None

    para("{{ office_upper }}", center=True, bold=True)
    para("{%p if entity_upper %}")
    para("{{ entity_upper }}", center=True, bold=True)
    para("{%p endif %}")
    title = doc.add_heading(texts.TEMPLATE_TITLE, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER

    doc.add_heading(texts.TEMPLATE_INTRODUCTION, level=1)
    para("{%p for text in introduction %}")
    para("{{ text }}")
    para("{%p endfor %}")
    para("{%p if partial_note %}")
    para("{{ partial_note }}", italic=True)
    para("{%p endif %}")

    doc.add_heading(texts.TEMPLATE_OBJECTIVE, level=1)
    para("{{ objective }}")

    doc.add_heading(texts.TEMPLATE_LINES, level=1)
    para("{%p for line in lines %}")
    para("{{ line.number }}. {{ line.name_upper }}", bold=True)
    para("{{ line.purpose }}")
    para("{%p endfor %}")

    doc.add_heading(texts.TEMPLATE_ACTIVITIES, level=1)
    para("{{ activities_intro }}")
    para("{%p for line in lines %}")
    doc.add_heading("{{ line.number }}. {{ line.name_upper }}", level=2)
    para("{%p if not line.groups %}")
    para(texts.TEMPLATE_LINE_EMPTY, italic=True)
    para("{%p else %}")
    para("{{ line.purpose }}", italic=True)
    para("{{ line.lead }}")
    para("{%p for group in line.groups %}")
    doc.add_heading("{{ group.title }}", level=3)
    para("{%p for item in group.entries %}")
    bullet = doc.add_paragraph(style="List Bullet")
    bullet.add_run("{{ item.day }}: ").bold = True
    bullet.add_run("{{ item.text }}")
    details = bullet.add_run("{{ item.details }}")
    details.italic = True
    details.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    para("{%p for photo in item.photos %}")
    para("{{ photo }}", center=True)
    para("{%p endfor %}")
    para("{%p endfor %}")
    para("{%p endfor %}")
    para("{%p endif %}")
    para("{%p endfor %}")

    doc.add_heading(texts.TEMPLATE_FIGURES, level=1)
    para("{{ figures_intro }}")
    para("{{ counts_table }}")  # the line × month table goes here, sized to the text block
    para("{%p if chart %}")
    para("{{ chart }}", center=True)
    para("{{ chart_caption }}", center=True, italic=True)
    para("{%p endif %}")
    para("{%p if partners_sentence %}")
    para("{{ partners_sentence }}")
    para("{%p endif %}")

    para("{%p for text in closing %}")
    para("{{ text }}")
    para("{%p endfor %}")
    para("{{ signed_on }}")
    para("Cordialmente,")
    para("")
    para("{{ signer }}", bold=True)
    para("{{ signer_role }}")
    para("{%p if entity %}")
    para("{{ entity }}")
    para("{%p endif %}")
    para("{%p if website %}")
    para("{{ website }}")
    para("{%p endif %}")

    para("{%p if review %}")
    doc.add_heading(texts.TEMPLATE_REVIEW, level=1)
    para("{%p for note in review %}")
    para("– {{ note }}", "List Paragraph")
    para("{%p endfor %}")
    para("{%p endif %}")

    _footer(doc)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # carta, as in Colombia
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "es-CO")
    normal.element.get_or_add_rPr().append(lang)  # Word spell-checks the draft in Spanish
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.name = "Arial"
    doc.styles["Title"].font.size = Pt(18)


def _footer(doc) -> None:
    """ "Página N" with a real PAGE field: a field made of runs, as Word writes it."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(texts.TEMPLATE_FOOTER).font.size = Pt(8)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                       ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


if __name__ == "__main__":
    print(write_template(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
