"""The ``enlace`` command line: one entry point, one subcommand per job.

Heavy imports (python-telegram-bot, matplotlib, python-docx) happen inside the
subcommand that needs them, so ``enlace ask`` and ``enlace kb check`` start fast.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings
from bot.refusal import Refusal
from bot.texts import cli as cli_texts

Command = Callable[[argparse.Namespace, Settings], int]


def cmd_run(args: argparse.Namespace, settings: Settings) -> int:
    """Start the Telegram bot, or say in Spanish why it can not start (never the token)."""
    from bot.texts.common import MISSING_TOKEN

    token = settings.telegram.token.get_secret_value() if settings.telegram.token else ""
    if not token.strip():
        print(MISSING_TOKEN, file=sys.stderr)
        return 2
    from bot.logs import redact, setup_logging
    from bot.startup import StartupProblem, before_services, knowledge_report
    from bot.texts import startup as texts

    setup_logging(token)
    try:
        db = before_services(settings)
        from bot.services import build_services

        services = build_services(settings, db=db)
        for line in knowledge_report(settings, len(services.knowledge.entries),
                                     services.knowledge.problems):
            print(line, file=sys.stderr)
        from bot.app import run

        run(services)
    except StartupProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    except Exception as exc:  # never let a traceback carry the token to the terminal
        import traceback

        print(redact(traceback.format_exc(), token), file=sys.stderr)
        print(texts.UNEXPECTED.format(error=redact(str(exc), token)), file=sys.stderr)
        return 1
    return 0


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    """Check config, token, office group, database and knowledge; say what to fix."""
    import asyncio

    from bot.config import find_config_file
    from bot.startup import TOKEN_SHAPE, local_checks, token_of
    from bot.texts import startup as texts

    checks = local_checks(settings, find_config_file(args.config))
    token = token_of(settings)
    if TOKEN_SHAPE.match(token):
        from bot.app import probe_telegram

        checks += asyncio.run(probe_telegram(settings, token))
    for check in checks:
        print(check)
    bad = sum(1 for c in checks if not c.ok and not c.warning)
    print(texts.DOCTOR_SUMMARY_BAD.format(count=bad) if bad else texts.DOCTOR_SUMMARY_OK)
    return 1 if bad else 0


def cmd_console(args: argparse.Namespace, settings: Settings) -> int:
    """Talk to Enlace in the terminal, without Telegram."""
    from bot.console import Console
    from bot.services import build_services

    Console(build_services(settings)).loop(sys.stdin, sys.stdout)
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or (with --json) one per line of standard input."""
    from bot.db import open_database
    from bot.knowledge.json_answer import answer_as_json
    from bot.services import build_services

    database = settings.storage.database if args.use_db else ":memory:"
    cache = open_database(settings.storage.database) if settings.knowledge.semantic else None
    services = build_services(settings, db=open_database(database), cache=cache)
    if not args.json:
        from bot.knowledge.render import answer_reply, plain_text

        question = " ".join(args.text)
        if not question.strip():
            print(cli_texts.ASK_EMPTY, file=sys.stderr)
            return 2
        answer = services.qa.ask(question, record=False)
        print(plain_text(answer_reply(answer, services.knowledge).text))
        return 0
    lines = [" ".join(args.text)] if args.text else sys.stdin
    for line in lines:
        question = line.strip()
        if question:
            record = answer_as_json(services.qa.ask(question, record=False))
            print(json.dumps(record, ensure_ascii=False), flush=True)
    return 0


def cmd_kb_check(args: argparse.Namespace, settings: Settings) -> int:
    """Validate the knowledge base; exit 1 on any problem."""
    from bot.knowledge.originality import check_tree
    from bot.knowledge.store import load_knowledge

    root = args.path or settings.knowledge.path
    kb = load_knowledge(root)
    problems = [str(p) for p in kb.problems]
    if args.sources:
        problems += [cli_texts.KB_COPIED.format(entry=c.entry, source=c.source.name, text=c.text)
                     for c in check_tree(root, args.sources)]
    for problem in problems:
        print(problem)
    warnings = kb.long_leads()
    for warning in warnings:
        print(cli_texts.KB_WARNING.format(warning=warning))
    shown = cli_texts.KB_SUMMARY_WARNINGS.format(count=len(warnings)) if warnings else ""
    print(cli_texts.KB_SUMMARY.format(entries=len(kb.entries), categories=len(kb.categories),
                                      problems=len(problems), warnings=shown))
    return 1 if problems else 0


