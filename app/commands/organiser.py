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
from app.commands.messages import say, text

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
    lang = args.cli_lang
    if args.rotate:
        if args.token_file:
            write_private(Path(args.token_file), token + "\n")
            print(text(lang, "organiser_token_written", path=args.token_file))
        else:
            print(text(lang, "organiser_token_shown", token=token))
            print(text(lang, "organiser_token_once"))
    elif args.revoke:
        print(text(lang, "organiser_token_revoked" if had else "organiser_token_was_none"))
    elif since is None:
        print(text(lang, "organiser_token_none").strip())
    else:
        when = since.strftime("%Y-%m-%d %H:%M UTC")
        print(text(lang, "organiser_token_issued", since=when).strip())
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
    lang = args.cli_lang
    if args.moderator_token_file:
        write_private(Path(args.moderator_token_file), token + "\n")
        print(text(lang, "token_written", path=args.moderator_token_file))
    else:
        print(text(lang, "token_shown", token=token))
        print(text(lang, "token_once"))


def run_publish(args: argparse.Namespace) -> int:
    from app.remote.organiser import PublishedConference
    from app.services.conference_file import read_conference_file

    file = read_conference_file(Path(args.file))  # checked whole before anything is sent
    published = _calling(args, "publish", file)
    assert isinstance(published, PublishedConference)
    print(
        text(
            args.cli_lang,
            "published_conference",
            slug=published.slug,
            date=published.date.isoformat(),
            id=published.id,
            cases=published.cases,
            sites=published.invited_sites,
        )
    )
    _give_token(args, published.moderator_token)
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    conferences = _calling(args, "conferences")
    assert isinstance(conferences, list)
    lang = args.cli_lang
    if not conferences:
        print(text(lang, "no_conferences_on_server"))
    for conf in conferences:
        counts = text(
            lang,
            "server_conference_counts",
            sites=conf.invited_sites,
            ballots=conf.ballots,
            last=conf.last_activity.strftime("%Y-%m-%d %H:%M UTC"),
        )
        print(f"{conf.id}\t{conf.slug}\t{conf.date.isoformat()}\t{conf.topic}\t{counts}")
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
    print(text(args.cli_lang, "fetched", slug=file.conference.slug, ballots=ballots, path=path))
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    _calling(args, "delete", args.id)
    print(text(args.cli_lang, "deleted", id=args.id, server=args.server))
    return EXIT_OK


def run_moderator_token(args: argparse.Namespace) -> int:
    token = _calling(args, "new_moderator_token", args.id)
    assert isinstance(token, str)
    print(text(args.cli_lang, "new_moderator_token", id=args.id))
    _give_token(args, token)
    return EXIT_OK
