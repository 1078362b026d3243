"""Start-up that tells the truth: each broken set-up gets a Spanish message, never the token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.config import load_settings
from tests.support.process import start_enlace, stop, wait_ready
from tests.support.updates import message

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:STARTUP-SECRET-TOKEN"


def run_enlace(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT
               ) -> subprocess.CompletedProcess:
    variables = {k: v for k, v in os.environ.items() if not k.startswith("ENLACE_")}
    variables["PYTHONPATH"] = str(ROOT)
    variables.update(env or {})
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=cwd, env=variables,
                          capture_output=True, text=True, timeout=90)


def _config(tmp_path: Path, body: str = "") -> Path:
    path = tmp_path / "config.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_token_rejected_by_telegram_is_explained_and_never_printed(server, tmp_path):
    server.fake.fail_next("getMe", status=401, description="Unauthorized", count=5)
    process = start_enlace(server, tmp_path, TOKEN)
    assert process.wait(timeout=60) == 2
    output = (tmp_path / "bot.log").read_text()
    assert "rechazó el token" in output and "@BotFather" in output
    assert TOKEN not in output and TOKEN.split(":")[1] not in output
    assert "Traceback" not in output


def test_a_token_with_a_trailing_newline_works(server, tmp_path):
    process = start_enlace(server, tmp_path, TOKEN + "\n",
                           {"ENLACE_ACCESS__LIAISONS": "[300]"})
    try:
        wait_ready(server.fake, 1, timeout=30)
        server.fake.push_update(message("que es aod", user_id=300))
        server.fake.wait_for(lambda calls: any(c.method == "sendMessage" for c in calls),
                             timeout=20)
    finally:
        stop(process)
    assert TOKEN not in (tmp_path / "bot.log").read_text()


def test_a_token_of_the_wrong_shape_is_explained(tmp_path):
    result = run_enlace("--config", str(_config(tmp_path)), "run",
                        env={"ENLACE_TELEGRAM__TOKEN": "pegue aquí su token"})
    assert result.returncode == 2
    assert "@BotFather" in result.stderr and "pegue" not in result.stderr


def test_an_unwritable_database_is_explained(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    config = _config(tmp_path, f"[storage]\ndatabase = '{blocker / 'e.db'}'\n")
    result = run_enlace("--config", str(config), "run", env={"ENLACE_TELEGRAM__TOKEN": TOKEN})
    assert result.returncode == 2
    assert "base de datos" in result.stderr and "storage.database" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_knowledge_folder_stops_start_up(tmp_path):
    config = _config(tmp_path, f"[storage]\ndatabase = '{tmp_path / 'e.db'}'\n"
                               "[knowledge]\npath = 'no-such-folder'\n")
    result = run_enlace("--config", str(config), "run", env={"ENLACE_TELEGRAM__TOKEN": TOKEN})
    assert result.returncode == 2
    assert "No encuentro la carpeta de guías" in result.stderr
    assert str(tmp_path / "no-such-folder") in result.stderr  # relative to the config file


def test_malformed_entries_are_named_with_file_and_line(server, tmp_path):
    knowledge = tmp_path / "kb"
    (knowledge / "oficina").mkdir(parents=True)
    for source in (ROOT / "knowledge").glob("*.yml"):
        (knowledge / source.name).write_text(source.read_text(encoding="utf-8"), "utf-8")
    good = next((ROOT / "knowledge").rglob("ofai-que-es.md"))
    (knowledge / "oficina" / good.name).write_text(good.read_text(encoding="utf-8"), "utf-8")
    (knowledge / "oficina" / "rota.md").write_text("---\nid: [sin cerrar\n---\nTexto\n", "utf-8")
    process = start_enlace(server, tmp_path, TOKEN, {"ENLACE_KNOWLEDGE__PATH": str(knowledge)})
    try:
        wait_ready(server.fake, 1, timeout=30)
    finally:
        stop(process)
    output = (tmp_path / "bot.log").read_text()
    assert "guías tienen problemas y no se cargaron" in output
    assert f"{knowledge / 'oficina' / 'rota.md'}:" in output


def test_bad_json_in_an_environment_variable_names_the_variable(tmp_path):
    result = run_enlace("--config", str(_config(tmp_path)), "ask", "hola",
                        env={"ENLACE_ACCESS__ADMINS": "[1, 2"})
    assert result.returncode == 2
    assert "ENLACE_ACCESS__ADMINS" in result.stderr and "JSON" in result.stderr
    assert "None" not in result.stderr and "Traceback" not in result.stderr


def test_relative_paths_count_from_the_config_file(tmp_path, monkeypatch):
    folder = tmp_path / "office"
    folder.mkdir()
    config = _config(folder, "[storage]\ndatabase = 'data/e.db'\n[knowledge]\npath = 'kb'\n")
    monkeypatch.chdir(tmp_path)
    settings = load_settings(config)
    assert settings.storage.database == folder / "data" / "e.db"
    assert settings.knowledge.path == folder / "kb"


def test_other_commands_explain_an_unusable_database_too(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    config = _config(tmp_path, f"[storage]\ndatabase = '{blocker / 'e.db'}'\n")
    result = run_enlace("--config", str(config), "export", "--out", "-")
    assert result.returncode == 2
    assert "storage.database" in result.stderr and "Traceback" not in result.stderr
