"""The `enlace` command line: ask in JSON, plain answers, a clear message without a token."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from bot.cli import main
from bot.texts.common import NOTHING_TO_CANCEL

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {"question", "outcome", "entry_id", "title", "confidence", "text", "lead",
          "passage", "alternatives"}


def run_enlace(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, cwd=ROOT,
                          capture_output=True, text=True, timeout=60, env=env)


def test_ask_json_reads_one_question_per_line_and_writes_one_object_per_line():
    result = run_enlace("ask", "--json", stdin="que es aod\n\ncomo saco el pasaporte\n")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2
    assert all(set(row) == FIELDS for row in rows)
    first, second = rows
    assert first["outcome"] == "answer" and first["entry_id"] == "bogota-aod"
    assert "Ayuda Oficial al Desarrollo" in first["text"] and "Fuente:" in first["text"]
    assert first["lead"].startswith("Qué es la AOD") and "Fuente:" in first["lead"]
    assert len(first["lead"]) < len(first["text"])
    assert first["passage"] in first["text"]  # lines of the entry, or "" when none is nearer
    assert 0 <= first["confidence"] <= 1
    assert second["outcome"] == "none" and second["entry_id"] is None
    for alternative in second["alternatives"]:
        assert set(alternative) == {"entry_id", "title", "confidence"}


def test_ask_prints_a_readable_answer(capsys):
    assert main(["ask", "que", "es", "una", "comixta"]) == 0
    out = capsys.readouterr().out
    assert "Comixta" in out and "Fuente:" in out and "<b>" not in out


def test_run_without_token_explains_how_to_set_it(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[office]\nname = 'OFAI'\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ENLACE_")}
    result = run_enlace("--config", str(config), "run", env=env)
    assert result.returncode == 2
    assert "ENLACE_TELEGRAM__TOKEN" in result.stderr and "enlace console" in result.stderr


def test_config_error_stops_with_the_key_named(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[office]\ntimezon = 'America/Bogota'\n", encoding="utf-8")
    result = run_enlace("--config", str(config), "ask", "hola")
    assert result.returncode == 2
    assert "office.timezon" in result.stderr and "Traceback" not in result.stderr


def test_console_holds_the_same_conversation(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ENLACE_STORAGE__DATABASE", str(tmp_path / "c.db"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("que es aod\n/guias\n1\n/salir\n"))
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert "Ayuda Oficial al Desarrollo" in out
    assert "[1] La oficina (OFAI)" in out and "Qué es la OFAI de Bucaramanga" in out


def test_console_files_activities_and_asks_for_an_unclear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ENLACE_STORAGE__DATABASE", str(tmp_path / "c.db"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(
        "/registrar Publicación en Instagram del video de la marca ciudad\n"
        "/registrar reunion de seguimiento\n"  # too little to choose a line: it asks
        "1\n"  # the first line button
        "/salir\n"))
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert "Actividad #1 guardada" in out and "Línea: 5." in out
    assert "¿En qué línea de acción va" in out or "¿Línea" in out
    assert "Actividad #2 guardada" in out


def test_console_says_an_unknown_command_is_one_and_does_not_record_it(tmp_path, monkeypatch,
                                                                      capsys):
    monkeypatch.setenv("ENLACE_STORAGE__DATABASE", str(tmp_path / "c.db"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("/resumen\n/pendientes\n/cancelar\n/salir\n"))
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert NOTHING_TO_CANCEL in out  # as on Telegram: nothing was in progress
    assert "Ese comando no existe en la terminal" in out
    assert "/resumen" not in out.split("Ese comando no existe")[1]  # not a pending question


def test_console_logs_step_by_step_and_a_command_mid_way_is_not_the_text(tmp_path, monkeypatch,
                                                                         capsys):
    monkeypatch.setenv("ENLACE_STORAGE__DATABASE", str(tmp_path / "c.db"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(
        "/registrar\n3\nayer taller de ingles para funcionarios\n/informe\n"
        "1\n"  # Omitir (no evidence in a terminal)
        "1\n"  # Guardar
        "/salir\n"))
    assert main(["console"]) == 0
    out = capsys.readouterr().out
    assert "Actividad #1 guardada" in out
    saved = out.split("Actividad #1 guardada")[1]
    assert "Línea: 3." in saved and "Taller de ingles para funcionarios" in saved
    assert "/informe" not in saved
