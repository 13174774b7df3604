"""The single database writer: queued write jobs are committed in small groups.

Every write the server makes (ballots and moderator actions) goes through one thread
that owns one write session. It takes whatever jobs are queued (up to ``max_group``),
applies each inside a SAVEPOINT so that a refused job does not spoil its group, commits
the group once (one fsync for many ballots), and only then resolves each job's future.
A caller therefore hears "stored" only after its ballot is durable, and a job refused by
a rule (a closed question, a foreign option) gets its :class:`VotumError` with nothing
written. Callbacks registered per job run after the commit (notifier, live pages).

When the database cannot store at all (read-only file or folder, full disk, damaged
file, lost server) every job of the group gets :class:`StorageUnavailable` ("not stored,
please try again", HTTP 503), and the :class:`~app.server.storage.StorageWatch` hears it:
one log line for the episode (no traceback per job), and ``storage_alarm`` the problem
(``None`` once a group is stored again): the live console shows it as an alarm.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from app.db import Database, storage_kind, storage_problem
from app.server.messages import say
from app.server.storage import StorageAlarm, StorageWatch
from app.services.errors import VotumError
from app.texts import Message

log = logging.getLogger(__name__)
T = TypeVar("T")


class WriterStopped(RuntimeError):
    """The writer no longer accepts jobs (the server is shutting down); :attr:`message`
    says so in every language."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class StorageUnavailable(VotumError):
    """The database refused to store (read-only, disk full, damaged): nothing was stored,
    and trying again later may work."""

    status = 503

    def __init__(self, problem: Message) -> None:
        super().__init__(say("not_stored", problem=problem))
        self.problem = problem


def _as_refusal(exc: BaseException) -> BaseException:
    """A storage problem as the user's :class:`StorageUnavailable`; anything else as is."""
    problem = storage_problem(exc)
    return exc if problem is None else StorageUnavailable(problem)


#: Handles a run of queued jobs at once: one result per payload, ``None`` where the job's
#: own ``work`` must decide (it runs right after, in the same transaction).
BatchHandler = Callable[[Session, list[Any]], list[Any]]


@dataclass
class _Job(Generic[T]):
    """A queued write. Exactly one of ``future`` (:meth:`Writer.submit`, any thread) and
    ``waiter`` (:meth:`Writer.submit_async`, settled on its event loop) is set."""

    work: Callable[[Session], T]
    after_commit: Callable[[T], None] | None
    batch: BatchHandler | None = None
    payload: Any = None
    #: the conference the job belongs to (its jobs keep their order; see :func:`_runs`)
    lane: int | None = None
    future: Future[T] | None = None
    waiter: asyncio.Future[T] | None = None

    def claim(self) -> bool:
        """Mark the job as running; False if its caller has given up on it already."""
        if self.future is not None:
            return self.future.set_running_or_notify_cancel()
        return self.waiter is not None and not self.waiter.cancelled()


