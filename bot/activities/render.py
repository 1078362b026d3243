"""Replies about activities (HTML text plus buttons), still free of Telegram.

Callback data, all under ``act:`` (Telegram allows 64 bytes):
``act:dl:<origin>:<n>`` line for the log started by message <origin>;
``act:do:<origin>`` every line, when only the two likeliest were offered;
``act:ds:<origin>`` skip evidence; ``act:dc:<origin>`` change its line before
saving; ``act:ok:<origin>`` save; ``act:dx:<origin>`` cancel;
``act:cl:<id>`` change a saved entry's line, ``act:sl:<id>:<n>`` set it,
``act:keep:<id>`` leave it; ``act:undo:<id>`` delete; ``act:rst:<id>`` restore (admins).
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

from bot.activities.lines import line_by_number
from bot.activities.models import (
    Activity,
    Attached,
    DraftState,
    Evidence,
    Listing,
    Logged,
    Step,
)
from bot.activities.summary import Summary
from bot.config import ActionLine
from bot.dates import format_day, format_short
from bot.replies import Reply, Rows
from bot.texts import activities as texts
from bot.texts import report as report_texts

MAX_SHOWN = 8  # people and partners listed in a summary before "otros"
_KINDS = {"photo": ("una foto", "foto", "fotos"),
          "document": ("un documento", "documento", "documentos"),
          "video": ("un video", "video", "videos"),
          "location": ("la ubicación", "ubicación", "ubicaciones")}


def line_label(number: int, lines: Sequence[ActionLine]) -> str:
    line = line_by_number(number, lines)
    return f"{number}. {line.name}" if line else str(number)


def lines_reply(lines: Sequence[ActionLine]) -> Reply:
    rows = [texts.LINES_TITLE]
    for line in lines:
        rows.append(f"<b>{line.number}.</b> {html.escape(line.name)}")
        if line.purpose:
            rows.append(f"   {html.escape(line.purpose)}")
        if line.keywords:
            rows.append(f"   <i>{html.escape(', '.join(line.keywords))}</i>")
    return Reply("\n".join(rows) + "\n" + texts.LINES_HINT)


# -- cards ------------------------------------------------------------------------------


def card(activity: Activity, lines: Sequence[ActionLine], *, who: bool = False) -> str:
    """Exactly what is stored: line, date, text, partners (and department, evidence)."""
    rows = _card_rows(line_label(activity.line, lines), _day(activity.day), activity.text,
                      activity.partners, activity.department, activity.evidence)
    if who:
        rows.append(texts.CARD_WHO.format(name=html.escape(activity.user_name or "?")))
    return "\n".join(rows)


def _card_rows(line: str, day: str, text: str, partners: Sequence[str], department: str | None,
               evidence: Sequence[Evidence]) -> list[str]:
    """The card's rows, the same for a saved entry and for a guided log not yet saved."""
    rows = [
        texts.CARD_LINE.format(line=html.escape(line)),
        texts.CARD_DAY.format(day=day),
        texts.CARD_TEXT.format(text=html.escape(text)),
        texts.CARD_PARTNERS.format(partners=html.escape(", ".join(partners)))
        if partners else texts.CARD_NO_PARTNERS,
    ]
    if department:
        rows.append(texts.CARD_DEPARTMENT.format(department=html.escape(department)))
    if evidence:
        rows.append(texts.CARD_EVIDENCE.format(evidence=describe_evidence(evidence)))
    return rows


def entry_buttons(activity: Activity) -> Rows:
    return [[(texts.BUTTON_CHANGE_LINE, f"act:cl:{activity.id}"),
             (texts.BUTTON_UNDO, f"act:undo:{activity.id}")]]


def logged_reply(logged: Logged, lines: Sequence[ActionLine], *, evidence_minutes: int) -> Reply:
    activity = logged.activity
    head = (texts.SAVED if logged.created else texts.ALREADY_SAVED).format(id=activity.id)
    parts = [head, card(activity, lines)]
    if logged.guessed_line:
        parts.append(texts.GUESSED_LINE)
    if logged.future_date:
        parts.append(texts.FUTURE_DATE_KEPT.format(written=html.escape(logged.future_date)))
    if not activity.evidence and evidence_minutes > 0:
        parts.append(texts.SEND_EVIDENCE.format(minutes=evidence_minutes))
    if activity.deleted:
        return Reply("\n".join(parts))
    return Reply("\n".join(parts), entry_buttons(activity))


def edited_reply(activity: Activity, lines: Sequence[ActionLine], *,
                 from_message: bool = False) -> Reply:
    head = texts.EDITED_FROM_MESSAGE if from_message else texts.EDITED
    return Reply(f"{head} <b>#{activity.id}</b>\n{card(activity, lines)}",
                 entry_buttons(activity))