def cmd_kb_phrasings(args: argparse.Namespace, settings: Settings) -> int:
    """List phrasings admins added from Telegram, to move into the Markdown files."""
    from bot.services import build_services

    words_only = settings.knowledge.model_copy(update={"semantic": False})  # no embedding
    services = build_services(settings.model_copy(update={"knowledge": words_only}))
    rows = services.qa.added_phrasings()
    for row in rows:
        print(f"{row['entry_id']}\t{row['text']}\t{row['added_at']}")
    if not rows:
        print(cli_texts.NO_PHRASINGS)
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    """Load deadlines or agreements from a CSV file: all rows, or none if any is bad."""
    from datetime import datetime

    from bot.db import open_database
    from bot.reminders.service import ReminderService

    tz = settings.office.tz
    reminders = ReminderService(settings, open_database(settings.storage.database),
                                now=lambda: datetime.now(tz))
    result = reminders.import_csv(args.file)  # a bad file is a Refusal: see main()
    print(result.report(args.file), file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def _activity_service(settings: Settings):
    """The activity service alone: no knowledge base to load, no bot to start."""
    from datetime import datetime

    from bot.activities.service import ActivityService
    from bot.db import open_database

    tz = settings.office.tz
    return ActivityService(settings, open_database(settings.storage.database),
                           now=lambda: datetime.now(tz))


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    """Write the informe de gestión draft (DOCX); default: the last complete quarter."""
    job = _activity_service(settings).report_job(args.quarter or "")
    out = args.out or Path(job.filename)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(job.build())
    print(cli_texts.REPORT_WRITTEN.format(period=job.summary.period.label,
                                         total=job.summary.total, out=out))
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """Write every field of the period's activities as CSV (UTF-8 with BOM)."""
    service = _activity_service(settings)
    period = service.period(args.period or "todo")
    name, data, count = service.export(period, include_deleted=args.deleted)
    if str(args.out) == "-":
        sys.stdout.buffer.write(data)
        return 0
    out = args.out or Path(name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(cli_texts.EXPORT_WRITTEN.format(count=count, period=period.label, out=out))
    return 0


def cmd_fecha(args: argparse.Namespace, settings: Settings) -> int:
    """Read dates as /plazo (or /registrar with --pasado) reads them, one text per line."""
    from bot.dates.cli import reference_time, run

    now = reference_time(args.ahora, settings.office.tz)
    return run(sys.stdin, sys.stdout, now=now, prefer="past" if args.pasado else "future",
               as_json=args.json)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="enlace", description=cli_texts.DESCRIPTION)
    parser.add_argument("--config", type=Path, default=None,
                        help=cli_texts.CONFIG_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMANDO", required=True)

    commands.add_parser("run", help=cli_texts.RUN_HELP).set_defaults(func=cmd_run)
    commands.add_parser("doctor", help=cli_texts.DOCTOR_HELP).set_defaults(func=cmd_doctor)
    commands.add_parser("console", help=cli_texts.CONSOLE_HELP).set_defaults(func=cmd_console)

    ask = commands.add_parser("ask", help=cli_texts.ASK_HELP)
    ask.add_argument("text", nargs="*", help=cli_texts.ASK_TEXT_HELP)
    ask.add_argument("--json", action="store_true",
                     help=cli_texts.ASK_JSON_HELP)
    ask.add_argument("--use-db", action="store_true",
                     help=cli_texts.ASK_USE_DB_HELP)
    ask.set_defaults(func=cmd_ask)

    load = commands.add_parser(
        "import", help=cli_texts.IMPORT_HELP, description=cli_texts.IMPORT_DESCRIPTION)
    load.add_argument("file", type=Path, help=cli_texts.IMPORT_FILE_HELP)
    load.set_defaults(func=cmd_import)

    report = commands.add_parser(
        "report", help=cli_texts.REPORT_HELP, description=cli_texts.REPORT_DESCRIPTION)
    report.add_argument("--quarter", "--period", dest="quarter", default=None,
                        help=cli_texts.REPORT_QUARTER_HELP)
    report.add_argument("--out", type=Path, default=None,
                        help=cli_texts.REPORT_OUT_HELP)
    report.set_defaults(func=cmd_report)

    export = commands.add_parser(
        "export", help=cli_texts.EXPORT_HELP, description=cli_texts.EXPORT_DESCRIPTION)
    export.add_argument("--period", default=None,
                        help=cli_texts.EXPORT_PERIOD_HELP)
    export.add_argument("--out", type=Path, default=None,
                        help=cli_texts.EXPORT_OUT_HELP)
    export.add_argument("--deleted", action="store_true", help=cli_texts.EXPORT_DELETED_HELP)
    export.set_defaults(func=cmd_export)

    from bot.texts import dates as date_texts

    fecha = commands.add_parser("fecha", help=date_texts.CLI_HELP,
                                description=date_texts.CLI_DESCRIPTION)
    fecha.add_argument("--json", action="store_true", help=date_texts.CLI_JSON_HELP)
    fecha.add_argument("--pasado", action="store_true", help=date_texts.CLI_PAST_HELP)
    fecha.add_argument("--ahora", default=None, help=date_texts.CLI_NOW_HELP)
    fecha.set_defaults(func=cmd_fecha)

    kb = commands.add_parser("kb", help=cli_texts.KB_HELP).add_subparsers(
        dest="kb_command", metavar="ACCION", required=True)
    check = kb.add_parser("check", help=cli_texts.KB_CHECK_HELP)
    check.add_argument("--path", type=Path, default=None, help=cli_texts.KB_PATH_HELP)
    check.add_argument("--sources", type=Path, default=None,
                       help=cli_texts.KB_SOURCES_HELP)
    check.set_defaults(func=cmd_kb_check)
    kb.add_parser("phrasings", help=cli_texts.KB_PHRASINGS_HELP
                  ).set_defaults(func=cmd_kb_phrasings)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        return args.func(args, settings)
    except Refusal as exc:  # bad input (a period, a date, a CSV file): say it once, here
        from bot.knowledge.render import plain_text

        print(plain_text(str(exc)), file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as exc:  # e.g. the database folder can not be written
        from bot.startup import describe_database_error

        print(describe_database_error(settings, exc), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
