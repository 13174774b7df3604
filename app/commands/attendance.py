"""``python main.py attendance CONFERENCE CODE``: check a site in or out, with names and EFNs."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.commands.common import EXIT_OK, CliError, conference_id, open_db


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
                raise CliError(f"site {args.code!r} is not invited to this conference")
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
    state = "present" if row.present else "absent"
    print(f"{row.site.code}: {state}, {row.attendee_count} attending, {len(row.attendees)} named")
    for person in row.attendees:
        if person.efn_invalid:
            print(
                f"{row.site.code}: {_efn_problem(person.efn)} – {person.name}: kept, marked "
                "“invalid EFN” on the CME list",
                file=sys.stderr,
            )
    return EXIT_OK


def _efn_problem(efn: str) -> str:
    from app.services.cme import normalise_efn
    from app.services.errors import InvalidInput

    try:
        normalise_efn(efn)
    except InvalidInput as exc:
        return str(exc)
    return f"EFN {efn!r}"
