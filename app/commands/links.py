"""``python main.py links CONFERENCE``: every site's link as CSV, PDF or a QR-code sheet."""

from __future__ import annotations

import argparse
import csv
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from app.commands.common import CliError, conference_id, open_db
from app.commands.messages import say, text
from app.reports.link_sheets import SiteLink, write_pdf, write_png
from app.server.addresses import lan_addresses
from app.services.conferences import get_conference, invitations
from app.services.text import spreadsheet_safe
from app.services.tokens import reissue_site_token, revoke_site_token, voter_link
from app.texts import Message


def normalise_base_url(raw: str) -> str:
    """The address sites will open, checked so that every printed link can work."""
    given = raw.strip()
    try:
        parts = urlsplit(given)
        port = parts.port  # raises ValueError when out of range or not a number
    except ValueError:
        raise CliError(say("base_url_invalid", raw=repr(raw))) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise CliError(say("base_url_scheme", raw=repr(raw)))
    if not parts.hostname or any(c.isspace() for c in given):
        raise CliError(say("base_url_host", raw=repr(raw)))
    if parts.query or parts.fragment or "?" in given or "#" in given:
        raise CliError(say("base_url_parts", raw=repr(raw)))
    netloc = parts.hostname if port is None else f"{parts.hostname}:{port}"
    if ":" in parts.hostname:  # IPv6
        netloc = f"[{parts.hostname}]" + ("" if port is None else f":{port}")
    return urlunsplit((parts.scheme.lower(), netloc, parts.path.rstrip("/"), "", ""))


def default_base_url(port: int) -> str:
    lan = lan_addresses()
    return f"http://{lan[0] if lan else '127.0.0.1'}:{port}"


def _output(raw: str | None, option: str) -> Path | None:
    """A ``--pdf``/``--png`` target, checked before anything is written or changed."""
    if raw is None:
        return None
    path = Path(raw)
    if path.is_dir():
        raise CliError(say("is_a_folder", path=f"{option} {path}"))
    if not path.parent.resolve().is_dir():
        raise CliError(say("folder_missing", path=f"{option} {path}", folder=path.parent))
    return path


def run(args: argparse.Namespace) -> int:
    pdf, png = _output(args.pdf, "--pdf"), _output(args.png, "--png")
    base = normalise_base_url(args.base_url or default_base_url(args.port))
    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = conference_id(session, args.conference)
            by_code = {i.site.code.lower(): i.site for i in invitations(session, conf_id)}
            for code in [*args.reissue, *args.revoke]:
                if code.lower() not in by_code:
                    known = ", ".join(sorted(s.code for s in by_code.values()))
                    raise CliError(say("site_not_invited_known", code=repr(code), known=known))
            for code in args.revoke:
                revoke_site_token(session, conf_id, by_code[code.lower()].id)
            for code in args.reissue:
                reissue_site_token(session, conf_id, by_code[code.lower()].id)
            conf = get_conference(session, conf_id)
            rows = [
                SiteLink(i.site.name, i.site.code, voter_link(base, i.token) if i.token else "")
                for i in invitations(session, conf_id)
            ]
    finally:
        db.dispose()
    # The new tokens are stored now: their links are printed first, before any file.
    by_row = {row.code.lower(): row for row in rows}
    lang = args.cli_lang
    for code in args.revoke:
        print(text(lang, "link_revoked", code=code), file=sys.stderr)
    for code in args.reissue:
        link = by_row[code.lower()].link
        print(text(lang, "link_reissued", code=code, link=link), file=sys.stderr, flush=True)
    try:
        write_csv(rows)
    except BrokenPipeError:  # `links demo | head`: the reader has all it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # no second error when Python flushes at exit
    for path, write, kind in ((pdf, write_pdf, "PDF"), (png, write_png, "PNG")):
        if path is None:
            continue
        try:
            write(path, conf, rows)
        except OSError as exc:
            reason = Message.plain(str(exc.strerror or exc))
            raise CliError(say("sheet_not_written", kind=kind, path=path, reason=reason)) from None
        print(text(lang, "sheet_written", kind=kind, path=path), file=sys.stderr)
    return 0


def write_csv(rows: list[SiteLink]) -> None:
    """Site, code and link per line; a cell that would start a formula is neutralised
    (site names come from the registry and may be typed by anyone)."""
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["site", "code", "link"])
    for row in rows:
        out.writerow([spreadsheet_safe(row.name), spreadsheet_safe(row.code), row.link])
    sys.stdout.flush()
