"""The command line: ``python main.py [SUBCOMMAND]``; without one the desktop app starts.

Every subcommand prints one clear line and exits non-zero when the user got something
wrong (exit 2 for usage, 1 for refused input), and stays loud on real bugs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from app import __version__
from app.commands.common import (
    EXIT_REFUSED,
    EXIT_USAGE,
    CliError,
    iso_date,
    port_number,
    whole_number,
)
from app.commands.organiser_args import add_organiser_commands
from app.commands.series import add_parsers as add_series_parsers
from app.commands.setup_args import add_setup_commands
from app.config import (
    DB_ENV_VAR,
    LANGUAGES,
    Settings,
    SettingsError,
    command_language,
    default_db_url,
    load_settings,
)


def _dispatch(module: str, function: str = "run") -> Callable[[argparse.Namespace], int]:
    """The command ``module.function`` of ``app.commands``, imported only when it runs."""

    def command(args: argparse.Namespace) -> int:
        implementation = getattr(import_module(f"app.commands.{module}"), function)
        return int(implementation(args) or 0)

    return command


def build_parser(settings: Settings | None = None) -> argparse.ArgumentParser:
    """The parser; ``settings`` (default: read from the environment) give the defaults."""
    settings = settings or load_settings()
    parser = argparse.ArgumentParser(
        prog="votum",
        description="Votum: live voting for joint sessions of molecular tumor boards.",
    )
    parser.add_argument("--version", action="version", version=f"Votum {__version__}")
    parser.add_argument(
        "--db",
        default=None,
        metavar="URL",
        help=f"SQLAlchemy database URL (default: ${DB_ENV_VAR} or an SQLite file in the "
        "user's data folder)",
    )
    parser.set_defaults(func=_dispatch("gui"))
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create the demo conference and open it")
    demo.add_argument("--reset", action="store_true", help="build the demo conference anew")
    demo.add_argument("--no-gui", action="store_true", help="only create it, do not start the app")
    demo.set_defaults(func=_dispatch("demo"))

    imp = sub.add_parser("import", help="import case packages (in the order given)")
    imp.add_argument("files", nargs="+", metavar="FILE", help="case package (.votum.json)")
    imp.add_argument(
        "--into",
        metavar="CONFERENCE",
        help="id or short name of the conference (default: a new conference)",
    )
    imp.add_argument("--date", type=iso_date, help="date of a new conference (default: today)")
    imp.set_defaults(func=_dispatch("packages", "run_import"))

    exp = sub.add_parser("export", help="export a conference's cases as a case package")
    exp.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    exp.add_argument("file", metavar="FILE", help="target file (.votum.json)")
    exp.set_defaults(func=_dispatch("packages", "run_export"))

    lst = sub.add_parser("list", help="list conferences (id, short name, date, topic)")
    lst.set_defaults(func=_dispatch("conferences", "run_list"))

    links = sub.add_parser("links", help="every site's voting link (CSV; PDF or QR sheet)")
    links.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    links.add_argument(
        "--base-url",
        metavar="URL",
        help=f"address sites will use, e.g. http://192.168.1.20:{settings.port} "
        "(default: this machine's LAN address)",
    )
    links.add_argument(
        "--port", type=port_number, default=settings.port, help="port for the default URL"
    )
    links.add_argument("--pdf", metavar="FILE", help="also write one page per site with QR code")
    links.add_argument("--png", metavar="FILE", help="also write a sheet of QR codes as PNG")
    links.add_argument(
        "--reissue",
        metavar="SITE",
        action="append",
        default=[],
        help="issue a new link for this site code (old link stops working)",
    )
    links.add_argument(
        "--revoke", metavar="SITE", action="append", default=[], help="switch off this site's link"
    )
    links.set_defaults(func=_dispatch("links"))

    serve = sub.add_parser(
        "serve",
        help="run the voting server without the desktop app (one conference, or the round)",
    )
    serve.add_argument(
        "conference",
        metavar="CONFERENCE",
        nargs="?",
        help="id or short name; without it: every conference of the database on one "
        "address, with the organiser API (the standing server of the round)",
    )
    serve.add_argument(
        "--host", default=settings.host, help=f"address to bind (default {settings.host})"
    )
    serve.add_argument(
        "--port",
        type=port_number,
        default=settings.port,
        help=f"port (default {settings.port}; 0 picks a free one)",
    )
    _add_reach_options(serve, settings)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; more than one needs PostgreSQL)",
    )
    serve.add_argument(
        "--check",
        action="store_true",
        help="only check the configuration (database, schema, options, port) and say what "
        "is wrong; for systemd's ExecStartPre",
    )
    serve.set_defaults(func=_dispatch("serve"))

    migrate = sub.add_parser(
        "migrate", help="bring the database's schema up to this Votum (server stopped)"
    )
    migrate.set_defaults(func=_dispatch("migrate"))
    add_organiser_commands(sub, _dispatch)

    report = sub.add_parser("report", help="write the PDF protocol")
    report.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="PDF file")
    report.add_argument("--lang", choices=LANGUAGES, help="default: the conference's language")
    report.add_argument(
        "--anonymise",
        "--anonymize",
        action="store_true",
        help="replace site names in the ballot appendix by numbers (S01, S02 …)",
    )
    report.add_argument(
        "--allow-empty",
        action="store_true",
        help="write the protocol even if no ballot has been cast yet",
    )
    report.set_defaults(func=_dispatch("reports", "run_report"))

    draft = sub.add_parser("manuscript", help="write the manuscript draft (Word or Markdown)")
    draft.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    draft.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="draft.docx (Word) or draft.md (Markdown, its figures in draft-figures/ beside it)",
    )
    draft.add_argument("--lang", choices=LANGUAGES, help="default: the conference's language")
    draft.add_argument(
        "--allow-empty",
        action="store_true",
        help="write the draft even if no ballot has been cast yet",
    )
    draft.set_defaults(func=_dispatch("reports", "run_manuscript"))

    res = sub.add_parser("results", help="export ballots and results")
    res.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    res.add_argument(
        "--format",
        required=True,
        choices=("csv", "xlsx", "json", "attendance-csv", "eiv"),
        help="csv also writes FILE.ballots.csv beside FILE; attendance-csv is "
        "the CME attendance list; eiv the chamber's list (VNR;EFN, valid EFNs once)",
    )
    res.add_argument("-o", "--output", required=True, metavar="FILE")
    res.add_argument("--lang", choices=LANGUAGES, help="default: the conference's language")
    res.add_argument(
        "--allow-empty", action="store_true", help="export even if no ballot has been cast yet"
    )
    res.set_defaults(func=_dispatch("reports", "run_results"))

    cert = sub.add_parser(
        "certificates", help="attendance certificates: a PDF per participant, and all in one"
    )
    cert.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    cert.add_argument("-o", "--output", required=True, metavar="FOLDER")
    cert.add_argument("--lang", choices=LANGUAGES, help="default: the conference's language")
    cert.set_defaults(func=_dispatch("checkin", "run_certificates"))

    poll = sub.add_parser("poll-import", help="import a video call's poll report (Zoom or CSV)")
    poll.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    poll.add_argument("file", metavar="FILE", help="Zoom poll report or plain CSV")
    poll.add_argument(
        "--mapping",
        metavar="F",
        help='JSON: {"participants": {e-mail or name: site code}, "domains": {domain: '
        'site code}, "questions": {poll text: number}, "resolve": {"SITE:1.2": choice}}',
    )
    poll.add_argument("--round", type=int, choices=(1, 2), default=1, help="question round")
    poll.add_argument("--format", choices=("zoom", "csv"), help="default: Zoom if it looks so")
    poll.add_argument(
        "--columns",
        metavar="P,Q,A[,T]",
        help="plain CSV: participant, question, answer, time "
        "columns by header name or number (default 1,2,3)",
    )
    poll.add_argument(
        "--resolve",
        action="append",
        default=[],
        metavar="SITE:QUESTION=CHOICE",
        help="settle a conflict: the number of an answer shown, or abstain",
    )
    poll.add_argument(
        "--full", action="store_true", help="show every line of a long preview (else a summary)"
    )
    poll.add_argument(
        "--confirm",
        action="append",
        default=[],
        metavar="QUESTION",
        help="accept the close text match for this question number (or all)",
    )
    poll.add_argument("--dry-run", action="store_true", help="show the preview, store nothing")
    poll.set_defaults(func=_dispatch("poll_import"))
    add_setup_commands(sub, _dispatch)
    _add_ask(sub)
    add_series_parsers(sub, _dispatch)
    return parser


def _add_ask(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``ask``: a quick question of the free discussion (scripted sessions)."""
    ask = sub.add_parser("ask", help="ask a quick question (free discussion) and open it at once")
    ask.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    ask.add_argument("text", metavar="TEXT", help="the question")
    ask.add_argument(
        "--kind",
        default="yes_no",
        choices=("yes_no", "evidence", "agreement", "single", "multiple", "free_text"),
        help="a preset kind, or single/multiple with --option (default yes_no)",
    )
    ask.add_argument(
        "--option",
        action="append",
        default=[],
        metavar="LABEL",
        help="an option of your own (repeat; single and multiple choice)",
    )
    ask.add_argument(
        "--case",
        default="",
        metavar="LINE",
        help='the case in one line, e.g. "presented by site X: 54 y, NSCLC, KRAS G12C"',
    )
    ask.add_argument("--no-abstain", action="store_true", help="do not offer abstaining")
    ask.add_argument("--duration", type=whole_number, metavar="S", help="countdown in seconds")
    ask.add_argument("--draft", action="store_true", help="add it, but do not open it yet")
    ask.set_defaults(func=_dispatch("ask"))