def line_picker(activity: Activity, lines: Sequence[ActionLine]) -> Reply:
    rows = [[(f"{'✓ ' if line.number == activity.line else ''}{line.number}. {line.name}",
              f"act:sl:{activity.id}:{line.number}")] for line in lines]
    rows.append([(texts.BUTTON_KEEP, f"act:keep:{activity.id}")])
    return Reply(texts.PICK_LINE.format(id=activity.id, text=html.escape(_short(activity.text))),
                 rows)


def deleted_reply(activity: Activity, *, changed: bool, is_admin: bool) -> Reply:
    if not changed:
        text = texts.DELETED_ALREADY.format(id=activity.id)
    else:
        text = texts.DELETED.format(id=activity.id, text=html.escape(_short(activity.text)))
    buttons = [[(texts.BUTTON_RESTORE, f"act:rst:{activity.id}")]] if is_admin else []
    return Reply(text, buttons)


def restored_reply(activity: Activity, lines: Sequence[ActionLine], *, changed: bool) -> Reply:
    if not changed:
        return Reply(texts.RESTORED_ALREADY.format(id=activity.id))
    return Reply(f"{texts.RESTORED.format(id=activity.id)}\n{card(activity, lines, who=True)}",
                 entry_buttons(activity))


def attached_reply(attached: Attached) -> Reply:
    activity = attached.activity
    if not attached.added:
        return Reply(texts.ATTACHED_AGAIN.format(id=activity.id))
    what = _KINDS.get(activity.evidence[-1].kind, ("la evidencia",))[0]
    return Reply(texts.ATTACHED.format(what=what, id=activity.id,
                                       text=html.escape(_short(activity.text))),
                 entry_buttons(activity))


def describe_evidence(evidence: Sequence[Evidence]) -> str:
    counts: dict[str, int] = {}
    for item in evidence:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    parts = []
    for kind, n in counts.items():
        _, one, many = _KINDS.get(kind, ("", kind, kind))
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


# -- guided log ---------------------------------------------------------------------------


def outcome_reply(outcome: Logged | Step | Attached, lines: Sequence[ActionLine], *,
                  evidence_minutes: int) -> Reply:
    """What a log, a step of one, or evidence added shows: the one mapping of Telegram
    and the console."""
    if isinstance(outcome, Logged):
        return logged_reply(outcome, lines, evidence_minutes=evidence_minutes)
    if isinstance(outcome, Step):
        return step_reply(outcome, lines)
    return attached_reply(outcome)


def step_reply(step: Step, lines: Sequence[ActionLine]) -> Reply:
    """The question for where a guided log stands."""
    draft = step.draft
    origin = draft.origin_message_id
    cancel = (texts.BUTTON_CANCEL, f"act:dx:{origin}")
    prefix = texts.EVIDENCE_ADDED + "\n\n" if step.added_evidence and draft.step != "confirm" \
        else ""
    if step.dropped:
        prefix = texts.DRAFT_DROPPED.format(text=html.escape(_short(step.dropped, 200))) + \
            "\n\n" + prefix
    if draft.step == "line":
        likely = [n for n in draft.candidates if line_by_number(n, lines)][:2]
        if draft.mode == "quick" and draft.text and len(likely) == 2:
            return Reply(prefix + texts.ASK_TWO_LINES.format(
                first=likely[0], second=likely[1], text=html.escape(_short(draft.text, 200))),
                [*([(line_label(n, lines), f"act:dl:{origin}:{n}")] for n in likely),
                 [(texts.BUTTON_OTHER_LINE, f"act:do:{origin}"), cancel]])
        rows: Rows = [[(f"{line.number}. {line.name}", f"act:dl:{origin}:{line.number}")]
                         for line in lines]
        rows.append([cancel])
        if draft.mode == "quick" and draft.text:
            question = texts.ASK_LINE_FOR.format(text=html.escape(_short(draft.text, 200)))
        else:
            question = texts.ASK_LINE if draft.text is None else texts.ASK_LINE_AGAIN
        return Reply(prefix + question, rows)
    if draft.step == "text":
        return Reply(prefix + texts.ASK_TEXT.format(
            line=html.escape(line_label(draft.line or 0, lines))), [[cancel]])
    if draft.step == "evidence":
        return Reply(prefix + texts.ASK_EVIDENCE,
                     [[(texts.BUTTON_SKIP, f"act:ds:{origin}"), cancel]])
    return Reply(
        "\n".join([texts.ASK_CONFIRM, draft_card(draft, lines), texts.MORE_EVIDENCE]),
        [[(texts.BUTTON_SAVE, f"act:ok:{origin}")],
         [(texts.BUTTON_CHANGE_LINE, f"act:dc:{origin}"), cancel]],
    )


def draft_line_picker(draft: DraftState, lines: Sequence[ActionLine]) -> Reply:
    origin = draft.origin_message_id
    rows: Rows = [[(f"{'✓ ' if line.number == draft.line else ''}{line.number}. {line.name}",
                       f"act:dl:{origin}:{line.number}")] for line in lines]
    rows.append([(texts.BUTTON_CANCEL, f"act:dx:{origin}")])
    return Reply(texts.ASK_LINE_AGAIN, rows)


