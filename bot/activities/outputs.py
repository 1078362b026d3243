"""What the activity log gives back: periods, summaries, the CSV export, the informe's
data and the evidence photos kept for it. A part of :class:`ActivityService`, kept in a
module of its own; it reads the service's ``settings``, ``store``, ``lines``, ``now``
and ``partner_names``."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bot.activities.export import activities_csv
from bot.activities.models import Activity, EntryError
from bot.activities.periods import (
    Period,
    PeriodError,
    last_complete_quarter,
    parse_period,
    quarter_of,
)
from bot.activities.store import ActivityStore, Query
from bot.activities.summary import Summary, summarize
from bot.config import Settings
from bot.texts import activities as texts

if TYPE_CHECKING:
    from bot.activities.report import ReportJob


class ActivityOutputs:
    """Summaries, export, the informe's job and evidence files (mixed into the service)."""

    # Provided by ActivityService, with ``lines`` and ``partner_names()``.
    settings: Settings
    store: ActivityStore
    now: Callable[[], datetime]

    # -- summaries, export, report ----------------------------------------------------------
    def period(self, text: str, default: Callable[[date], Period] | None = None) -> Period:
        """``text`` as a period; empty text gives ``default`` (this quarter if none)."""
        today = self.now().date()
        try:
            period = parse_period(text or "", today=today)
        except PeriodError as exc:
            raise EntryError(texts.BAD_PERIOD.format(problem=html.escape(exc.problem))) from None
        if period is None:
            period = (default or quarter_of)(today)
        return period

    def in_period(self, period: Period, *, deleted: bool = False) -> list[Activity]:
        return self.store.find(Query(start=period.start, end=period.end,
                                     deleted=None if deleted else False))

    def summary(self, period: Period) -> Summary:
        return summarize(self.in_period(period), self.lines, period)

    def export(self, period: Period, *, include_deleted: bool = False) -> tuple[str, bytes, int]:
        """(file name, CSV bytes, number of rows)."""
        rows = self.in_period(period, deleted=include_deleted)
        data = activities_csv(rows, self.lines, delimiter=self.settings.activities.csv_delimiter)
        return f"actividades-{period.slug}.csv", data, len(rows)

    def report_job(self, text: str = "") -> ReportJob:
        """Gather a report's data. With no period: the last complete quarter if it has
        activities, else the current quarter (the job says which it skipped)."""
        # docxtpl, python-docx and matplotlib load here, on the first report, not at start-up.
        from bot.activities.report import ReportInfo, ReportJob

        period = self.period(text, default=last_complete_quarter)
        skipped = None
        if not (text or "").strip() and not self.in_period(period):
            current = quarter_of(self.now().date())
            if self.in_period(current):
                skipped, period = period.label, current
        config = self.settings.activities
        info = ReportInfo(
            office=self.settings.office.name, entity=config.report_entity,
            recipient=config.report_recipient, signer=config.report_signer,
            signer_role=config.report_signer_role,
            introduction=tuple(config.report_introduction), objective=config.report_objective,
            activities_intro=config.report_activities_intro,
            closing=tuple(config.report_closing), signed_on=config.report_signed_on,
            website=config.report_website,
            template=config.report_template, partner_names=tuple(self.partner_names()),
            knowledge_path=self.settings.knowledge.path, evidence_dir=self.evidence_dir,
        )
        return ReportJob(self.summary(period), info, self.now(), fallback_from=skipped)

    # -- evidence files -------------------------------------------------------------------
    @property
    def evidence_dir(self) -> Path:
        """Where evidence photos are kept: ``evidence/`` beside the database."""
        return Path(self.settings.storage.database).parent / "evidence"

    def keep_photo(self, activity_id: int, file_id: str, content: bytes) -> Activity | None:
        """Keep a local copy of an evidence photo (downloaded once by the handler) and note
        its file name on the activity; None if that evidence is no longer there."""
        activity = self.store.get(activity_id)
        if activity is None:
            return None
        name = f"{activity_id}-{hashlib.sha1(file_id.encode()).hexdigest()[:12]}.jpg"
        evidence = [replace(e, path=name) if e.file_id == file_id and e.kind == "photo" else e
                    for e in activity.evidence]
        if evidence == list(activity.evidence):
            return None
        folder = self.evidence_dir
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        if not target.exists():
            partial = target.with_suffix(".part")
            partial.write_bytes(content)
            partial.replace(target)
        return self.store.update(activity.id, {"evidence": evidence}, by=activity.user_id,
                                 at=self.now(), action="evidence")

    def photos_to_keep(self, activity: Activity) -> list[str]:
        """File ids of the activity's photos that have no local copy yet."""
        return [e.file_id for e in activity.evidence
                if e.kind == "photo" and e.file_id and not e.path]
