"""Storing a run of site ballots at once: the voting server's fast path on SQLite.

Storing one ballot through the ORM service costs a few milliseconds of Python; a burst of
300 sites would be bound by that. Worse, every SQLite step releases the GIL, and while
the event loop is busy with a burst each re-acquisition waits for its switch interval
(5 ms), so a write that takes hundreds of steps stalls. Here a run of queued site ballots
is checked together and written with a handful of statements that each take one step:
reads aggregate their rows into one JSON value, writes insert many rows at once.

The batch only ever *accepts*: a ballot it cannot accept without doubt (a bad token,
a question that is not current or not open, an invalid choice, a second ballot of the
same site in the same run, a site marked absent that its ballot must check in) is handed
back and goes through :func:`app.services.voting.cast_as_site`, which stores it (checking
the site in) or refuses it with the service's own message. The option rules are
:func:`app.services.ballots.validate_choice` and ``clean_comment``.
``tests/services/test_ballot_batch.py`` holds both paths to identical rows.

SQLite and PostgreSQL each have their statements (JSON functions there, arrays here); other
databases always take the service path. Either way the run is checked and written inside
the writer's write transaction, which holds the write lock (``BEGIN IMMEDIATE``, or
PostgreSQL's advisory lock, see :mod:`app.db`): a question cannot close in between.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from app.models import BallotSource, QuestionState, utcnow
from app.models.base import UTCDateTime
from app.services.ballots import BallotReceipt, clean_actor, clean_comment, validate_choice
from app.services.errors import VotumError
from app.services.presets import label_code
from app.services.tokens import MAX_TOKEN_LENGTH, token_digest


@dataclass(frozen=True)
class SubmittedChoice:
    """A ballot as a site sent it (from the JSON API or the plain HTML form)."""

    question_id: int
    option_ids: tuple[int, ...]
    abstain: bool
    comment: str


@dataclass(frozen=True)
class SiteBallot:
    """A ballot as a site sent it: its token, its choice, and the way it came (the voter
    page or the site's JSON API)."""

    token: str
    choice: SubmittedChoice
    source: BallotSource = BallotSource.SITE


@dataclass(frozen=True)
class _Option:
    id: int
    position: int
    label: str
    exclusive: bool
    code: str


@dataclass(frozen=True)
class _Question:
    """The current question as ``validate_choice`` reads it."""

    id: int
    state: str
    kind: str
    allow_abstain: bool
    options: tuple[_Option, ...]


@dataclass(frozen=True)
class _Accepted:
    index: int
    site_id: int
    site_name: str
    revision: int
    option_ids: tuple[int, ...]
    abstain: bool
    comment: str
    source: BallotSource


# One statement, one row: the current question with its options, whether check-in has
# begun, and for each token hash of the run its invitation (with its attendance) and the
# site's earlier revision on that question.
_STATE = text(
    """
    SELECT json_object(
      'question', json((
        SELECT json_object(
          'id', q.id, 'state', q.state, 'kind', q.kind, 'allow_abstain', q.allow_abstain,
          'options', (SELECT json_group_array(
                          json_array(o.id, o.position, o.label, o.exclusive, o.code))
                      FROM options o WHERE o.question_id = q.id))
        FROM conferences c JOIN questions q ON q.id = c.current_question_id
        WHERE c.id = :conference_id)),
      'checking_in', (SELECT EXISTS (SELECT 1 FROM invitations
                                     WHERE conference_id = :conference_id AND present)),
      'sites', json((
        SELECT json_group_array(json_array(
          i.token_hash, i.token, i.site_id, s.name, i.present,
          (SELECT b.revision FROM ballots b JOIN conferences c ON c.id = :conference_id
           WHERE b.question_id = c.current_question_id AND b.site_id = i.site_id)))
        FROM invitations i JOIN sites s ON s.id = i.site_id
        WHERE i.conference_id = :conference_id
          AND i.token_hash IN (SELECT value FROM json_each(:hashes)))))
    """
)
_DELETE_CHOICES = text(
    """
    DELETE FROM ballot_choices WHERE ballot_id IN (
        SELECT id FROM ballots
        WHERE question_id = :question_id AND site_id IN (SELECT value FROM json_each(:sites)))
    """
)
_INSERT_CHOICES = text(
    """
    INSERT INTO ballot_choices (ballot_id, option_id)
    SELECT b.id, json_extract(pair.value, '$[1]')
    FROM json_each(:pairs) AS pair CROSS JOIN ballots b  -- CROSS: pairs drive the lookup
    WHERE b.question_id = :question_id AND b.site_id = json_extract(pair.value, '$[0]')
    """
)

# Rows travel as one JSON array: [site_id, abstain, comment, actor, revision, option_ids]
_ROW = "json_extract(r.value, '$[{}]')"
_UPSERT_BALLOTS = text(
    f"""
    INSERT INTO ballots (question_id, site_id, abstain, comment, source, actor, cast_at, revision)
    SELECT :question_id, {_ROW.format(0)}, {_ROW.format(1)}, {_ROW.format(2)}, :source,
           {_ROW.format(3)}, :now, {_ROW.format(4)}
    FROM json_each(:rows) AS r WHERE true
    ON CONFLICT (question_id, site_id) DO UPDATE SET
        abstain = excluded.abstain, comment = excluded.comment, source = excluded.source,
        actor = excluded.actor, cast_at = excluded.cast_at, revision = excluded.revision
    """
).bindparams(bindparam("now", type_=UTCDateTime()))
_INSERT_CHANGES = text(
    f"""
    INSERT INTO ballot_changes
        (question_id, site_id, revision, option_ids, abstain, comment, source, actor, at)
    SELECT :question_id, {_ROW.format(0)}, {_ROW.format(4)}, {_ROW.format(5)}, {_ROW.format(1)},
           {_ROW.format(2)}, :source, {_ROW.format(3)}, :now
    FROM json_each(:rows) AS r
    """
).bindparams(bindparam("now", type_=UTCDateTime()))


# PostgreSQL: the same statements; rows travel as one array per column.
_PG_STATE = text(
    """
    SELECT json_build_object(
      'question', (
        SELECT json_build_object(
          'id', q.id, 'state', q.state, 'kind', q.kind, 'allow_abstain', q.allow_abstain,
          'options', (SELECT coalesce(json_agg(json_build_array(
                                          o.id, o.position, o.label, o.exclusive, o.code)),
                                      '[]'::json)
                      FROM options o WHERE o.question_id = q.id))
        FROM conferences c JOIN questions q ON q.id = c.current_question_id
        WHERE c.id = :conference_id),
      'checking_in', (SELECT EXISTS (SELECT 1 FROM invitations
                                     WHERE conference_id = :conference_id AND present)),
      'sites', (
        SELECT json_agg(json_build_array(
          i.token_hash, i.token, i.site_id, s.name, i.present,
          (SELECT b.revision FROM ballots b JOIN conferences c ON c.id = :conference_id
           WHERE b.question_id = c.current_question_id AND b.site_id = i.site_id)))
        FROM invitations i JOIN sites s ON s.id = i.site_id
        WHERE i.conference_id = :conference_id
          AND i.token_hash = ANY(CAST(:hashes AS varchar[]))))
    """
)
_PG_DELETE_CHOICES = text(
    """
    DELETE FROM ballot_choices WHERE ballot_id IN (
        SELECT id FROM ballots
        WHERE question_id = :question_id AND site_id = ANY(CAST(:sites AS integer[])))
    """
)
# Ballots, their history and their choices in one statement (one round trip): the choices
# join the ballots' ids as the upsert returns them.
_PG_WRITE = text(
    """
    WITH r AS (
        SELECT * FROM unnest(
            CAST(:site_ids AS integer[]), CAST(:abstains AS boolean[]),
            CAST(:comments AS varchar[]), CAST(:actors AS varchar[]),
            CAST(:revisions AS integer[]), CAST(:option_ids AS varchar[]))
        AS r (site_id, abstain, comment, actor, revision, option_ids)),
    upserted AS (
        INSERT INTO ballots
            (question_id, site_id, abstain, comment, source, actor, cast_at, revision)
        SELECT :question_id, r.site_id, r.abstain, r.comment, :source, r.actor, :now, r.revision
        FROM r
        ON CONFLICT (question_id, site_id) DO UPDATE SET
            abstain = excluded.abstain, comment = excluded.comment, source = excluded.source,
            actor = excluded.actor, cast_at = excluded.cast_at, revision = excluded.revision
        RETURNING id, site_id),
    history AS (
        INSERT INTO ballot_changes
            (question_id, site_id, revision, option_ids, abstain, comment, source, actor, at)
        SELECT :question_id, r.site_id, r.revision, r.option_ids, r.abstain, r.comment,
               :source, r.actor, :now
        FROM r)
    INSERT INTO ballot_choices (ballot_id, option_id)
    SELECT upserted.id, pair.option_id
    FROM unnest(CAST(:pair_sites AS integer[]), CAST(:pair_options AS integer[]))
         AS pair (site_id, option_id)
    JOIN upserted ON upserted.site_id = pair.site_id
    """
).bindparams(bindparam("now", type_=UTCDateTime()))

DIALECTS = ("sqlite", "postgresql")


def _one(session: Session, statement: Any, **params: Any) -> Any:
    value = session.execute(statement, params).scalar()
    if isinstance(value, str):  # SQLite's JSON is text; psycopg has decoded it already
        return json.loads(value) if value else None
    return value


def cast_site_ballots(
    session: Session, conference_id: int, ballots: Sequence[SiteBallot]
) -> list[BallotReceipt | None]:
    """Store every ballot the fast path can accept; ``None`` where the caller must fall
    back to the service (which then stores or refuses it)."""
    outcome: list[BallotReceipt | None] = [None] * len(ballots)
    dialect = session.get_bind().dialect.name
    if dialect not in DIALECTS:
        return outcome
    hashes = {
        token_digest(b.token): b.token for b in ballots if 0 < len(b.token) <= MAX_TOKEN_LENGTH
    }
    if dialect == "sqlite":
        state = _one(session, _STATE, conference_id=conference_id, hashes=json.dumps(list(hashes)))
    else:
        state = _one(session, _PG_STATE, conference_id=conference_id, hashes=list(hashes))
    row = state["question"]
    if row is None or row["state"] != QuestionState.OPEN.value:
        return outcome
    question = _Question(
        row["id"],
        row["state"],
        row["kind"],
        bool(row["allow_abstain"]),
        tuple(
            sorted(
                (
                    _Option(i, position, label, bool(alone), code)
                    for i, position, label, alone, code in row["options"]
                ),
                key=lambda o: (o.position, o.id),
            )
        ),
    )
    # keyed by the token itself, once it has proven equal to the one sent; a site marked
    # absent is left to the service, which checks it in by its ballot
    checking_in = bool(state["checking_in"])
    sites = {
        token: (site_id, name, revision or 0)
        for token_hash, token, site_id, name, present, revision in state["sites"] or ()
        if token is not None
        and hmac.compare_digest(token.encode(), hashes[token_hash].encode())
        and (present or not checking_in)
    }
    accepted = _accept(question, ballots, sites)
    for source in BallotSource:  # one write per way the ballots came (page, API)
        same = [a for a in accepted if a.source is source]
        if same:
            _write(session, conference_id, question, same, outcome, source)
    return outcome


def _accept(
    question: _Question,
    ballots: Sequence[SiteBallot],
    sites: dict[str, tuple[int, str, int]],
) -> list[_Accepted]:
    accepted: list[_Accepted] = []
    seen: set[int] = set()
    for index, ballot in enumerate(ballots):
        site = sites.get(ballot.token)
        choice = ballot.choice
        if site is None or choice.question_id != question.id or site[0] in seen:
            continue
        try:
            comment = clean_comment(choice.comment)
            chosen = validate_choice(question, choice.option_ids, choice.abstain, comment)
        except VotumError:
            continue  # the service will refuse it with its own message
        seen.add(site[0])
        accepted.append(
            _Accepted(
                index, site[0], site[1], site[2] + 1, chosen, choice.abstain, comment, ballot.source
            )
        )
    return accepted


def _write(
    session: Session,
    conference_id: int,
    question: _Question,
    accepted: list[_Accepted],
    outcome: list[BallotReceipt | None],
    source: BallotSource,
) -> None:
    now = utcnow()
    common = {"question_id": question.id, "source": source.value, "now": now}
    if session.get_bind().dialect.name == "sqlite":
        _write_sqlite(session, accepted, common)
    else:
        _write_postgresql(session, accepted, common)
    revisions = {a.site_id: a.revision for a in accepted}
    labels = {o.id: o.label for o in question.options}
    n_options = len(question.options)
    codes = {
        o.id: label_code(question.kind, i, n_options, o.code)
        for i, o in enumerate(question.options)
    }
    for a in accepted:
        outcome[a.index] = BallotReceipt(
            conference_id=conference_id,
            question_id=question.id,
            site_id=a.site_id,
            option_ids=a.option_ids,
            option_labels=tuple(labels[i] for i in a.option_ids),
            option_codes=tuple(codes[i] for i in a.option_ids),
            abstain=a.abstain,
            comment=a.comment,
            source=source,
            cast_at=now,
            revision=revisions[a.site_id],
        )


def _write_sqlite(session: Session, accepted: list[_Accepted], common: dict[str, Any]) -> None:
    question_id = common["question_id"]
    rows = json.dumps(
        [
            [
                a.site_id,
                a.abstain,
                a.comment,
                clean_actor(a.site_name),
                a.revision,
                ",".join(str(i) for i in a.option_ids),
            ]
            for a in accepted
        ]
    )
    sites = json.dumps([a.site_id for a in accepted])
    session.execute(_DELETE_CHOICES, {"question_id": question_id, "sites": sites})
    session.execute(_UPSERT_BALLOTS, {**common, "rows": rows})
    pairs = [[a.site_id, option_id] for a in accepted for option_id in a.option_ids]
    if pairs:
        session.execute(_INSERT_CHOICES, {"question_id": question_id, "pairs": json.dumps(pairs)})
    session.execute(_INSERT_CHANGES, {**common, "rows": rows})


def _write_postgresql(session: Session, accepted: list[_Accepted], common: dict[str, Any]) -> None:
    question_id = common["question_id"]
    if any(a.revision > 1 for a in accepted):  # replaced ballots: their old choices go
        sites = [a.site_id for a in accepted if a.revision > 1]
        session.execute(_PG_DELETE_CHOICES, {"question_id": question_id, "sites": sites})
    pairs = [(a.site_id, option_id) for a in accepted for option_id in a.option_ids]
    session.execute(
        _PG_WRITE,
        {
            **common,
            "site_ids": [a.site_id for a in accepted],
            "abstains": [a.abstain for a in accepted],
            "comments": [a.comment for a in accepted],
            "actors": [clean_actor(a.site_name) for a in accepted],
            "revisions": [a.revision for a in accepted],
            "option_ids": [",".join(str(i) for i in a.option_ids) for a in accepted],
            "pair_sites": [site for site, _ in pairs],
            "pair_options": [option for _, option in pairs],
        },
    )
