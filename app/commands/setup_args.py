"""The arguments of the commands that set a conference up without the desktop
(``conference``, ``sites``, ``invite``, ``attendance``); their actions live in their own
modules of :mod:`app.commands`, imported only when one runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.commands.common import iso_date, whole_number
from app.config import LANGUAGES


def add_setup_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    dispatch: Callable[..., Callable[[argparse.Namespace], int]],
) -> None:
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
    imp.set_defaults(func=dispatch("conference", "run_import"))

    new = actions.add_parser(
        "new", help="an empty conference (a hosted server's place to publish into)"
    )
    new.add_argument("topic", metavar="TOPIC")
    new.add_argument("--date", type=iso_date, required=True, help="YYYY-MM-DD")
    new.add_argument("--language", choices=LANGUAGES, default="de")
    new.add_argument("--slug", metavar="NAME", help="short name (default: date and topic)")
    new.set_defaults(func=dispatch("conference", "run_new"))

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
    exp.set_defaults(func=dispatch("conference", "run_export"))

    checkin = actions.add_parser("checkin", help="open or close the sites' own check-in")
    checkin.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    step = checkin.add_mutually_exclusive_group(required=True)
    step.add_argument("--open", dest="open", action="store_true")
    step.add_argument("--close", dest="open", action="store_false")
    checkin.set_defaults(func=dispatch("checkin", "run_checkin"))

    held = actions.add_parser("held", help="mark the session as held (closes the check-in)")
    held.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    held.set_defaults(func=dispatch("checkin", "run_held"))

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
    put.set_defaults(func=dispatch("conference", "run_set"))

    sites = sub.add_parser("sites", help="the site registry as CSV or JSON")
    site_actions = sites.add_subparsers(title="actions", metavar="ACTION", required=True)
    sites_in = site_actions.add_parser("import", help="add or update sites (by code) from a file")
    sites_in.add_argument("file", metavar="FILE", help="CSV (code,name,city,email) or .json")
    sites_in.set_defaults(func=dispatch("sites", "run_import"))
    sites_out = site_actions.add_parser("export", help="write the registry (JSON for *.json)")
    sites_out.add_argument("file", metavar="FILE", help="target file, or - for standard output")
    sites_out.add_argument("--json", action="store_true", help="JSON on standard output")
    sites_out.set_defaults(func=dispatch("sites", "run_export"))
    status = site_actions.add_parser(
        "status", help="which invited sites have opened their link (the link test)"
    )
    status.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    status.set_defaults(func=dispatch("checkin", "run_status"))

    invite = sub.add_parser("invite", help="invite sites to a conference (each gets its link)")
    invite.add_argument("conference", metavar="CONFERENCE", help="id or short name")
    invite.add_argument("codes", nargs="+", metavar="CODE", help="site code from the registry")
    invite.add_argument(
        "--withdraw", action="store_true", help="withdraw the invitations (not after voting)"
    )
    invite.set_defaults(func=dispatch("invite"))

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
    att.set_defaults(func=dispatch("attendance"))
