"""Which reminders should exist, and when: leads, the expiry cascade, cadences across month ends."""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.config import ReminderSettings
from bot.dates import Duration
from bot.delivery.plan import Lead, agreement_dues, deadline_dues, digest_dues, followup_status
from bot.reminders.models import Agreement, Deadline

TZ = ZoneInfo("America/Bogota")
EIGHT = time(8, 0)


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


def deadline(due: date, clock: time | None = None, *, armed: datetime | None = None,
             status: str = "open", id_: int = 1) -> Deadline:
    armed = armed or at(2026, 11, 1, 9)
    return Deadline(id=id_, title="Convocatoria KUSANONE", due_date=due, due_time=clock, line=4,
                    owner_id=200, owner_name="Ana", notes="", status=status, created_by=200,
                    created_at=armed, armed_at=armed)


def agreement(*, signed: date | None, ends: date | None = None, cadence: str = "trimestral",
              status: str = "vigente", armed: datetime | None = None) -> Agreement:
    armed = armed or at(2020, 1, 1, 9)
    return Agreement(id=3, partner="GOAL", kind="mou", object="", signed_on=signed, ends_on=ends,
                     duration=None, cadence=cadence, owner_id=200, owner_name="Ana",
                     status=status, notes="", created_at=armed, armed_at=armed)


def leads(*texts: str) -> list[Lead]:
    return [Lead.parse(t) for t in texts]


def test_day_leads_fire_at_send_at_that_many_days_before() -> None:
    dues = deadline_dues(deadline(date(2026, 12, 15), time(10, 0)), leads("7d", "1d", "0d"),
                         EIGHT, TZ)
    assert [(d.lead, d.fire_at) for d in dues] == [
        ("7d", at(2026, 12, 8, 8)), ("1d", at(2026, 12, 14, 8)), ("0d", at(2026, 12, 15, 8))]
    assert [d.key for d in dues] == [
        "deadline:1:2026-12-15T10:00:lead:7d", "deadline:1:2026-12-15T10:00:lead:1d",
        "deadline:1:2026-12-15T10:00:lead:0d"]
    assert {d.group for d in dues} == {"deadline:1:2026-12-15T10:00"}


def test_hour_and_minute_leads_count_back_from_the_due_time() -> None:
    dues = deadline_dues(deadline(date(2026, 12, 15), time(10, 0)), leads("2h", "30m", "0m"),
                         EIGHT, TZ)
    assert [d.fire_at for d in dues] == [at(2026, 12, 15, 8), at(2026, 12, 15, 9, 30),
                                         at(2026, 12, 15, 10)]


def test_same_day_reminder_never_comes_after_an_early_due_hour() -> None:
    dues = deadline_dues(deadline(date(2026, 12, 15), time(7, 0)), leads("0d"), EIGHT, TZ)
    assert dues[0].fire_at == at(2026, 12, 15, 7)


def test_a_deadline_without_hour_gets_hour_leads_at_send_at_once() -> None:
    dues = deadline_dues(deadline(date(2026, 12, 15)), leads("0d", "2h", "0m"), EIGHT, TZ)
    assert [d.fire_at for d in dues] == [at(2026, 12, 15, 8)]


def test_reminders_before_the_deadline_was_created_are_not_owed() -> None:
    late_creation = deadline(date(2026, 12, 15), armed=at(2026, 12, 12, 9))
    dues = deadline_dues(late_creation, leads("7d", "1d", "0d"), EIGHT, TZ)
    assert [d.lead for d in dues] == ["1d", "0d"]


def test_a_new_due_date_gives_new_keys_and_closed_deadlines_none() -> None:
    first = deadline_dues(deadline(date(2026, 12, 15)), leads("1d"), EIGHT, TZ)
    moved = deadline_dues(deadline(date(2026, 12, 16)), leads("1d"), EIGHT, TZ)
    assert first[0].key != moved[0].key
    assert deadline_dues(deadline(date(2026, 12, 15), status="done"), leads("1d"), EIGHT, TZ) == []


def test_expiry_cascade_90_30_7_days_before_at_send_at() -> None:
    dues = agreement_dues(agreement(signed=date(2025, 1, 10), ends=date(2027, 1, 10),
                                    cadence="none"), set(), expiry_days=[90, 30, 7],
                          send_at=EIGHT, tz=TZ, until=date(2028, 1, 1))
    assert [(d.kind, d.lead, d.fire_at) for d in dues] == [
        ("expiry", "90", at(2026, 10, 12, 8)), ("expiry", "30", at(2026, 12, 11, 8)),
        ("expiry", "7", at(2027, 1, 3, 8))]
    assert dues[0].key == "agreement:3:expiry:2027-01-10:90"


