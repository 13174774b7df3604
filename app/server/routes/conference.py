"""The moderator's routes for the conference as a whole: what the server holds, publish a
conference file into it, fetch it home with its results, delete it."""

from __future__ import annotations

import re

import anyio.to_thread
from fastapi import APIRouter, Request, Response, status
from sqlalchemy.orm import Session

from app.server.deps import CtxDep, ModeratorDep
from app.server.routes.site_api import ERRORS
from app.server.schemas import ConferenceSummaryOut
from app.services.conference_export import build_conference_file
from app.services.conference_file import check_conference_file
from app.services.conference_import import replace_conference, summary_of
from app.services.conference_schema import ConferenceFile
from app.services.conferences import delete_conference
from app.services.events import StateChange

router = APIRouter(prefix="/api/moderator", tags=["moderator"], dependencies=[ModeratorDep])

UPLOAD_NAME = "upload"
#: the one path whose body may be larger than the usual limit (see BodySizeLimit)
UPLOAD_PATH = re.compile(r"/api/moderator/conference")


@router.get("/conference", responses=ERRORS)
def conference_summary(ctx: CtxDep) -> ConferenceSummaryOut:
    """What this server holds of the conference (look before publishing over it)."""
    with ctx.db.read() as session:
        return ConferenceSummaryOut.model_validate(summary_of(session, ctx.conference_id))


@router.put("/conference", responses=ERRORS)
async def publish(ctx: CtxDep, file: ConferenceFile) -> ConferenceSummaryOut:
    """Publish a conference file into the served conference: its data, sites, invitations
    (with their links) and cases replace what is here. Refused (409) once it has ballots.
    The conference keeps its short name and this moderator token."""
    check_conference_file(file, UPLOAD_NAME)

    def work(session: Session) -> dict[str, object]:
        replace_conference(session, ctx.conference_id, file, name=UPLOAD_NAME)
        session.flush()
        return summary_of(session, ctx.conference_id)

    summary = await ctx.write(
        work,
        lambda _summary: ctx.notifier.state_changed(
            StateChange(ctx.conference_id, None, "publish")
        ),
    )
    ctx.language = file.conference.language
    ctx.known.clear()
    await anyio.to_thread.run_sync(ctx.remember_invited)
    return ConferenceSummaryOut.model_validate(summary)


@router.get("/conference/file", responses=ERRORS)
def fetch_home(ctx: CtxDep, request: Request) -> ConferenceFile:
    """The conference whole, as a conference file: metadata, attendance with names and EFNs,
    cases, question states, ballots with their full history, notes and the audit trail."""
    with ctx.db.read() as session:
        return build_conference_file(
            session, ctx.conference_id, server=str(request.base_url).rstrip("/")
        )


@router.delete("/conference", status_code=204, responses=ERRORS)
async def delete(ctx: CtxDep) -> Response:
    """Delete the conference and everything of it from this server (after fetching the
    results home): its links and this token stop working at once. A server serving only
    this conference then serves nothing more: stop it."""
    await ctx.write(lambda session: delete_conference(session, ctx.conference_id))
    ctx.retire()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
