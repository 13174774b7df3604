"""``python main.py serve CONFERENCE``: the voting server without the desktop app."""

from __future__ import annotations

import argparse
import threading

from app.commands.common import CliError, conference_id, open_db
from app.server.runner import ServerStartError, VotingServer, tune_garbage_collector
from app.services.conferences import get_conference, invitations


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.read() as session:
        conf_id = conference_id(session, args.conference)
        conf = get_conference(session, conf_id)
        invited = invitations(session, conf_id)
    server = VotingServer(db, conf_id, host=args.host, port=args.port, settings=args.settings)
    try:
        server.start()
    except ServerStartError as exc:
        raise CliError(str(exc)) from None
    tune_garbage_collector(args.settings.gc_thresholds)
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
