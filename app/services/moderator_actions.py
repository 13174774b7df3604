"""Every moderator action, defined once: its name and title, its rule (one service
function), its HTTP method and route, its request body, the kind of its answer and what it
changes. The audit actor says who asked: :data:`DESKTOP` or :data:`API`.

From :data:`ACTIONS` the voting server makes its moderator routes
(:mod:`app.server.routes.moderator`), the desktop's local session runs the rule through
the server's writer (:meth:`Action.run`), and the remote session sends the very same
:class:`Action` through :meth:`app.remote.client.ModeratorClient.send`.

Adding an action
----------------
1. Write its rule as one service function ``(session, conference_id, …, *, actor) ->
   plain data`` (in its area's service module; :mod:`app.services.moderator_rules` holds
   those that only check the conference and call another service). Its parameters after
   ``conference_id`` are named as the route's path parameters and the body's fields
   (checked when this module is imported).
2. Add one :class:`Definition` to :data:`ACTIONS` (with a body model in
   :mod:`app.services.action_bodies` if it takes one) and its title (German, English) to
   ``_TEXTS``. The route, its OpenAPI entry, the client and both desktop sessions follow;
   ``tests/services/test_moderator_actions.py`` walks the list.

A new path parameter needs its type in :data:`PATH_TYPES` (and in the server's
``PATH_PARAMETERS``); a new answer kind its rendering in the server's ``ANSWERS``.
"""

from __future__ import annotations

import inspect
import string
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal
from urllib.parse import quote

from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from app.services.action_bodies import (
    AttendanceIn,
    Body,
    CurrentIn,
    ModeratorBallotIn,
    NoteIn,
    QuickQuestionIn,
    SkipIn,
)
from app.services.ballots import BallotReceipt
from app.services.checkin import close_checkin, mark_held, open_checkin
from app.services.errors import InvalidInput
from app.services.events import StateChange
from app.services.moderator_rules import (
    cast_for_site,
    choose_current,
    close_question,
    hide,
    next_question,
    open_question,
    reopen,
    repeat,
    reveal,
    set_attendance,
    skip,
    write_note,
)
from app.services.notes import NoteView
from app.services.quick import add_quick_question
from app.services.validation import problems
from app.services.views import QuestionInfo
from app.texts import Catalog

#: the audit actor of an action taken in the desktop app
DESKTOP = "moderator"
#: the audit actor of an action taken through the moderator API (the remote console too)
API = "moderator (API)"

#: key → (German, English): each action's title (its name), then a refusal
_TEXTS: dict[str, tuple[str, str]] = {
    "open": ("Öffnen", "Open"),
    "close": ("Schließen", "Close"),
    "reveal": ("Ergebnis zeigen", "Show result"),
    "hide": ("Ergebnis verbergen", "Hide result"),
    "reopen": ("Wieder öffnen", "Reopen"),
    "repeat": ("Runde 2", "Round 2"),
    "skip": ("Frage überspringen", "Skip question"),
    "next": ("Weiter", "Next"),
    "current": ("Frage wählen", "Choose question"),
    "ballot": ("Stimme für Standort eintragen", "Enter vote for site"),
    "attendance": ("Anwesenheit", "Attendance"),
    "note": ("Notiz", "Note"),
    "checkin_open": ("Anmeldung der Standorte wieder öffnen", "Reopen sites' check-in"),
    "checkin_close": ("Anmeldung der Standorte schließen", "Close sites' check-in"),
    "held": ("Sitzung als stattgefunden markieren", "Mark session as held"),
    "quick": ("Spontanfrage", "Quick question"),
    # --- refusal --------------------------------------------------------------------------
    "action_invalid": ("Ungültige Eingabe: {problems}", "invalid input: {problems}"),
}

MESSAGES = Catalog.of_pairs("moderator actions", _TEXTS)
say = MESSAGES.message


class Answer(StrEnum):
    """What an action answers (the server renders each kind as its JSON body)."""

    QUESTION = "question"  # the question as it is now (QuestionInfo)
    CURRENT = "current"  # the current question's id, or None
    RECEIPT = "receipt"  # exactly what was stored (BallotReceipt)
    ATTENDANCE = "attendance"  # a site's attendance (AttendanceSet)
    NOTE = "note"  # the note as stored (NoteView)
    CHECKIN = "checkin"  # the sites' check-in open or not, the session held (CheckinState)


