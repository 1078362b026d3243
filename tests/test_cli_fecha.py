"""`enlace fecha`: each line read as the one-line /plazo reads it (or /registrar, --pasado)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIELDS = {"text", "date", "time", "rest", "error"}


def fecha(monkeypatch, capsys, stdin: str, *args: str) -> tuple[int, list[str]]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["fecha", *args])
    return code, capsys.readouterr().out.splitlines()


def test_json_one_object_per_line_as_the_one_line_deadline_reads_it(monkeypatch, capsys):
    stdin = ("Comité el miércoles de la semana que viene a las tres y cuarto\n"
             "\n"
             "Reunión con GOAL\n"
             "Informe 13 a 15 de julio\n"
             "Llamar mañana a 11\n")
    code, lines = fecha(monkeypatch, capsys, stdin, "--json", "--ahora", "2013-02-12T04:30")
    rows = [json.loads(line) for line in lines]
    assert code == 1  # one line was refused: scripts can tell
    assert len(rows) == 4 and all(set(row) == FIELDS for row in rows)
    committee, plain, range_, call = rows
    assert committee == {"text": "Comité el miércoles de la semana que viene a las tres y cuarto",
                         "date": "2013-02-20", "time": "15:15", "rest": "Comité",
                         "error": None}
    assert plain == {"text": "Reunión con GOAL", "date": None, "time": None,
                     "rest": "Reunión con GOAL", "error": None}
    assert range_["date"] is None and "13 a 15 de julio" in range_["error"]
    assert "15 de diciembre" in range_["error"]  # the refusal says how to write it
    assert (call["date"], call["time"], call["rest"]) == ("2013-02-13", "11:00", "Llamar")


def test_pasado_reads_looking_back_like_the_activity_log(monkeypatch, capsys):
    stdin = "ayer taller con la UPB\nel lunes reunión con APC\n15/12 visita\n"
    code, lines = fecha(monkeypatch, capsys, stdin, "--json", "--pasado",
                        "--ahora", "2026-11-18T10:00")
    rows = [json.loads(line) for line in lines]
    assert code == 0
    assert [(r["date"], r["rest"]) for r in rows] == [
        ("2026-11-17", "taller con la UPB"), ("2026-11-16", "reunión con APC"),
        ("2025-12-15", "visita")]
    code, lines = fecha(monkeypatch, capsys, "el lunes reunión\n", "--json",
                        "--ahora", "2026-11-18T10:00")
    assert json.loads(lines[0])["date"] == "2026-11-23"  # without --pasado: forward


def test_plain_output_echoes_weekday_and_holiday(monkeypatch, capsys):
    code, lines = fecha(monkeypatch, capsys, "Informe el 8 de diciembre a las 10\n",
                        "--ahora", "2026-11-18T10:00")
    assert code == 0
    assert lines == ["Informe el 8 de diciembre a las 10\t→ martes 8 de diciembre de 2026 "
                     "(festivo: La Inmaculada Concepción), 10:00\t| resto: Informe"]


def test_bad_reference_time_is_refused_in_spanish(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("hoy\n"))
    assert main(["fecha", "--ahora", "ayer"]) == 2
    assert "2013-02-12T04:30" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["fecha", "--json", "--ahora", "2026-11-18T10:00"]])
def test_the_installed_command_reads_standard_input(args):
    result = subprocess.run([sys.executable, "-m", "bot.cli", *args], input="pasado mañana\n",
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-11-20"
