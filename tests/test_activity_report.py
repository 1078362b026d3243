"""The informe the office edits rather than writes: template, grouping, tidy text,
duplicates, photos, page fit, page numbers, file properties and the /informe default."""

import io
import shutil
from datetime import date

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from bot.access import Person
from bot.activities.models import Evidence
from bot.activities.render import report_caption
from bot.activities.service import ActivityService
from bot.activities.template import DEFAULT as TEMPLATE
from bot.activities.template import write_template
from bot.activities.tidy import restore_accents, sentence
from tests.conftest import STAFF_ID

ANA = Person(STAFF_ID, "Ana Pérez")


@pytest.fixture
def service(services) -> ActivityService:
    return services.activities


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 80, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def record(service, line, text, day, partners=(), message_id=None, **kw):
    return service.record(line=line, text=text, user_id=STAFF_ID, user_name="Ana", day=day,
                          partners=partners, chat_id=STAFF_ID if message_id else None,
                          message_id=message_id, **kw)


def quarter_of_work(service):
    record(service, 1, "reunion de seguimiento al plan de cooperacion con la apc en santander",
           date(2026, 7, 14), ["APC"], message_id=1)
    record(service, 1, "Reunión de seguimiento al plan de cooperación con la APC en Santander",
           date(2026, 7, 14), ["APC"], message_id=2)  # the same meeting, logged twice
    record(service, 1, "Llamada con la APC sobre el plan de trabajo departamental",
           date(2026, 8, 3), ["APC"], message_id=3)
    record(service, 2, "Postulacion al Investment Summit con procolmbia", date(2026, 9, 1),
           ["ProColombia"], message_id=4)
    record(service, 4, "Visita", date(2026, 8, 20), department="Secretaría de Planeación",
           message_id=5, evidence=[Evidence("photo", "PHOTO-1", 5)])


def read(data: bytes):
    document = docx.Document(io.BytesIO(data))
    return document, [(p.style.name, p.text) for p in document.paragraphs]


def test_the_draft_has_purposes_groups_tidy_text_and_lists_duplicates(service):
    quarter_of_work(service)
    job = service.report_job("2026-T3")
    document, paragraphs = read(job.build())
    texts = [t for _, t in paragraphs]
    # Each line with its purpose, in the lines section and above its activities.
    purpose = service.line(1).purpose
    assert texts.count(purpose) == 2
    assert any(t.startswith("OBJETIVO GENERAL") for _, t in paragraphs)
    assert any("Decreto municipal 018 de 2011" in t for t in texts)
    # Activities grouped under the partner they share, with its long name.
    groups = [t for style, t in paragraphs if style == "Heading 3"]
    assert "APC – Agencia Presidencial de Cooperación" in groups
    assert "Secretaría de Planeación" in groups
    # Text tidied for the document, not in the database.
    assert any("Reunión de seguimiento al plan de cooperación con la APC en Santander." in t
               for t in texts)
    assert any("Postulación al Investment Summit con ProColombia." in t for t in texts)
    assert service.store.get(4).text == "Postulacion al Investment Summit con procolmbia"
    # The duplicate appears once, is not counted, and is listed for review.
    bullets = [t for style, t in paragraphs if style == "List Bullet"]
    assert len(bullets) == 4
    assert [c.text for c in document.tables[0].rows[-1].cells][-1] == "4"
    assert any("Posible duplicado" in t and "#2" in t and "#1" in t for t in texts)
    assert any("muy corto" in t and "#5" in t for t in texts)
    caption = report_caption(job)
    assert "4 actividades" in caption
    assert "1 posible(s) duplicado(s)" in caption and "1 texto(s) muy corto(s)" in caption


def test_tables_and_pictures_fit_the_text_block(service):
    quarter_of_work(service)
    document, _ = read(service.report_job("2026-T3").build())
    section = document.sections[0]
    block = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        assert sum(int(col.get(qn("w:w"))) for col in grid) * 635 <= block
    assert all(shape.width <= block for shape in document.inline_shapes)


