"""``python main.py invite CONFERENCE CODE…``: invite sites (or ``--withdraw`` them)."""

from __future__ import annotations

import argparse

from app.commands.common import EXIT_OK, CliError, conference_id, open_db
from app.commands.messages import plural, say, text


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.models import Site
    from app.services.conferences import invitations, invite_sites, uninvite_site

    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = conference_id(session, args.conference)
            by_code = {s.code.lower(): s for s in session.scalars(select(Site))}
            unknown = [c for c in args.codes if c.lower() not in by_code]
            if unknown:
                known = ", ".join(sorted(s.code for s in by_code.values())[:30])
                known = known or text(args.cli_lang, "none_yet")
                raise CliError(say("unknown_site_code", code=repr(unknown[0]), known=known))
            ids = [by_code[c.lower()].id for c in args.codes]
            if args.withdraw:
                invited = {i.site.id for i in invitations(session, conf_id)}
                for code, site_id in zip(args.codes, ids, strict=True):
                    if site_id not in invited:
                        raise CliError(say("site_not_invited", code=repr(code)))
                    uninvite_site(session, conf_id, site_id)
            else:
                invite_sites(session, conf_id, ids)
            rows = invitations(session, conf_id)
    finally:
        db.dispose()
    key = "withdrawn" if args.withdraw else "invited"
    print(plural(args.cli_lang, key, len(rows), codes=", ".join(args.codes)))
    return EXIT_OK
