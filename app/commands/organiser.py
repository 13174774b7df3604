"""``python main.py organiser …``: the round's organiser on a standing server.

``organiser token`` runs on the server (the database's organiser credential: shown once,
stored as a hash). The other actions run anywhere, through the organiser API with that
token: publish a conference file, list the round's conferences, fetch one home, delete
one, give one a new moderator token.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.common import EXIT_OK, CliError, open_db, write_private
from app.commands.messages import say

if TYPE_CHECKING:
    from app.remote.organiser import OrganiserClient

#: the organiser token for the commands that use the API (else --token-file, else asked)
TOKEN_ENV_VAR = "VOTUM_ORGANISER_TOKEN"


def run_token(args: argparse.Namespace) -> int:
    from app.services.organiser import (
        organiser_token_since,
        revoke_organiser_token,
        rotate_organiser_token,
    )

    if args.token_file and not args.rotate:
        raise CliError(say("token_file_needs_rotate"))
    db = open_db(args)
    try:
        with db.write() as session:
            if args.rotate:
                token = rotate_organiser_token(session)
            elif args.revoke:
                had = revoke_organiser_token(session)
            else:
                since = organiser_token_since(session)
    finally:
        db.dispose()
    if args.rotate:
        if args.token_file:
            write_private(Path(args.token_file), token + "\n")
            print(f"organiser token: written to {args.token_file} (the old one no longer works)")
        else:
            print(f"organiser token: {token}")
            print("  shown this once; the server keeps only its hash. The old one no longer works.")
    elif args.revoke:
        print("organiser token revoked" if had else "there was no organiser token")
    elif since is None:
        print("no organiser token yet: python main.py organiser token --rotate")
    else:
        print(f"organiser token issued {since.strftime('%Y-%m-%d %H:%M UTC')}")
    return EXIT_OK


def organiser_token(args: argparse.Namespace) -> str:
    """The organiser token: from --token-file, $VOTUM_ORGANISER_TOKEN, or asked for."""
    if args.token_file:
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            problem = say("token_file_unreadable", path=args.token_file, reason=exc.strerror)
            raise CliError(problem) from None
    elif os.environ.get(TOKEN_ENV_VAR):
        token = os.environ[TOKEN_ENV_VAR].strip()
    elif sys.stdin.isatty():
        token = getpass.getpass("organiser token: ").strip()
    else:
        raise CliError(say("organiser_token_needed", variable=TOKEN_ENV_VAR))
    if not token:
        raise CliError(say("organiser_token_needed", variable=TOKEN_ENV_VAR))
    return token


def _client(args: argparse.Namespace) -> OrganiserClient:
    from app.remote.client import RemoteError
    from app.remote.organiser import OrganiserClient

    ca_file = Path(args.ca_file) if args.ca_file else None
    try:
        return OrganiserClient(args.server, organiser_token(args), ca_file)
    except RemoteError as exc:
        raise CliError(exc.message) from None


def _calling(args: argparse.Namespace, call: str, *values: object) -> object:
    """``client.call(*values)``; what the server or the network says as one line."""
    from app.remote.client import RemoteError

    with _client(args) as client:
        try:
            return getattr(client, call)(*values)
        except RemoteError as exc:
            raise CliError(exc.message) from None


def _give_token(args: argparse.Namespace, token: str) -> None:
    if args.moderator_token_file:
        write_private(Path(args.moderator_token_file), token + "\n")
        print(f"  moderator token: written to {args.moderator_token_file}")
    else:
        print(f"  moderator token: {token}")
        print("  shown this once: the server keeps only its hash")


def run_publish(args: argparse.Namespace) -> int:
    from app.remote.organiser import PublishedConference
    from app.services.conference_file import read_conference_file

    file = read_conference_file(Path(args.file))  # checked whole before anything is sent
    published = _calling(args, "publish", file)
    assert isinstance(published, PublishedConference)
    print(
        f"published {published.slug} ({published.date.isoformat()}) as conference "
        f"{published.id}: {published.cases} case(s), {published.invited_sites} invited site(s)"
    )
    _give_token(args, published.moderator_token)
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    conferences = _calling(args, "conferences")
    assert isinstance(conferences, list)
    if not conferences:
        print("no conferences on the server")
    for conf in conferences:
        print(
            f"{conf.id}\t{conf.slug}\t{conf.date.isoformat()}\t{conf.topic}\t"
            f"{conf.invited_sites} sites\t{conf.ballots} ballots\t"
            f"last {conf.last_activity.strftime('%Y-%m-%d %H:%M UTC')}"
        )
    return EXIT_OK


def run_fetch(args: argparse.Namespace) -> int:
    from app.services.conference_file import write_conference_file
    from app.services.conference_schema import ConferenceFile

    path = Path(args.output)
    file = _calling(args, "fetch", args.id)
    assert isinstance(file, ConferenceFile)
    try:
        write_conference_file(file, path)
    except OSError as exc:
        raise CliError(say("token_file_unwritable", path=path, reason=exc.strerror)) from None
    ballots = len(file.results.ballots) if file.results else 0
    print(f"fetched {file.conference.slug}: {ballots} ballot(s) → {path}")
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    _calling(args, "delete", args.id)
    print(f"deleted conference {args.id} from {args.server} with every ballot, name and token")
    return EXIT_OK


def run_moderator_token(args: argparse.Namespace) -> int:
    token = _calling(args, "new_moderator_token", args.id)
    assert isinstance(token, str)
    print(f"conference {args.id}: a new moderator token (the old one no longer works)")
    _give_token(args, token)
    return EXIT_OK