class Change(StrEnum):
    """What an action changes, as the moderator's event stream reports it."""

    QUESTION = "question"  # one question's state (open, closed, revealed, skipped …)
    CURRENT = "current"  # which question is current
    AGENDA = "agenda"  # questions added or removed (round 2)
    BALLOTS = "ballots"  # a ballot on one question
    ATTENDANCE = "attendance"
    NOTES = "notes"
    CONFERENCE = "conference"  # anything (the conference replaced): read everything


#: the type of each path parameter a route may have
PATH_TYPES: dict[str, type] = {"question_id": int, "site_code": str}


@dataclass(frozen=True)
class Definition:
    """One moderator action. Calling it with its parameters makes an :class:`Action`."""

    name: str
    run: Callable[..., object]
    method: Literal["POST", "PUT"]
    path: str  # below /api/moderator, with {path_parameters}
    body: type[Body] | None
    answer: Answer
    changes: Change

    def __post_init__(self) -> None:
        """The rule takes exactly the route's path parameters and the body's fields."""
        wanted = [*self.path_parameters, *(self.body.model_fields if self.body else ())]
        parameters = list(inspect.signature(self.run).parameters.values())
        names = [p.name for p in parameters[2:] if p.kind is not p.KEYWORD_ONLY]
        keywords = [p.name for p in parameters if p.kind is p.KEYWORD_ONLY]
        unknown = set(self.path_parameters) - set(PATH_TYPES)
        if sorted(names) != sorted(wanted) or keywords != ["actor"] or unknown:
            raise TypeError(f"action {self.name}: {self.run.__name__}{parameters} ≠ {wanted}")

    @property
    def path_parameters(self) -> tuple[str, ...]:
        return tuple(n for _, n, _, _ in string.Formatter().parse(self.path) if n)

    @property
    def title(self) -> tuple[str, str]:
        """The action's name for people (German, English)."""
        return _TEXTS[self.name]

    @property
    def doc(self) -> str:
        """What the action does (its rule's docstring)."""
        return inspect.cleandoc(self.run.__doc__ or self.name)

    def __call__(self, **values: object) -> Action:
        """This action with its parameters (path parameters and body fields by name). The
        body is checked when the action is run or sent, as the server checks it."""
        path: dict[str, int | str] = {}
        for name in self.path_parameters:
            value = values.pop(name, None)
            if not isinstance(value, int | str) or not isinstance(value, PATH_TYPES[name]):
                raise TypeError(f"{self.name}: {name}={value!r}")
            path[name] = value
        if self.body is None and values:
            raise TypeError(f"{self.name} takes no {sorted(values)}")
        return Action(self, path, values)

    def checked_body(self, values: Mapping[str, object]) -> Body | None:
        """The body read from ``values``; out of bounds: :class:`InvalidInput`."""
        if self.body is None:
            return None
        try:
            return self.body.model_validate(values)
        except ValidationError as exc:
            raise InvalidInput(say("action_invalid", problems=problems(exc.errors()))) from None

    def execute(
        self,
        session: Session,
        conference_id: int,
        path: Mapping[str, object],
        body: BaseModel | None,
        *,
        actor: str,
    ) -> object:
        """Run the rule (the caller owns the transaction)."""
        fields = {name: getattr(body, name) for name in type(body).model_fields} if body else {}
        return self.run(session, conference_id, **path, **fields, actor=actor)

    def announced(
        self, conference_id: int, path: Mapping[str, object], value: object
    ) -> StateChange:
        """What the event stream says after this action (the question it concerns)."""
        question_id: object = path.get("question_id")
        if isinstance(value, QuestionInfo | BallotReceipt):
            question_id = value.id if isinstance(value, QuestionInfo) else value.question_id
        elif self.answer is Answer.CURRENT:
            question_id = value
        elif isinstance(value, NoteView):
            question_id = value.question_id
        return StateChange(
            conference_id,
            question_id if isinstance(question_id, int) else None,
            self.name,
            self.changes.value,
        )


