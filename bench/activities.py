"""How long the activity log's heavy answers take, as staff would notice them.

For N activities in one quarter (stored in a real SQLite file through the
service, as /registrar does): one quick log (parse + commit), /resumen (the
counts and the PNG chart), /exportar (CSV) and /informe (DOCX with the chart).

    python bench/activities.py [--sizes 100 1000 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
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
    print(f"{'N':>6} {'quick log':>10} {'resumen':>9} {'chart':>7} {'CSV':>7} {'informe':>8}"
          f" {'DOCX KB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            print(measure(seeded(n, Path(tmp)), n, args.runs))


def measure(service: ActivityService, n: int, runs: int) -> str:
    period = service.period("2026-T3")
    ids = iter(range(10**6, 10**7))
    log = timed(lambda: service.log(
        "2 ayer Reunión con #ProColombia sobre el Investment Summit",
        person=Person(1, "Ana"), chat_id=1, message_id=next(ids)), runs)
    summary = timed(lambda: service.summary(period), runs)
    counted = service.summary(period)
    chart = timed(lambda: activity_chart(counted), runs)
    export = timed(lambda: service.export(period), runs)
    report = timed(lambda: service.report_job("2026-T3").build(), runs)
    size = len(service.report_job("2026-T3").build()) / 1024
    return (f"{n:>6} {log * 1000:>8.1f}ms {summary * 1000:>7.1f}ms {chart:>6.2f}s "
            f"{export * 1000:>5.0f}ms {report:>7.2f}s {size:>8.0f}")

if __name__ == "__main__":
    main()