def test_expiry_days_are_configurable() -> None:
    dues = agreement_dues(agreement(signed=date(2025, 1, 10), ends=date(2027, 1, 10),
                                    cadence="none"), set(), expiry_days=[60, 1],
                          send_at=time(9, 30), tz=TZ, until=date(2028, 1, 1))
    assert [d.fire_at for d in dues] == [at(2026, 11, 11, 9, 30), at(2027, 1, 9, 9, 30)]


def test_monthly_follow_ups_across_month_ends_do_not_drift() -> None:
    monthly = agreement(signed=date(2027, 1, 31), ends=date(2027, 7, 31), cadence="mensual")
    dues = agreement_dues(monthly, set(), expiry_days=[], send_at=EIGHT, tz=TZ,
                          until=date(2028, 1, 1))
    assert [d.on for d in dues] == [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30),
                                    date(2027, 5, 31), date(2027, 6, 30), date(2027, 7, 31)]
    assert dues[0].key == "agreement:3:followup:2027-02-28"


def test_quarterly_semiannual_and_annual_cadences_from_month_ends() -> None:
    def dates(cadence: str, signed: date, until: date) -> list[date]:
        dues = agreement_dues(agreement(signed=signed, cadence=cadence), set(), expiry_days=[],
                              send_at=EIGHT, tz=TZ, until=until)
        return [d.on for d in dues]

    assert dates("trimestral", date(2027, 11, 30), date(2028, 12, 1)) == [
        date(2028, 2, 29), date(2028, 5, 30), date(2028, 8, 30), date(2028, 11, 30)]
    assert dates("semestral", date(2026, 8, 31), date(2027, 12, 1)) == [
        date(2027, 2, 28), date(2027, 8, 31)]
    assert dates("anual", date(2028, 2, 29), date(2032, 3, 1)) == [
        date(2029, 2, 28), date(2030, 2, 28), date(2031, 2, 28), date(2032, 2, 29)]


def test_follow_ups_skip_done_periods_and_stop_outside_force() -> None:
    quarterly = agreement(signed=date(2026, 1, 15), ends=date(2026, 12, 31))
    dues = agreement_dues(quarterly, {date(2026, 4, 15)}, expiry_days=[], send_at=EIGHT, tz=TZ,
                          until=date(2030, 1, 1))
    assert [d.on for d in dues] == [date(2026, 7, 15), date(2026, 10, 15)]
    for status in ("negociacion", "terminado", "vencido"):
        stopped = agreement(signed=date(2026, 1, 15), status=status)
        assert agreement_dues(stopped, set(), expiry_days=[90], send_at=EIGHT, tz=TZ,
                              until=date(2030, 1, 1)) == []


def test_follow_up_status_says_what_is_pending_and_what_comes_next() -> None:
    quarterly = agreement(signed=date(2026, 1, 15))
    assert followup_status(quarterly, set(), date(2026, 5, 1)) == (date(2026, 4, 15),
                                                                  date(2026, 7, 15))
    assert followup_status(quarterly, {date(2026, 4, 15)}, date(2026, 5, 1)) == (
        None, date(2026, 7, 15))


def test_weekly_digest_times() -> None:
    settings = ReminderSettings(digest_weekday=0, digest_time=time(8, 0))
    dues = digest_dues(settings, since=at(2026, 11, 1), now=at(2026, 11, 18, 10), tz=TZ)
    assert [(d.key, d.fire_at) for d in dues] == [("digest:2026-11-16", at(2026, 11, 16, 8)),
                                                  ("digest:2026-11-23", at(2026, 11, 23, 8))]
    assert [d.key for d in digest_dues(settings, since=at(2026, 11, 17), now=at(2026, 11, 18),
                                       tz=TZ)] == ["digest:2026-11-23"]
    assert digest_dues(ReminderSettings(digest_enabled=False), since=at(2026, 11, 1),
                       now=at(2026, 11, 18), tz=TZ) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
       st.sampled_from(["mensual", "trimestral", "semestral", "anual"]))
def test_follow_up_dates_are_anchor_plus_whole_periods(signed: date, cadence: str) -> None:
    months = {"mensual": 1, "trimestral": 3, "semestral": 6, "anual": 12}[cadence]
    dates = agreement(signed=signed, cadence=cadence).followup_dates(signed + timedelta(days=800))
    assert dates == sorted(set(dates)) and dates
    for k, day in enumerate(dates, start=1):
        index = signed.year * 12 + signed.month - 1 + k * months
        year, month = divmod(index, 12)
        assert (day.year, day.month) == (year, month + 1)
        assert day.day == min(signed.day, calendar.monthrange(year, month + 1)[1])


@pytest.mark.parametrize(("text", "amount", "unit"), [("7d", 7, "d"), ("2h", 2, "h"),
                                                       ("0m", 0, "m")])
def test_lead_parsing(text: str, amount: int, unit: str) -> None:
    assert Lead.parse(text) == Lead(text, amount, unit)


def test_duration_after_signing() -> None:
    assert Duration(months=24).after(date(2026, 2, 28)) == date(2028, 2, 28)
