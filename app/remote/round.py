"""The laptop's side of the round's standing server: publish the conference as a new one
there, find it again, fetch its results home, delete it. No Qt (the desktop runs these in
a worker thread; :mod:`app.ui.live.round_server`).
"""

from __future__ import annotations

from app.db import Database
from app.remote.client import Refused
from app.remote.organiser import OrganiserClient, PublishedConference, ServedConference
from app.remote.transfer import Outgoing
from app.services.conferences import get_conference
from app.services.fetch_home import FetchOutcome, adopt_fetched
from app.texts import Catalog

_TEXTS: dict[str, tuple[str, str]] = {
    "not_on_the_server": (
        "„{slug}“ ist nicht (mehr) auf {host}",
        "“{slug}” is not (or no longer) on {host}",
    ),
}
MESSAGES = Catalog.of_pairs("round client messages", _TEXTS)
say = MESSAGES.message


def publish_new(client: OrganiserClient, planned: Outgoing) -> PublishedConference:
    """The planned file as a new conference of the round (its own moderator token comes
    back once)."""
    return client.publish(planned.file)


def find_on_server(
    client: OrganiserClient, db: Database, conference_id: int, known_id: int | None
) -> ServedConference:
    """The server's copy of the local conference: the id remembered when it was
    published, else the one with its short name; :class:`Refused` (404) if none."""
    with db.read() as session:
        slug = get_conference(session, conference_id).slug
    served = client.conferences()
    match = next((c for c in served if c.id == known_id), None)
    if match is None:
        match = next((c for c in served if c.slug == slug), None)
    if match is None:
        raise Refused(404, say("not_on_the_server", slug=slug, host=client.host))
    return match


def fetch_home(
    client: OrganiserClient, db: Database, conference_id: int, served: ServedConference
) -> FetchOutcome:
    """Its results, attendance, notes and audit trail into the local conference (twice
    changes nothing)."""
    file = client.fetch(served.id)
    server = file.origin.server or client.base_url
    with db.write() as session:
        return adopt_fetched(session, conference_id, file, server=server)
