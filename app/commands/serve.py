"""``python main.py serve CONFERENCE``: the voting server without the desktop app."""

from __future__ import annotations

import argparse
import ipaddress
import os
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from app.commands.common import CliError, conference_id, open_db
from app.commands.links import normalise_base_url
from app.config import load_settings
from app.db import Database
from app.server.addresses import base_urls
from app.server.connections import ConnectionLimits, TlsFiles
from app.server.runner import ServerStartError, VotingServer, tune_garbage_collector
from app.services.conferences import get_conference, invitations, moderator_token
from app.services.views import InvitationInfo


def tls_files(args: argparse.Namespace) -> TlsFiles | None:
    """The certificate and key named by --certfile/--keyfile, checked to be readable."""
    if not args.certfile and not args.keyfile:
        return None
    if not args.certfile or not args.keyfile:
        raise CliError("--certfile and --keyfile go together (HTTPS needs both)")
    for option, name in (("--certfile", args.certfile), ("--keyfile", args.keyfile)):
        path = Path(name)
        if not path.is_file() or not os.access(path, os.R_OK):
            raise CliError(f"{option} {name}: no readable file")
    return TlsFiles(str(Path(args.certfile)), str(Path(args.keyfile)))


def trusted_proxies(args: argparse.Namespace) -> tuple[str, ...]:
    """The addresses whose X-Forwarded-For is believed (only with --proxy-headers)."""
    given = [p.strip() for item in args.forwarded_allow_ips for p in item.split(",") if p.strip()]
    if not args.proxy_headers:
        if given:
            raise CliError("--forwarded-allow-ips needs --proxy-headers")
        return ()
    if not given:
        raise CliError(
            "--proxy-headers needs --forwarded-allow-ips with the proxy's address, "
            "e.g. 127.0.0.1 (never * on a reachable host: anyone could forge addresses)"
        )
    for item in given:
        if item == "*":
            continue
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise CliError(
                f"--forwarded-allow-ips {item!r}: not an IP address or network"
            ) from None
    return tuple(given)


def check_storing(db: Database, url: str) -> None:
    """A server must be able to store what it acknowledges: a database that cannot (a
    read-only file or folder, a full disk, a read-only PostgreSQL) stops it at start with
    one line saying what to do, instead of a traceback for every vote."""
    from app.server.storage import cannot_serve

    try:
        db.try_write()
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
        raise CliError("--max-connections: at least 10")
    return replace(limits, max_connections=args.max_connections)


def run(args: argparse.Namespace) -> int:
    tls = tls_files(args)
    proxies = trusted_proxies(args)
    base_url = normalise_base_url(args.base_url) if args.base_url else None
    if args.workers != 1:
        return run_workers(args, tls, proxies, base_url)
    db = open_db(args)
    check_storing(db, args.db)
    with db.read() as session:
        conf_id = conference_id(session, args.conference)
        conf = get_conference(session, conf_id)
        invited = invitations(session, conf_id)
    server = VotingServer(
        db,
        conf_id,
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
        raise CliError(str(exc)) from None
    tune_garbage_collector(args.settings.gc_thresholds)
    urls = server.base_urls()
    print(f"Votum voting server: {conf.slug} — {conf.topic}", flush=True)
    _print_reach(args, urls, base_url, proxies, server.moderator_token)
    _print_links_hint(conf.slug, invited, base_url or urls[0])
    print(f"  API description: {base_url or urls[-1]}/openapi.json", flush=True)
    print("Press Ctrl+C to stop.", flush=True)
    stopped = threading.Event()
    try:
        while server.running and not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        print("stopping …", flush=True)
    finally:
        server.stop()
        db.dispose()
    return 0


def _print_reach(
    args: argparse.Namespace,
    urls: list[str],
    base_url: str | None,
    proxies: tuple[str, ...],
    token: str,
) -> None:
    """Where the server listens, how sites reach it, whom it trusts, the moderator token
    (or the private file it went to)."""
    for url in urls:
        print(f"  listening on {url}", flush=True)
    if base_url:
        print(f"  sites reach it as {base_url}", flush=True)
    if proxies:
        print(f"  trusting X-Forwarded-For from {', '.join(proxies)}", flush=True)
    if args.moderator_token_file:
        _write_private(Path(args.moderator_token_file), token + "\n")
        print(f"  moderator token: written to {args.moderator_token_file}", flush=True)
    else:
        print(f"  moderator token: {token}", flush=True)


def _print_links_hint(slug: str, invited: Sequence[InvitationInfo], base: str) -> None:
    with_link = sum(1 for i in invited if i.token)
    print(
        f"  {with_link} of {len(invited)} invited sites have a link; print them with:\n"
        f"    python main.py links {slug} --base-url {base}",
        flush=True,
    )


def _write_private(path: Path, text: str) -> None:
    """A secret for the operator only (mode 0600), not for the service's journal."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise CliError(f"--moderator-token-file {path}: cannot write ({exc.strerror})") from None


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
        with db.read() as session:
            conf_id = conference_id(session, args.conference)
            conf = get_conference(session, conf_id)
            token = moderator_token(session, conf_id)  # the same for every worker: stored
            invited = invitations(session, conf_id)
    finally:
        db.dispose()
    try:
        sock = bind_socket(args.host, args.port)
    except ServerStartError as exc:
        raise CliError(str(exc)) from None
    sock.listen(2048)  # sites that come before the workers are up wait in the backlog
    port = sock.getsockname()[1]
    urls = base_urls(args.host, port)
    if tls is not None:  # the printed links must name the scheme the workers speak
        urls = ["https://" + url.removeprefix("http://") for url in urls]
    print(f"Votum voting server: {conf.slug} — {conf.topic} ({args.workers} workers)", flush=True)
    _print_reach(args, urls, base_url, proxies, token)
    _print_links_hint(conf.slug, invited, base_url or urls[0])
    print("Press Ctrl+C to stop.", flush=True)
    serve_with_workers(
        WorkerSettings(args.db, conf_id),
        sock,
        args.workers,
        tls=tls,
        trusted_proxies=proxies,
        limits=connection_limits(args),
    )
    print("stopped", flush=True)
    return 0
