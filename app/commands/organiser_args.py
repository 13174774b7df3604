"""The ``organiser`` subcommand's arguments (its actions live in
:mod:`app.commands.organiser`, imported only when one runs)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app.commands.common import whole_number


def add_organiser_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    dispatch: Callable[[str, str], Callable[[argparse.Namespace], int]],
) -> None:
    """The round's organiser: the credential (on the server) and the organiser API."""
    org = sub.add_parser(
        "organiser", help="the round's standing server: organiser token, publish, list, delete"
    )
    actions = org.add_subparsers(title="actions", metavar="ACTION", required=True)
    token = actions.add_parser(
        "token", help="on the server: the organiser token (shown once, stored as a hash)"
    )
    which = token.add_mutually_exclusive_group()
    which.add_argument(
        "--rotate", action="store_true", help="issue a new token; the old one fails at once"
    )
    which.add_argument("--revoke", action="store_true", help="no organiser token any more")
    token.add_argument(
        "--token-file",
        metavar="FILE",
        help="with --rotate: write the token to FILE (mode 0600) instead of printing it",
    )
    token.set_defaults(func=dispatch("organiser", "run_token"))

    def remote(name: str, text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=text)
        parser.add_argument(
            "--server", required=True, metavar="URL", help="the standing server, https://…"
        )
        parser.add_argument(
            "--ca-file", metavar="FILE", help="the hospital's CA certificate (PEM), if own"
        )
        parser.add_argument(
            "--token-file",
            metavar="FILE",
            help="the organiser token (default: $VOTUM_ORGANISER_TOKEN, else asked for)",
        )
        parser.set_defaults(func=dispatch("organiser", f"run_{name.replace('-', '_')}"))
        return parser

    publish = remote("publish", "publish a conference file as a new conference of the round")
    publish.add_argument("file", metavar="FILE", help="conference file (.votum-conference.json)")
    publish.add_argument(
        "--moderator-token-file",
        metavar="FILE",
        help="write the new conference's moderator token to FILE (mode 0600), not the screen",
    )
    remote("list", "the round's conferences on the server")
    fetch = remote("fetch", "fetch a conference home with its results (a conference file)")
    fetch.add_argument("id", type=whole_number, metavar="ID", help="the conference's id there")
    fetch.add_argument("-o", "--output", required=True, metavar="FILE")
    delete = remote("delete", "delete a conference with every ballot, name and token")
    delete.add_argument("id", type=whole_number, metavar="ID", help="the conference's id there")
    new_token = remote("moderator-token", "a new moderator token for a conference")
    new_token.add_argument("id", type=whole_number, metavar="ID")
    new_token.add_argument(
        "--moderator-token-file", metavar="FILE", help="write it to FILE (mode 0600)"
    )