@dataclass(frozen=True)
class Action:
    """One moderator action with its parameters and the request id it keeps across every
    retry (sent again under the same id, the server does it once)."""

    definition: Definition
    path_values: Mapping[str, int | str]
    values: Mapping[str, object]  # the body's fields (checked by :meth:`body`)
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def name(self) -> str:
        return self.definition.name

    @property
    def method(self) -> str:
        return self.definition.method

    @property
    def path(self) -> str:
        """The route with its parameters filled in (below /api/moderator)."""
        values = {k: quote(str(v), safe="") for k, v in self.path_values.items()}
        return self.definition.path.format(**values)

    def body(self) -> Body | None:
        """The request body, checked (out of bounds: :class:`InvalidInput`)."""
        return self.definition.checked_body(self.values)

    def json(self) -> dict[str, object] | None:
        """The request body as JSON data (None: the action has no body)."""
        body = self.body()
        return None if body is None else body.model_dump(mode="json")

    def value(self, name: str) -> object:
        """A parameter (path or body) by name (None if it has none)."""
        if name in self.path_values:
            return self.path_values[name]
        return self.values.get(name)

    def run(self, session: Session, conference_id: int, *, actor: str) -> object:
        """Run the rule here (the caller owns the transaction)."""
        return self.definition.execute(
            session, conference_id, self.path_values, self.body(), actor=actor
        )

    def announced(self, conference_id: int, value: object) -> StateChange:
        return self.definition.announced(conference_id, self.path_values, value)


# --- the list ----------------------------------------------------------------------------

_QUESTION = "/questions/{question_id}"

OPEN = Definition(
    "open", open_question, "POST", f"{_QUESTION}/open", None, Answer.QUESTION, Change.QUESTION
)
CLOSE = Definition(
    "close", close_question, "POST", f"{_QUESTION}/close", None, Answer.QUESTION, Change.QUESTION
)
REVEAL = Definition(
    "reveal", reveal, "POST", f"{_QUESTION}/reveal", None, Answer.QUESTION, Change.QUESTION
)
HIDE = Definition("hide", hide, "POST", f"{_QUESTION}/hide", None, Answer.QUESTION, Change.QUESTION)
REOPEN = Definition(
    "reopen", reopen, "POST", f"{_QUESTION}/reopen", None, Answer.QUESTION, Change.QUESTION
)
REPEAT = Definition(
    "repeat", repeat, "POST", f"{_QUESTION}/repeat", None, Answer.QUESTION, Change.AGENDA
)
SKIP = Definition(
    "skip", skip, "POST", f"{_QUESTION}/skip", SkipIn, Answer.QUESTION, Change.QUESTION
)
NEXT = Definition("next", next_question, "POST", "/next", None, Answer.CURRENT, Change.CURRENT)
CURRENT = Definition(
    "current", choose_current, "PUT", "/current", CurrentIn, Answer.CURRENT, Change.CURRENT
)
BALLOT = Definition(
    "ballot",
    cast_for_site,
    "POST",
    f"{_QUESTION}/ballots",
    ModeratorBallotIn,
    Answer.RECEIPT,
    Change.BALLOTS,
)
ATTENDANCE = Definition(
    "attendance",
    set_attendance,
    "PUT",
    "/attendance/{site_code}",
    AttendanceIn,
    Answer.ATTENDANCE,
    Change.ATTENDANCE,
)
NOTE = Definition("note", write_note, "PUT", "/notes", NoteIn, Answer.NOTE, Change.NOTES)
CHECKIN_OPEN = Definition(
    "checkin_open", open_checkin, "POST", "/checkin/open", None, Answer.CHECKIN, Change.CONFERENCE
)
CHECKIN_CLOSE = Definition(
    "checkin_close",
    close_checkin,
    "POST",
    "/checkin/close",
    None,
    Answer.CHECKIN,
    Change.CONFERENCE,
)
HELD = Definition("held", mark_held, "POST", "/held", None, Answer.CHECKIN, Change.CONFERENCE)

#: a question asked on the spot (the free discussion), opened at once
QUICK = Definition(
    "quick",
    add_quick_question,
    "POST",
    "/questions",
    QuickQuestionIn,
    Answer.QUESTION,
    Change.AGENDA,
)

ACTIONS: tuple[Definition, ...] = (
    OPEN, CLOSE, REVEAL, HIDE, REOPEN, REPEAT, SKIP, NEXT, CURRENT, BALLOT, ATTENDANCE, NOTE,
    CHECKIN_OPEN, CHECKIN_CLOSE, HELD, QUICK,
)  # fmt: skip
BY_NAME: Mapping[str, Definition] = {d.name: d for d in ACTIONS}
