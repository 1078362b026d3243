"""How long the activity log's heavy answers take, as staff would notice them.

For N activities in one quarter (stored in a real SQLite file through the
service, as /registrar does): one quick log with its line typed (parse +
commit), one without (the line chooser: nearest examples among the N), /resumen
(the counts and the PNG chart), /exportar (CSV) and /informe (DOCX from the
template, with the chart). "words" is the chooser's word view alone (naive Bayes over
every saved note), asked after one more activity is saved and another's line changed, as
between two choices in the office. "loop lag" is the longest an asyncio event loop
(other people's messages) waited while /informe was built the way the handler
does it (``asyncio.to_thread``).

    python bench/activities.py [--sizes 100 1000 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.access import Person  # noqa: E402
from bot.activities.chart import activity_chart  # noqa: E402
from bot.activities.lines import Example  # noqa: E402
from bot.activities.service import ActivityService  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import open_database  # noqa: E402

PARTNERS = ["APC", "ProColombia", "ONU-Hábitat", "GOAL", "ACNUR", "OIM", "GIZ", "UPB"]
TEXTS = ["Reunión de seguimiento al plan de trabajo", "Taller con funcionarios sobre la agenda "
         "urbana", "Visita a los barrios de la unidad de intervención", "Postulación a la "
         "convocatoria de cooperación técnica", "Publicación en redes de la marca ciudad"]


def seeded(n: int, folder: Path) -> ActivityService:
    settings = Settings(storage={"database": folder / f"bench-{n}.db"})
    now = datetime(2026, 11, 18, 10, tzinfo=settings.office.tz)
    service = ActivityService(settings, open_database(settings.storage.database), lambda: now)
    rnd = random.Random(n)
    for i in range(n):
        service.record(line=rnd.randint(1, 5), text=f"{rnd.choice(TEXTS)} ({i})",
                       user_id=rnd.choice([1, 2, 3]), user_name=rnd.choice(["Ana", "Luis", "Eva"]),
                       day=date(2026, 7, 1) + timedelta(days=rnd.randint(0, 91)),
                       partners=rnd.sample(PARTNERS, 2), chat_id=1, message_id=i + 1)
    return service


def timed(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'N':>6} {'quick log':>10} {'chooser':>9} {'words':>8} {'resumen':>9} {'chart':>7}"
          f" {'CSV':>7} {'informe':>8} {'loop lag':>9} {'DOCX KB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            print(measure(seeded(n, Path(tmp)), n, args.runs))


def measure(service: ActivityService, n: int, runs: int) -> str:
    period = service.period("2026-T3")
    ids = iter(range(10**6, 10**7))
    log = timed(lambda: service.log(
        "2 ayer Reunión con #ProColombia sobre el Investment Summit",
        person=Person(1, "Ana"), chat_id=1, message_id=next(ids)), runs)
    service.log("reunion con la apc sobre el plan de trabajo", person=Person(1, "Ana"),
                chat_id=1, message_id=next(ids))  # the first choice also embeds the seeds
    for _ in range(n // 8 + 1):  # the N examples get embedded a few per choice: fill them
        service.choose_line("warm up")
    chooser = timed(lambda: service.log(
        "taller de formulacion de proyectos para la convocatoria de la union europea",
        person=Person(1, "Ana"), chat_id=1, message_id=next(ids)), runs)
    words = word_view(service, runs)
    summary = timed(lambda: service.summary(period), runs)
    counted = service.summary(period)
    chart = timed(lambda: activity_chart(counted), runs)
    export = timed(lambda: service.export(period), runs)
    report = timed(lambda: service.report_job("2026-T3").build(), runs)
    size = len(service.report_job("2026-T3").build()) / 1024
    lag = asyncio.run(loop_lag(service.report_job("2026-T3")))
    return (f"{n:>6} {log * 1000:>8.1f}ms {chooser * 1000:>7.1f}ms {words * 1000:>6.1f}ms "
            f"{summary * 1000:>7.1f}ms "
            f"{chart:>6.2f}s {export * 1000:>5.0f}ms {report:>7.2f}s {lag * 1000:>7.0f}ms "
            f"{size:>8.0f}")


def word_view(service: ActivityService, runs: int) -> float:
    """The word view's time for one choice, each after a new activity and a changed line."""
    ids = iter(range(2 * 10**7, 3 * 10**7))
    chooser = service.chooser
    samples = []
    for i in range(max(runs, 3)):
        service.record(line=1 + i % 5, text=f"Visita de seguimiento número {i} al proyecto",
                       user_id=1, chat_id=1, message_id=next(ids))
        service.change_line(_earlier_id(service), 1 + (i + 2) % 5, Person(1, "Ana"))
        pool = [*chooser.seeds(), *(Example(t, n, ok)
                                    for t, n, ok in service.store.line_examples())]
        start = time.perf_counter()
        chooser.word_evidence("taller de formulacion de proyectos de cooperacion", pool)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _earlier_id(service: ActivityService) -> int:
    """An earlier activity of the same person, among the chooser's examples."""
    (row,) = service.store.db.execute(
        "SELECT id FROM activities WHERE deleted_at IS NULL AND user_id = 1 "
        "ORDER BY id DESC LIMIT 1 OFFSET 7").fetchall()
    return int(row[0])


async def loop_lag(job) -> float:
    """The longest a 10 ms tick of the event loop was late while the report was built."""
    worst = 0.0
    done = asyncio.Event()

    async def tick() -> None:
        nonlocal worst
        while not done.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.01)
            worst = max(worst, time.perf_counter() - started - 0.01)

    ticker = asyncio.create_task(tick())
    await asyncio.to_thread(job.build)
    done.set()
    await ticker
    return worst

if __name__ == "__main__":
    main()
