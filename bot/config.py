"""Enlace's configuration: one pydantic model, read from TOML and the environment.

Sources, strongest first: environment variables prefixed ``ENLACE_`` (nested
with ``__``, e.g. ``ENLACE_TELEGRAM__TOKEN``), then the TOML file given with
``--config``, else ``config.toml``, else ``config.example.toml``. Every model
forbids unknown keys, so a typo in the file stops start-up instead of being
silently ignored. Errors are turned into Spanish messages that name the key,
the file and what was expected (:func:`load_settings`).
"""

from __future__ import annotations

import json
import os
import re
from datetime import time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from bot import defaults
from bot.texts import config as texts
from bot.texts import report as report_texts

DEFAULT_CONFIG_FILES = (Path("config.toml"), Path("config.example.toml"))

_LEAD_TIME = re.compile(r"^(\d+)([dhm])$")


class Section(BaseModel):
    """Base for config sections: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class TelegramSettings(Section):
    token: SecretStr | None = None
    base_url: str | None = None
    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None
    # Path the webhook listens on; empty = the path of webhook_url.
    webhook_path: str | None = None
    poll_interval: float = Field(default=0.0, ge=0)

    @field_validator("token", "webhook_secret")
    @classmethod
    def _strip(cls, value: SecretStr | None) -> SecretStr | None:
        """A token pasted with its trailing newline (``echo … > file``) still works."""
        if value is None:
            return None
        stripped = value.get_secret_value().strip()
        return SecretStr(stripped) if stripped else None

    @property
    def url_path(self) -> str:
        """The webhook's local path, without slashes: ``webhook_path`` or ``webhook_url``'s."""
        from urllib.parse import urlsplit

        if self.webhook_path:
            return self.webhook_path.strip("/")
        return urlsplit(self.webhook_url or "").path.strip("/")


class OfficeSettings(Section):
    name: str = "Oficina de Asuntos Internacionales"
    timezone: str = "America/Bogota"
    group_chat_id: int | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(texts.UNKNOWN_TIMEZONE.format(value=value)) from exc
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class AccessSettings(Section):
    admins: list[int] = []
    staff: list[int] = []
    liaisons: list[int] = []
    # Other groups where the bot may work besides office.group_chat_id; it leaves any other.
    groups: list[int] = []


class StorageSettings(Section):
    database: Path = Path("data/enlace.db")


class KnowledgeSettings(Section):
    path: Path = Path("knowledge")
    # Hybrid search with the embedding model (lexical-only when false or not installed).
    semantic: bool = True


class ActionLine(Section):
    """One action line of the office. ``purpose`` (one or two sentences) and ``examples``
    (short activities of that line) teach the line chooser what the line is about;
    ``keywords`` add word evidence. Every activity saved later is a labelled example too."""

    number: int = Field(ge=1, le=99)
    name: str = Field(min_length=1)
    purpose: str = ""
    keywords: list[str] = []
    examples: list[str] = []


DEFAULT_ACTION_LINES = [ActionLine(**line) for line in defaults.ACTION_LINES]


class ReminderSettings(Section):
    lead_times: list[str] = ["7d", "1d", "0d"]
    send_at: time = time(8, 0)
    agreement_expiry_days: list[int] = [90, 30, 7]
    digest_weekday: int = Field(default=0, ge=0, le=6)  # 0 = lunes
    digest_time: time = time(8, 0)
    digest_horizon_days: int = Field(default=14, ge=1)
    group_messages_per_minute: int = Field(default=20, ge=1)
    digest_enabled: bool = True
    # Seconds between checks of the reminder outbox (the exact due times are also
    # scheduled one by one; this catches changes made from another process).
    tick_seconds: float = Field(default=20.0, ge=0.5, le=600)
    # A reminder sent this many minutes after its time says "⚠️ con retraso".
    late_after_minutes: int = Field(default=5, ge=0)

    @field_validator("lead_times")
    @classmethod
    def _valid_lead_times(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _LEAD_TIME.match(value.strip()):
                raise ValueError(texts.BAD_LEAD_TIME.format(value=value))
        return [v.strip() for v in values]


DEFAULT_PARTNERS = list(defaults.PARTNERS)
DEFAULT_DEPARTMENTS = list(defaults.DEPARTMENTS)


# The informe's fixed texts (defaults of [activities] report_*) live with the report's other
# texts in bot/texts/report.py.
DEFAULT_INTRODUCTION = report_texts.DEFAULT_INTRODUCTION
DEFAULT_OBJECTIVE = report_texts.DEFAULT_OBJECTIVE
DEFAULT_ACTIVITIES_INTRO = report_texts.DEFAULT_ACTIVITIES_INTRO
DEFAULT_SIGNED_ON = report_texts.DEFAULT_SIGNED_ON
DEFAULT_CLOSING = report_texts.DEFAULT_CLOSING


class ActivitySettings(Section):
    """The activity log, its summaries and the informe de gestión draft."""

    partners: list[str] = Field(default_factory=lambda: list(DEFAULT_PARTNERS))
    departments: list[str] = Field(default_factory=lambda: list(DEFAULT_DEPARTMENTS))
    evidence_minutes: int = Field(default=10, ge=0, le=1440)
    draft_hours: int = Field(default=24, ge=1, le=24 * 30)
    csv_delimiter: Literal[",", ";", "\t"] = ","
    # Choose lines by meaning (multilingual-e5-small) as well as by words; false: words only.
    line_embeddings: bool = True
    report_recipient: str = "honorable Concejo Municipal"
    report_entity: str = ""
    report_signer: str = ""
    report_signer_role: str = report_texts.DEFAULT_SIGNER_ROLE
    # The informe's Word template (Jinja placeholders, docxtpl); empty: the one Enlace ships.
    report_template: Path | None = None
    # The informe's fixed texts. Placeholders: {office}, {recipient}, {entity}, {span}
    # ("entre los meses de julio y septiembre de 2026"), {website}.
    report_introduction: list[str] = Field(default_factory=lambda: list(DEFAULT_INTRODUCTION))
    report_objective: str = DEFAULT_OBJECTIVE
    report_activities_intro: str = DEFAULT_ACTIVITIES_INTRO
    report_closing: list[str] = Field(default_factory=lambda: list(DEFAULT_CLOSING))
    # Placeholders {day}, {month}, {year}: the day the draft is made.
    report_signed_on: str = DEFAULT_SIGNED_ON
    report_website: str = "www.bucaramanga.gov.co"


class Settings(BaseSettings):
    """All of Enlace's settings. Build it with :func:`load_settings`."""

    model_config = SettingsConfigDict(
        env_prefix="ENLACE_",
        env_nested_delimiter="__",
        extra="forbid",
    )

    telegram: TelegramSettings = TelegramSettings()
    office: OfficeSettings = OfficeSettings()
    access: AccessSettings = AccessSettings()
    storage: StorageSettings = StorageSettings()
    knowledge: KnowledgeSettings = KnowledgeSettings()
    action_lines: list[ActionLine] = Field(default_factory=lambda: list(DEFAULT_ACTION_LINES))
    reminders: ReminderSettings = ReminderSettings()
    activities: ActivitySettings = ActivitySettings()

    @field_validator("action_lines")
    @classmethod
    def _unique_line_numbers(cls, lines: list[ActionLine]) -> list[ActionLine]:
        numbers = [line.number for line in lines]
        if len(set(numbers)) != len(numbers):
            raise ValueError(texts.DUPLICATE_LINE_NUMBERS)
        if not lines:
            raise ValueError(texts.NO_ACTION_LINES)
        return sorted(lines, key=lambda line: line.number)


