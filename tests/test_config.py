"""Configuration: defaults, TOML, environment overrides and Spanish error messages."""

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_example_file_loads_with_documented_defaults():
    settings = load_settings(ROOT / "config.example.toml")
    assert settings.office.timezone == "America/Bogota"
    assert settings.telegram.mode == "polling"
    assert settings.storage.database == ROOT / "data" / "enlace.db"  # from the file's folder
    assert [line.number for line in settings.action_lines] == [1, 2, 3, 4, 5]
    assert settings.reminders.lead_times == ["7d", "1d", "0d"]


def test_environment_overrides_file_including_nested_keys(tmp_path, monkeypatch):
    path = write(tmp_path, '[office]\nname = "OFAI"\n[access]\nadmins = [1]\n')
    monkeypatch.setenv("ENLACE_TELEGRAM__TOKEN", "42:SECRET")
    monkeypatch.setenv("ENLACE_OFFICE__GROUP_CHAT_ID", "-1005")
    monkeypatch.setenv("ENLACE_ACCESS__ADMINS", "[7, 8]")
    settings = load_settings(path)
    assert settings.telegram.token.get_secret_value() == "42:SECRET"
    assert settings.office.group_chat_id == -1005
    assert settings.office.name == "OFAI"
    assert settings.access.admins == [7, 8]


def test_unknown_key_names_the_key_and_the_file(tmp_path):
    path = write(tmp_path, "[telegram]\ntokn = 'x'\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    message = str(error.value)
    assert "telegram.tokn" in message and str(path) in message
    assert "desconocida" in message


def test_wrong_value_says_what_is_expected(tmp_path):
    path = write(tmp_path, "[telegram]\nmode = 'pigeon'\n[office]\ntimezone = 'Mars/Base'\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    message = str(error.value)
    assert "telegram.mode" in message and "polling" in message and "webhook" in message
    assert "office.timezone" in message and "America/Bogota" in message


def test_a_bad_token_value_is_never_echoed(tmp_path):
    path = write(tmp_path, "[telegram]\ntoken = 123456789\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert "123456789" not in str(error.value)


def test_bad_lead_time_is_explained(tmp_path):
    path = write(tmp_path, "[reminders]\nlead_times = ['7 dias']\n")
    with pytest.raises(ConfigError, match="reminders.lead_times"):
        load_settings(path)


def test_missing_explicit_file_is_reported(tmp_path):
    with pytest.raises(ConfigError, match="No encuentro"):
        load_settings(tmp_path / "nope.toml")
