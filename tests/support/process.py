"""Run `enlace run` as a real process against the stand-in Bot API server, for end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.fake_telegram import FakeBotApiServer, FakeTelegram

ROOT = Path(__file__).resolve().parent.parent.parent


def start_enlace(server: FakeBotApiServer, tmp_path: Path, token: str,
                 env: dict[str, str] | None = None, log_name: str = "bot.log") -> subprocess.Popen:
    """Start the bot with a database under ``tmp_path``; its output goes to ``log_name``.

    The variables in ``env`` (``ENLACE_...``) come on top of ``config.example.toml``;
    any ``ENLACE_`` variable of the calling environment is left out.
    """
    variables = {k: v for k, v in os.environ.items() if not k.startswith("ENLACE_")}
    variables.update({
        "ENLACE_TELEGRAM__TOKEN": token,
        "ENLACE_TELEGRAM__BASE_URL": server.base_url,
        "ENLACE_STORAGE__DATABASE": str(tmp_path / "enlace.db"),
        "PYTHONPATH": str(ROOT),
        # A fresh database would embed the whole knowledge base first (a minute): the
        # model is exercised in tests/test_hybrid.py, with a warm cache.
        "ENLACE_KNOWLEDGE__SEMANTIC": "false",
        **(env or {}),
    })
    log = open(tmp_path / log_name, "a")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "--config", str(ROOT / "config.example.toml"), "run"],
        cwd=ROOT, env=variables, stdout=log, stderr=subprocess.STDOUT)


def times_ready(fake: FakeTelegram) -> int:
    """How many times a bot has finished starting (it registers its commands last)."""
    return sum(1 for c in fake.calls if c.method == "setMyCommands")


def wait_ready(fake: FakeTelegram, count: int, timeout: float = 60) -> None:
    """Wait until the bot has started ``count`` times in all."""
    fake.wait_for(lambda calls: sum(1 for c in calls if c.method == "setMyCommands") >= count,
                  timeout=timeout)


def stop(process: subprocess.Popen, sig: int = signal.SIGINT) -> None:
    """Stop the bot (gracefully by default; ``signal.SIGKILL`` to simulate a crash)."""
    if process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)
