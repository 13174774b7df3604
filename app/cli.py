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
from app.config import DB_ENV_VAR, LANGUAGES, Settings, SettingsError, default_db_url, load_settings


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

    serve = sub.add_parser("serve", help="run the voting server without the desktop app")
    serve.add_argument("conference", metavar="CONFERENCE", help="id or short name")
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
    serve.set_defaults(func=_dispatch("serve"))

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
        "--confirm",
        action="append",
        default=[],
        metavar="QUESTION",
        help="accept the close text match for this question number (or all)",
    )
    poll.add_argument("--dry-run", action="store_true", help="show the preview, store nothing")
    poll.set_defaults(func=_dispatch("poll_import"))
    _add_setup_commands(sub)
    _add_ask(sub)
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


def _add_setup_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Setting up a conference without the desktop: conference files, sites, invitations,
    attendance."""
    conference = sub.add_parser(
        "conference", help="a conference whole as a conference file; set its data"
    )
    actions = conference.add_subparsers(title="actions", metavar="ACTION", required=True)

    imp = actions.add_parser("import", help="a new conference from a conference file")
    imp.add_argument("file", metavar="FILE", help="conference file (.votum-conference.json)")
    imp.add_argument(
        "--new-links",
        action="store_true",
        help="give every site a new link (to copy a conference within one database)",
    )
    imp.set_defaults(func=_dispatch("conference", "run_import"))

    new = actions.add_parser(
        "new", help="an empty conference (a hosted server's place to publish into)"
    )
    new.add_argument("topic", metavar="TOPIC")
    new.add_argument("--date", type=iso_date, required=True, help="YYYY-MM-DD")
    new.add_argument("--language", choices=LANGUAGES, default="de")
    new.add_argument("--slug", metavar="NAME", help="short name (default: date and topic)")
    new.set_defaults(func=_dispatch("conference", "run_new"))

    exp = actions.add_parser(
        "export", help="write a conference file (whole, or --publish for a hosted server)"
    )
    exp.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    exp.add_argument("file", metavar="FILE", help="target file (.votum-conference.json)")
    exp.add_argument(
        "--publish",
        action="store_true",
        help="only what the sites' pages show: case number, title, headline, questions "
        "(no names, EFNs, notes, images or free text unless added below)",
    )
    exp.add_argument("--with-images", action="store_true", help="publish the case images too")
    exp.add_argument("--with-text", action="store_true", help="publish the cases' free text too")
    exp.add_argument(
        "--with-summary", action="store_true", help="publish the whole structured summary too"
    )
    exp.set_defaults(func=_dispatch("conference", "run_export"))

    checkin = actions.add_parser("checkin", help="open or close the sites' own check-in")
    checkin.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    step = checkin.add_mutually_exclusive_group(required=True)
    step.add_argument("--open", dest="open", action="store_true")
    step.add_argument("--close", dest="open", action="store_false")
    checkin.set_defaults(func=_dispatch("checkin", "run_checkin"))

    held = actions.add_parser("held", help="mark the session as held (closes the check-in)")
    held.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    held.set_defaults(func=_dispatch("checkin", "run_held"))

    put = actions.add_parser("set", help="change a conference's date, times, CME data, people")
    put.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    put.add_argument("--topic")
    put.add_argument("--date", type=iso_date, help="YYYY-MM-DD (the short name follows)")
    put.add_argument("--starts", metavar="HH:MM", help="start time")
    put.add_argument("--ends", metavar="HH:MM", help="end time")
    put.add_argument("--language", choices=LANGUAGES)
    put.add_argument("--moderator", metavar="NAME")
    put.add_argument("--vnr", help="the 19-digit CME event number (VNR)")
    put.add_argument("--cme-category", metavar="CAT", help="CME category, e.g. A")
    put.add_argument("--cme-points", type=whole_number, metavar="N", help="CME points")
    put.add_argument("--scientific-lead", metavar="NAME")
    put.add_argument("--organiser", metavar="NAME", help="as the attendance certificates name it")
    put.add_argument(
        "--fellow",
        action="append",
        metavar="NAME@SITE",
        help="a fellow (repeat for each; replaces the list); --fellow '' clears it",
    )
    put.set_defaults(func=_dispatch("conference", "run_set"))

    sites = sub.add_parser("sites", help="the site registry as CSV or JSON")
    site_actions = sites.add_subparsers(title="actions", metavar="ACTION", required=True)
    sites_in = site_actions.add_parser("import", help="add or update sites (by code) from a file")
    sites_in.add_argument("file", metavar="FILE", help="CSV (code,name,city,email) or .json")
    sites_in.set_defaults(func=_dispatch("sites", "run_import"))
    sites_out = site_actions.add_parser("export", help="write the registry (JSON for *.json)")
    sites_out.add_argument("file", metavar="FILE", help="target file, or - for standard output")
    sites_out.add_argument("--json", action="store_true", help="JSON on standard output")
    sites_out.set_defaults(func=_dispatch("sites", "run_export"))
    status = site_actions.add_parser(
        "status", help="which invited sites have opened their link (the link test)"
    )
    status.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    status.set_defaults(func=_dispatch("checkin", "run_status"))

    invite = sub.add_parser("invite", help="invite sites to a conference (each gets its link)")
    invite.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    invite.add_argument("codes", nargs="+", metavar="CODE", help="site code from the registry")
    invite.add_argument(
        "--withdraw", action="store_true", help="withdraw the invitations (not after voting)"
    )
    invite.set_defaults(func=_dispatch("invite"))

    from app.commands.attendance import AttendeeEfn, AttendeeName, AttendeeRole

    att = sub.add_parser("attendance", help="check a site in or out, with names and EFNs (CME)")
    att.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    att.add_argument("code", metavar="CODE", help="the site's code")
    presence = att.add_mutually_exclusive_group(required=True)
    presence.add_argument("--present", dest="present", action="store_true")
    presence.add_argument("--absent", dest="present", action="store_false")
    att.add_argument("--count", type=whole_number, metavar="N", help="how many attend at the site")
    att.add_argument(
        "--name",
        action=AttendeeName,
        dest="attendees",
        metavar="NAME",
        help="an attending doctor (repeat; replaces the names given before)",
    )
    att.add_argument(
        "--efn",
        action=AttendeeEfn,
        dest="attendees",
        metavar="EFN",
        help="the EFN of the --name before it (15 digits)",
    )
    att.add_argument(
        "--role",
        action=AttendeeRole,
        dest="attendees",
        metavar="ROLE",
        help="the role of the --name before it (e.g. Fellow)",
    )
    att.set_defaults(func=_dispatch("attendance"))


def main(argv: Sequence[str] | None = None) -> int:
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"votum: {exc}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser(settings)
    args = parser.parse_args(argv)
    args.settings = settings
    if args.db is None:
        args.db = default_db_url(settings)
    from app.services.errors import VotumError

    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"votum: {exc}", file=sys.stderr)
        return exc.code
    except VotumError as exc:
        message = str(exc).replace("\n", "\n  ")
        print(f"votum: {message}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a read-only, full or damaged database: one line, not a trace
        from app.db import storage_message

        problem = storage_message(exc, args.db)
        if problem is None:
            raise
        print(f"votum: {problem}", file=sys.stderr)
        return EXIT_REFUSED
