"""What people read: reminder messages, lists, draft cards and their buttons.

Texts come from :mod:`bot.texts.reminders`; every value a person typed is
HTML-escaped here. Buttons are rows of (label, callback_data) for
:class:`bot.replies.Reply`; callback data is "rem:<action>:<args>".
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from bot.config import ActionLine
from bot.dates import format_day, format_short, format_when
from bot.reminders.models import Agreement, AgreementDraft, Deadline, DeadlineDraft
from bot.replies import Reply, Rows
from bot.texts import reminders as texts

CADENCE_NAMES = texts.CADENCE_NAMES
STATUSES = texts.STATUS_NAMES


def esc(value: object) -> str:
    return html.escape(str(value), quote=False)


def days_left(target: date, today: date) -> str:
    """ "hoy", "mañana", "en 5 días", "venció ayer", "venció hace 3 días"."""
    days = (target - today).days
    if days == 0:
        return texts.TODAY
    if days == 1:
        return texts.TOMORROW
    if days > 1:
        return texts.IN_DAYS.format(days=days)
    if days == -1:
        return texts.OVERDUE_YESTERDAY
    return texts.OVERDUE_DAYS.format(days=-days)


def time_left(due_at: datetime, now: datetime, has_time: bool) -> str:
    """Like :func:`days_left`, in hours and minutes on the day itself."""
    if has_time and due_at.date() == now.date():
        minutes = int((due_at - now).total_seconds() // 60)
        if minutes <= 0:
            return texts.OVERDUE if minutes < -1 else texts.DUE_NOW
        hours, mins = divmod(minutes, 60)
        if not hours:
            return texts.IN_MINUTES.format(minutes=mins)
        if mins:
            return texts.IN_HOURS_MINUTES.format(hours=hours, minutes=mins)
        return texts.IN_HOURS.format(hours=hours)
    return days_left(due_at.date(), now.date())


def line_label(number: int | None, lines: Sequence[ActionLine]) -> str:
    if number is None:
        return texts.NO_LINE
    for line in lines:
        if line.number == number:
            return texts.LINE_NAMED.format(number=number, name=esc(line.name))
    return texts.LINE_NUMBER.format(number=number)


def owner_label(owner_name: str, owner_id: int | None) -> str:
    if owner_name:
        return esc(owner_name)
    return texts.OWNER_ID.format(owner_id=owner_id) if owner_id else texts.NO_OWNER


# ----------------------------------------------------------------------------- deadlines


def deadline_draft_card(draft_id: int, draft: DeadlineDraft, now: datetime,
                        lines: Sequence[ActionLine], heading: str = texts.DRAFT_HEADING) -> Reply:
    assert draft.due_date is not None
    when = format_when(draft.due_date, draft.due_time)
    left = f" ({days_left(draft.due_date, now.date())})"
    notes = f"\n📝 {esc(draft.notes)}" if draft.notes else ""
    text = texts.DRAFT_CARD.format(
        heading=heading, title=esc(draft.title), when=when, left=left,
        line=line_label(draft.line, lines), owner=owner_label(draft.owner_name, draft.owner_id),
        notes=notes)
    d = f"rem:d:{draft_id}"
    return Reply(text, [
        [(texts.BUTTON_SAVE, f"{d}:save"), (texts.BUTTON_CHANGE_DATE, f"{d}:date")],
        [(texts.BUTTON_TITLE, f"{d}:title"), (texts.BUTTON_LINE, f"{d}:line"),
         (texts.BUTTON_OWNER, f"{d}:owner")],
        [(texts.BUTTON_NOTES, f"{d}:notes"), (texts.BUTTON_CANCEL, f"{d}:cancel")],
    ])


def line_buttons(draft_id: int, lines: Sequence[ActionLine]) -> Rows:
    rows = [[(f"{line.number}. {line.name}"[:60], f"rem:d:{draft_id}:setline:{line.number}")]
            for line in lines]
    rows.append([(texts.NO_LINE, f"rem:d:{draft_id}:setline:0")])
    return rows


def owner_buttons(draft_id: int, people: Sequence[tuple[int, str]], me: int) -> Rows:
    rows = [[(texts.BUTTON_ME, f"rem:d:{draft_id}:setowner:{me}")]]
    others = [(pid, name) for pid, name in people if pid != me][:8]
    for i in range(0, len(others), 2):
        rows.append([(name[:30], f"rem:d:{draft_id}:setowner:{pid}")
                     for pid, name in others[i:i + 2]])
    return rows


def short(text: str, limit: int = 80) -> str:
    """``text`` cut at a word to fit a list line (lists must stay within one message)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"


