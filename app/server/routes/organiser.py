"""The organiser API of a standing server (``Authorization: Bearer <organiser token>``):
publish a conference file as a new conference, list the round's conferences, fetch one
home with its results, delete one, give one a new moderator token.

The organiser token opens only these routes: it is no site's token and no conference's
moderator token, so it can neither vote nor act in a session. Writes go through the
server's one writer and are announced to every worker.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.server.context import announced
from app.server.deps import IdPath, OrganiserDep, conferences_of
from app.server.routes.site_api import ERRORS
from app.services.conference_export import build_conference_file
from app.services.conference_schema import ConferenceFile
from app.services.organiser import (
    Published,
    RoundConference,
    delete_from_round,
    new_moderator_token_for,
    publish_conference,
    round_conferences,
)

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api/organiser", tags=["organiser"], dependencies=[OrganiserDep])

UPLOAD_NAME = "upload"
#: the path whose body may be as large as a conference file (see BodySizeLimit)
UPLOAD_PATH = re.compile(r"/api/organiser/conferences")


class PublishedOut(BaseModel):
    """A conference just published. ``moderator_token`` is shown this once: the server
    keeps only its hash (a new one: ``POST …/{id}/moderator-token``)."""

    id: int
    slug: str
    topic: str
    date: dt.date
    language: str
    invited_sites: int
    cases: int
    moderator_token: str

    @classmethod
    def of(cls, published: Published) -> PublishedOut:
        return cls(
            id=published.conference_id,
            slug=published.slug,
            topic=published.topic,
            date=published.date,
            language=published.language,
            invited_sites=published.invited_sites,
            cases=published.cases,
            moderator_token=published.moderator_token,
        )


class RoundConferenceOut(BaseModel):
    """One conference the server holds."""

    id: int
    slug: str
    topic: str
    date: dt.date
    language: str
    invited_sites: int
    #: ballots cast so far, changes included
    ballots: int
    created_at: dt.datetime
    last_activity: dt.datetime

    @classmethod
    def of(cls, conf: RoundConference) -> RoundConferenceOut:
        return cls(
            id=conf.conference_id,
            slug=conf.slug,
            topic=conf.topic,
            date=conf.date,
            language=conf.language,
            invited_sites=conf.invited_sites,
            ballots=conf.ballots,
            created_at=conf.created_at,
            last_activity=conf.last_activity,
        )


class ModeratorTokenOut(BaseModel):
    """A conference's new moderator token, shown this once (the old one fails at once)."""

    id: int
    moderator_token: str


@router.post("/conferences", status_code=status.HTTP_201_CREATED, responses=ERRORS)
async def publish(request: Request, file: ConferenceFile) -> PublishedOut:
    """Publish a conference file as a new conference of the round: its sites keep the
    links the file carries (refused, 422, if one is another conference's here). Answers
    with the conference's id and its own moderator token, once."""
    conferences = conferences_of(request)

    def work(session: Session) -> Published:
        return publish_conference(session, file, name=UPLOAD_NAME)

    published = await conferences.writer.submit_async(announced(work))
    await conferences.get(published.conference_id)  # served from now on
    log.info("conference %s published by the organiser", published.conference_id)
    return PublishedOut.of(published)


@router.get("/conferences", responses=ERRORS)
def listing(request: Request) -> list[RoundConferenceOut]:
    """Every conference the server holds, the newest date first."""
    with conferences_of(request).db.read() as session:
        return [RoundConferenceOut.of(c) for c in round_conferences(session)]


@router.get("/conferences/{conference_id}/file", responses=ERRORS)
def fetch_home(request: Request, conference_id: IdPath) -> ConferenceFile:
    """The conference whole, as a conference file: attendance with names and EFNs, cases,
    question states, ballots with their full history, notes and the audit trail."""
    with conferences_of(request).db.read() as session:
        return build_conference_file(
            session, conference_id, server=str(request.base_url).rstrip("/")
        )


@router.delete("/conferences/{conference_id}", status_code=204, responses=ERRORS)
async def delete(request: Request, conference_id: IdPath) -> Response:
    """Delete the conference with every ballot, name and token: its links and its
    moderator token stop working at once, on every worker."""
    conferences = conferences_of(request)
    await conferences.writer.submit_async(
        announced(lambda session: delete_from_round(session, conference_id)),
        lane=conference_id,
    )
    conferences.drop(conference_id)
    log.info("conference %s deleted by the organiser", conference_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/conferences/{conference_id}/moderator-token", responses=ERRORS)
async def new_moderator_token(request: Request, conference_id: IdPath) -> ModeratorTokenOut:
    """A new moderator token for the conference (for a moderator who lost it); the old
    one fails at once. Shown this once."""
    token = await conferences_of(request).writer.submit_async(
        announced(lambda session: new_moderator_token_for(session, conference_id)),
        lane=conference_id,
    )
    return ModeratorTokenOut(id=conference_id, moderator_token=token)