class Writer:
    """One thread, one write session, group commits; :meth:`submit` is thread-safe."""

    def __init__(
        self,
        db: Database,
        *,
        max_group: int = 512,
        storage_alarm: StorageAlarm | None = None,
        quiet: bool = False,
        watch: StorageWatch | None = None,
    ) -> None:
        """``quiet``: commits are not announced to other processes (PostgreSQL ``NOTIFY``)
        unless a job announces itself (:func:`app.db.announce_change`). ``watch``: the
        server's one watch of its database (else one of the writer's own, telling
        ``storage_alarm``)."""
        self._db = db
        url = db.engine.url.render_as_string(hide_password=False)
        self.watch = watch or StorageWatch(url, storage_alarm)
        self._max_group = max_group
        self._quiet = quiet
        self._queue: queue.SimpleQueue[_Job[Any] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._accepting = False
        self.groups = 0  # committed groups, for tests and the benchmark
        self.jobs = 0

    def start(self) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._accepting = True
            self._thread = threading.Thread(target=self._run, name="votum-writer", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Finish the jobs already queued, then end the thread."""
        with self._lock:
            if self._thread is None:
                return
            self._accepting = False
            self._queue.put(None)
            thread, self._thread = self._thread, None
        thread.join(timeout)

    def submit(
        self,
        work: Callable[[Session], T],
        after_commit: Callable[[T], None] | None = None,
        *,
        batch: BatchHandler | None = None,
        payload: Any = None,
        lane: int | None = None,
    ) -> Future[T]:
        """Queue ``work``; its future resolves after the commit (or with its error).

        Consecutive jobs of one ``lane`` (a conference) with the same ``batch`` handler are
        first offered to it together (their ``payload`` values); ``work`` runs only for
        those it leaves undecided.
        """
        future: Future[T] = Future()
        self._put(_Job(work, after_commit, batch, payload, lane, future=future))
        return future

    def submit_async(
        self,
        work: Callable[[Session], T],
        after_commit: Callable[[T], None] | None = None,
        *,
        batch: BatchHandler | None = None,
        payload: Any = None,
        lane: int | None = None,
    ) -> asyncio.Future[T]:
        """As :meth:`submit`, from the event loop: all waiters of a group are settled with
        one thread-safe call per group (not one wake-up of the loop per ballot)."""
        waiter = asyncio.get_running_loop().create_future()
        self._put(_Job(work, after_commit, batch, payload, lane, waiter=waiter))
        return waiter

    def _put(self, job: _Job[Any]) -> None:
        with self._lock:
            if not self._accepting:
                raise WriterStopped(say("shutting_down"))
            self._queue.put(job)

    # --- the writer thread -----------------------------------------------------------

    def _run(self) -> None:
        session = self._db.new_write_session(quiet=self._quiet)
        try:
            while True:
                job = self._queue.get()
                if job is None:
                    break
                group = [job]
                stop = False
                while len(group) < self._max_group:
                    try:
                        more = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if more is None:
                        stop = True
                        break
                    group.append(more)
                self._apply(session, group)
                if stop:
                    break
        finally:
            session.close()

    def _apply(self, session: Session, group: list[_Job[Any]]) -> None:
        done: list[tuple[_Job[Any], Any, BaseException | None]] = []
        live = [job for job in group if job.claim()]
        try:
            for run in _runs(live):
                decided = self._batch(session, run)
                for job, value in zip(run, decided, strict=True):
                    if value is not None:
                        done.append((job, value, None))
                    else:
                        done.append(self._one(session, job))
            session.commit()
        except Exception as exc:  # the commit failed: nothing of this group is durable
            bug = self.watch.failed(exc, writing=True) is None  # a fault: logged once
            if bug:
                log.exception("write group failed")
            try:
                session.rollback()
            except Exception:  # the connection is broken: discard it, the next group
                if bug:  # starts on a fresh one
                    log.exception("rollback failed")
                session.invalidate()
            _settle([(job, None, _as_refusal(exc)) for job in live])
            return
        finally:
            session.expunge_all()  # the next group reads fresh rows (others write too)
        if any(isinstance(e, StorageUnavailable) for _, _, e in done):
            session.invalidate()  # SQLite may keep a failed file read-only: start afresh
        elif any(error is None for _, _, error in done):
            self.watch.worked(writing=True)  # something was stored: storing works (again)
        self.groups += 1
        self.jobs += len(done)
        _settle(done)
        for job, value, error in done:
            if error is None and job.after_commit is not None:
                try:
                    job.after_commit(value)
                except Exception:  # a broken listener must not stop the writer
                    log.exception("after-commit callback failed")

    @property
    def storage_fault(self) -> Message | None:
        """The problem while storing fails (None: it works, as far as known)."""
        return self.watch.problem

    def _one(self, session: Session, job: _Job[Any]) -> tuple[_Job[Any], Any, BaseException | None]:
        """One job in its own SAVEPOINT: refused or failed, it leaves no trace."""
        try:
            with session.begin_nested():
                return job, job.work(session), None
        except VotumError as exc:
            return job, None, exc
        except Exception as exc:  # a bug in one job (or a full disk): only that job fails
            if self.watch.failed(exc, writing=True) is None:
                log.exception("write job failed")
            return job, None, _as_refusal(exc)

    def _batch(self, session: Session, run: list[_Job[Any]]) -> list[Any]:
        """The run's batch handler's results (all ``None`` if it has none or fails)."""
        handler = run[0].batch
        if handler is None:
            return [None] * len(run)
        try:
            with session.begin_nested():
                return handler(session, [job.payload for job in run])
        except Exception as exc:  # the fast path gave up; every job takes the normal path
            if storage_kind(exc) is None:  # a fault is said once, by the jobs' own tries
                log.exception("batch write failed; falling back to single writes")
            return [None] * len(run)


def _settle(done: list[tuple[_Job[Any], Any, BaseException | None]]) -> None:
    """Resolve each job's future; hand the waiters' outcomes to each event loop in one
    thread-safe call (not one wake-up of the loop per ballot)."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Any], Any, Any]]] = {}
    for job, value, error in done:
        if job.waiter is not None:
            by_loop.setdefault(job.waiter.get_loop(), []).append((job.waiter, value, error))
        elif job.future is not None:
            if error is not None:
                job.future.set_exception(error)
            else:
                job.future.set_result(value)
    for loop, outcomes in by_loop.items():
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting
            loop.call_soon_threadsafe(_settle_on_loop, outcomes)


def _settle_on_loop(outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]]) -> None:
    for waiter, value, error in outcomes:
        if waiter.done():
            continue
        if error is not None:
            waiter.set_exception(error)
        else:
            waiter.set_result(value)


def _runs(jobs: list[_Job[Any]]) -> list[list[_Job[Any]]]:
    """Consecutive jobs of a lane sharing a batch handler (others stand alone).

    Each lane (a conference of a standing server) keeps its jobs in queue order; lanes
    touch disjoint rows, so between two jobs without a lane (which keep their place among
    all: the desktop's own writes) a group takes them one lane after the other. Two
    conferences voting at once still make one batch each, not a run of single ballots.
    """
    runs: list[list[_Job[Any]]] = []
    lanes: dict[int, list[_Job[Any]]] = {}

    def add(job: _Job[Any], first: int) -> None:
        if len(runs) > first and job.batch is not None and runs[-1][0].batch == job.batch:
            runs[-1].append(job)
        else:
            runs.append([job])

    def take_lanes() -> None:
        for lane in lanes.values():
            first = len(runs)
            for job in lane:
                add(job, first)
        lanes.clear()

    for job in jobs:
        if job.lane is None:
            take_lanes()
            add(job, len(runs) - 1 if runs and runs[-1][0].lane is None else len(runs))
        else:
            lanes.setdefault(job.lane, []).append(job)
    take_lanes()
    return runs