def deadline_list(deadlines: Sequence[Deadline], now: datetime, lines: Sequence[ActionLine],
                  *, buttons: bool, tz: tzinfo, limit: int = 20) -> Reply:
    if not deadlines:
        return Reply(texts.LIST_EMPTY)
    parts = [texts.LIST_HEADING.format(count=len(deadlines))]
    rows: Rows = []
    for n, deadline in enumerate(deadlines[:limit], start=1):
        extra = ""
        if deadline.line is not None:
            extra += f" · L{deadline.line}"
        extra += f" · {owner_label(deadline.owner_name, deadline.owner_id)}"
        left = time_left(deadline.due_at(tz), now, deadline.due_time is not None)
        if deadline.due_at(tz) < now:
            left = f"⚠️ {left}"
        parts.append(texts.LIST_ITEM.format(
            n=n, title=esc(short(deadline.title)),
            when=format_when(deadline.due_date, deadline.due_time), left=left, extra=extra))
        if buttons:
            rows.append([(f"✅ {n}", f"rem:done:{deadline.id}:l"),
                         (f"⏰ {n}", f"rem:pp:{deadline.id}"),
                         (f"🗑 {n}", f"rem:del:{deadline.id}")])
    text = "\n".join(parts)
    if len(deadlines) > limit:
        text += texts.LIST_MORE.format(count=len(deadlines) - limit)
    if buttons:
        text += texts.LIST_BUTTONS_HELP
    return Reply(text, rows)


def confirm_buttons(draft_id: int) -> Rows:
    """Yes / no to a deletion asked in confirmation ``draft_id``."""
    return [[(texts.BUTTON_YES_DELETE, f"rem:d:{draft_id}:yes"),
             (texts.BUTTON_NO, f"rem:d:{draft_id}:no")]]


def restore_buttons(data: str) -> Rows:
    return [[(texts.BUTTON_RESTORE, data)]]


def postpone_buttons(deadline: Deadline) -> Rows:
    """⏰ 1 day, 1 week (from the date shown: a second tap, or the same tap handled
    again, does not move it again), or another date."""
    return [*_postpone_by(deadline),
            [(texts.BUTTON_POSTPONE_DATE, f"rem:pp:{deadline.id}:date")]]


def _postpone_by(deadline: Deadline) -> Rows:
    shown = f"{deadline.due_date:%Y%m%d}"
    return [[(texts.BUTTON_POSTPONE_DAY, f"rem:pp:{deadline.id}:1:{shown}"),
             (texts.BUTTON_POSTPONE_WEEK, f"rem:pp:{deadline.id}:7:{shown}")]]


def deadline_reminder(deadline: Deadline, now: datetime, lines: Sequence[ActionLine], tz: tzinfo,
                      *, late_since: datetime | None) -> Reply:
    extra = ""
    if deadline.line is not None:
        extra += texts.LINE_LINE.format(number=deadline.line, name=esc(_line_name(
            deadline.line, lines)))
    extra += texts.OWNER_LINE.format(owner=owner_label(deadline.owner_name, deadline.owner_id))
    if deadline.notes:
        extra += texts.NOTES_LINE.format(notes=esc(deadline.notes))
    text = texts.REMINDER_DEADLINE.format(
        title=esc(deadline.title), when=format_when(deadline.due_date, deadline.due_time),
        left=time_left(deadline.due_at(tz), now, deadline.due_time is not None), extra=extra)
    buttons = [[(texts.BUTTON_DONE, f"rem:done:{deadline.id}")], *_postpone_by(deadline)]
    return Reply(_late(late_since) + text, buttons)


def _line_name(number: int, lines: Sequence[ActionLine]) -> str:
    return next((line.name for line in lines if line.number == number), "")


def _late(since: datetime | None) -> str:
    if since is None:
        return ""
    return texts.LATE.format(when=format_when(since.date(), since.time().replace(tzinfo=None)))


