"""Publish a prepared conference to a hosted server and fetch its results home.

*Publish* sends only what the sites' pages need unless the moderator chooses more
(:class:`~app.services.conference_export.Publish`), after a look at what the server already
has; a conference with ballots there is never overwritten. *Fetch* brings the whole
conference back into the local database (:mod:`app.services.fetch_home`).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database
from app.remote.client import ModeratorClient, Refused
from app.remote.messages import say
from app.services.conference_export import Publish, build_conference_file
from app.services.conference_schema import ConferenceFile
from app.services.fetch_home import FetchOutcome, adopt_fetched


class PublishRefused(Refused):
    """The server already holds ballots for its conference: not overwritten."""


@dataclass(frozen=True)
class Outgoing:
    """What *Publish* would send: the file and a few numbers for the preview."""

    file: ConferenceFile
    publish: Publish
    cases: int
    questions: int
    sites: int
    images: int

    @property
    def size(self) -> int:
        """Bytes on the wire."""
        return len(self.file.model_dump_json().encode())


@dataclass(frozen=True)
class PublishPlan:
    """The preview before publishing: what goes out, and what the server has now."""

    outgoing: Outgoing
    server: dict[str, object]

    @property
    def server_ballots(self) -> int:
        value = self.server.get("ballots", 0)
        return value if isinstance(value, int) else 0

    @property
    def allowed(self) -> bool:
        return self.server_ballots == 0


def outgoing(db: Database, conference_id: int, publish: Publish | None = None) -> Outgoing:
    """The conference file as it would be published (only what sites need by default)."""
    chosen = publish or Publish()
    with db.read() as session:
        file = build_conference_file(session, conference_id, publish=chosen)
    return Outgoing(
        file=file,
        publish=chosen,
        cases=len(file.cases),
        questions=sum(len(c.questions) for c in file.cases),
        sites=len(file.invitations),
        images=sum(len(c.images) for c in file.cases),
    )


def plan_publish(
    client: ModeratorClient, db: Database, conference_id: int, publish: Publish | None = None
) -> PublishPlan:
    """Prepare the preview: the outgoing file and the server's summary of what it holds."""
    return PublishPlan(outgoing(db, conference_id, publish), client.summary())


def _refusal(ballots: int) -> PublishRefused:
    return PublishRefused(409, say("server_has_ballots", ballots=ballots))


def publish(client: ModeratorClient, plan: PublishPlan) -> dict[str, object]:
    """Upload the planned file; the server's summary afterwards. Refused when the server
    has ballots (checked here for a clear message, and again by the server itself)."""
    if not plan.allowed:
        raise _refusal(plan.server_ballots)
    try:
        summary: dict[str, object] = client.publish(plan.outgoing.file)
    except Refused as exc:
        if exc.status == 409:
            raise _refusal(client.summary().get("ballots", 0)) from None
        raise
    return summary


def fetch_results(client: ModeratorClient, db: Database, conference_id: int) -> FetchOutcome:
    """Bring the server's conference (results, attendance, notes, audit) into the local
    conference; nothing changes when nothing changed on the server."""
    return adopt_results(client, db, conference_id, client.fetch_file())


def adopt_results(
    client: ModeratorClient, db: Database, conference_id: int, file: ConferenceFile
) -> FetchOutcome:
    """The second half of :func:`fetch_results`: a fetched file into the local conference."""
    server = file.origin.server or client.connection.base_url
    with db.write() as session:
        return adopt_fetched(session, conference_id, file, server=server)