def test_page_numbers_are_a_real_field_and_properties_name_the_office(service):
    quarter_of_work(service)
    document, _ = read(service.report_job("2026-T3").build())
    footer = document.sections[0].footer._element
    kinds = [e.get(qn("w:fldCharType")) for e in footer.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [e.text.strip() for e in footer.iter(qn("w:instrText"))] == ["PAGE"]
    props = document.core_properties
    assert props.author == "Oficina de Asuntos Internacionales"
    assert props.title == "Informe de gestión julio – septiembre de 2026"
    assert props.created.year == 2026 and props.modified.year == 2026


def test_evidence_photos_are_kept_once_and_embedded_under_their_activity(service):
    quarter_of_work(service)
    activity = service.store.get(5)
    assert service.photos_to_keep(activity) == ["PHOTO-1"]
    kept = service.keep_photo(5, "PHOTO-1", jpeg())
    assert service.photos_to_keep(kept) == []
    assert (service.evidence_dir / kept.evidence[0].path).read_bytes()[:2] == b"\xff\xd8"
    document, paragraphs = read(service.report_job("2026-T3").build())
    assert len(document.inline_shapes) == 2  # the chart and the photo
    visit = next(i for i, (_, t) in enumerate(paragraphs) if t.startswith("20 de agosto"))
    photo = document.paragraphs[visit + 1]
    assert photo._p.findall(".//" + qn("w:drawing"))


def test_the_office_can_use_its_own_template(service, tmp_path):
    own = tmp_path / "membrete.docx"
    shutil.copy(TEMPLATE, own)
    template = docx.Document(str(own))
    template.paragraphs[0].insert_paragraph_before("MEMBRETE DE LA ALCALDÍA")
    template.save(str(own))
    service.settings.activities.report_template = own
    quarter_of_work(service)
    _, paragraphs = read(service.report_job("2026-T3").build())
    assert paragraphs[0][1] == "MEMBRETE DE LA ALCALDÍA"


def test_fixed_texts_come_from_the_config(service):
    config = service.settings.activities
    config.report_introduction = ["Informe para el {recipient} sobre lo hecho {span}."]
    config.report_website = "www.ejemplo.gov.co"
    _, paragraphs = read(service.report_job("2026-T3").build())
    texts = [t for _, t in paragraphs]
    assert ("Informe para el honorable Concejo Municipal sobre lo hecho entre los meses de "
            "julio y septiembre de 2026.") in texts
    assert "www.ejemplo.gov.co" in texts


def test_the_template_can_be_rebuilt(tmp_path):
    rebuilt = write_template(tmp_path / "informe.docx")
    ours = docx.Document(str(TEMPLATE))
    again = docx.Document(str(rebuilt))
    assert [p.text for p in again.paragraphs] == [p.text for p in ours.paragraphs]


def test_informe_without_a_period_prefers_the_last_complete_quarter(service):
    record(service, 1, "Reunión con la Cancillería", date(2026, 8, 5))
    record(service, 1, "Reunión con la Embajada de Francia", date(2026, 11, 5))
    job = service.report_job("")
    assert job.summary.period.label == "julio – septiembre de 2026"
    assert job.fallback_from is None


def test_informe_without_a_period_falls_back_to_the_current_quarter_and_says_so(service):
    record(service, 1, "Reunión con la Embajada de Francia", date(2026, 11, 5))
    job = service.report_job("")
    assert job.summary.period.label == "octubre – diciembre de 2026"
    assert "julio – septiembre de 2026" in report_caption(job)


def test_tidy_restores_only_unambiguous_accents():
    assert restore_accents("reunion de cooperacion tecnica") == "reunión de cooperación técnica"
    assert restore_accents("esta semana") == "esta semana"  # "esta" and "está" both exist
    assert restore_accents("REUNION") == "REUNIÓN"
    assert sentence("TALLER DE FORMULACION DE PROYECTOS") == "Taller de formulación de proyectos."


def test_a_photo_that_is_not_an_image_is_left_out_and_flagged(service):
    quarter_of_work(service)
    service.keep_photo(5, "PHOTO-1", b"<html>not a photo</html>")
    document, paragraphs = read(service.report_job("2026-T3").build())
    assert len(document.inline_shapes) == 1  # only the chart
    assert any("#5" in t and "sin copia local" in t for _, t in paragraphs)
