"""`enlace report` and `enlace export` from a terminal, on the bot's database."""

import csv
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx

from bot.activities.service import ActivityService
from bot.config import load_settings
from bot.db import open_database

ROOT = Path(__file__).resolve().parent.parent


def enlace(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENLACE_")}
    env["ENLACE_STORAGE__DATABASE"] = str(tmp_path / "enlace.db")
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "bot.cli", "--config",
                           str(ROOT / "config.example.toml"), *args],
                          cwd=tmp_path, env=env, capture_output=True, timeout=120)


def seed(tmp_path: Path) -> None:
    settings = load_settings(ROOT / "config.example.toml")
    settings.storage.database = tmp_path / "enlace.db"
    from datetime import datetime
    service = ActivityService(settings, open_database(settings.storage.database),
                              now=lambda: datetime(2026, 11, 18, 10, tzinfo=settings.office.tz))
    service.record(line=1, text="Seguimiento al plan de trabajo con APC", user_id=1,
                   user_name="Ana", day=date(2026, 7, 14), partners=["APC"])
    service.record(line=3, text="Taller de becas con la UPB", user_id=2, user_name="Luis",
                   day=date(2026, 9, 2), partners=["UPB"])
    service.record(line=4, text="Fuera del trimestre", user_id=2, user_name="Luis",
                   day=date(2026, 10, 2))


def test_report_writes_the_docx_of_the_quarter(tmp_path):
    seed(tmp_path)
    result = enlace(tmp_path, "report", "--quarter", "2026-T3", "--out", "informe.docx")
    assert result.returncode == 0, result.stderr.decode()
    assert "julio – septiembre de 2026: 2 actividades" in result.stdout.decode()
    document = docx.Document(str(tmp_path / "informe.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "INFORME DE GESTIÓN JULIO – SEPTIEMBRE 2026" in texts
    assert any(t.startswith("14 de julio de 2026: Seguimiento al plan de trabajo con APC")
               for t in texts)
    assert not any("Fuera del trimestre" in t for t in texts)


def test_export_writes_every_activity_as_csv(tmp_path):
    seed(tmp_path)
    result = enlace(tmp_path, "export", "--out", "-")
    assert result.returncode == 0, result.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert [r["actividad"] for r in rows][0] == "Seguimiento al plan de trabajo con APC"
    assert len(rows) == 3
    result = enlace(tmp_path, "export", "--period", "julio a septiembre de 2026")
    assert (tmp_path / "actividades-2026-T3.csv").exists()
    assert "2 actividades" in result.stdout.decode()


def test_a_bad_period_is_explained_without_html(tmp_path):
    result = enlace(tmp_path, "report", "--quarter", "T9")
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "No entendí el periodo «T9»" in message and "<" not in message


def test_a_csv_with_unknown_columns_is_refused_plainly(tmp_path):
    bad = tmp_path / "malo.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = enlace(tmp_path, "import", str(bad))
    assert result.returncode == 2
    message = result.stderr.decode()
    assert "no reconozco las columnas" in message and "Traceback" not in message
