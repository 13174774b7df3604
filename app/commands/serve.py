"""``python main.py serve CONFERENCE``: the voting server without the desktop app."""

from __future__ import annotations

import argparse
import threading

from app.commands.common import CliError, conference_id, open_db
from app.server.addresses import base_urls
from app.server.runner import ServerStartError, VotingServer, tune_garbage_collector
from app.services.conferences import get_conference, invitations, moderator_token


def run(args: argparse.Namespace) -> int:
    if args.workers != 1:
        return run_workers(args)
    db = open_db(args)
    with db.read() as session:
        conf_id = conference_id(session, args.conference)
        conf = get_conference(session, conf_id)
        invited = invitations(session, conf_id)
    server = VotingServer(db, conf_id, host=args.host, port=args.port)
    try:
        server.start()
    except ServerStartError as exc:
        raise CliError(str(exc)) from None
    tune_garbage_collector()
    urls = server.base_urls()
    with_link = sum(1 for i in invited if i.token)
    print(f"Votum voting server: {conf.slug} — {conf.topic}", flush=True)
    for url in urls:
        print(f"  listening on {url}", flush=True)
    print(f"  moderator token: {server.moderator_token}", flush=True)
    print(
        f"  {with_link} of {len(invited)} invited sites have a link; print them with:\n"
        f"    python main.py links {conf.slug} --base-url {urls[0]}",
        flush=True,
    )
    print(f"  API description: {urls[-1]}/openapi.json", flush=True)
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


def run_workers(args: argparse.Namespace) -> int:
    """``--workers N``: N processes on PostgreSQL (:mod:`app.server.workers`)."""
    from app.server.runner import bind_socket
    from app.server.workers import WorkerSettings, check_workers
    from app.server.workers import run_workers as serve_with_workers

    problem = check_workers(args.db, args.workers)
    if problem:
        raise CliError(problem)
    db = open_db(args)  # migrates once, before any worker starts
    try:
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
    print(f"Votum voting server: {conf.slug} — {conf.topic} ({args.workers} workers)", flush=True)
    for url in urls:
        print(f"  listening on {url}", flush=True)
    print(f"  moderator token: {token}", flush=True)
    with_link = sum(1 for i in invited if i.token)
    print(
        f"  {with_link} of {len(invited)} invited sites have a link; print them with:\n"
        f"    python main.py links {conf.slug} --base-url {urls[0]}",
        flush=True,
    )
    print("Press Ctrl+C to stop.", flush=True)
    serve_with_workers(WorkerSettings(args.db, conf_id), sock, args.workers)
    print("stopped", flush=True)
    return 0