def _add_reach_options(serve: argparse.ArgumentParser, settings: Settings) -> None:
    """``serve`` on a host the sites reach: HTTPS, the public address, a reverse proxy."""
    reach = serve.add_argument_group("reaching the sites (see README, 'Reaching the sites')")
    reach.add_argument("--certfile", metavar="FILE", help="serve HTTPS: certificate (PEM)")
    reach.add_argument("--keyfile", metavar="FILE", help="serve HTTPS: private key (PEM)")
    reach.add_argument(
        "--base-url",
        metavar="URL",
        help="the address sites use, e.g. https://abstimmung.example-klinikum.de "
        "(printed links and the links command use it)",
    )
    reach.add_argument(
        "--proxy-headers",
        action="store_true",
        help="behind a reverse proxy: believe its X-Forwarded-For/-Proto",
    )
    reach.add_argument(
        "--forwarded-allow-ips",
        action="append",
        default=[],
        metavar="ADDR",
        help="the proxy's address or network (repeat or comma-separate); required with "
        "--proxy-headers; others' forwarded headers are ignored",
    )
    reach.add_argument(
        "--max-connections",
        type=whole_number,
        metavar="N",
        help=f"open connections at once (default {settings.max_connections}); more get 503",
    )
    reach.add_argument(
        "--moderator-token-file",
        metavar="FILE",
        help="write the moderator token to FILE (mode 0600) instead of printing it",
    )


def _printable_everywhere() -> None:
    """A character the console's code page lacks (a Windows console or a file redirected
    in cp1252: "→", "✓") prints as "?" rather than ending the command after its work."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None under pythonw
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _printable_everywhere()
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"votum: {exc}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser(settings)
    args = parser.parse_args(argv)
    args.settings = settings
    # every command prints in one language: VOTUM_LANG, else the system's
    args.cli_lang = lang = command_language(settings)
    if args.db is None:
        args.db = default_db_url(settings)
    from app.services.errors import VotumError

    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        _refuse(exc.message.in_language(lang))
        return exc.code
    except VotumError as exc:
        _refuse(exc.in_language(lang))
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a read-only, full or damaged database: one line, not a trace
        from app.db import storage_message

        problem = storage_message(exc, args.db)
        if problem is None:
            raise
        _refuse(problem.in_language(lang))
        return EXIT_REFUSED


def _refuse(message: str) -> None:
    """A refusal on standard error: ``votum: …``, its further lines indented."""
    print("votum: " + message.replace("\n", "\n  "), file=sys.stderr)
