"""``python main.py serve [CONFERENCE]``: the voting server without the desktop app, for
one conference or (without one) the standing server of the round; ``--check`` says what
is wrong with its configuration before it starts."""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from app.commands.common import CliError, conference_id, open_db, write_private
from app.commands.links import normalise_base_url
from app.commands.messages import plural, say, text
from app.config import load_settings
from app.db import Database
from app.server.addresses import base_urls
from app.server.connections import ConnectionLimits, TlsFiles
from app.server.runner import ServerStartError, VotingServer, tune_garbage_collector
from app.services.conferences import get_conference, invitations, list_conferences, moderator_token
from app.services.organiser import organiser_token_since
from app.services.views import InvitationInfo


def tls_files(args: argparse.Namespace) -> TlsFiles | None:
    """The certificate and key named by --certfile/--keyfile, checked to be readable."""
    if not args.certfile and not args.keyfile:
        return None
    if not args.certfile or not args.keyfile:
        raise CliError(say("tls_pair"))
    for option, name in (("--certfile", args.certfile), ("--keyfile", args.keyfile)):
        path = Path(name)
        if not path.is_file() or not os.access(path, os.R_OK):
            raise CliError(say("no_readable_file", option=option, name=name))
    return TlsFiles(str(Path(args.certfile)), str(Path(args.keyfile)))


def trusted_proxies(args: argparse.Namespace) -> tuple[str, ...]:
    """The addresses whose X-Forwarded-For is believed (only with --proxy-headers)."""
    given = [p.strip() for item in args.forwarded_allow_ips for p in item.split(",") if p.strip()]
    if not args.proxy_headers:
        if given:
            raise CliError(say("allow_ips_need_proxy_headers"))
        return ()
    if not given:
        raise CliError(say("proxy_headers_need_allow_ips"))
    for item in given:
        if item == "*":
            continue
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise CliError(say("not_an_ip", item=repr(item))) from None
    return tuple(given)


def check_storing(db: Database, url: str) -> None:
    """A server must be able to store what it acknowledges: a database that cannot (a
    read-only file or folder, a full disk, a read-only PostgreSQL) stops it at start with
    one line saying what to do, instead of a traceback for every vote."""
    from app.server.storage import cannot_serve, try_write

    try:
        try_write(db)
    except Exception as exc:
        line = cannot_serve(exc, url)
        if line is None:
            raise
        db.dispose()
        raise CliError(line) from None


def connection_limits(args: argparse.Namespace) -> ConnectionLimits:
    """The settings' bounds, with --max-connections if given."""
    limits = ConnectionLimits.from_settings(load_settings())
    if args.max_connections is None:
        return limits
    if args.max_connections < 10:
        raise CliError(say("max_connections_least", least=10))
    return replace(limits, max_connections=args.max_connections)


@dataclass(frozen=True)
class Served:
    """What ``serve`` serves, read before it starts: one conference, or the round."""

    conference_id: int | None
    title: str
    #: the conference's moderator token ("" where only its hash is kept); None: the round
    token: str | None
    slug: str = ""
    invited: Sequence[InvitationInfo] = ()
    #: a standing server: when its organiser token was issued (None: there is none)
    organiser_since: dt.datetime | None = None


def served(db: Database, args: argparse.Namespace) -> Served:
    """The conference named on the command line, or every conference of the database."""
    with db.read() as session:
        if args.conference is None:
            count = len(list_conferences(session))
            return Served(
                None,
                plural(args.cli_lang, "server_for_round", count),
                None,
                organiser_since=organiser_token_since(session),
            )
        conf_id = conference_id(session, args.conference)
        conf = get_conference(session, conf_id)
        return Served(
            conf_id,
            text(args.cli_lang, "server_for", slug=conf.slug, topic=conf.topic),
            moderator_token(session, conf_id),  # the same for every worker: stored
            conf.slug,
            invitations(session, conf_id),
        )


