"""``python main.py attendance CONFERENCE CODE``: check a site in or out, with names and EFNs."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.commands.common import EXIT_OK, CliError, conference_id, open_db
from app.commands.messages import say, text


class AttendeeName(argparse.Action):
    """``--name N`` starts an attendee; a following ``--efn E`` and ``--role R`` belong to
    that name."""

    def __call__(self, parser: Any, namespace: Any, value: Any, option: Any = None) -> None:
        attendees = list(getattr(namespace, "attendees", None) or [])
        attendees.append([str(value), "", ""])
        namespace.attendees = attendees


class _AttendeeField(argparse.Action):
    index = 1

    def __call__(self, parser: Any, namespace: Any, value: Any, option: Any = None) -> None:
        attendees = list(getattr(namespace, "attendees", None) or [])
        if not attendees or attendees[-1][self.index]:
            parser.error(f"{option} belongs to the --name before it")
        attendees[-1][self.index] = str(value)
        namespace.attendees = attendees


class AttendeeEfn(_AttendeeField):
    index = 1


class AttendeeRole(_AttendeeField):
    index = 2


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.models import Site
    from app.services.conferences import invitations, set_attendance

    db = open_db(args)
    try:
        with db.write() as session:
            conf_id = conference_id(session, args.conference)
            site = session.scalar(select(Site).where(Site.code == args.code))
            invited = {i.site.id for i in invitations(session, conf_id)}
            if site is None or site.id not in invited:
                raise CliError(say("site_not_invited_here", code=repr(args.code)))
            attendees = args.attendees
            set_attendance(
                session,
                conf_id,
                site.id,
                present=args.present,
                attendee_count=args.count,
                attendees=[tuple(a) for a in attendees] if attendees is not None else None,
            )
            row = next(i for i in invitations(session, conf_id) if i.site.id == site.id)
    finally:
        db.dispose()
    lang, code = args.cli_lang, row.site.code
    state = text(lang, "present" if row.present else "absent")
    count, named = row.attendee_count, len(row.attendees)
    print(text(lang, "attendance", code=code, state=state, count=count, named=named))
    for person in row.attendees:
        if person.efn_invalid:
            problem = _efn_problem(person.efn, lang)
            print(
                text(lang, "efn_kept", code=code, problem=problem, name=person.name),
                file=sys.stderr,
            )
    return EXIT_OK


def _efn_problem(efn: str, lang: str) -> str:
    from app.services.cme import normalise_efn
    from app.services.errors import InvalidInput

    try:
        normalise_efn(efn)
    except InvalidInput as exc:
        return exc.in_language(lang)
    return text(lang, "efn_given", efn=repr(efn))
