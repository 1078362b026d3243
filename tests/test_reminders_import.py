"""`enlace import` of deadlines and agreements: all rows or none, bad rows named by number."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import DEFAULT_ACTION_LINES
from bot.db import open_database
from bot.reminders.imports import ImportFileError, import_file
from bot.reminders.store import AgreementStore, DeadlineStore
from tests.support.clock import NOW

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def stores(tmp_path):
    db = open_database(tmp_path / "enlace.db")
    return DeadlineStore(db), AgreementStore(db)


def load(path: Path, stores):
    deadlines, agreements = stores
    return import_file(path, deadlines=deadlines, agreements=agreements, now=NOW,
                       lines=DEFAULT_ACTION_LINES)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_agreements_load_once(stores):
    result = load(ROOT / "examples" / "convenios.csv", stores)
    assert (result.ok, result.created) == (True, 5)
    partners = {a.partner: a for a in stores[1].all()}
    assert set(partners) == {
        "GOAL (ONG irlandesa)", "Universidad Pontificia Bolivariana (UPB)",
        "Alcaldía de Pittsburgh", "Alcaldía de Gumi (Corea del Sur)",
        "GIZ y C40 Cities Finance Facility"}
    goal = partners["GOAL (ONG irlandesa)"]
    assert (goal.kind, goal.status, goal.duration.months, goal.ends_on) == (
        "mou", "negociacion", 24, None)
    assert partners["Alcaldía de Pittsburgh"].status == "vigente"
    again = load(ROOT / "examples" / "convenios.csv", stores)
    assert (again.created, again.existing) == (0, 5)
    assert len(stores[1].all()) == 5


def test_deadlines_with_semicolons_bom_and_spanish_headers(tmp_path, stores):
    path = tmp_path / "plazos.csv"
    path.write_bytes("\ufeffTítulo;Fecha;Hora;Línea;Responsable\n"
                     "Convocatoria KUSANONE;15/12/2026;10:00;4;Ana\n"
                     "Informe al concejo;2026-12-01;;1;\n".encode())
    result = load(path, stores)
    assert result.ok and result.created == 2
    rows = [(d.title, d.due_date.isoformat(), d.due_time, d.line) for d in stores[0].open()]
    assert rows[0] == ("Informe al concejo", "2026-12-01", None, 1)
    assert rows[1][0] == "Convocatoria KUSANONE" and rows[1][2].hour == 10


def test_one_bad_row_loads_nothing_and_every_bad_row_is_named(tmp_path, stores):
    path = write(tmp_path, "plazos.csv",
                 "titulo,fecha,hora,linea\n"
                 "Bien,15/12/2026,,\n"
                 ",15/12/2026,,\n"
                 "Fecha rara,32/13/2026,,\n"
                 "Ya pasó,2026-01-01,,\n"
                 "Línea mala,15/12/2026,,9\n"
                 "Bien,15/12/2026,,\n")
    result = load(path, stores)
    assert not result.ok
    assert [row for row, _ in result.errors] == [3, 4, 5, 6, 7]
    messages = dict(result.errors)
    assert "falta el título" in messages[3]
    assert "mes 13" in messages[4]
    assert "ya pasó" in messages[5]
    assert "línea 9 no existe" in messages[6]
    assert "repite la fila 2" in messages[7]
    assert stores[0].open() == []
    report = result.report(path)
    assert report.startswith(f"No se cargó nada de {path}") and "fila 4:" in report


def test_bad_agreement_rows(tmp_path, stores):
    path = write(tmp_path, "convenios.csv",
                 "contraparte,tipo,firma,fin,duracion,seguimiento\n"
                 "GOAL,mou,2025-01-01,,-3 años,trimestral\n"
                 "UPB,acuerdo marco raro,,,,\n"
                 "Gumi,mou,2025-06-01,2025-01-01,,\n"
                 "Pittsburgh,hermanamiento,2019-04-01,,,cada tanto\n")
    result = load(path, stores)
    assert [row for row, _ in result.errors] == [2, 3, 4, 5]
    messages = dict(result.errors)
    assert "no puede ser negativa" in messages[2]
    assert "Tipo de convenio no válido" in messages[3]
    assert "posterior a la firma" in messages[4]
    assert "Seguimiento no válido" in messages[5]
    assert stores[1].all() == []


def test_unknown_columns_are_refused_before_reading_rows(tmp_path, stores):
    with pytest.raises(ImportFileError, match="columnas desconocidas: vence"):
        load(write(tmp_path, "x.csv", "titulo,vence\nA,15/12/2026\n"), stores)
    with pytest.raises(ImportFileError, match="no reconozco las columnas"):
        load(write(tmp_path, "y.csv", "a,b\n1,2\n"), stores)


def test_enlace_import_command(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENLACE_")}
    env["ENLACE_STORAGE__DATABASE"] = str(tmp_path / "enlace.db")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "bot.cli", "--config",
                               str(ROOT / "config.example.toml"), "import", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=60, env=env)

    ok = run("examples/convenios.csv")
    assert ok.returncode == 0 and "5 convenios cargados" in ok.stdout
    bad = write(tmp_path, "plazos.csv", "titulo,fecha\nSin fecha,\n")
    failed = run(str(bad))
    assert failed.returncode == 1 and "fila 2: falta la fecha" in failed.stderr
    missing = run(str(tmp_path / "no-existe.csv"))
    assert missing.returncode == 2 and "No pude leer" in missing.stderr
