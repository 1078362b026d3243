"""`enlace doctor` against the stand-in Bot API: what is wrong, and what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from tests.support.fake_telegram import BOT_USER

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:DOCTOR-SECRET-TOKEN"
GROUP = -1001112223334


@pytest.fixture
def config(server, tmp_path, monkeypatch):
    for name in [n for n in __import__("os").environ if n.startswith("ENLACE_")]:
        monkeypatch.delenv(name)
    path = tmp_path / "config.toml"
    path.write_text(
        f"[telegram]\ntoken = '{TOKEN}'\nbase_url = '{server.base_url}'\n"
        f"[office]\ngroup_chat_id = {GROUP}\n[access]\nadmins = [100]\nliaisons = [300]\n"
        f"[storage]\ndatabase = 'data/enlace.db'\n[knowledge]\npath = '{ROOT / 'knowledge'}'\n",
        encoding="utf-8")
    return path


def doctor(config: Path, capsys) -> tuple[int, str]:
    code = main(["--config", str(config), "doctor"])
    return code, capsys.readouterr().out


def test_all_in_order(server, config, capsys):
    server.fake.chats[GROUP] = {"chat": {"id": GROUP, "type": "supergroup", "title": "OFAI"},
                                "member": {"status": "member", "user": BOT_USER}}
    code, out = doctor(config, capsys)
    assert code == 0, out
    assert "@enlace_ofai_bot" in out and "«OFAI»" in out
    assert str(config.parent / "data" / "enlace.db") in out and "guías en" in out
    assert "Todo en orden" in out and TOKEN not in out


def test_an_upgraded_group_says_which_id_to_use(server, config, capsys):
    server.fake.chats[GROUP] = {"migrated_to": -1009998887776}
    code, out = doctor(config, capsys)
    assert code == 1
    assert "cambie office.group_chat_id a -1009998887776" in out


def test_a_group_without_the_bot_or_where_it_can_not_write(server, config, capsys):
    code, out = doctor(config, capsys)
    assert code == 1 and "no puede ver el grupo" in out and "agregue el bot" in out
    server.fake.chats[GROUP] = {"chat": {"id": GROUP, "type": "supergroup", "title": "OFAI"},
                                "member": {"status": "left", "user": BOT_USER}}
    code, out = doctor(config, capsys)
    assert code == 1 and "no puede escribir" in out


def test_a_rejected_token_and_a_broken_database(server, config, capsys):
    server.fake.fail_next("getMe", status=401, description="Unauthorized")
    (config.parent / "data").write_text("a file, not a folder")
    code, out = doctor(config, capsys)
    assert code == 1
    assert "rechazó el token" in out and "storage.database" in out
    assert TOKEN not in out and TOKEN.split(":")[1] not in out