# ----------------------------------------------------------------------------- agreements


def _object(agreement: Agreement | AgreementDraft) -> str:
    return f": {esc(agreement.object)}" if agreement.object else ""


def expiry_reminder(agreement: Agreement, now: datetime, *, late_since: datetime | None) -> Reply:
    assert agreement.ends_on is not None
    text = texts.REMINDER_EXPIRY.format(
        partner=esc(agreement.partner), kind=esc(agreement.kind_name), object=_object(agreement),
        when=format_day(agreement.ends_on), left=days_left(agreement.ends_on, now.date()),
        extra=texts.OWNER_LINE.format(owner=owner_label(agreement.owner_name,
                                                        agreement.owner_id)))
    return Reply(_late(late_since) + text, [[(texts.BUTTON_UPDATE, f"rem:ag:{agreement.id}")]])


def followup_reminder(agreement: Agreement, period_on: date, last: date | None, now: datetime,
                      *, late_since: datetime | None) -> Reply:
    text = texts.REMINDER_FOLLOWUP.format(
        cadence=CADENCE_NAMES.get(agreement.cadence, ""), partner=esc(agreement.partner),
        kind=esc(agreement.kind_name), object=_object(agreement), when=format_day(period_on),
        last=format_day(last) if last else texts.NO_FOLLOWUP_YET,
        extra=texts.OWNER_LINE.format(owner=owner_label(agreement.owner_name,
                                                        agreement.owner_id)))
    data = f"rem:fu:{agreement.id}:{period_on:%Y%m%d}"
    return Reply(_late(late_since) + text, [[(texts.BUTTON_FOLLOWUP_DONE, data)]])


def agreement_end_label(agreement: Agreement | AgreementDraft, today: date) -> str:
    end = agreement.ends_on if isinstance(agreement, Agreement) else agreement.end_date()
    if end is not None:
        return f"{format_day(end)} ({days_left(end, today)})"
    if agreement.duration is not None:
        return texts.END_AFTER_SIGNING.format(duration=agreement.duration.describe())
    return texts.NO_END


def agreement_draft_card(draft_id: int, draft: AgreementDraft, now: datetime) -> Reply:
    text = texts.AG_CARD.format(
        partner=esc(draft.partner), kind=esc(texts.KIND_NAMES.get(draft.kind or "otro", "")),
        object=esc(draft.object) or "—",
        signed=format_day(draft.signed_on) if draft.signed_on else texts.NOT_SIGNED_YET,
        end=agreement_end_label(draft, now.date()),
        cadence=CADENCE_NAMES.get(draft.cadence or "none", ""),
        status=STATUSES.get(draft.status or "", ""),
        owner=owner_label(draft.owner_name, draft.owner_id))
    d = f"rem:d:{draft_id}"
    return Reply(text, [[(texts.BUTTON_SAVE, f"{d}:save"), (texts.BUTTON_OWNER, f"{d}:owner")],
                        [(texts.BUTTON_CANCEL, f"{d}:cancel")]])


