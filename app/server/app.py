"""The FastAPI app factory: routers, static files, error mapping, protective middleware;
one conference served, or the standing server of the round (every conference)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DBAPIError

from app import __version__
from app.config import LANGUAGES, Settings, load_settings
from app.db import Database
from app.server import fanout
from app.server.context import ServerContext
from app.server.deps import forget_token, request_context
from app.server.feed import ModeratorFeed
from app.server.i18n import error_body, pick_lang
from app.server.live import LiveState
from app.server.messages import say
from app.server.pages import STATIC, forbidden_page, unavailable_page
from app.server.registry import Conferences
from app.server.routes import conference as conference_routes
from app.server.routes import moderator, organiser, site_api, voter
from app.server.security import (
    BodySizeLimit,
    KnownTokens,
    Limits,
    RateLimiter,
    Refusal,
    SecurityHeaders,
    install_log_redaction,
)
from app.server.storage import StorageWatch
from app.server.writer import StorageAlarm, Writer, WriterStopped
from app.services.ballots import ballots_stored
from app.services.conferences import get_conference
from app.services.errors import Forbidden, VotumError
from app.services.events import Notifier, NullNotifier
from app.services.validation import problems

#: A voter page that could not reach the database asks again after this many seconds.
RETRY_SECONDS = 5


def create_app(
    db: Database,
    conference_id: int | None = None,
    *,
    settings: Settings | None = None,
    notifier: Notifier | None = None,
    rate_limiter: RateLimiter | None = None,
    poll_interval: float = 1.0,
    configure: Callable[[FastAPI], None] | None = None,
    storage_alarm: StorageAlarm | None = None,
) -> FastAPI:
    """The voting server for one conference (raises NotFound if it does not exist), or
    without ``conference_id`` the standing server of the round: every conference of the
    database, each found by its tokens, and the organiser API.

    ``settings`` (default: read from the environment) give the limits; ``rate_limiter``
    replaces the per-site budget for ballots (see :class:`Limits`).

    ``configure`` may add routes before the catch-all static mount (benchmarks do).

    ``storage_alarm`` is called (from the writer thread) with the problem when ballots
    cannot be stored, and with ``None`` once they can again.
    """
    settings = settings or load_settings()
    install_log_redaction()
    limits = Limits.from_settings(settings)  # the organiser's, and the shared unknown budget
    # one writer for every conference: one write path, ballot groups per conference; what
    # changes pages is announced by ctx.write, not by every commit
    # one watch of the database's health: one log line per fault, not one per request
    watch = StorageWatch(db.engine.url.render_as_string(hide_password=False), storage_alarm)
    writer = Writer(db, watch=watch, quiet=True)
    standing = conference_id is None
    publish = fanout.publisher(db)  # PostgreSQL: what changed, said to the other processes

    def make_context(conf_id: int, on_gone: Callable[[], None]) -> ServerContext:
        def ballots_stored_here() -> int:
            with db.read() as session:
                return ballots_stored(session, conf_id)

        with db.read() as session:
            conference = get_conference(session, conf_id)
        own = replace(Limits.from_settings(settings), unknown=limits.unknown)
        # the moderator's event stream listens (and counts ballots others store, and
        # hears what other processes say changed)
        feed = ModeratorFeed(
            notifier or NullNotifier(), ballots_stored_here, watch=watch, publish=publish
        )
        return ServerContext(
            db=db,
            conference_id=conf_id,
            language=conference.language,
            notifier=feed,
            writer=writer,
            live=LiveState(
                db,
                conf_id,
                interval=poll_interval,
                listen=not standing,
                on_gone=on_gone,
                watch=watch,
                on_said=feed.heard,
            ),
            limits=own if rate_limiter is None else replace(own, ballots=rate_limiter),
            known=KnownTokens(),
        )

    conferences = Conferences(db, writer, make_context, unknown=limits.unknown, fixed=conference_id)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        await conferences.start()
        try:
            yield
        finally:
            await conferences.stop()

    if conferences.fixed is not None:
        with db.read() as session:
            topic = get_conference(session, conferences.fixed.conference_id).topic
        description = (
            f"Live voting for {topic!r}. Sites use their secret link; moderator "
            "actions need the moderator token as `Authorization: Bearer`."
        )
    else:
        description = (
            "The standing voting server of a round: every conference it holds on one "
            "address. Sites use their secret link; moderator actions need that "
            "conference's moderator token, the organiser API (`/api/organiser/`) the "
            "organiser token, each as `Authorization: Bearer`."
        )
    app = FastAPI(
        title="Votum voting server",
        version=__version__,
        description=description,
        docs_url=None,  # Swagger UI loads scripts from a CDN: offline and CSP say no
        redoc_url=None,
        lifespan=lifespan,
        # FastAPI's native OpenTelemetry would put request paths, and with them the sites'
        # secret links, into traces wherever OTEL_* is configured; it also costs every
        # request an environment lookup. Votum runs on a laptop and reports to nobody.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.conferences = conferences
    app.state.limits = limits
    if conferences.fixed is not None:
        app.state.ctx = conferences.fixed
        app.state.feed = conferences.fixed.notifier
    app.state.watch = watch
    app.include_router(voter.router)
    app.include_router(site_api.router)
    app.include_router(moderator.router)
    app.include_router(conference_routes.router)
    if standing:
        app.include_router(organiser.router)
    _add_error_handlers(app)
    if configure is not None:
        configure(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(
        BodySizeLimit,
        limit=settings.max_body_bytes,
        own_answer=voter.FORM_PATH,
        uploads=re.compile(
            f"{conference_routes.UPLOAD_PATH.pattern}|{organiser.UPLOAD_PATH.pattern}"
        ),
        upload_limit=settings.max_upload_bytes,
    )
    app.add_middleware(SecurityHeaders)  # added last: the outermost, so every answer has them
    return app


def _language(request: Request) -> str:
    """The language of the voter page's answer: ``?lang=``, else its conference's."""
    ctx = request_context(request)
    return pick_lang(request.query_params.get("lang"), ctx.language if ctx else LANGUAGES[0])


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VotumError)
    async def votum_error(request: Request, exc: VotumError) -> Response:
        if isinstance(exc, Forbidden):
            forget_token(request)
            if request.url.path.startswith("/v/"):  # the voter page: a page, not JSON
                lang = _language(request)
                return HTMLResponse(forbidden_page(lang, exc.message), status_code=exc.status)
        return JSONResponse(error_body(exc.message), status_code=exc.status)

    @app.exception_handler(DBAPIError)
    async def storage_fault(request: Request, exc: DBAPIError) -> Response:
        """A database that cannot be read (damaged, disk failing, server gone): 503 and
        "please try again" (the voter page: a page of its own that tries again by itself),
        logged once per episode; anything else stays a loud 500."""
        problem = request.app.state.watch.failed(exc, writing=False)
        if problem is None:
            raise exc
        stored = request.method == "POST"  # a vote was sent: say it was not stored
        message = say("not_stored" if stored else "database_unavailable", problem=problem)
        headers = {"Retry-After": str(RETRY_SECONDS)}
        if request.url.path.startswith("/v/") and not request.url.path.endswith("/ballot"):
            page = unavailable_page(_language(request), message, stored=stored, retry=RETRY_SECONDS)
            return HTMLResponse(page, 503, headers=headers)
        return JSONResponse(error_body(message), status_code=503, headers=headers)

    @app.exception_handler(Refusal)
    async def refusal(_request: Request, exc: Refusal) -> JSONResponse:
        """A transport-level refusal (429, 401, 413) in both languages, as a service's."""
        return JSONResponse(error_body(exc.message), exc.status_code, headers=exc.headers)

    @app.exception_handler(WriterStopped)
    async def writer_stopped(_request: Request, exc: WriterStopped) -> JSONResponse:
        return JSONResponse(error_body(exc.message), status_code=503)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # each problem in each language, never pydantic's English
        message = say("invalid_request", problems=problems(exc.errors()))
        return JSONResponse(error_body(message), status_code=422)
