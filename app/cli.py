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
from app.commands.common import EXIT_REFUSED, CliError, port_number
from app.config import DB_ENV_VAR, DEFAULT_PORT, LANGUAGES, default_db_url


def _dispatch(module: str, function: str = "run") -> Callable[[argparse.Namespace], int]:
    """The command ``module.function`` of ``app.commands``, imported only when it runs."""

    def command(args: argparse.Namespace) -> int:
        implementation = getattr(import_module(f"app.commands.{module}"), function)
        return int(implementation(args) or 0)

    return command


def build_parser() -> argparse.ArgumentParser:
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
        help="address sites will use, e.g. http://192.168.1.20:8765 "
        "(default: this machine's LAN address)",
    )
    links.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help="port for the default URL"
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
    serve.add_argument("--host", default="0.0.0.0", help="address to bind (default 0.0.0.0)")
    serve.add_argument(
        "--port",
        type=port_number,
        default=DEFAULT_PORT,
        help=f"port (default {DEFAULT_PORT}; 0 picks a free one)",
    )
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
        help="replace site names in the ballot appendix by letters",
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
        choices=("csv", "xlsx", "json", "attendance-csv"),
        help="csv also writes FILE.ballots.csv beside FILE; attendance-csv is "
        "the CME attendance list",
    )
    res.add_argument("-o", "--output", required=True, metavar="FILE")
    res.add_argument("--lang", choices=LANGUAGES, help="default: the conference's language")
    res.add_argument(
        "--allow-empty", action="store_true", help="export even if no ballot has been cast yet"
    )
    res.set_defaults(func=_dispatch("reports", "run_results"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = default_db_url()
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
