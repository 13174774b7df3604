"""Random runs of ballots, changes, abstentions, refusals and moderator actions store the
same rows, history and audit trail through the fast path as through the ORM service.

Two copies of one database get the same steps. On the *fast* copy a run of ballots goes
as the voting server's writer sends it: :func:`cast_site_ballots` in one transaction, then
each ballot it hands back through :func:`cast_as_site`, each in its own SAVEPOINT. On the
*service* copy every ballot is :func:`cast_as_site` in a transaction of its own. After every
step both copies hold identical ballots, choices, history and audit entries, and every
ballot got the same receipt or the same refusal.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from app.db import Database
from app.models import QuestionKind
from app.services import agenda, conferences, lifecycle, tokens
from app.services.audit import trail
from app.services.ballot_batch import SiteBallot, SubmittedChoice, cast_site_ballots
from app.services.ballots import MAX_COMMENT, BallotReceipt
from app.services.errors import VotumError
from app.services.package_schema import PackageCase, PackageOption, PackageQuestion
from app.services.voting import cast_as_site

N_SITES = 4
FORGED = "forged-token-" + "x" * 30
COMMENTS = st.sampled_from(
    [
        *("", "", "", "erste Wahl", "  mit Leerraum  ", "zwei\r\nZeilen"),
        *("a\u200bb", "\u200b\u202e", "\x00", "x" * MAX_COMMENT, "x" * (MAX_COMMENT + 1)),
    ]
) | st.text(max_size=4)


@dataclass(frozen=True)
class Vote:
    """A site's ballot before it meets a database: which site (``N_SITES``: a forged token),
    for the current question or another one, options as positions (taken modulo the current
    question's options), perhaps with an option of another question."""

    site: int
    other_question: bool
    picks: tuple[int, ...]
    foreign_option: bool
    abstain: bool
    comment: str


SITES = st.integers(0, N_SITES - 1)
#: mostly ballots the fast path can take: one pick, no abstention, a plain comment
VOTES = st.builds(
    Vote,
    site=st.sampled_from([*range(N_SITES), *range(N_SITES), N_SITES]),  # N_SITES: forged
    other_question=st.sampled_from([False] * 9 + [True]),
    picks=st.sampled_from([1] * 6 + [0, 2, 3]).flatmap(
        lambda n: st.lists(st.integers(0, 5), min_size=n, max_size=n).map(tuple)
    ),
    foreign_option=st.sampled_from([False] * 9 + [True]),
    abstain=st.sampled_from([False] * 5 + [True]),
    comment=COMMENTS,
)


def _build_template(path: Path) -> None:
    """A conference of ``N_SITES`` invited sites and one case with a question of each kind
    the fast path handles; the first (single choice) is open."""
    db = Database.open(f"sqlite:///{path.as_posix()}")
    with db.write() as session:
        conf_id = conferences.create_conference(session, "Eigenschaften", dt.date(2026, 11, 18))
        site_ids = [
            conferences.save_site(session, conferences.SiteData(f"Standort {i}", f"P{i:03d}"))
            for i in range(N_SITES)
        ]
        conferences.invite_sites(session, conf_id, site_ids)
        two = [PackageOption(label="Ja"), PackageOption(label="Nein")]
        three = [PackageOption(label=x) for x in ("HCQ", "Trametinib", "Studie")]
        questions = [
            PackageQuestion(text="Empfehlung?", kind=QuestionKind.SINGLE, options=two),
            PackageQuestion(text="Welche?", kind=QuestionKind.MULTIPLE, options=three),
            PackageQuestion(text="Evidenz?", kind=QuestionKind.EVIDENCE),
            PackageQuestion(text="Zustimmung?", kind=QuestionKind.AGREEMENT, allow_abstain=False),
            PackageQuestion(text="Anmerkungen?", kind=QuestionKind.FREE_TEXT),
        ]
        agenda.add_case(session, conf_id, PackageCase(title="KRAS", questions=questions))
        lifecycle.open_question(session, agenda.ordered_question_ids(session, conf_id)[0])
    db.dispose()  # the last connection checkpoints the WAL: the file alone is the database


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ballot-properties") / "template.sqlite3"
    _build_template(path)
    return path


def _outcome(receipt: BallotReceipt | None, error: VotumError | None) -> tuple[Any, ...]:
    if error is not None:
        return ("refused", type(error).__name__, str(error))
    assert receipt is not None
    return (
        "stored",
        receipt.question_id,
        receipt.site_id,
        receipt.option_ids,
        receipt.option_labels,
        receipt.abstain,
        receipt.comment,
        receipt.source,
        receipt.revision,
    )


def _service(session: Session, ballot: SiteBallot) -> tuple[Any, ...]:
    """One ballot through the ORM service in a SAVEPOINT, as the writer runs a job."""
    choice = ballot.choice
    try:
        with session.begin_nested():
            receipt = cast_as_site(
                session,
                ballot.token,
                choice.question_id,
                option_ids=choice.option_ids,
                abstain=choice.abstain,
                comment=choice.comment,
            )
    except VotumError as exc:
        return _outcome(None, exc)
    return _outcome(receipt, None)


def _rows(db: Database, conf_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a ballot or a moderator action leaves behind, without ids and times."""
    queries = {
        "ballots": "SELECT question_id, site_id, abstain, comment, source, actor, revision "
        "FROM ballots ORDER BY question_id, site_id",
        "choices": "SELECT b.question_id, b.site_id, c.option_id FROM ballot_choices c "
        "JOIN ballots b ON b.id = c.ballot_id ORDER BY 1, 2, 3",
        "history": "SELECT question_id, site_id, revision, option_ids, abstain, comment, source, "
        "actor FROM ballot_changes ORDER BY question_id, site_id, revision",
        "questions": "SELECT id, state, opened_at IS NULL, closed_at IS NULL FROM questions "
        "ORDER BY id",
        "invitations": "SELECT site_id, token IS NULL FROM invitations ORDER BY site_id",
    }
    with db.read() as session:
        rows = {k: [tuple(r) for r in session.execute(text(q))] for k, q in queries.items()}
        rows["audit"] = [
            (e.actor, e.action, e.question_id, e.site_id, e.detail) for e in trail(session, conf_id)
        ]
    return rows


class FastPathMatchesService(RuleBasedStateMachine):
    """The same steps on two copies; :meth:`same_rows` after each."""

    template: Path
    fast: Database
    slow: Database

    def __init__(self) -> None:
        super().__init__()
        self.revoked = False
        for db in (self.fast, self.slow):
            _restore(db, self.template)
        with self.slow.read() as session:
            (conference,) = conferences.list_conferences(session)
            self.conf_id = conference.id
            self.question_ids = agenda.ordered_question_ids(session, self.conf_id)
            invited = conferences.invitations(session, self.conf_id)
        self.site_tokens = [i.token or "" for i in invited]
        self.site_ids = [i.site.id for i in invited]

    def _current(self) -> int:
        with self.slow.read() as session:
            current = lifecycle.current_question_id(session, self.conf_id)
        assert current is not None
        return current

    def _ballot(self, vote: Vote) -> SiteBallot:
        current = self._current()
        with self.slow.read() as session:
            options = [o.id for o in agenda.get_question(session, current).options]
            others = [q for q in self.question_ids if q != current]
            foreign = agenda.get_question(session, others[0]).options
        question = others[-1] if vote.other_question else current
        ids = [options[p % len(options)] for p in vote.picks] if options else list(vote.picks)
        if vote.foreign_option and foreign:
            ids.append(foreign[0].id)
        token = self.site_tokens[vote.site] if vote.site < N_SITES else FORGED
        return SiteBallot(token, SubmittedChoice(question, tuple(ids), vote.abstain, vote.comment))

    @rule(votes=st.lists(VOTES, min_size=1, max_size=6))
    def cast_a_run(self, votes: list[Vote]) -> None:
        run = [self._ballot(v) for v in votes]
        with self.fast.write() as session:
            with session.begin_nested():
                receipts = cast_site_ballots(session, self.conf_id, run)
            fast = [
                _outcome(r, None) if r is not None else _service(session, b)
                for r, b in zip(receipts, run, strict=True)
            ]
        slow = []
        for ballot in run:
            with self.slow.write() as session:
                slow.append(_service(session, ballot))
        assert fast == slow

    def _moderate(self, action: Any, *args: Any) -> None:
        """The same moderator action on both copies: same result or same refusal."""
        outcomes = []
        for db in (self.fast, self.slow):
            try:
                with db.write() as session:
                    action(session, *args)
                outcomes.append("done")
            except VotumError as exc:
                outcomes.append(str(exc))
        assert outcomes[0] == outcomes[1]

    @rule(action=st.sampled_from(["close", "reopen", "next", "revoke"]), site=SITES)
    def moderate(self, action: str, site: int) -> None:
        """Close, reopen, move on to the next question and open it, or revoke a site's link
        (once per run of steps: its ballots are refused from then on)."""
        if action == "close":
            self._moderate(lifecycle.close_question, self._current())
        elif action == "reopen":
            self._moderate(lifecycle.reopen_question, self._current())
        elif action == "next":
            self._moderate(lifecycle.next_question, self.conf_id)
            self._moderate(lifecycle.open_question, self._current())
        elif not self.revoked:
            self._moderate(tokens.revoke_site_token, self.conf_id, self.site_ids[site])
            self.revoked = True

    @invariant()
    def same_rows(self) -> None:
        assert _rows(self.fast, self.conf_id) == _rows(self.slow, self.conf_id)


def _restore(db: Database, template: Path) -> None:
    """Make ``db`` a copy of the template again (SQLite's backup API). Each copy keeps its
    engine, and with it SQLAlchemy's statement cache: with a fresh engine per example most
    of the time went to compiling the same SQL again."""
    source = sqlite3.connect(template)
    target = db.engine.raw_connection()
    try:
        source.backup(target.driver_connection)  # type: ignore[arg-type]
    finally:
        target.close()
        source.close()


def _scratch_copy(template: Path, path: Path) -> Database:
    shutil.copyfile(template, path)
    db = Database.open(f"sqlite:///{path.as_posix()}", migrate=False)

    # Durability is not under test here: without an fsync per commit the examples run
    # several times faster (the engine's own pragmas are set first, this one after them).
    @event.listens_for(db.engine, "connect")
    def no_fsync(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA synchronous = OFF")

    return db


def test_fast_path_and_service_agree_on_random_runs(template: Path, tmp_path: Path) -> None:
    FastPathMatchesService.template = template
    FastPathMatchesService.fast = _scratch_copy(template, tmp_path / "fast.sqlite3")
    FastPathMatchesService.slow = _scratch_copy(template, tmp_path / "slow.sqlite3")
    run_state_machine_as_test(
        FastPathMatchesService,
        settings=settings(
            max_examples=30,
            stateful_step_count=8,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
    FastPathMatchesService.fast.dispose()
    FastPathMatchesService.slow.dispose()
