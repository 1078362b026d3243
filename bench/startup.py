"""How long Enlace takes to be ready to serve, measured as a person would notice it.

- ``enlace run``: from process start until the bot has registered its commands
  with the (stand-in, 127.0.0.1) Bot API, i.e. it is polling for messages;
- ``enlace ask``: a whole one-question process, start to answer;
- baseline, in the same run: a bare ``python -c "import telegram"`` process,
  the floor any python-telegram-bot program pays.

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.fake_telegram import FakeBotApiServer  # noqa: E402


def time_run(database: Path) -> float:
    with FakeBotApiServer() as server:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ENLACE_")}
        env.update(ENLACE_TELEGRAM__TOKEN="1:BENCH", ENLACE_TELEGRAM__BASE_URL=server.base_url,
                   ENLACE_STORAGE__DATABASE=str(database))
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            server.fake.wait_for(lambda calls: any(c.method == "setMyCommands" for c in calls),
                                 timeout=60)
            return time.perf_counter() - start
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)


def time_command(*args: str, database: Path | None = None) -> float:
    env = dict(os.environ)
    if database is not None:
        env["ENLACE_STORAGE__DATABASE"] = str(database)
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def warm_database(path: Path) -> Path:
    """A database whose embedding cache already holds the knowledge base (as after a first
    start): copied from ``.work/embeddings.db`` when there, the rest embedded now, untimed;
    the word index is built and saved beside it, as the first start does."""
    from bot.config import Settings
    from bot.db import open_database
    from bot.services import build_services

    db = open_database(path)
    shared = ROOT / ".work" / "embeddings.db"
    if shared.exists():
        db.execute("ATTACH DATABASE ? AS shared", [str(shared)])
        db.execute("INSERT OR IGNORE INTO embeddings SELECT * FROM shared.embeddings")
        db.conn.commit()
        db.execute("DETACH DATABASE shared")
    build_services(Settings(storage={"database": path}, knowledge={"path": ROOT / "knowledge"}),
                   db=db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


def copy_of(template: Path, target: Path) -> Path:
    """The database and what the first start saved beside it (the word index)."""
    from bot.knowledge.prepared import SUFFIX

    shutil.copyfile(template, target)
    beside = template.with_name(template.name + SUFFIX)
    if beside.exists():
        shutil.copyfile(beside, target.with_name(target.name + SUFFIX))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warm = warm_database(Path(tmp) / "warm.db")
        rows = {
            "import telegram (baseline)": [time_command("-c", "import telegram.ext")
                                           for _ in range(args.runs)],
            "enlace run -> ready (warm cache)": [
                time_run(copy_of(warm, Path(tmp) / f"{i}.db")) for i in range(args.runs)],
            "enlace ask (1 question)": [time_command("-m", "bot.cli", "ask", "que es aod",
                                                     database=warm)
                                        for _ in range(args.runs)],
        }
    base = statistics.median(rows["import telegram (baseline)"])
    print(f"{'':<34}{'median s':>10}{'max s':>8}{'x baseline':>12}")
    for name, values in rows.items():
        median = statistics.median(values)
        print(f"{name:<34}{median:>10.3f}{max(values):>8.3f}{median / base:>12.2f}")


if __name__ == "__main__":
    main()