def run(args: argparse.Namespace) -> int:
    if args.check:
        from app.commands.check import run_check

        return run_check(args)
    tls = tls_files(args)
    proxies = trusted_proxies(args)
    base_url = normalise_base_url(args.base_url) if args.base_url else None
    if args.conference is None and args.moderator_token_file:
        raise CliError(say("token_file_needs_conference"))
    if args.workers != 1:
        return run_workers(args, tls, proxies, base_url)
    db = open_db(args)
    check_storing(db, args.db)
    what = served(db, args)
    server = VotingServer(
        db,
        what.conference_id,
        host=args.host,
        port=args.port,
        settings=args.settings,
        tls=tls,
        trusted_proxies=proxies,
        connection_limits=connection_limits(args),
    )
    try:
        server.start()
    except ServerStartError as exc:
        raise CliError(exc.message) from None
    tune_garbage_collector(args.settings.gc_thresholds)
    urls = server.base_urls()
    lang = args.cli_lang
    print(what.title, flush=True)
    _print_reach(args, urls, base_url, proxies, what)
    print(text(lang, "api_description", url=f"{base_url or urls[-1]}/openapi.json"), flush=True)
    print(text(lang, "press_ctrl_c"), flush=True)
    stopped = threading.Event()
    try:
        while server.running and not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        print(text(lang, "stopping"), flush=True)
    finally:
        server.stop()
        db.dispose()
    return 0


def _print_reach(
    args: argparse.Namespace,
    urls: list[str],
    base_url: str | None,
    proxies: tuple[str, ...],
    what: Served,
) -> None:
    """Where the server listens, how sites reach it, whom it trusts; the moderator token
    (or the private file it went to) and the links, or the organiser's credential."""
    lang = args.cli_lang
    for url in urls:
        print(text(lang, "listening_on", url=url), flush=True)
    if base_url:
        print(text(lang, "sites_reach", url=base_url), flush=True)
    if proxies:
        print(text(lang, "trusting_proxies", proxies=", ".join(proxies)), flush=True)
    if what.token is None:
        _print_organiser(what, base_url or urls[0], lang)
        return
    if not what.token:
        print(text(lang, "token_with_organiser"))
    elif args.moderator_token_file:
        write_private(Path(args.moderator_token_file), what.token + "\n")
        print(text(lang, "token_written", path=args.moderator_token_file), flush=True)
    else:
        print(text(lang, "token_shown", token=what.token), flush=True)
    with_link, invited = sum(1 for i in what.invited if i.token), len(what.invited)
    command = f"python main.py links {what.slug} --base-url {base_url or urls[0]}"
    print(plural(lang, "links_hint", invited, with_link=with_link, command=command), flush=True)


def _print_organiser(what: Served, base: str, lang: str) -> None:
    if what.organiser_since is None:
        print(text(lang, "organiser_token_none"), flush=True)
    else:
        since = what.organiser_since.strftime("%Y-%m-%d %H:%M UTC")
        print(text(lang, "organiser_token_issued", since=since), flush=True)
    print(text(lang, "organiser_api", url=f"{base}/api/organiser/"), flush=True)


def run_workers(
    args: argparse.Namespace,
    tls: TlsFiles | None,
    proxies: tuple[str, ...],
    base_url: str | None,
) -> int:
    """``--workers N``: N processes on PostgreSQL (:mod:`app.server.workers`)."""
    from app.server.runner import bind_socket
    from app.server.workers import WorkerSettings, check_workers
    from app.server.workers import run_workers as serve_with_workers

    problem = check_workers(args.db, args.workers)
    if problem:
        raise CliError(problem)
    db = open_db(args)  # migrates once, before any worker starts
    try:
        check_storing(db, args.db)
        what = served(db, args)
    finally:
        db.dispose()
    try:
        sock = bind_socket(args.host, args.port)
    except ServerStartError as exc:
        raise CliError(exc.message) from None
    sock.listen(2048)  # sites that come before the workers are up wait in the backlog
    port = sock.getsockname()[1]
    urls = base_urls(args.host, port)
    if tls is not None:  # the printed links must name the scheme the workers speak
        urls = ["https://" + url.removeprefix("http://") for url in urls]
    lang = args.cli_lang
    print(text(lang, "with_workers", title=what.title, workers=args.workers), flush=True)
    _print_reach(args, urls, base_url, proxies, what)
    print(text(lang, "press_ctrl_c"), flush=True)
    serve_with_workers(
        WorkerSettings(args.db, what.conference_id),
        sock,
        args.workers,
        tls=tls,
        trusted_proxies=proxies,
        limits=connection_limits(args),
    )
    print(text(lang, "stopped"), flush=True)
    return 0