def agreement_list(agreements: Sequence[Agreement], followups: dict[int, tuple[date | None,
                                                                               date | None]],
                   now: datetime, *, buttons: bool, limit: int = 20) -> Reply:
    if not agreements:
        return Reply(texts.AG_LIST_EMPTY)
    today = now.date()
    parts = [texts.AG_LIST_HEADING.format(count=len(agreements))]
    rows: Rows = []
    for n, agreement in enumerate(agreements[:limit], start=1):
        status = STATUSES.get(agreement.effective_status(today), agreement.status)
        obj = texts.AG_LIST_OBJECT.format(object=esc(short(agreement.object))) \
            if agreement.object else ""
        end = ""
        if agreement.ends_on is not None:
            end = texts.AG_LIST_END.format(when=_short(agreement.ends_on, today, year=True),
                                           left=days_left(agreement.ends_on, today))
        followup = ""
        pending, upcoming = followups.get(agreement.id, (None, None))
        cadence = CADENCE_NAMES[agreement.cadence]
        if pending is not None:
            followup = texts.AG_LIST_FOLLOWUP_PENDING.format(
                cadence=cadence, since=_short(pending, today))
        elif upcoming is not None:
            followup = texts.AG_LIST_FOLLOWUP_NEXT.format(
                cadence=cadence, when=_short(upcoming, today), left=days_left(upcoming, today))
        owner = ""
        if agreement.owner_name or agreement.owner_id:
            owner = texts.AG_LIST_OWNER.format(
                owner=owner_label(agreement.owner_name, agreement.owner_id))
        parts.append(texts.AG_LIST_ITEM.format(
            n=n, partner=esc(agreement.partner), kind=esc(agreement.kind_name), status=status,
            object=obj, end=end, followup=followup, owner=owner))
        if buttons:
            row = [(f"✏️ {n}", f"rem:ag:{agreement.id}")]
            period = pending or upcoming
            if period is not None:  # the period shown: recorded once however often pressed
                row.insert(0, (texts.BUTTON_FOLLOWUP_N.format(n=n),
                               f"rem:fu:{agreement.id}:{period:%Y%m%d}:l"))
            rows.append(row)
    text = "\n".join(parts)
    if len(agreements) > limit:
        text += texts.LIST_MORE.format(count=len(agreements) - limit)
    return Reply(text, rows)


def _short(day: date, today: date, *, year: bool = False) -> str:
    """ "vie 18 dic", with the year when it is not this year's (or when asked)."""
    text = format_short(day)
    return f"{text} {day.year}" if year or day.year != today.year else text


def agreement_edit_menu(agreement: Agreement) -> Reply:
    a = f"rem:ag:{agreement.id}"
    return Reply(texts.AG_EDIT_MENU.format(partner=esc(agreement.partner)), [
        [(texts.AG_BUTTON_SIGNED, f"{a}:sig"), (texts.AG_BUTTON_STATUS, f"{a}:st")],
        [(texts.AG_BUTTON_END, f"{a}:end"), (texts.AG_BUTTON_CADENCE, f"{a}:cad")],
        [(texts.AG_BUTTON_DELETE, f"{a}:del")],
    ])


# ----------------------------------------------------------------------------- digest


@dataclass(frozen=True)
class DigestItem:
    day: date
    text: str


def digest(items_deadlines: Sequence[DigestItem], items_agreements: Sequence[DigestItem],
           overdue: Sequence[DigestItem], now: datetime, horizon: int, *,
           late_since: datetime | None) -> Reply:
    today = now.date()
    if not (items_deadlines or items_agreements or overdue):
        return Reply(_late(late_since) + texts.DIGEST_EMPTY.format(days=horizon))
    parts = [_late(late_since) + texts.DIGEST_HEADING.format(days=horizon)]
    for heading, items in ((texts.DIGEST_OVERDUE, overdue),
                           (texts.DIGEST_DEADLINES, items_deadlines),
                           (texts.DIGEST_AGREEMENTS, items_agreements)):
        if not items:
            continue
        parts.append(heading)
        for item in items[:30]:
            parts.append(texts.DIGEST_ITEM.format(day=format_short(item.day), text=item.text,
                                                  left=days_left(item.day, today)))
        if len(items) > 30:
            parts.append(texts.LIST_MORE.format(count=len(items) - 30))
    parts.append(texts.DIGEST_FOOTER)
    return Reply("".join(parts))


def leads_label(leads: Sequence[str]) -> str:
    """ "7d", "1d", "0d", "2h" -> "7 días antes, 1 día antes, el mismo día y 2 h antes"."""
    words = []
    for lead in leads:
        amount, unit = int(lead[:-1]), lead[-1]
        if unit == "d":
            words.append(texts.LEAD_SAME_DAY if amount == 0 else
                         texts.LEAD_DAY.format(days=amount) if amount == 1 else
                         texts.LEAD_DAYS.format(days=amount))
        elif unit == "h":
            words.append(texts.LEAD_HOURS.format(hours=amount) if amount else texts.LEAD_ON_TIME)
        else:
            words.append(texts.LEAD_MINUTES.format(minutes=amount) if amount
                         else texts.LEAD_ON_TIME)
    words = list(dict.fromkeys(words))
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + texts.AND + words[-1]


def late_since(fire_at: datetime, late: bool) -> datetime | None:
    return fire_at if late else None