def draft_card(draft: DraftState, lines: Sequence[ActionLine]) -> str:
    day = _day(draft.day) if draft.day else texts.CARD_TODAY
    return "\n".join(_card_rows(line_label(draft.line or 0, lines), day, draft.text or "",
                                draft.partners, draft.department, draft.evidence))


# -- lists and summaries ------------------------------------------------------------------


def listing_reply(listing: Listing, lines: Sequence[ActionLine], *, is_admin: bool) -> Reply:
    title = texts.LIST_DELETED if listing.deleted else (
        texts.LIST_MINE if listing.mine_only else texts.LIST_ALL)
    filters = []
    if listing.line is not None:
        filters.append(f"línea {listing.line}")
    if listing.person:
        filters.append(html.escape(listing.person))
    if listing.period is not None:
        filters.append(listing.period.label)
    head = texts.LIST_TITLE.format(title=title + (" · " + " · ".join(filters) if filters else ""))
    help_text = texts.LIST_HELP.format(admin=texts.LIST_HELP_ADMIN if is_admin else "")
    if not listing.activities:
        return Reply(f"{head}\n{texts.LIST_EMPTY}\n\n{help_text}")
    rows = [head]
    buttons: Rows = []
    for a in listing.activities:
        extras = []
        if a.partners:
            extras.append("👥 " + html.escape(", ".join(a.partners)))
        if a.evidence:
            extras.append(f"📎{len(a.evidence)}")
        if not listing.mine_only:
            extras.append(html.escape(a.user_name or str(a.user_id)))
        rows.append(f"<b>#{a.id}</b> · {format_short(a.day)} · L{a.line} · "
                    f"{html.escape(_short(a.text, 90))}"
                    + (" · " + " · ".join(extras) if extras else ""))
        if listing.deleted and is_admin:
            buttons.append([(f"{texts.BUTTON_RESTORE} #{a.id}", f"act:rst:{a.id}")])
    if listing.total > len(listing.activities):
        rows.append(texts.LIST_MORE.format(more=listing.total - len(listing.activities)))
    rows.append("\n" + help_text)
    return Reply("\n".join(rows), buttons[:10])


def summary_reply(summary: Summary, *, today) -> Reply:
    period = summary.period
    if not summary.total:
        return Reply(texts.SUMMARY_EMPTY.format(period=period.label))
    rows = [texts.SUMMARY_TITLE.format(period=period.label),
            texts.SUMMARY_TOTAL.format(total=summary.total, people=len(summary.by_person),
                                       partners=len(summary.by_partner))]
    if not period.complete(today):
        rows.append(texts.PARTIAL_PERIOD)
    rows += ["", texts.SUMMARY_BY_LINE]
    rows += [f"{line.number}. {html.escape(line.name)}: <b>{summary.line_total(line.number)}</b>"
             for line in summary.lines]
    rows += ["", texts.SUMMARY_BY_PERSON, *_top(summary.by_person)]
    if summary.by_partner:
        rows += ["", texts.SUMMARY_BY_PARTNER, *_top(summary.by_partner)]
    return Reply("\n".join(rows))


def _top(pairs: list[tuple[str, int]]) -> list[str]:
    shown = [f"{html.escape(name)}: <b>{n}</b>" for name, n in pairs[:MAX_SHOWN]]
    rest = pairs[MAX_SHOWN:]
    if rest:
        shown.append(texts.SUMMARY_OTHERS.format(count=len(rest), total=sum(n for _, n in rest)))
    return shown


def _day(day) -> str:
    """ "martes 17 de noviembre de 2026 (17/11/2026)": the weekday to check, the digits to copy."""
    return f"{format_day(day)} ({day:%d/%m/%Y})"


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return textwrap.shorten(flat, limit, placeholder="…") if len(flat) > limit else flat


# -- the informe ----------------------------------------------------------------------------


def report_caption(job) -> str:
    """What /informe says with the document: the period, how many activities, what to
    review, and which quarter it skipped when the last complete one was empty."""
    review = job.review
    text = texts.REPORT_CAPTION.format(period=job.summary.period.label,
                                       count=job.prepared()[0].total)
    if job.fallback_from:
        text += report_texts.CAPTION_FALLBACK.format(previous=html.escape(job.fallback_from))
    items = []
    if review.duplicates:
        items.append(report_texts.CAPTION_DUPLICATES.format(n=review.duplicates))
    if review.short:
        items.append(report_texts.CAPTION_SHORT.format(n=review.short))
    if review.empty_lines:
        items.append(report_texts.CAPTION_EMPTY_LINES.format(n=review.empty_lines))
    if review.signer_missing:
        items.append(report_texts.CAPTION_SIGNER)
    if items:
        text += report_texts.CAPTION_REVIEW.format(items=", ".join(items))
    if not job.summary.total:
        text += texts.REPORT_EMPTY_HINT
    return text