class ConfigError(Exception):
    """A configuration problem, already worded for the person running Enlace."""


def find_config_file(explicit: Path | None) -> Path | None:
    """The TOML file to read: the one given, else the first default that exists."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(texts.NO_CONFIG_FILE.format(path=explicit))
        return explicit
    return next((p for p in DEFAULT_CONFIG_FILES if p.is_file()), None)


def load_settings(path: Path | None = None) -> Settings:
    """Read and validate the settings, or raise :class:`ConfigError` in Spanish."""
    toml_file = find_config_file(path)

    class _Settings(Settings):
        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
            if toml_file is not None:
                sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
            return tuple(sources)

    try:
        settings = _Settings()
    except ValidationError as exc:
        raise ConfigError(describe_errors(exc, toml_file)) from None
    except SettingsError:  # an ENLACE_ variable that is not valid JSON
        raise ConfigError(describe_bad_environment()) from None
    except ValueError as exc:  # malformed TOML
        raise ConfigError(texts.UNREADABLE.format(where=toml_file or texts.THE_CONFIGURATION,
                                               error=exc)) from None
    return resolve_paths(settings, toml_file.parent if toml_file else Path.cwd())


def resolve_paths(settings: Settings, base: Path) -> Settings:
    """Relative paths count from the config file's folder, not from wherever Enlace was
    started: starting it elsewhere must not silently create an empty database."""
    base = base.resolve()
    if not settings.storage.database.is_absolute() and str(settings.storage.database) != ":memory:":
        settings.storage.database = base / settings.storage.database
    if not settings.knowledge.path.is_absolute():
        settings.knowledge.path = base / settings.knowledge.path
    return settings


def describe_bad_environment() -> str:
    """Which ``ENLACE_`` variable holds malformed JSON, and how to write it (value not shown)."""
    bad = []
    for name, value in sorted(os.environ.items()):
        if name.startswith("ENLACE_") and value.strip()[:1] in "[{":
            try:
                json.loads(value)
            except ValueError:
                bad.append(name)
    names = ", ".join(bad) or texts.SOME_VARIABLE
    return texts.BAD_ENVIRONMENT.format(names=names)


def describe_errors(exc: ValidationError, toml_file: Path | None) -> str:
    """One Spanish line per problem: key, where it comes from, what is expected.

    Values are never echoed, so a token can not leak into a log.
    """
    where = str(toml_file) if toml_file else texts.THE_CONFIGURATION
    lines = [texts.INVALID.format(where=where)]
    for error in exc.errors():
        key = ".".join(str(part) for part in error["loc"])
        env = "ENLACE_" + "__".join(str(p).upper() for p in error["loc"] if not isinstance(p, int))
        if error["type"] == "extra_forbidden":
            lines.append(texts.UNKNOWN_KEY.format(key=key))
        else:
            lines.append(texts.BAD_KEY.format(key=key, env=env, problem=_spanish(error)))
    lines.append(texts.SEE_EXAMPLE)
    return "\n".join(lines)


def _spanish(error: dict) -> str:
    """A short Spanish reading of a pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "literal_error":
        return texts.EXPECTED_ONE_OF.format(expected=ctx.get('expected', ''))
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return texts.EXPECTED_INTEGER
    if kind in {"float_parsing", "float_type"}:
        return texts.EXPECTED_NUMBER
    if kind in {"string_type"}:
        return texts.EXPECTED_TEXT
    if kind in {"list_type"}:
        return texts.EXPECTED_LIST
    if kind in {"time_parsing", "time_type"}:
        return texts.EXPECTED_TIME
    if kind in {"greater_than_equal", "less_than_equal"}:
        limits = ", ".join(f"{k} {v}" for k, v in ctx.items())
        return texts.OUT_OF_RANGE.format(limits=limits)
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])) + "."
    if kind == "missing":
        return texts.MISSING
    return error["msg"] + "."
